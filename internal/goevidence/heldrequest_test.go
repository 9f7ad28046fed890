package goevidence

import (
	"strings"
	"testing"
)

// heldRequestLib is a request builder that also holds its dependencies
// behind an interface (a template engine it evaluates the body with in
// memory), and a mailer that holds a connection beside the same
// dependencies.
const heldRequestLib = `package request

import (
	"net"
	"net/http"
)

type Engine interface{ Set(key, val string) }

type Deps interface{ Engine() Engine }

type Builder struct {
	r    *http.Request
	deps Deps
}

func NewBuilder(url string, deps Deps) *Builder {
	r, _ := http.NewRequest("POST", url, nil)
	return &Builder{r: r, deps: deps}
}

func (b *Builder) Build(body string) *http.Request {
	b.deps.Engine().Set("ctx", body)
	return b.r
}

type Mailer struct {
	conn net.Conn
	deps Deps
}

func NewMailer(addr string, deps Deps) *Mailer {
	c, _ := net.Dial("tcp", addr)
	return &Mailer{conn: c, deps: deps}
}

func (m *Mailer) Render(body string) {
	m.deps.Engine().Set("ctx", body)
}
`

// A call on what a value holds beside an HTTP request (its dependencies
// behind an interface, whose code is elsewhere) does not send to the
// request's URL: only a client's Do given the request does (usable). A
// caller in another package that gives the builder its URL is so no site
// of the builder's method, as a caller in the builder's package would not
// be; a connection such a value holds is still where the call may go.
func TestHeldRequestIsNoDestinationOfOtherCalls(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/request": {heldRequestLib},
		"example.com/m/app": {`package app

import (
	"net/http"

	"example.com/m/request"
)

type User struct{ Email string }

type Hook struct {
	URL  string
	Addr string
	deps request.Deps
}

func (h *Hook) Fire(u User) {
	b := request.NewBuilder(h.URL, h.deps)
	req := b.Build(u.Email)
	http.DefaultClient.Do(req)
}

func (h *Hook) Mail(u User) {
	m := request.NewMailer(h.Addr, h.deps)
	m.Render(u.Email)
}
`}})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "Builder.Build") {
		t.Errorf("the builder's call of its engine is a site at its caller:\n%s", got)
	}
	if want := "25: request.Mailer.Render (request.Engine.Set)"; !strings.Contains(got, want) {
		t.Errorf("no site %q:\n%s", want, got)
	}
}
