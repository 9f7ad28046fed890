package goevidence

import "testing"

// Taint is kept field by field: a message built clean and then given the
// sender's address is personal in that field only, so a poll forwarded
// with the message's topic and ID sends no one's data, while one that
// sends the field written does. A field read through an embedded one
// (e.ID of envelope's message) takes what was written into the embedded
// field, and what is known of one value's fields does not travel into
// another value built from it (wrap{M: m}).
func TestTaintFieldByField(t *testing.T) {
	const common = `package app

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

type message struct {
	ID     string
	Topic  string
	Extra  string
}

type envelope struct {
	message
	Note string
}

type wrap struct{ M *message }

func newMessage(topic string) *message { return &message{ID: "m1", Topic: topic} }

func forward(m *message) {
	req, _ := http.NewRequest("POST", "https://up.example.us/"+m.Topic+"?id="+m.ID, strings.NewReader(""))
	http.DefaultClient.Do(req)
}

func post(s string) { http.Post("https://up.example.us/", "text/plain", strings.NewReader(s)) }
`
	weighCases(t, nil, common, map[string]bool{
		`func Publish(u User, topic string) { m := newMessage(topic); m.Extra = u.Email; forward(m) }`:                    false,
		`func Publish(u User, topic string) { m := newMessage(topic); m.Extra = u.Email; forward(&(*m)) }`:                false,
		`func Publish(u User, topic string) { m := newMessage(topic); m.Topic = u.Email; forward(m) }`:                    true,
		`func Publish(u User) { m := newMessage(u.Email); forward(m) }`:                                                   true,
		`func Publish(u User, topic string) { m := newMessage(topic); m.Extra = u.Email; post(m.Extra) }`:                 true,
		`func Publish(u User, topic string) { m := newMessage(topic); m.Extra = u.Email; w := wrap{M: m}; forward(w.M) }`: true,
		`func Publish(u User) { e := &envelope{}; e.Note = u.Email; forward(&e.message) }`:                                false,
		`func Publish(u User) { e := &envelope{}; e.Note = u.Email; post(e.Topic) }`:                                      false,
		`func Publish(u User) { e := &envelope{}; e.message = *newMessage(u.Email); forward(&e.message) }`:                true,
		`func Publish(u User) { e := &envelope{}; e.message = *newMessage(u.Email); post(e.ID) }`:                         true,
	})
}

// A call through an interface the module declares returns what its
// implementations return: a store's lookup of a provider by the domain of
// a user's address returns the provider (configuration), whose ID given
// on is no one's data; a lookup that returns the user, or what it is
// given, is.
func TestInterfaceResultsFromImplementations(t *testing.T) {
	deps := map[string]string{"example.com/m/store": `package store

type Provider struct {
	ID     string
	Domain string
}

type User struct{ Email string }

type Store interface {
	ProviderByDomain(domain string) *Provider
	UserByEmail(email string) *User
	Normalize(email string) string
}

type memStore struct{ providers []Provider }

func (s *memStore) ProviderByDomain(domain string) *Provider {
	for i := range s.providers {
		if s.providers[i].Domain == domain {
			return &s.providers[i]
		}
	}
	return nil
}

func (s *memStore) UserByEmail(email string) *User { return &User{Email: email} }

func (s *memStore) Normalize(email string) string { return "mailto:" + email }

func New() Store { return &memStore{} }
`}
	const common = `package app

import (
	"net/http"
	"strings"

	"example.com/m/store"
)

func post(s string) { http.Post("https://idp.example.us/", "text/plain", strings.NewReader(s)) }
`
	weighCases(t, deps, common, map[string]bool{
		`func Login(st store.Store, u store.User) { p := st.ProviderByDomain("domain of " + u.Email); post(p.ID) }`: false,
		`func Login(st store.Store, u store.User) { x := st.UserByEmail(u.Email); post(x.Email) }`:                  true,
		`func Login(st store.Store, u store.User) { post(st.Normalize(u.Email)) }`:                                  true,
	})
}

