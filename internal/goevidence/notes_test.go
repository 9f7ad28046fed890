package goevidence

import (
	"strings"
	"testing"
	"unicode/utf8"
)

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
`
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// A field whose type says what it is holds none of the other destinations
// of its struct: the websocket connection of a struct that also holds a
// database is not "the DSN", and the database is not the push server.
func TestFieldsKeepTheirKind(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/ws": {`package ws

import "net"

type Conn struct{ c net.Conn }

func Dial(addr string) *Conn {
	c, _ := net.Dial("tcp", addr)
	return &Conn{c: c}
}

func (c *Conn) WriteJSON(v string) error {
	_, err := c.c.Write([]byte(v))
	return err
}
`},
		"example.com/p": {`package p

import (
	"database/sql"
	"os"

	"example.com/ws"
)

type App struct {
	db *sql.DB
	ws *ws.Conn
}

func newApp(dsn string) *App {
	db, _ := sql.Open("postgres", dsn)
	return &App{db: db, ws: ws.Dial("push.example.cn:443")}
}

func (a *App) notify(email string) { a.ws.WriteJSON(email) }

func (a *App) save(email string) { a.db.Exec("INSERT INTO t VALUES ($1)", email) }

func main() {
	a := newApp(os.Getenv("DATABASE_URL"))
	a.notify("a@example.com")
	a.save("a@example.com")
}
`},
	})
	if _, err := p.Import("example.com/p"); err != nil {
		t.Fatal(err)
	}
	got := describe(p.state["example.com/p"].sites)
	for _, want := range []string{
		`ws.Conn.WriteJSON (net.Conn.Write) to push.example.cn host=push.example.cn unresolved=""`,
		`sql.DB.Exec host= unresolved="the DSN comes from os.Getenv(\"DATABASE_URL\")"`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("no site %s in\n%s", want, got)
		}
	}
	for _, wrong := range []string{`WriteJSON (net.Conn.Write) host= unresolved="the DSN`, `sql.DB.Exec to push.example.cn`} {
		if strings.Contains(got, wrong) {
			t.Errorf("a site of the wrong kind, %s..., in\n%s", wrong, got)
		}
	}
}

