package goevidence

import "testing"

// A method of the module that hands what it is given on, or drops it,
// keeps none of it in its receiver: a constant statement run on the same
// connection later sends no one's data. One that keeps it in a field does
// (the statement is run on a connection that holds the user).
func TestMethodKeepsOnlyWhatItWrites(t *testing.T) {
	deps := map[string]string{
		"example.org/orm": `package orm

import "database/sql"

type Conn struct{ db *sql.DB }

type Query struct {
	c    *Conn
	q    string
	args []any
}

func Open(dsn string) *Conn {
	db, _ := sql.Open("postgres", dsn)
	return &Conn{db: db}
}

func (c *Conn) Raw(q string, args ...any) *Query { return &Query{c: c, q: q, args: args} }

func (q *Query) Exec() error {
	_, err := q.c.db.Exec(q.q, q.args...)
	return err
}
`,
		"example.com/m/store": `package store

import "example.org/orm"

type Conn struct {
	*orm.Conn
	last any
}

func (c *Conn) Audit(u any) error { return nil }

func (c *Conn) Keep(u any) error {
	c.last = u
	return nil
}

func (c *Conn) KeepCopy(u any) error {
	v := u
	c.last = v
	return nil
}
`}
	const common = `package app

import (
	"example.com/m/store"
	"example.org/orm"
)

type User struct{ Email string }
`
	weighCases(t, deps, common, map[string]bool{
		`func Run(u User) { c := &store.Conn{Conn: orm.Open("postgres://db.example.us/app")}; c.Audit(u); c.Raw("SET statement_timeout = 5").Exec() }`:    false,
		`func Run(u User) { c := &store.Conn{Conn: orm.Open("postgres://db.example.us/app")}; c.Keep(u); c.Raw("SET statement_timeout = 5").Exec() }`:     true,
		`func Run(u User) { c := &store.Conn{Conn: orm.Open("postgres://db.example.us/app")}; c.KeepCopy(u); c.Raw("SET statement_timeout = 5").Exec() }`: true,
	})
}
