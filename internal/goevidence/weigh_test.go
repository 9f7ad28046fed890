package goevidence

import (
	"strings"
	"testing"
)

// weighSites analyses one package of the module example.com/m (and the
// packages deps, by import path) and returns its sites.
func weighSites(t *testing.T, deps map[string]string, src string) string {
	t.Helper()
	return sitesOf(moduleProgram(t, deps, src), "example.com/m/app")
}

// weighCases analyses common followed by each case's code, each on its
// own (a sink inside common is one site whichever caller makes it one),
// and checks whether the package has a site.
func weighCases(t *testing.T, deps map[string]string, common string, cases map[string]bool) {
	t.Helper()
	for code, want := range cases {
		got := weighSites(t, deps, common+code)
		if (got != "") != want {
			t.Errorf("with\n%s\ngot sites %q, want a site: %v", strings.TrimSpace(code), got, want)
		}
	}
}

// A struct literal holds what it sets: an event of a type that could name
// a user (UserID) but is given only a class and a name sends no one's
// data; one given the user's ID, or a User given a name, does.
func TestLiteralWeighedOnItsFields(t *testing.T) {
	const common = `package app

import (
	"fmt"
	"net/http"
	"strings"
)

type Event struct {
	Class  string
	Name   string
	UserID string
}

type User struct {
	Name string
	Note string
}

// Provider is an identity provider's settings; its switch names the data
// it is about.
type Provider struct {
	Name          string
	EmailOptional bool
}

func post(v any) {
	http.Post("https://stats.example.us/events", "text/plain", strings.NewReader(fmt.Sprintf("%v", v)))
}
`
	weighCases(t, nil, common, map[string]bool{
		`func Created(region string) { post(Event{Class: "block_adapter", Name: "created_client_" + region}) }`: false,
		`func Created() { post(&Event{"block_adapter", "created", ""}) }`:                                       false,
		`func Login(id string) { post(&Event{Class: "login", Name: "login", UserID: id}) }`:                     true,
		`func SignUp(name string) { post(User{Name: name}) }`:                                                   true,
		`func Add(name string, optional bool) { post(&Provider{Name: name, EmailOptional: optional}) }`:         false,
		`func Add(name, email string) { post(&Provider{Name: name + email}) }`:                                  true,
		`func Load() Event { return Event{} }
func Send() { post(Load()) }`: true,
	})
}

// An operator's configuration is settings, not a user's data: a mail
// template's URL named after the e-mail event it is for (EmailChange), or
// a setting of a type named after phones, make a GET of the template no
// export; its host read from a configuration that also holds the
// sender's address is not personal either. A field of a user's record
// named Email, and a configuration field tagged personal, still are.
func TestOperatorConfigurationIsNoData(t *testing.T) {
	const common = `package app

import (
	"net/http"
	"strings"
)

type EmailContentConfiguration struct {
	Invite      string
	EmailChange string
}

type PhoneFactorConfiguration struct {
	Enabled bool
	Sender  string
}

type MailerConfig struct {
	Host      string
	FromEmail string
	Templates EmailContentConfiguration
	Phone     PhoneFactorConfiguration
	Admin     struct {
		Username string
		Contact  string ` + "`privacy:\"personal\"`" + `
	}
}

type Account struct {
	Email string
}

func fetch(url string) {
	http.Get(url)
}

func post(url, body string) {
	http.Post(url, "text/plain", strings.NewReader(body))
}
`
	weighCases(t, nil, common, map[string]bool{
		`func Load(cfg *MailerConfig) { fetch(cfg.Templates.EmailChange) }`:                  false,
		`func Load(cfg *EmailContentConfiguration) { fetch(cfg.EmailChange) }`:               false,
		`func Load(cfg MailerConfig) { post("https://sms.example.us", cfg.Phone.Sender) }`:   false,
		`func Load(cfg MailerConfig) { post("https://sms.example.us", cfg.Admin.Username) }`: false,
		`func Load(cfg *MailerConfig) { post(cfg.Host, "ping") }`:                            false,
		`type Settings struct{ SMTPHost, SenderEmail string }
func Load(s Settings) {
	c := &MailerConfig{Host: s.SMTPHost, FromEmail: s.SenderEmail}
	post(c.Host, "ping")
}`: false,
		`func Load(a *Account) { fetch("https://api.example.us/?q=" + a.Email) }`:           true,
		`func Load(cfg MailerConfig) { post("https://sms.example.us", cfg.Admin.Contact) }`: true,
		`type UserConfig struct{ Email string }
func Load(c UserConfig) { post("https://api.example.us", c.Email) }`: true,
		`type Config struct {
	Owner   Account
	Install struct{ Username string }
}
func Load(c *Config) { post("https://api.example.us", c.Install.Username) }`: false,
		`type Config struct {
	Owner   Account
	Install struct{ Username string }
}
func Load(c *Config) { post("https://api.example.us", c.Owner.Email) }`: true,
	})
}

