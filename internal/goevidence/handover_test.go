package goevidence

import (
	"strings"
	"testing"
)

// handoverORM is an ORM whose connection runs each statement it is given
// and keeps none of them; its Create reaches the model through a callback
// of its own, which its analysis does not follow.
const handoverORM = `package orm

import "database/sql"

type store interface {
	Exec(query string, args ...any) (sql.Result, error)
}

type Connection struct {
	Store store
}

func Connect(dsn string) *Connection {
	db, _ := sql.Open("postgres", dsn)
	return &Connection{Store: db}
}

type Query struct {
	Connection *Connection
	sql        string
}

func (c *Connection) RawQuery(stmt string) *Query {
	return &Query{Connection: c, sql: stmt}
}

func (q *Query) Exec() error {
	_, err := q.Connection.Store.Exec(q.sql, q.Connection)
	return err
}

type model struct{ value any }

func (m *model) each(fn func(*model) error) error { return fn(m) }

func (c *Connection) Create(v any) error {
	m := &model{value: v}
	return m.each(func(*model) error {
		_, err := c.Store.Exec("INSERT", c)
		return err
	})
}
`

// A dependency's connection sends what each statement is given and keeps
// none of it: a user created on it is not sent again by a constant
// statement on the same connection (a SET), nor by a DELETE by time in
// another package of the module given the connection. The store of the
// user stays a site, though the ORM's analysis loses the model inside
// Create: the call sends what it gives the connection.
func TestConnectionKeepsNoStatementsData(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/orm": {handoverORM},
		"example.com/m/models": {`package models

import "example.org/orm"

func ExpireFactors(tx *orm.Connection) error {
	return tx.RawQuery("DELETE FROM factors WHERE created_at < now()").Exec()
}
`},
		"example.com/m/app": {`package app

import (
	"example.com/m/models"
	"example.org/orm"
)

type User struct{ Email string }

func Signup(u *User) {
	c := orm.Connect("host=db.example.kr")
	c.Create(u)
	c.RawQuery("SET statement_timeout = 10").Exec()
	models.ExpireFactors(c)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(siteKinds(p, "example.com/m/app"), "\n")
	want := "12 store orm.Connection.Create to db.example.kr"
	if got != want {
		t.Errorf("sites:\n%s\nwant\n%s", got, want)
	}
}
