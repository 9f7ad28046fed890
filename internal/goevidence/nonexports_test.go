package goevidence

import (
	"strings"
	"testing"
)

// Calls that carry no personal data are no sites: the local Docker
// daemon's client (a dependency that sends over HTTP inside), a metric
// descriptor of an SDK, a transaction begun with a personal context value,
// and a context argument. A look-alike of each is still one: a dependency
// of another path that sends the same way, a time-series write of the same
// SDK, and the Exec in the transaction.
func TestNoDataCalls(t *testing.T) {
	const dep = `import (
	"net/http"
	"strings"
)

type Client struct{ host string }

func NewClientWithOpts() *Client { return &Client{host: "http://docker.example.us"} }

// ContainerCreate sends its name to the daemon.
func (c *Client) ContainerCreate(name string) { http.Post(c.host+"/containers", "text/plain", strings.NewReader(name)) }
`
	p := newProgram(t, map[string][]string{
		"github.com/docker/docker/client": {"package client\n\n" + dep},
		"example.org/remote":              {"package remote\n\n" + dep},
		"cloud.google.com/go/monitoring/apiv3": {`package monitoring

type MetricClient struct{}

func NewMetricClient() *MetricClient { return &MetricClient{} }

func (c *MetricClient) CreateMetricDescriptor(name string) error { return nil }

func (c *MetricClient) CreateTimeSeries(name string) error { return nil }
`},
		"example.com/m/app": {`package app

import (
	"database/sql"

	"cloud.google.com/go/monitoring/apiv3"
	"example.org/remote"
	"github.com/docker/docker/client"
)

type User struct{ Email string }

func Run(u User) {
	client.NewClientWithOpts().ContainerCreate(u.Email)
	remote.NewClientWithOpts().ContainerCreate(u.Email)
	m := monitoring.NewMetricClient()
	m.CreateMetricDescriptor(u.Email)
	m.CreateTimeSeries(u.Email)
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Begin(u)
	db.Exec("INSERT INTO users(email) VALUES ($1)", u.Email)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `15: remote.Client.ContainerCreate to docker.example.us host=docker.example.us unresolved="" deferred=false
18: monitoring.MetricClient.CreateTimeSeries host= unresolved="the monitoring client uses Google's global endpoint, which does not decide where the data is kept" deferred=false
21: sql.DB.Exec to db.example.kr host=db.example.kr unresolved="" deferred=false
`
	if got := sitesOf(p, "example.com/m/app"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// A context argument carries deadlines and cancellation, not data, even
// when what is passed as one is a personal value.
func TestContextIsNoData(t *testing.T) {
	p := newProgram(t, map[string][]string{"example.com/m/app": {`package app

import (
	"context"
	"database/sql"
)

type UserCtx struct{ Email string }

func (UserCtx) Done() <-chan struct{} { return nil }

func save(ctx context.Context, db *sql.DB) { db.Exec("UPDATE jobs SET done = true", ctx) }

func Run(u UserCtx) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	save(u, db)
}
`}})
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	if got := sitesOf(p, "example.com/m/app"); got != "" {
		t.Errorf("got sites\n%s\nwant none", got)
	}
}

// A handler's reply goes back to whoever made the request: writing to its
// http.ResponseWriter, or redirecting the browser, sends nothing to
// another party, and a type with a Write method of another shape
// (http.Request.Write(io.Writer)) is not where data is written. The
// look-alikes are sites: the same data posted to a partner, and copied to
// a connection the handler dials.
func TestReplyIsNoExport(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"io"
	"net"
	"net/http"
	"strings"
)

type User struct{ Email string }

func Handle(w http.ResponseWriter, r *http.Request, u User) {
	w.Write([]byte(u.Email))
	io.Copy(w, strings.NewReader(u.Email))
	http.Redirect(w, r, "/welcome?email="+u.Email, 302)
	http.Post("https://partner.example.cn/v1", "text/plain", strings.NewReader(u.Email))
	c, _ := net.Dial("tcp", "relay.example.kr:25")
	io.Copy(c, strings.NewReader(u.Email))
}
`)
	want := `http.Post to partner.example.cn host=partner.example.cn unresolved=""
io.Copy to relay.example.kr host=relay.example.kr unresolved=""
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// A dependency that writes (not over the network) to a connection one of
// its own functions is given (a terminal prompt that can also serve a
// remote terminal, readline's HandleConn) is no site where its API is
// called: where it writes is the dependency's own input, which the call
// does not decide. net.IPNet.Contains compares an address; it sends
// nothing. The look-alikes are sites: the same dependency's API that
// posts, and an address written to a connection the caller dials.
func TestDependencyWriterAndNetValues(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/prompt": {`package prompt

import (
	"net"
	"net/http"
	"strings"
)

type remote struct{ conn net.Conn }

var srv *remote

// HandleConn serves the prompt on a remote terminal.
func HandleConn(conn net.Conn) { srv = &remote{conn: conn} }

type Prompt struct{ Label string }

// Run shows the prompt.
func (p *Prompt) Run() { srv.conn.Write([]byte(p.Label)) }

// Report posts the label.
func (p *Prompt) Report() { http.Post("https://prompt.example.us/v1", "text/plain", strings.NewReader(p.Label)) }
`},
		"example.com/m/app": {`package app

import (
	"net"

	"example.org/prompt"
)

type User struct{ Email string }

func Confirm(u User, nets []*net.IPNet, ip string) {
	p := prompt.Prompt{Label: "Delete " + u.Email + "?"}
	p.Run()
	p.Report()
	userIP := net.ParseIP(ip)
	nets[0].Contains(userIP)
	c, _ := net.Dial("tcp", "audit.example.kr:514")
	c.Write([]byte(u.Email))
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `14: prompt.Prompt.Report to prompt.example.us host=prompt.example.us unresolved="" deferred=false
18: net.Conn.Write to audit.example.kr host=audit.example.kr unresolved="" deferred=false
`
	if got := sitesOf(p, "example.com/m/app"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// A buffer in memory is no destination: what a function given a
// *bytes.Buffer writes into it (a hook's log) goes nowhere by itself. The
// look-alike writes to a connection the function is given.
func TestBufferIsNoDestination(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"bytes"
	"fmt"
	"net"
)

type User struct{ Email string }

func Log(buf *bytes.Buffer, u User) {
	fmt.Fprintf(buf, "user %s\n", u.Email)
}

func Tell(c net.Conn, u User) {
	fmt.Fprintf(c, "user %s\n", u.Email)
}
`)
	want := `fmt.Fprintf host= unresolved="its destination comes from parameter c of Tell"
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// The standard library's ciphers and hashes compute in memory: sealing a
// user's data with an AEAD a function is given (ens' revision tokens)
// sends nothing, nor does hashing it. The sealed bytes written to a
// connection are sent.
func TestCipherIsNoDestination(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"crypto/cipher"
	"hash"
	"net"
)

type User struct{ Email string }

func Token(aead cipher.AEAD, h hash.Hash, u User) []byte {
	h.Write([]byte(u.Email))
	return aead.Seal(nil, nil, []byte(u.Email), nil)
}

func Send(c net.Conn, aead cipher.AEAD, u User) {
	c.Write(Token(aead, nil, u))
}
`)
	want := `net.Conn.Write host= unresolved="its destination comes from parameter c of Send"
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// TestWiringIsNoData: a setter given a part of the service through an
// interface of the checked code (c.SetHooks(h)) wires it, and what that
// part holds does not make the receiver personal; a setter given data
// (c.SetOwner(email)) still does.
func TestWiringIsNoData(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"fmt"
	"net"
)

type User struct{ Email string }

type Hooks interface{ Run() }

type hooks struct{ u User }

func (h hooks) Run() {}

type Catalog struct {
	hooks Hooks
	owner string
}

func (c *Catalog) SetHooks(h Hooks)  { c.hooks = h }
func (c *Catalog) SetOwner(s string) { c.owner = s }

func Wire(conn net.Conn, u User) {
	c := &Catalog{}
	c.SetHooks(hooks{u: u})
	fmt.Fprintf(conn, "%v", c)
}

func Own(conn net.Conn, u User) {
	c := &Catalog{}
	c.SetOwner(u.Email)
	fmt.Fprintf(conn, "%v", c)
}
`)
	want := `fmt.Fprintf host= unresolved="its destination comes from parameter conn of Own"
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// TestFrameworkReplyIsNoExport: a web framework's response (echo's
// c.Response(), a type with Header() and WriteHeader) is the handler's
// reply, as an http.ResponseWriter is: users written to it in a handler
// the framework calls are no export. A connection the same context gives
// is still one.
func TestFrameworkReplyIsNoExport(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/web": {`package web

import (
	"net"
	"net/http"
)

type Response struct{ w http.ResponseWriter }

func (r *Response) Header() http.Header        { return r.w.Header() }
func (r *Response) Write(b []byte) (int, error) { return r.w.Write(b) }
func (r *Response) WriteHeader(code int)        { r.w.WriteHeader(code) }

type Context interface {
	Response() *Response
	Conn() net.Conn
}

type Router struct{ routes map[string]func(Context) }

func (r *Router) GET(path string, h func(Context)) { r.routes[path] = h }
`},
		"example.com/m/app": {`package app

import (
	"encoding/csv"
	"net"
	"net/http"

	"example.org/web"
)

type User struct{ Email string }

var users []User

func Export(c web.Context) {
	wr := csv.NewWriter(c.Response())
	for _, u := range users {
		wr.Write([]string{u.Email})
	}
}

func Forward(c web.Context) {
	wr := csv.NewWriter(c.Conn())
	for _, u := range users {
		wr.Write([]string{u.Email})
	}
}

// wrap looks like a reply but is the module's own wrapper of a
// connection: a change cannot hide a send by declaring it.
type wrap struct{ c net.Conn }

func (w wrap) Header() http.Header        { return nil }
func (w wrap) Write(b []byte) (int, error) { return w.c.Write(b) }
func (w wrap) WriteHeader(code int)        {}

func Hide(c web.Context) {
	wr := csv.NewWriter(wrap{c: c.Conn()})
	for _, u := range users {
		wr.Write([]string{u.Email})
	}
}

func Routes(r *web.Router) {
	r.GET("/export", Export)
	r.GET("/forward", Forward)
	r.GET("/hide", Hide)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "Export") || !strings.Contains(got, "Forward") || !strings.Contains(got, "Hide") {
		t.Errorf("got sites\n%s\nwant two, in Forward and Hide", got)
	}
}

// TestReplyPassedOnIsNoData: what a handler writes into its reply goes to
// whoever asked; the reply passed on to another function is no personal
// data (lakeFS' gateway passes w to each operation). The user's address
// passed on is.
func TestReplyPassedOnIsNoData(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"fmt"
	"net"
	"net/http"
)

type User struct{ Email string }

func Handle(w http.ResponseWriter, u User, c net.Conn) {
	reply(w, u)
	describe(c, w)
	forward(c, u.Email)
}

func reply(w http.ResponseWriter, u User) { fmt.Fprintf(w, "%s", u.Email) }

func describe(c net.Conn, w http.ResponseWriter) { c.Write([]byte(fmt.Sprintf("%v", w))) }

func forward(c net.Conn, email string) { c.Write([]byte(email)) }
`)
	var lines []int
	for _, x := range s.sites {
		lines = append(lines, s.pass.Fset.Position(x.Pos).Line)
	}
	if len(lines) != 1 || lines[0] != 21 {
		t.Errorf("got sites at lines %v\n%s\nwant one, at line 21 (forward)", lines, describe(s.sites))
	}
}
