package goevidence

import (
	"strings"
	"testing"
)

// A dependency's service that holds a logger (an interface of printf-like
// methods) beside a database logs to the logger, not to the database: a
// call of its API that only logs is no site. Its API that writes through
// a store interface of its own that the database implements still is.
func TestLoggerOfADependencysService(t *testing.T) {
	p := moduleProgram(t, map[string]string{"example.org/auth": `package auth

import "database/sql"

type L interface{ Logf(format string, args ...any) }

type Store interface{ Put(key string, v any) error }

type dbStore struct{ db *sql.DB }

func (d dbStore) Put(key string, v any) error {
	_, err := d.db.Exec("INSERT INTO kv VALUES ($1, $2)", key, v)
	return err
}

type Params struct {
	L
	Name string
}

type Service struct {
	logger L
	store  Store
	params Params
}

func New(dsn string, logger L) *Service {
	db, _ := sql.Open("postgres", dsn)
	return &Service{logger: logger, store: dbStore{db}, params: Params{L: logger}}
}

func (s *Service) Register(name, secret string) { s.logger.Logf("provider %s %s", name, secret) }

func (s *Service) Describe(secret string) { s.params.Logf("%s %s", s.params.Name, secret) }

func (s *Service) Save(email string) { s.store.Put("email", email) }
`}, `package app

import "example.org/auth"

func Run(email string, log auth.L) {
	s := auth.New("host=db.example.kr", log)
	s.Register("github", email)
	s.Describe(email)
	s.Save(email)
}
`)
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "Register") || strings.Contains(got, "Describe") || !strings.Contains(got, "9: auth.Service.Save to db.example.kr host=db.example.kr") {
		t.Errorf("got sites of app\n%s\nwant one, auth.Service.Save at line 9 to db.example.kr", got)
	}
}

// A dependency's call of an interface it declares, which its users
// implement (a hook that updates a token's user), is a call of code, not
// of a service: the dependency's API that makes it is no site, and no
// note says its destination comes from the caller's receiver. The same
// dependency's API that ends in a row of the SDK table (Stripe's
// customer.New) sends to its vendor, whatever the caller gives.
func TestDependencyCallbackIsNoService(t *testing.T) {
	p := moduleProgram(t, map[string]string{
		"github.com/stripe/stripe-go/v76": `package stripe

type CustomerParams struct{ Email *string }

type Customer struct{ ID string }
`,
		"github.com/stripe/stripe-go/v76/customer": `package customer

import stripe "github.com/stripe/stripe-go/v76"

func New(params *stripe.CustomerParams) (*stripe.Customer, error) { return nil, nil }
`,
		"example.org/token": `package token

import (
	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/customer"
)

type User struct{ Email string }

type Updater interface{ Update(c User) User }

type Service struct {
	Upd   Updater
	Admin User
}

func (s *Service) Token(c User) string { return s.Upd.Update(c).Email }

func (s *Service) Sync() { customer.New(&stripe.CustomerParams{Email: &s.Admin.Email}) }
`}, `package app

import "example.org/token"

type H struct{ tokens *token.Service }

func (h *H) Serve(email string) string { return h.tokens.Token(token.User{Email: email}) }

func (h *H) Sync() { h.tokens.Sync() }
`)
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "Token") || !strings.Contains(got, "9: token.Service.Sync") {
		t.Errorf("got sites of app\n%s\nwant one, token.Service.Sync at line 9", got)
	}
}

// An ORM's database handle (gorm's *gorm.DB) that a caller gives is named
// as a database in notes, as a *sql.DB is, not as a client's endpoint.
func TestORMHandleIsADatabase(t *testing.T) {
	p := moduleProgram(t, map[string]string{"gorm.io/gorm": `package gorm

type DB struct{ Error error }

func (db *DB) Create(value any) *DB { return db }
`}, `package app

import "gorm.io/gorm"

type User struct{ Email string }

func Save(db *gorm.DB, u User) { db.Create(&u) }

type Repo struct{ db *gorm.DB }

func NewRepo(db *gorm.DB) *Repo { return &Repo{db: db} }

func (r *Repo) Save(u User) { r.db.Create(&u) }
`)
	got := sitesOf(p, "example.com/m/app")
	for _, want := range []string{
		`7: gorm.DB.Create host= unresolved="its database comes from parameter db of Save" deferred=true`,
		`13: gorm.DB.Create host= unresolved="its database comes from parameter db of NewRepo"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got sites of app\n%s\nwant %s", got, want)
		}
	}
}

// A dependency's call of a method of the very value it is given to send
// (hashstructure's Includable.HashInclude on the value it hashes) is a
// call of the service's own code, not a send to what that value holds.
func TestDependencyCallsTheValueItSends(t *testing.T) {
	p := moduleProgram(t, map[string]string{"example.org/hashs": `package hashs

type Includable interface{ HashInclude(field string, v any) (bool, error) }

func Hash(v any) uint64 {
	if inc, ok := v.(Includable); ok {
		inc.HashInclude("Email", v)
	}
	return 0
}
`}, `package app

import (
	"database/sql"

	"example.org/hashs"
)

type User struct {
	db    *sql.DB
	Email string
}

func (u *User) HashInclude(field string, v any) (bool, error) { return true, nil }

func Run(email string) uint64 {
	db, _ := sql.Open("postgres", "postgres://app@db.example.kr/app")
	return hashs.Hash(&User{db: db, Email: email})
}
`)
	if got := sitesOf(p, "example.com/m/app"); got != "" {
		t.Errorf("got sites of app\n%s\nwant none", got)
	}
}
