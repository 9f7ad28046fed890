package goload

import (
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestCollectWriterParameter: a write of personal data to an io.Writer,
// a standard encoder or buffered writer (MarshalXML's *xml.Encoder), or
// http.ResponseWriter that the function is given (a command's output, the
// response to a request) is no export by itself, even where no caller in
// the module says what the writer is; a connection passed to it is.
func TestCollectWriterParameter(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"out/out.go": `package out

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
)

type User struct{ Email string }

// Print is a command's output, given its writer by a framework.
func Print(w io.Writer, u User) { fmt.Fprintf(w, "user %s\n", u.Email) }

// MarshalXML writes the user into the encoder of whoever encodes it.
func (u User) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(u.Email, start)
}

// Flush writes into a buffered writer it is given.
func Flush(w *bufio.Writer, u User) { w.WriteString(u.Email) }

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

// TestCollectSettledField: a store whose connection an unexported field
// holds, which its own package sets only to a local SQLite file, is no
// export at any of its methods, whoever calls them; the same store set to
// a remote database is, at each method.
func TestCollectSettledField(t *testing.T) {
	for _, tt := range []struct {
		open string
		want int
	}{
		{`sql.Open("sqlite3", filename)`, 0},
		{`sql.Open("postgres", "host=db.example.kr")`, 2},
	} {
		dir := testfs.Dir(t, map[string]string{
			"go.mod": "module example.com/app\n\ngo 1.22\n",
			"user/user.go": `package user

import "database/sql"

type User struct{ Email string }

type Manager struct{ db *sql.DB }

func NewManager(filename string) (*Manager, error) {
	db, err := ` + tt.open + `
	if err != nil {
		return nil, err
	}
	return &Manager{db: db}, nil
}

func (a *Manager) Add(u User) error {
	_, err := a.db.Exec("INSERT INTO users(email) VALUES ($1)", u.Email)
	return err
}

func (a *Manager) Remove(u User) error {
	_, err := a.db.Exec("DELETE FROM users WHERE email = $1", u.Email)
	return err
}
`,
			"server/server.go": `package server

import "example.com/app/user"

func Serve(m *user.Manager, u user.User) {
	m.Add(u)
	m.Remove(u)
}
`,
		})
		res, err := Collect(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Evidence) != tt.want {
			for _, e := range res.Evidence {
				t.Errorf("evidence: %s:%d %s %q %s", e.Pos.Path, e.Pos.Line, e.What, e.Unresolved, e.Country)
			}
			t.Errorf("%s: %d evidence, want %d", tt.open, len(res.Evidence), tt.want)
		}
		for _, e := range res.Evidence {
			if e.Country != "KR" {
				t.Errorf("%s: %s:%d %s %q, want placed in South Korea", tt.open, e.Pos.Path, e.Pos.Line, e.What, e.Unresolved)
			}
		}
	}
}