// A service holding the operator's configuration of a passkey relying
// party (whose display name is a setting, not a person's name) carries no
// one's data: the counters a rate limiter reports through it are not
// personal. A message that names the user's address still is.
func TestServiceLiteralCarriesNoData(t *testing.T) {
	const common = `package app

import (
	"database/sql"
	"fmt"
	"net/http"
	"strings"
)

type User struct{ Email string }

type UserStore interface{ Count() int }

type WebAuthnConfig struct {
	RPDisplayName string
	RPID          string
}

type UserRepository struct {
	DB  *sql.DB
	cfg *WebAuthnConfig
}

func NewUserRepository(db *sql.DB, rpID string) *UserRepository {
	return &UserRepository{DB: db, cfg: &WebAuthnConfig{RPDisplayName: "Example", RPID: rpID}}
}

func (r *UserRepository) Count() int { return 0 }

type Notifier struct {
	users UserStore
	url   string
}

func (n *Notifier) Notify(msg string) {
	http.Post(n.url, "text/plain", strings.NewReader(msg))
}

type Limiter struct {
	n            *Notifier
	limit, count int64
}

func (l *Limiter) Breached() {
	l.n.Notify(fmt.Sprintf("Global ratelimit (%d) breached %d", l.limit, l.count))
}
`
	weighCases(t, nil, common, map[string]bool{
		`func Run(db *sql.DB) {
	repo := NewUserRepository(db, "example.com")
	n := &Notifier{users: repo, url: "https://chat.example.us/hook"}
	l := &Limiter{n: n, limit: 1000}
	l.Breached()
}`: false,
		`func SignedUp(db *sql.DB, u User) {
	n := &Notifier{users: NewUserRepository(db, "example.com"), url: "https://chat.example.us/hook"}
	n.Notify(fmt.Sprintf("%s signed up", u.Email))
}`: true,
	})
}

// ormDep is an ORM of another module: a query made from a connection
// sends its statement and arguments when it is executed, and reads into
// what First is given.
const ormDep = `package orm

import "database/sql"

type Connection struct{ db *sql.DB }

func Open(dsn string) *Connection {
	db, _ := sql.Open("postgres", dsn)
	return &Connection{db: db}
}

type Query struct {
	c    *Connection
	sql  string
	args []any
}

func (c *Connection) RawQuery(stmt string, args ...any) *Query {
	return &Query{c: c, sql: stmt, args: args}
}

func (q *Query) Exec() error {
	_, err := q.c.db.Exec(q.sql, q.args...)
	return err
}

func (q *Query) First(dst any) error { return nil }
`

// What is set on a value a method makes (the query tx.RawQuery returns,
// given a user's address and a destination to read into) is not set on
// the connection it was made from: a later statement of constants on the
// same connection sends no one's data. One given the address does.
func TestQueryOfAConnectionIsNew(t *testing.T) {
	const common = `package app

import "example.org/orm"

type User struct{ Email string }

var db = orm.Open("host=db.example.kr")
`
	deps := map[string]string{"example.org/orm": ormDep}
	weighCases(t, deps, common, map[string]bool{
		`func Hook(u User) {
	var resp []byte
	db.RawQuery("select hook(?)", u.Email).First(&resp)
	db.RawQuery("set local statement_timeout TO 10").Exec()
}`: false,
		`func Save(u User) {
	db.RawQuery("update users set email = ?", u.Email).Exec()
}`: true,
	})
}

// The OpenTelemetry metrics SDK sends aggregated measurements, not
// personal data: its reader is no site, whatever it is given. A package
// of another path that sends the same way is one.
func TestMetricsPackageIsNoData(t *testing.T) {
	const sdk = `
import (
	"net/http"
	"strings"
)

type Exporter struct{ url string }

type User struct{ Email string }

func NewPeriodicReader(e *Exporter, u User) int {
	http.Post(e.url, "text/plain", strings.NewReader(u.Email))
	return 0
}
`
	deps := map[string]string{
		"go.opentelemetry.io/otel/sdk/metric": "package metric\n" + sdk,
		"example.org/reader":                  "package reader\n" + sdk,
	}
	weighCases(t, deps, "package app\n", map[string]bool{
		`import "go.opentelemetry.io/otel/sdk/metric"
func Run() { metric.NewPeriodicReader(nil, metric.User{}) }`: false,
		`import "example.org/reader"
func Run() { reader.NewPeriodicReader(nil, reader.User{}) }`: true,
	})
}

