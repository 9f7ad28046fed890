package goload

import (
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestCollectInterfaceCall: a call through an interface of the module is
// reported with what its implementation in a package the caller imports
// sends of the call's arguments; a fake of a _test.go file and one of a
// development folder (which no shipped package imports) never count, and
// the development package's own call is not checked.
func TestCollectInterfaceCall(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"notify/notify.go": `package notify

import (
	"net/http"
	"strings"
)

// Sender sends a message.
type Sender interface {
	Send(msg string) error
}

type hook struct{}

func (hook) Send(msg string) error {
	_, err := http.Post("https://hooks.example.kr/new", "text/plain", strings.NewReader(msg))
	return err
}

// New returns the sender.
func New() Sender { return hook{} }
`,
		"notify/notify_test.go": `package notify

import (
	"net/http"
	"strings"
)

type fake struct{}

func (fake) Send(msg string) error {
	_, err := http.Post("https://fake.example.cn/", "text/plain", strings.NewReader(msg))
	return err
}
`,
		"tools/fake/fake.go": `package fake

import (
	"net/http"
	"strings"

	"example.com/app/notify"
)

type Fake struct{}

func (Fake) Send(msg string) error {
	_, err := http.Post("https://tool.example.cn/", "text/plain", strings.NewReader(msg))
	return err
}

func Try(s notify.Sender, email string) { s.Send(email) }

var _ notify.Sender = Fake{}
`,
		"server/server.go": `package server

import "example.com/app/notify"

type User struct{ Email string }

func Signup(s notify.Sender, u User) error {
	return s.Send(u.Email)
}
`,
	})
	res, err := Collect(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Evidence) != 1 {
		for _, e := range res.Evidence {
			t.Errorf("evidence: %s:%d %s %q %s", e.Pos.Path, e.Pos.Line, e.What, e.Unresolved, e.Country)
		}
		t.Fatalf("%d evidence, want 1", len(res.Evidence))
	}
	e := res.Evidence[0]
	if e.Pos.Path != "server/server.go" || e.Country != "KR" {
		t.Errorf("evidence: %s:%d %s %q %s, want the call in server/server.go placed in South Korea", e.Pos.Path, e.Pos.Line, e.What, e.Unresolved, e.Country)
	}
}
