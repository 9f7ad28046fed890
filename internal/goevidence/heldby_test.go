package goevidence

import (
	"strings"
	"testing"
)

// A method promoted from a dependency's interface embedded in a struct
// with no name (an in-memory cache the package sets up once) is the
// dependency's method, as it is through a named struct: what the receiver
// it is called on holds beside the cache (a database) is no destination
// of the call by itself, and no note says it comes from the receiver.
func TestPromotedMethodOfAnUnnamedStruct(t *testing.T) {
	p := moduleProgram(t, map[string]string{"example.org/cache": `package cache

type Cache interface {
	Peek(key string) (bool, bool)
	Set(key string, v bool)
}

type memory struct{ m map[string]bool }

func (c *memory) Peek(key string) (bool, bool) { v, ok := c.m[key]; return v, ok }

func (c *memory) Set(key string, v bool) { c.m[key] = v }

func New() Cache { return &memory{m: map[string]bool{}} }
`}, `package app

import (
	"database/sql"

	"example.org/cache"
)

type Comment struct{ Email string }

type Service struct {
	db      *sql.DB
	replies struct {
		cache.Cache
		ready bool
	}
}

func (s *Service) Seen(c Comment) bool {
	if !s.replies.ready {
		s.replies.Cache, s.replies.ready = cache.New(), true
	}
	_, ok := s.replies.Peek(c.Email)
	return ok
}
`)
	if got := sitesOf(p, "example.com/m/app"); strings.Contains(got, "Peek") {
		t.Errorf("got sites of app\n%s\nwant none at the cache's Peek", got)
	}
}

// heldByProgram is a module whose package backup writes what a Store
// gives to a local writer through its Exporter interface, and whose app
// keeps that exporter, the addresses to back up for and a database client
// in one struct. emails is the type of the field of addresses and what it
// is set to, made is how the exporter field is set.
func heldByProgram(t *testing.T, emails [2]string, made string) *program {
	t.Helper()
	return moduleProgram(t, map[string]string{"example.com/m/backup": `package backup

import (
	"bytes"
	"io"
)

type User struct{ Email string }

type Store interface{ Users(site string) []User }

type Exporter interface{ Export(w io.Writer, site string) error }

type Native struct{ Store Store }

func (n *Native) Export(w io.Writer, site string) error {
	for _, u := range n.Store.Users(site) {
		w.Write([]byte(u.Email))
	}
	return nil
}

type Auto struct {
	Exporter Exporter
	Site     string
}

func (a Auto) Do() {
	var b bytes.Buffer
	a.Exporter.Export(&b, a.Site)
}
`}, `package app

import (
	"database/sql"
	"os"

	"example.com/m/backup"
)

type server struct {
	exporter backup.Exporter
	emails   `+emails[0]+`
	db       *sql.DB
}

func newServer(st backup.Store) *server {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	s := &server{db: db, emails: `+emails[1]+`}
	`+made+`
	return s
}

func (s *server) activate() {
	for _, email := range s.emails {
		a := backup.Auto{Exporter: s.exporter, Site: string(email)}
		a.Do()
	}
}

func Main(st backup.Store) { newServer(st).activate() }
`)
}

// An interface field of the package's own struct that the package sets
// only to another package's concrete type (an exporter that writes to a
// local writer) holds none of the clients of the struct's other fields,
// as a field declared of that type would not: the database beside it is
// no destination of the exporter's calls. A slice of strings beside the
// database holds none of it either. A field set to a value of an
// interface type (a caller's store that may export) still holds what the
// struct holds.
func TestInterfaceFieldHoldsWhatItIsSetTo(t *testing.T) {
	one := [2]string{"string", `os.Getenv("ADMIN_EMAIL")`}
	list := [2]string{"[]string", `[]string{os.Getenv("ADMIN_EMAIL")}`}
	native := "s.exporter = &backup.Native{Store: st}"
	for _, tc := range []struct {
		name   string
		emails [2]string
		made   string
		want   bool
	}{
		{"set to a concrete type", one, native, false},
		{"addresses in a slice", list, native, false},
		{"set to an interface", one, "s.exporter = st.(backup.Exporter)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sitesOf(heldByProgram(t, tc.emails, tc.made), "example.com/m/app")
			if has := strings.Contains(got, "backup.Auto.Do"); has != tc.want {
				t.Errorf("got sites of app\n%s\nwant a site at backup.Auto.Do: %v", got, tc.want)
			}
		})
	}
}
