package goevidence

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

// wrapperLib is a package of the checked module that sends what it reads
// itself (personal data) to where its receiver was built to send.
const wrapperLib = `package lib

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

type Notifier struct{ url string }

func NewNotifier(url string) *Notifier { return &Notifier{url: url} }

func (n *Notifier) load() User { return User{} }

// Flush sends a user's address to the notifier's URL.
func (n *Notifier) Flush() {
	u := n.load()
	http.Post(n.url, "text/plain", strings.NewReader(u.Email))
}

// Both sends it twice, by two calls.
func (n *Notifier) Both() {
	u := n.load()
	http.Post(n.url, "text/plain", strings.NewReader(u.Email))
	http.Post(n.url+"/copy", "text/plain", strings.NewReader(u.Email))
}
`

// sitesOf lists a package's sites one a line, with their lines.
func sitesOf(p *program, path string) string {
	var b strings.Builder
	for _, x := range p.state[path].sites {
		lent := ""
		if x.ForInner {
			lent = " lent to the call inside"
		}
		fmt.Fprintf(&b, "%d: %s host=%s unresolved=%q deferred=%v%s\n", p.fset.Position(x.Pos).Line, x.What, x.Host, x.Unresolved, x.Deferred, lent)
	}
	return b.String()
}

// A call of a function of another package of the module is a site only
// where it supplies what decides the destination (here the URL, through
// the receiver it builds): a caller that passes on what it is given
// (PassOn) is not one; the call inside is, once, and the callers that
// decide replace it (Deferred). A caller that gives only an environment
// variable (FromEnv, and main through PassOn) decides nothing: its note
// is lent to the call inside (ForInner), which stays the site. Several
// calls inside that reach one destination are one site at the caller.
func TestSiteAtTheCallThatDecides(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/lib": {wrapperLib},
		"example.com/m/app": {`package app

import (
	"os"

	"example.com/m/lib"
)

func PassOn(n *lib.Notifier) { n.Flush() }

func FromEnv() { lib.NewNotifier(os.Getenv("HOOK")).Flush() }

func Decides() { lib.NewNotifier("https://hook.example.cn").Flush() }

func Twice() { lib.NewNotifier("https://hook.example.de").Both() }
`},
		"example.com/m/cmd": {`package main

import (
	"os"

	"example.com/m/app"
	"example.com/m/lib"
)

func main() { app.PassOn(lib.NewNotifier(os.Getenv("HOOK"))) }
`},
	})
	if _, err := p.Import("example.com/m/cmd"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ pkg, want string }{
		{"example.com/m/lib", `19: http.Post host= unresolved="the URL comes from field url of receiver n of Notifier.Flush" deferred=true
25: http.Post host= unresolved="the URL comes from field url of receiver n of Notifier.Both" deferred=true
26: http.Post host= unresolved="the URL comes from field url of receiver n of Notifier.Both" deferred=true
`},
		{"example.com/m/app", `11: lib.Notifier.Flush (http.Post) host= unresolved="the URL comes from os.Getenv(\"HOOK\")" deferred=false lent to the call inside
13: lib.Notifier.Flush (http.Post) to hook.example.cn host=hook.example.cn unresolved="" deferred=false
15: lib.Notifier.Both (http.Post) to hook.example.de host=hook.example.de unresolved="" deferred=false
`},
		{"example.com/m/cmd", `10: app.PassOn (http.Post) host= unresolved="the URL comes from os.Getenv(\"HOOK\")" deferred=false lent to the call inside
`},
	} {
		if got := sitesOf(p, c.pkg); got != c.want {
			t.Errorf("%s: got sites\n%s\nwant\n%s", c.pkg, got, c.want)
		}
	}
	twice := p.state["example.com/m/app"].sites
	if n := len(twice); n == 2 && strings.Count(twice[1].Origin, "\n") != 1 {
		t.Errorf("the site of Both names %q as the calls inside, want both", twice[1].Origin)
	}
}