// A value read from a database row is personal by what it is read into,
// not by the query that found the row: a topic scanned next to a user's
// name, from a row found by the user's e-mail address, names no one; the
// e-mail address scanned from the same row, or the user's record it fills
// in, still does.
func TestScannedColumnWeighedOnItsDestination(t *testing.T) {
	const common = `package app

import (
	"database/sql"
	"net/http"
	"strings"
)

type User struct {
	Name  string
	Email string
	Topic string
}

func post(v string) {
	http.Post("https://relay.example.us/poll", "text/plain", strings.NewReader(v))
}

func row(db *sql.DB, email string) *sql.Rows {
	rows, _ := db.Query("SELECT name, email, topic, emails FROM users WHERE email = ?", email)
	return rows
}
`
	for code, want := range map[string]bool{
		`func Poll(db *sql.DB, email string) {
	rows := row(db, email)
	var name, topic string
	var emails int
	rows.Scan(&name, &topic, &emails)
	post("poll/" + topic)
}`: false,
		`func Poll(db *sql.DB, email string) {
	var topic string
	db.QueryRow("SELECT topic FROM users WHERE email = ?", email).Scan(&topic)
	post("poll/" + topic)
}`: false,
		`func Poll(db *sql.DB, email string) {
	rows := row(db, email)
	var u User
	rows.Scan(&u.Name, &u.Email, &u.Topic)
	post("poll/" + u.Topic)
}`: false,
		`func Send(db *sql.DB, id string) {
	rows := row(db, id)
	var topic, addr string
	rows.Scan(&topic, &addr)
	u := User{Topic: topic, Email: addr}
	post("to/" + u.Email)
}`: true,
		`func Send(db *sql.DB, id string) {
	rows := row(db, id)
	var topic, email string
	rows.Scan(&topic, &email)
	post("to/" + email)
}`: true,
		`func Send(db *sql.DB, id string) {
	rows := row(db, id)
	var u User
	rows.Scan(&u.Name, &u.Email, &u.Topic)
	post("to/" + u.Email)
}`: true,
	} {
		// The query that finds the row is a read of the database wherever
		// it goes: only the post is weighed here.
		got := weighSites(t, nil, common+code)
		if strings.Contains(got, "http.Post") != want {
			t.Errorf("with\n%s\ngot sites %q, want a post: %v", strings.TrimSpace(code), got, want)
		}
	}
}

// A parameter named for personal data is personal whatever holds it: a
// user's ID in an int64 keys a read of their records, a latitude in a
// float64 locates them. A count, a number computed from an address
// (len(email)) and a switch about an address (emailVerified) name no one.
func TestNamedNumbers(t *testing.T) {
	const common = `package app

import "database/sql"

var db, _ = sql.Open("postgres", "postgres://db.example.us/app")
`
	weighCases(t, nil, common, map[string]bool{
		`func Files(userID int64) { db.Query("SELECT id FROM files WHERE owner_id = $1", userID) }`:           true,
		`func Near(latitude float64) { db.Query("SELECT id FROM shops WHERE lat > $1", latitude) }`:           true,
		`func Page(count int64) { db.Query("SELECT id FROM files LIMIT $1", count) }`:                         false,
		`func Long(email string) { n := len(email); db.Query("SELECT id FROM files LIMIT $1", n) }`:           false,
		`func Verified(emailVerified bool) { db.Query("SELECT id FROM users WHERE ok = $1", emailVerified) }`: false,
	})
}

// A number read from a value, or the index of a range over it, carries
// none of what the value holds: a batch's sequence number beside the
// users' keys, the position of a user in a list. The keys and the users
// themselves do.
func TestNumbersCarryNothing(t *testing.T) {
	const common = `package app

import (
	"fmt"
	"net/http"
	"strings"
)

type User struct{ Email string }

type batch struct {
	Keys []string
	Seq  int
}

var _ = fmt.Sprint

func post(body string) {
	http.Post("https://files.example.us/", "text/plain", strings.NewReader(body))
}
`
	weighCases(t, nil, common, map[string]bool{
		`func Name(u User) { b := batch{Keys: []string{u.Email}, Seq: 3}; post(fmt.Sprint(b.Seq)) }`: false,
		`func Keys(u User) { b := batch{Keys: []string{u.Email}, Seq: 3}; post(b.Keys[0]) }`:         true,
		`func Index(us []User) { for i := range us { post(fmt.Sprint(i)) } }`:                        false,
		`func Each(us []User) { for _, u := range us { post(u.Email) } }`:                            true,
	})
}

// A writer held in a variable writes into what it was made from: a zip
// entry written with a user's address is in the buffer the archive is
// written to, and the buffer posted sends it.
func TestWriterChainThroughVariables(t *testing.T) {
	const common = `package app

import (
	"archive/zip"
	"bytes"
	"net/http"
)

type User struct{ Email string }
`
	weighCases(t, nil, common, map[string]bool{
		`func Export(u User) {
	buf := new(bytes.Buffer)
	zw := zip.NewWriter(buf)
	f, _ := zw.Create("users.txt")
	f.Write([]byte(u.Email))
	zw.Close()
	http.Post("https://files.example.us/", "application/zip", buf)
}`: true,
		`func Export(u User) {
	buf := new(bytes.Buffer)
	zw := zip.NewWriter(buf)
	f, _ := zw.Create("readme.txt")
	f.Write([]byte("hello"))
	zw.Close()
	http.Post("https://files.example.us/", "application/zip", buf)
}`: false,
	})
}