// A method of the module's own interface over a database that returns
// the interface again and whose implementations send nothing (an ORM
// wrapper's Where) builds: the call that ends the chain (Find) is the
// site, and a chain never ended sends nothing.
func TestModuleBuilderIsNoSite(t *testing.T) {
	deps := map[string]string{"example.com/m/store": `package store

import "database/sql"

type DB interface {
	Where(q string, args ...any) DB
	Find(out any) DB
}

type db struct {
	conn *sql.DB
	q    string
	args []any
}

func (d *db) Where(q string, args ...any) DB { return &db{conn: d.conn, q: q, args: args} }

func (d *db) Find(out any) DB {
	d.conn.QueryRow(d.q, d.args...).Scan(out)
	return d
}

func Open() DB {
	c, _ := sql.Open("postgres", "postgres://db.example.us/app")
	return &db{conn: c}
}
`}
	const common = `package app

import "example.com/m/store"

type User struct{ Email string }
`
	weighCases(t, deps, common, map[string]bool{
		`func Lookup(u User) { store.Open().Where("email = ?", u.Email) }`:                      false,
		`func Lookup(u User) { var x User; store.Open().Where("email = ?", u.Email).Find(&x) }`: true,
	})
}

// What a gRPC server's stream sends is the reply to the client that
// called, as an HTTP handler's response writer's is; a client stream of
// the same library sends to its server.
func TestServerStreamIsAReply(t *testing.T) {
	deps := map[string]string{"google.golang.org/grpc": `package grpc

type ServerStream interface{ SendMsg(m any) error }

type ClientStream interface{ SendMsg(m any) error }
`}
	const common = `package app

import "google.golang.org/grpc"

type User struct{ Email string }
`
	weighCases(t, deps, common, map[string]bool{
		`func Reply(stream grpc.ServerStream, u User) error { return stream.SendMsg(&u) }`: false,
		`func Push(stream grpc.ClientStream, u User) error { return stream.SendMsg(&u) }`:  true,
	})
}

// The part after the "@" of an address is the domain of the
// organisation that gives it (a single sign-on provider's lookup key),
// not the person; the part before it, or the address, is the person.
func TestAddressDomainIsNoOne(t *testing.T) {
	const common = `package app

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func lookup(key string) { http.Post("https://idp.example.us/", "text/plain", strings.NewReader(key)) }
`
	weighCases(t, nil, common, map[string]bool{
		`func Login(u User) { lookup(strings.Split(u.Email, "@")[1]) }`:                                                     false,
		`func Login(u User) { lookup(strings.SplitN(u.Email, "@", 2)[1]) }`:                                                 false,
		`func Login(u User) { lookup(strings.Split(u.Email, "@")[0]) }`:                                                     true,
		`func Login(u User) { lookup(strings.Split(u.Email, ",")[1]) }`:                                                     true,
		`func Login(u User) { parts := strings.Split(u.Email, "@"); lookup(parts[1]) }`:                                     false,
		`func Login(u User) { parts := strings.Split(u.Email, "@"); parts = []string{u.Email, u.Email}; lookup(parts[1]) }`: true,
	})
}

// A logging library's logger, held beside a service's clients, writes to
// the process's log: it is bound to none of them. A dependency's
// interface of another kind held the same way may be any of them.
func TestLoggerHoldsNoClient(t *testing.T) {
	deps := map[string]string{
		"github.com/sirupsen/logrus": `package logrus

type Entry struct{ Data map[string]any }

func (e *Entry) Info(args ...any) {}

type FieldLogger interface {
	WithField(key string, value any) *Entry
}
`,
		"example.org/kv": `package kv

type Store interface{ Put(key string) error }
`}
	const common = `package app

import (
	"database/sql"

	"example.org/kv"
	"github.com/sirupsen/logrus"
)

type User struct{ Email string }

type App struct {
	DB     *sql.DB
	Logger logrus.FieldLogger
	Store  kv.Store
}

func New(l logrus.FieldLogger, s kv.Store) *App {
	db, _ := sql.Open("postgres", "postgres://db.example.us/app")
	return &App{DB: db, Logger: l, Store: s}
}
`
	weighCases(t, deps, common, map[string]bool{
		`func Track(u User) { a := New(nil, nil); a.Logger.WithField("email", u.Email).Info("signed up") }`: false,
		`func Track(u User) { a := New(nil, nil); a.Store.Put(u.Email) }`:                                   true,
	})
}