// A caller that gives a function of another package only an unknown for
// where the data inside goes lends its note to the call inside (also when
// the other value it may give is this machine, and when what it gives is
// a value that holds personal data but is bound to the destination: the
// service, not its data); one that gives personal data of its own, or a
// literal URL, is the site.
func TestSiteLentToTheCallInside(t *testing.T) {
	lib := strings.Replace(wrapperLib, "import (", "import (\n\t\"database/sql\"\n\t\"fmt\"", 1) + `
// Tell sends the user's address and what its caller adds.
func (n *Notifier) Tell(extra string) {
	u := n.load()
	http.Post(n.url, "text/plain", strings.NewReader(u.Email+extra))
}

// Post sends the user's address and what its caller adds.
func (n *Notifier) Post(data map[string]any) {
	u := n.load()
	http.Post(n.url, "text/plain", strings.NewReader(fmt.Sprintf("%v %s", data, u.Email)))
}

// Directory keeps users, and stores them in a database.
type Directory struct {
	db    *sql.DB
	users []User
}

func NewDirectory(db *sql.DB) *Directory { return &Directory{db: db} }

// Sync stores the directory's first user's address.
func Sync(d *Directory) {
	d.db.Exec("INSERT INTO users VALUES ($1)", d.users[0].Email)
}
`
	p := newProgram(t, map[string][]string{
		"example.com/m/lib": {lib},
		"example.com/m/app": {`package app

import (
	"database/sql"
	"os"

	"example.com/m/lib"
)

type Account struct{ Email string }

func Greet() { lib.NewNotifier(os.Getenv("HOOK")).Tell("hello") }

func Forward(a Account) { lib.NewNotifier(os.Getenv("HOOK")).Tell(a.Email) }

func Partner() { lib.NewNotifier("https://hook.example.cn").Tell("hello") }

func Local(dev bool) {
	url := os.Getenv("HOOK")
	if dev {
		url = "http://localhost:8080/hook"
	}
	lib.NewNotifier(url).Flush()
}

func Directory() {
	db, _ := sql.Open("postgres", os.Getenv("DIR_DSN"))
	lib.Sync(lib.NewDirectory(db))
}

type Lists struct{ ids []int }

func (l *Lists) Subscribe(email string) { l.subscribe(email) }

func (l *Lists) subscribe(email string) {
	lib.NewNotifier(os.Getenv("LIST_HOOK")).Post(map[string]any{"email": email, "lists": l.ids})
}
`},
	})
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `12: lib.Notifier.Tell (http.Post) host= unresolved="the URL comes from os.Getenv(\"HOOK\")" deferred=false lent to the call inside
14: lib.Notifier.Tell (http.Post) host= unresolved="the URL comes from os.Getenv(\"HOOK\")" deferred=false
16: lib.Notifier.Tell (http.Post) to hook.example.cn host=hook.example.cn unresolved="" deferred=false
23: lib.Notifier.Flush (http.Post) host= unresolved="the URL comes from os.Getenv(\"HOOK\")" deferred=false lent to the call inside
28: lib.Sync (sql.DB.Exec) host= unresolved="the DSN comes from os.Getenv(\"DIR_DSN\")" deferred=false lent to the call inside
36: lib.Notifier.Post (http.Post) host= unresolved="the URL comes from os.Getenv(\"LIST_HOOK\")" deferred=false
`
	if got := sitesOf(p, "example.com/m/app"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
	if got := sitesOf(p, "example.com/m/lib"); !strings.Contains(got, `the URL comes from field url of receiver n of Notifier.Tell" deferred=true`) {
		t.Errorf("lib: got sites\n%s\nwant the call in Tell, deferred", got)
	}
}

// The deferred site inside names what the callers that lend it their
// notes give it, with their keys when every one gives a key; a caller
// that gives a value not known statically keeps the site's own reason.
func TestFromCallers(t *testing.T) {
	inner := Site{Unresolved: "the URL comes from field url of receiver n of Notifier.Flush", Deferred: true}
	env := func(name string) Site {
		return Site{Unresolved: "the URL comes from os.Getenv(\"" + name + "\")", ForInner: true,
			Keys: []evidence.ConfigKey{{Kind: evidence.KeyEnv, Name: name}}}
	}
	vague := Site{Unresolved: "the URL comes from a value not known statically", ForInner: true}
	for _, c := range []struct {
		callers []Site
		want    string
		keys    int
	}{
		{[]Site{env("B"), env("A"), env("B")}, `the URL comes from os.Getenv("A") or os.Getenv("B")`, 2},
		{[]Site{env("A"), vague}, `the URL comes from os.Getenv("A") or field url of receiver n of Notifier.Flush`, 0},
		{[]Site{vague}, inner.Unresolved, 0},
	} {
		got := FromCallers(inner, c.callers)
		if got.Unresolved != c.want || len(got.Keys) != c.keys || !got.Deferred {
			t.Errorf("FromCallers(%v) = %q with %d keys, want %q with %d", c.callers, got.Unresolved, len(got.Keys), c.want, c.keys)
		}
	}
}

// A caller that supplies the personal data is the site, wherever the
// destination is decided; one that supplies data that is not personal is
// not.
func TestSiteAtTheCallThatSuppliesData(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/client": {`package client

import (
	"net/http"
	"strings"
)

// Post sends text to a fixed host.
func Post(text string) { http.Post("https://api.example.kr/v1", "text/plain", strings.NewReader(text)) }
`},
		"example.com/m/app": {`package app

import "example.com/m/client"

type Account struct{ Email string }

func Send(a Account) { client.Post(a.Email) }

func Rates() { client.Post("JPY=1") }
`},
	})
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `7: client.Post (http.Post) to api.example.kr host=api.example.kr unresolved="" deferred=false
`
	if got := sitesOf(p, "example.com/m/app"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// A repository type bound to a database its callers open: the call that
// stores is the site, its note saying in a database's words where its
// destination comes from, and callers that pass the database on are not
// sites.
func TestSiteOfARepository(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/repo": {`package repo

import "database/sql"

type User struct{ Email string }

type Repo struct{ db *sql.DB }

func New(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) load() User { return User{} }

func (r *Repo) Save() {
	u := r.load()
	r.db.Exec("INSERT INTO users VALUES ($1)", u.Email)
}
`},
		"example.com/m/app": {`package app

import (
	"database/sql"

	"example.com/m/repo"
)

func Run(db *sql.DB) { repo.New(db).Save() }
`},
	})
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `15: sql.DB.Exec host= unresolved="its database comes from receiver r of Repo.Save or parameter db of New" deferred=true
`
	if got := sitesOf(p, "example.com/m/repo"); got != want {
		t.Errorf("repo: got sites\n%s\nwant\n%s", got, want)
	}
	if got := sitesOf(p, "example.com/m/app"); got != "" {
		t.Errorf("app: got sites\n%s\nwant none", got)
	}
}

// A call into a dependency's API is the site, named as the service calls
// it, never the dependency's insides: with the destination unknown when it
// ends in a network call, and no site when it only writes (a logger).
func TestSiteAtADependencysAPI(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/chat": {`package chat

import (
	"io"
	"net/http"
	"strings"
)

type Session struct {
	base string
	log  io.Writer
}

func New(base string, log io.Writer) *Session { return &Session{base: base, log: log} }

func (s *Session) request(body string) {
	http.Post(s.base+"/messages", "text/plain", strings.NewReader(body))
}

// Send posts a message.
func (s *Session) Send(text string) { s.request(text) }

// Log writes a line to the session's log.
func (s *Session) Log(line string) { s.log.Write([]byte(line)) }
`},
		"example.com/m/app": {`package app

import "example.org/chat"

type User struct{ Email string }

func Notify(s *chat.Session, u User) {
	s.Send(u.Email)
	s.Log(u.Email)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `8: chat.Session.Send host= unresolved="the URL comes from field base of parameter s of Notify" deferred=true
`
	if got := sitesOf(p, "example.com/m/app"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// A mail server's address is said to be one, not "the address".
func TestMailServerWords(t *testing.T) {
	p := newProgram(t, map[string][]string{"example.com/m/mail": {`package mail

import (
	"net/smtp"
	"os"
)

type User struct{ Email string }

func Send(u User) {
	smtp.SendMail(os.Getenv("SMTP_HOST"), nil, "noreply@example.jp", []string{u.Email}, nil)
}
`}})
	if _, err := p.Import("example.com/m/mail"); err != nil {
		t.Fatal(err)
	}
	want := `11: smtp.SendMail host= unresolved="the mail server's address comes from os.Getenv(\"SMTP_HOST\")" deferred=false
`
	if got := sitesOf(p, "example.com/m/mail"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// Callers in several files that report the same call inside are one site:
// the first in path order (a.go before b.go), whatever order the files
// were parsed in, which a loader that parses them concurrently does not
// fix. Here b.go is parsed first.
func TestOncePerOriginInPathOrder(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/client": {`package client

import (
	"net/http"
	"strings"
)

// Post sends text to a fixed host.
func Post(text string) { http.Post("https://api.example.kr/v1", "text/plain", strings.NewReader(text)) }
`},
		"example.com/m/app": {`// file: b.go
package app

import "example.com/m/client"

func SendB(a Account) { client.Post(a.Email) }
`, `// file: a.go
package app

import "example.com/m/client"

type Account struct{ Email string }

func SendA(a Account) { client.Post(a.Email) }
`},
	})
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range p.state["example.com/m/app"].sites {
		pos := p.fset.Position(x.Pos)
		got = append(got, fmt.Sprintf("%s:%d %s", pos.Filename, pos.Line, x.What))
	}
	want := "example.com/m/app/a.go:8 client.Post (http.Post) to api.example.kr"
	if strings.Join(got, "\n") != want {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// A dependency that sends personal data to where it decides itself (a
// pool of SMTP connections to the host of its options, taken from a
// channel; a client of a fixed host) is still a site at its API: its
// callers are told. One that only computes in memory is not.
func TestDependencyDecidesItsDestination(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/pool": {`package pool

import (
	"net/http"
	"net/smtp"
	"strings"
)

type Opt struct{ Host string }

type conn struct{ c *smtp.Client }

func (c *conn) send(to string) { c.c.Rcpt(to) }

type Pool struct {
	opt   Opt
	conns chan *conn
}

func New(o Opt) *Pool { return &Pool{opt: o, conns: make(chan *conn, 1)} }

func (p *Pool) fill() {
	c, _ := smtp.Dial(p.opt.Host)
	p.conns <- &conn{c: c}
}

// Send sends to a recipient over a pooled connection.
func (p *Pool) Send(to string) {
	c := <-p.conns
	c.send(to)
}

// Track posts an event to the vendor's fixed host.
func Track(name string) {
	http.Post("https://events.example.cn/track", "text/plain", strings.NewReader(name))
}

// Upper computes in memory.
func Upper(s string) string { return s + "!" }
`},
		"example.com/m/app": {`package app

import "example.org/pool"

type User struct{ Email string }

func Notify(p *pool.Pool, u User) {
	p.Send(u.Email)
	pool.Track(u.Email)
	pool.Upper(u.Email)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := sitesOf(p, "example.com/m/app")
	for _, want := range []string{"8: pool.Pool.Send ", "9: pool.Track to events.example.cn host=events.example.cn "} {
		if !strings.Contains(got, want) {
			t.Errorf("got sites\n%s\nwant a line starting %q", got, want)
		}
	}
	if strings.Contains(got, "Upper") {
		t.Errorf("got sites\n%s\nwant none for Upper", got)
	}
}

// A caller of a function of another package of the module is the site of
// a send whose data is made inside (a queue of sign-ups) only when it
// gives what is sent: Serve is given a statistics collector whose cache
// holds user IDs, which it keeps but does not send, so where the mail
// goes (an environment variable) is lent to the send inside; Notify is
// given the address it sends, so its caller is the site. Both does both:
// one site at its caller, not a site and a lent note on one line.
func TestCallerGivesWhatIsSent(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/stats": {`package stats

type Event struct{ UserID string }

type Collector struct{ cache map[string]Event }

func (c *Collector) Collect(e Event) { c.cache[e.UserID] = e }
`},
		"example.com/m/api": {`package api

import (
	"net"

	"example.com/m/stats"
)

type User struct{ Email string }

var signups []User

func Serve(c *stats.Collector, mail net.Conn) {
	for _, u := range signups {
		c.Collect(stats.Event{UserID: u.Email})
		mail.Write([]byte(u.Email))
	}
}

func Notify(c *stats.Collector, mail net.Conn, u *User) {
	c.Collect(stats.Event{UserID: u.Email})
	mail.Write([]byte(u.Email))
}

func Both(mail net.Conn, u *User) {
	Serve(nil, mail)
	mail.Write([]byte(u.Email))
}
`},
		"example.com/m/app": {`package app

import (
	"net"
	"os"

	"example.com/m/api"
	"example.com/m/stats"
)

func Run(u *api.User) {
	c := &stats.Collector{}
	mail, _ := net.Dial("tcp", os.Getenv("MAIL_ADDR"))
	api.Serve(c, mail)
	api.Notify(c, mail, u)
	api.Both(mail, u)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := sitesOf(p, "example.com/m/app")
	want := `14: api.Serve (net.Conn.Write) host= unresolved="the address comes from os.Getenv(\"MAIL_ADDR\")" deferred=false lent to the call inside
15: api.Notify (net.Conn.Write) host= unresolved="the address comes from os.Getenv(\"MAIL_ADDR\")" deferred=false
16: api.Both (net.Conn.Write) host= unresolved="the address comes from os.Getenv(\"MAIL_ADDR\")" deferred=false
`
	if got != want {
		t.Errorf("got sites of app\n%s\nwant\n%s", got, want)
	}
}

// An argument bound to a destination (a client of the auth service) whose
// type holds no personal data is the service, whatever it was built with
// (here an administrator's address): a value derived from it (its shared
// secret) is no data of the caller's. An argument of a type that holds
// personal data is data, bound to a connection or not.
func TestServiceArgumentIsNoData(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/auth": {`package auth

import "net"

type User struct{ Email string }

type Service interface{ Secret() string }

type client struct {
	conn  net.Conn
	admin User
	token string
}

func (c *client) Secret() string { return c.token }

func New(conn net.Conn, admin User) Service { return &client{conn: conn, admin: admin, token: read(conn)} }

func read(c net.Conn) string { b := make([]byte, 8); c.Read(b); return string(b) }

type Session struct {
	Conn net.Conn
	User User
}
`},
		"example.com/m/api": {`package api

import (
	"fmt"
	"io"

	"example.com/m/auth"
)

func Mount(s auth.Service, log io.Writer) { fmt.Fprintf(log, "%s", s.Secret()) }

func Dump(s *auth.Session, log io.Writer) { fmt.Fprintf(log, "%v", s) }
`},
		"example.com/m/app": {`package app

import (
	"net"

	"example.com/m/api"
	"example.com/m/auth"
)

func Run(admin auth.User) {
	conn, _ := net.Dial("tcp", "auth.example.net:443")
	logs, _ := net.Dial("tcp", "logs.example.net:514")
	api.Mount(auth.New(conn, admin), logs)
	api.Dump(&auth.Session{Conn: conn, User: admin}, logs)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "api.Mount") || !strings.Contains(got, "14: api.Dump") {
		t.Errorf("got sites of app\n%s\nwant one, api.Dump at line 14", got)
	}
}

// A note a call lends to a call inside (ForInner) that says what a finding
// of the same call says, in the same words, is part of that finding: one
// row for the line and destination (miniflux' RefreshFeed read two rows
// that read alike).
func TestLentNoteJoinsFinding(t *testing.T) {
	why := "the DSN comes from field DSN of a runtime value"
	sites := []Site{
		{Pos: 10, Kind: evidence.Read, What: "handler.Refresh (sql.DB.Query)", Unresolved: why, Origin: "storage/feed.go:40:9"},
		{Pos: 10, Kind: evidence.Read, What: "handler.Refresh (sql.DB.QueryRow)", Unresolved: why, Origin: "storage/feed.go:90:9", ForInner: true},
		{Pos: 10, Kind: evidence.Store, What: "handler.Refresh (sql.DB.Exec)", Unresolved: why, Origin: "storage/feed.go:120:9", ForInner: true},
	}
	got := mergeCalls(sites)
	if len(got) != 2 || got[0].What != "handler.Refresh (sql.DB.Query and 1 more)" || got[0].ForInner ||
		got[0].Origin != "storage/feed.go:40:9\nstorage/feed.go:90:9" || !got[1].ForInner {
		t.Errorf("got %+v\nwant the reads as one finding, the lent store apart", got)
	}
}

// A repository whose constructor opens the database its caller names, an
// SQLite file or a MySQL server as the configuration chooses: its writes
// may leave the machine, so the note of the DSN its callers give stays
// (gotify's database.New); the SQLite file alone would be no export.
func TestLocalOrRemoteDialect(t *testing.T) {
	rd := func(path string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "analyzer", "testdata", "src", path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	repo := func(dialects string) string {
		return `package st

import (
	"gorm.io/driver/mysql"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

type User struct{ Email string }

type Repo struct{ DB *gorm.DB }

var _ = mysql.Open

func NewRepo(dialect, dsn string) *Repo {
	var db *gorm.DB
	switch dialect {
	` + dialects + `
	}
	return &Repo{DB: db}
}

func (r *Repo) Add(u User) { r.DB.Create(&u) }
`
	}
	for _, c := range []struct {
		dialects, want string
	}{
		{`case "sqlite3":
		db, _ = gorm.Open(sqlite.Open(dsn))
	case "mysql":
		db, _ = gorm.Open(mysql.Open(dsn))`, `26: gorm.DB.Create host= unresolved="the DSN comes from parameter dsn of NewRepo" deferred=true
`},
		{`case "sqlite3":
		db, _ = gorm.Open(sqlite.Open(dsn))`, ""},
	} {
		p := newProgram(t, map[string][]string{
			"gorm.io/gorm":          {rd("gorm.io/gorm/gorm.go")},
			"gorm.io/driver/sqlite": {rd("gorm.io/driver/sqlite/sqlite.go")},
			"gorm.io/driver/mysql":  {rd("gorm.io/driver/mysql/mysql.go")},
			"example.com/m/st":      {repo(c.dialects)},
		})
		p.module = "example.com/m"
		if _, err := p.Import("example.com/m/st"); err != nil {
			t.Fatal(err)
		}
		if got := sitesOf(p, "example.com/m/st"); got != c.want {
			t.Errorf("%s:\ngot sites\n%s\nwant\n%s", c.dialects, got, c.want)
		}
	}
}

// Two statements of one chain (gorm's db.Find(&us).Count(&n)) start at
// the same position: with the same destination they are one finding; a
// call through a function of another package, or another destination,
// stays apart.
func TestChainedCallsOneFinding(t *testing.T) {
	why := "the DSN comes from parameter dsn of New"
	got := mergeChained([]Site{
		{Pos: 7, Kind: evidence.Read, What: "gorm.DB.Find", Unresolved: why},
		{Pos: 7, Kind: evidence.Read, What: "gorm.DB.Count", Unresolved: why},
		{Pos: 7, Kind: evidence.Read, What: "gorm.DB.First", Host: "db.example.kr"},
		{Pos: 7, Kind: evidence.Read, What: "repo.Load (gorm.DB.Find)", Unresolved: why, Origin: "repo/repo.go:9:2"},
		{Pos: 9, Kind: evidence.Read, What: "gorm.DB.Find", Unresolved: why},
	})
	var whats []string
	for _, x := range got {
		whats = append(whats, fmt.Sprintf("%d %s", x.Pos, x.What))
	}
	if want := []string{"7 gorm.DB.Count and 1 more", "7 gorm.DB.First", "7 repo.Load (gorm.DB.Find)", "9 gorm.DB.Find"}; !slices.Equal(whats, want) {
		t.Errorf("got %q, want %q", whats, want)
	}
}
