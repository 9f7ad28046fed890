package goevidence

import (
	"slices"
	"strings"
	"testing"
)

// A GET sends its URL and nothing else. A URL that is the whole of a field
// not personal by its name (a site's favicon setting, read with the
// request as its context) carries no one's data, however personal the
// value it is read from: no site. A URL built with a user's e-mail, or
// that is a user's e-mail field, is one.
func TestBodilessURLFromField(t *testing.T) {
	p := moduleProgram(t, map[string]string{"example.com/m/web": `package web

import "net/http"

// Fetch gets what a URL names.
func Fetch(url string) {
	http.Get(url)
}
`}, `package app

import (
	"context"
	"net/http"

	"example.com/m/web"
)

// Request is a visitor's request: it holds their address.
type Request struct{ ClientIP string }

func (r *Request) Done() <-chan struct{} { return nil }

type Branding struct{ Favicon string }

type Settings interface {
	Branding(ctx context.Context) *Branding
}

type User struct{ Email string }

func Icon(s Settings, r *Request) {
	b := s.Branding(r)
	web.Fetch(b.Favicon)
}

func Avatar(u *User) {
	web.Fetch("https://avatars.example.org/?e=" + u.Email)
}

func Mailbox(u *User) {
	web.Fetch(u.Email)
}

func Direct(s Settings, r *Request) {
	http.Get(s.Branding(r).Favicon)
}
`)
	got := siteKinds(p, "example.com/m/app")
	var lines []string
	for _, x := range got {
		lines = append(lines, strings.SplitN(x, " ", 2)[0])
	}
	// Lines of the source above: Fetch in Icon (25), in Avatar (29), in
	// Mailbox (33), http.Get in Direct (37).
	for _, line := range []string{"25", "37"} {
		if slices.Contains(lines, line) {
			t.Errorf("a GET of a settings field is a site at line %s: %v", line, got)
		}
	}
	for _, line := range []string{"29", "33"} {
		if !slices.Contains(lines, line) {
			t.Errorf("a GET whose URL carries a user's e-mail is no site at line %s: %v", line, got)
		}
	}
}

// Sizing a database's pool of connections (database/sql's and an ORM
// engine's SetMaxIdleConns, SetConnMaxLifetime) runs no statement: given
// the numbers of settings whose DSN its caller built with a user's e-mail,
// it is no store; a statement given the settings is.
func TestPoolSettingsNoStore(t *testing.T) {
	p := moduleProgram(t, map[string]string{
		"xorm.io/xorm": `package xorm

type Engine struct{}

func NewEngine(driverName, dataSourceName string) (*Engine, error) { return nil, nil }
func (e *Engine) SetMaxIdleConns(conns int)                      {}
func (e *Engine) SetConnMaxLifetime(d int64)                     {}
func (e *Engine) Insert(beans ...any) (int64, error)             { return 0, nil }
`,
		"database/sql": `package sql

type DB struct{}

func Open(driverName, dataSourceName string) (*DB, error) { return nil, nil }
func (db *DB) SetMaxOpenConns(n int)                       {}
`,
	}, `package app

import (
	"database/sql"

	"xorm.io/xorm"
)

type Options struct {
	DSN      string
	MaxIdle  int
	Lifetime int64
}

func open(o *Options) {
	e, _ := xorm.NewEngine("mysql", o.DSN)
	e.SetMaxIdleConns(o.MaxIdle)
	e.SetConnMaxLifetime(o.Lifetime)
	db, _ := sql.Open("mysql", o.DSN)
	db.SetMaxOpenConns(o.MaxIdle)
}

func save(o *Options) {
	e, _ := xorm.NewEngine("mysql", o.DSN)
	e.Insert(o)
}

func Install(dsn, email string) {
	o := &Options{DSN: dsn + "?owner=" + email, MaxIdle: 2}
	open(o)
	save(o)
}
`)
	got := siteKinds(p, "example.com/m/app")
	if slices.ContainsFunc(got, func(x string) bool { return strings.Contains(x, "Conn") }) {
		t.Errorf("a pool setting is a site: %v", got)
	}
	if !slices.ContainsFunc(got, func(x string) bool { return strings.Contains(x, "Insert") }) {
		t.Errorf("a statement given the settings is no site: %v", got)
	}
}
