package goevidence

import "testing"

// A call whose destination is one of several values not known statically
// is one note naming each unknown once, not one note per value.
func TestOneNotePerSite(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"net/http"
	"os"
	"strings"
)

func Send(email string, alt int) {
	u := os.Getenv("PARTNER_URL")
	if alt == 1 {
		u = os.Getenv("ALT_URL") + "/v2"
	}
	if alt == 2 {
		u = os.Getenv("ALT_URL") + "/v3"
	}
	http.Post(u, "text/plain", strings.NewReader(email))
}

func Many(email string, alt int) {
	u := os.Getenv("A")
	switch alt {
	case 1:
		u = os.Getenv("B")
	case 2:
		u = os.Getenv("C")
	case 3:
		u = os.Getenv("D")
	}
	http.Post(u, "text/plain", strings.NewReader(email))
}

func Mixed(email string, alt bool) {
	u := os.Getenv("PARTNER_URL")
	if alt {
		u = "https://api.example.cn/v1"
	}
	http.Post(u, "text/plain", strings.NewReader(email))
}
`)
	want := `http.Post host= unresolved="the URL comes from os.Getenv(\"ALT_URL\") or os.Getenv(\"PARTNER_URL\")"
http.Post host= unresolved="the URL comes from os.Getenv(\"A\"), os.Getenv(\"B\") or 2 other values"
http.Post host= unresolved="the URL comes from os.Getenv(\"PARTNER_URL\")"
http.Post to api.example.cn host=api.example.cn unresolved=""
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// What a test file passes or stores never decides where the code it tests
// sends data: the fixture's host is not a destination of Send.
func TestTestFilesDecideNothing(t *testing.T) {
	prod := `// file: p.go
package p

import (
	"net/http"
	"os"
	"strings"
)

type Server struct{ base string }

var partner = os.Getenv("PARTNER_URL")

func send(u, email string) {
	http.Post(u, "text/plain", strings.NewReader(email))
}

func Send(email string) { send(partner, email) }

func (s *Server) Notify(email string) {
	http.Post(s.base+"/notify", "text/plain", strings.NewReader(email))
}

func NewServer() *Server { return &Server{base: os.Getenv("BASE_URL")} }
`
	test := `// file: p_test.go
package p

func helper() {
	send("https://dummy.invalid/x", "a@example.com")
	partner = "https://fake.invalid"
	s := &Server{base: "https://fixture.invalid"}
	s.base = "https://other.invalid"
	s.Notify("a@example.com")
}
`
	s := analyzeOK(t, prod, test)
	want := `http.Post host= unresolved="the URL comes from os.Getenv(\"PARTNER_URL\")"
http.Post host= unresolved="the URL comes from os.Getenv(\"BASE_URL\")"
http.Post host= unresolved="the URL comes from field base of receiver s of Server.Notify"
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}