// A site through helpers of helpers in other packages names the helper it
// calls and the call that sends, not every step between; text quoted from
// the code is clipped, and a "host" longer than any host name is none.
func TestMessagesShort(t *testing.T) {
	long := strings.Repeat("k", 300)
	p := newProgram(t, map[string][]string{
		"example.com/r": {`package r

import (
	"net/http"
	"strings"
)

func Post(url, body string) { http.Post(url, "text/plain", strings.NewReader(body)) }
`},
		"example.com/q": {`package q

import "example.com/r"

func Relay(url, body string) { r.Post(url, body) }
`},
		"example.com/p": {`package p

import (
	"net/http"
	"os"
	"strings"

	"example.com/q"
)

func Send(email string) {
	q.Relay("https://api.example.cn/v1", email)
	http.Post(os.Getenv("` + long + `"), "text/plain", strings.NewReader(email))
	http.Post("https://` + long + `.example.cn/", "text/plain", strings.NewReader(email))
}
`},
	})
	if _, err := p.Import("example.com/p"); err != nil {
		t.Fatal(err)
	}
	got := describe(p.state["example.com/p"].sites)
	want := `q.Relay (http.Post) to api.example.cn host=api.example.cn unresolved=""
http.Post host= unresolved="the URL comes from os.Getenv(\"` + strings.Repeat("k", 60) + `...\")"
http.Post host= unresolved="the host \"` + strings.Repeat("k", 60) + `...\" is longer than a host name can be"
`
	if got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// TestJoinReasonsFits: the unknowns a note names are listed while their
// list stays within reasonRunes; the others are counted, never cut.
func TestJoinReasonsFits(t *testing.T) {
	long := `the result of viper.GetString("replication.worker-url-for-the-primary-region")`
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{[]string{"the URL comes from A", "the URL comes from B"}, "the URL comes from A or B"},
		{[]string{"the URL comes from A", "the URL comes from B", "the URL comes from C", "the URL comes from D"}, "the URL comes from A, B or 2 other values"},
		{[]string{"the URL comes from field workerURL of a runtime value", "the URL comes from " + long}, "the URL comes from field workerURL of a runtime value or 1 other value"},
		{[]string{"the URL comes from " + long, "the URL comes from " + long + "x", "the URL comes from C"}, "the URL comes from " + long + " or 2 other values"},
	} {
		if got := joinReasons(tt.in, reasonRunes); got != tt.want {
			t.Errorf("joinReasons(%q)\n= %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestFitNote: a long name leaves less room for the unknowns a note lists,
// and a name through a function of another package that is still too long
// names types without their packages, so that the message stays within
// about 200 runes; a note that fits is left as it is.
func TestFitNote(t *testing.T) {
	long := "ctl.ReplicationControllerForTheSecondaryRegion.StartReplication (http.Client.Do)"
	reasons := []string{"the URL comes from field targetURL of a runtime value", "the URL comes from the result of s.SignURL(...)", "the URL comes from os.Getenv(\"X\")"}
	for _, tt := range []struct {
		in       Site
		what, un string
	}{
		{Site{What: "http.Post", Unresolved: joinReasons(reasons, reasonRunes), reasons: reasons},
			"http.Post", "the URL comes from field targetURL of a runtime value, the result of s.SignURL(...) or 1 other value"},
		{Site{What: long, Unresolved: joinReasons(reasons, reasonRunes), reasons: reasons},
			long, "the URL comes from field targetURL of a runtime value or 2 other values"},
		{Site{What: "notify.MailNotificationController.SendQuotaWarningMails (notify.AccountAccessLimiter.LimitAccountAccess)", Unresolved: "the DSN comes from the result of viper.GetString(\"db.host\")"},
			"MailNotificationController.SendQuotaWarningMails (AccountAccessLimiter.LimitAccountAccess)", "the DSN comes from the result of viper.GetString(\"db.host\")"},
		{Site{What: "store.Store.Save (sql.DB.Exec) to db.example.kr"}, "store.Store.Save (sql.DB.Exec) to db.example.kr", ""},
		{Site{What: "upload.ClientUploadWithPresignedURLs (gen.ClientWithResponsesInterface.AbortPresignedMultipartUploadWithResponse and 5 more)", Unresolved: "the URL comes from a value not known statically"},
			"ClientUploadWithPresignedURLs (AbortPresignedMultipartUploadWithResponse and 5 more)", "the URL comes from a value not known statically"},
	} {
		got := fitNote(tt.in)
		if got.What != tt.what || got.Unresolved != tt.un {
			t.Errorf("fitNote(%q, %q)\n= %q, %q\nwant %q, %q", tt.in.What, tt.in.Unresolved, got.What, got.Unresolved, tt.what, tt.un)
		}
		if n := utf8.RuneCountInString(got.What + got.Unresolved); n > noteRunes {
			t.Errorf("fitNote(%q): %d runes", tt.in.What, n)
		}
	}
}

// A destination known in part from this package's calls and in part from
// callers elsewhere is still one note at its call, naming each unknown
// once: the part callers elsewhere decide does not make a second one.
func TestOneNoteWhenCallersElsewhereDecideAPart(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"net/http"
	"os"
	"strings"
)

type Client struct{ URL string }

func New(url string) *Client { return &Client{URL: url} }

func Start() *Client { return New(os.Getenv("HOOK_URL")) }

func (c *Client) Send(email string) {
	http.Post(c.URL, "text/plain", strings.NewReader(email))
}
`)
	var got []string
	for _, x := range s.sites {
		got = append(got, x.What+": "+x.Unresolved)
	}
	if len(got) != 1 {
		t.Errorf("got %d sites, want one:\n%s", len(got), strings.Join(got, "\n"))
	}
}

// A repository's method whose database is its receiver's, set by a
// constructor from a value not known statically, is one note: the DSN's
// source, not also "its database comes from receiver d" (which only says
// again where the same database is held). A method whose callers may pass
// another database keeps saying where it comes from. One whose database
// is an SQLite file is no site at all.
func TestOneNotePerRepositoryCall(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/store": {`package store

import (
	"database/sql"
	"os"
)

type User struct{ Email string }

type DB struct{ db *sql.DB }

func NewDB() *DB {
	db, _ := sql.Open("mysql", os.Getenv("DSN"))
	return &DB{db: db}
}

func (d *DB) CreateUser(u User) {
	d.db.Exec("INSERT INTO users(email) VALUES (?)", u.Email)
}

func Save(db *sql.DB, u User) {
	db.Exec("INSERT INTO users(email) VALUES (?)", u.Email)
}

// Local keeps its data in an SQLite file: no site, and no note of the
// receiver that holds it.
type Local struct{ db *sql.DB }

func NewLocal() *Local {
	db, _ := sql.Open("sqlite", os.Getenv("DB_FILE"))
	return &Local{db: db}
}

func (l *Local) Save(u User) {
	l.db.Exec("INSERT INTO users(email) VALUES (?)", u.Email)
}
`},
	})
	if _, err := p.Import("example.com/m/store"); err != nil {
		t.Fatal(err)
	}
	want := `18: sql.DB.Exec host= unresolved="the DSN comes from os.Getenv(\"DSN\")" deferred=false
22: sql.DB.Exec host= unresolved="its database comes from parameter db of Save" deferred=true
`
	if got := sitesOf(p, "example.com/m/store"); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}
