package goload

import (
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestCollectWriterParameter: a write of personal data to an io.Writer or
// http.ResponseWriter that the function is given (a command's output, the
// response to a request) is no export by itself, even where no caller in
// the module says what the writer is; a connection passed to it is.
func TestCollectWriterParameter(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"out/out.go": `package out

import (
	"fmt"
	"io"
	"net/http"
)

type User struct{ Email string }

// Print is a command's output, given its writer by a framework.
func Print(w io.Writer, u User) { fmt.Fprintf(w, "user %s\n", u.Email) }

type Server struct{}

// Handle answers the request that asked.
func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
	u := User{Email: r.FormValue("email")}
	fmt.Fprintf(w, "welcome %s\n", u.Email)
	io.WriteString(w, u.Email)
}
`,
		"audit/audit.go": `package audit

import (
	"net"

	"example.com/app/out"
)

func Send(u out.User) {
	conn, _ := net.Dial("tcp", "audit.example.cn:9000")
	out.Print(conn, u)
}
`,
	})
	res, err := Collect(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Evidence) != 1 || res.Evidence[0].Pos.Path != "audit/audit.go" || res.Evidence[0].Country != "CN" {
		for _, e := range res.Evidence {
			t.Errorf("evidence: %s:%d %s %q %s", e.Pos.Path, e.Pos.Line, e.What, e.Unresolved, e.Country)
		}
		t.Errorf("want only the connection's send, at audit/audit.go")
	}
}
