package goevidence

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

func TestSQLKind(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want evidence.Kind
	}{
		{"SELECT * FROM users WHERE id = $1", evidence.Read},
		{"  select id from users", evidence.Read},
		{"(SELECT 1) UNION (SELECT 2)", ""}, // opens with a parenthesis: not decided
		{"-- by id\nSELECT 1", evidence.Read},
		{"/* hint */ SELECT 1", evidence.Read},
		{"VALUES (1)", evidence.Read},
		{"INSERT INTO users(email) VALUES ($1)", evidence.Store},
		{"UPDATE users SET email = $1", evidence.Store},
		{"insert into t values ($1) on conflict (id) do update set x = $1", evidence.Store},
		{"REPLACE INTO t VALUES (?)", evidence.Store},
		{"MERGE INTO t USING s ON t.id = s.id", evidence.Store},
		{"DELETE FROM users WHERE id = $1", evidence.Delete},
		{"TRUNCATE users", evidence.Delete},
		{"WITH x AS (SELECT id FROM users) SELECT * FROM x", evidence.Read},
		{"WITH RECURSIVE x(n) AS (SELECT 1 UNION SELECT n+1 FROM x) SELECT n FROM x", evidence.Read},
		{"WITH x AS (SELECT id FROM users) DELETE FROM t WHERE id IN (SELECT id FROM x)", evidence.Delete},
		{"WITH x AS (SELECT id FROM users) INSERT INTO t SELECT id FROM x", evidence.Store},
		{"WITH x AS (DELETE FROM users RETURNING id) SELECT id FROM x", ""},
		{"WITH \"select\" AS (SELECT 1) UPDATE t SET a = 1", evidence.Store},
		// Look-alikes: what is not a data statement, or not its verb.
		{"CREATE TABLE users (email text)", ""},
		{"CALL purge($1)", ""},
		{"", ""},
		{"'SELECT'", ""},
		{"-- SELECT", ""},
		{"/* DELETE */", ""},
		{"$x$ DELETE $x$ SELECT 1", evidence.Read},
		{"$1", ""},
		{"; DELETE FROM t", ""},
		{"/* unterminated", ""},
		{"'unterminated", ""},
		// Holes (NUL: text not known statically): a value inside a
		// common table expression says nothing of the verb; a hole where
		// the deciding keyword may be, or opening a body, hides it.
		{"SELECT id FROM t WHERE \x00", evidence.Read},
		{"WITH RECURSIVE x(id) AS (SELECT id FROM m WHERE c = \x00 UNION SELECT id FROM x) SELECT id FROM x", evidence.Read},
		{"WITH x AS (SELECT id FROM m WHERE c IN (\x00)) DELETE FROM t", evidence.Delete},
		{"\x00 LIMIT 10", ""},
		{"\x00SELECT 1", ""},
		{"WITH x AS (SELECT 1) \x00", ""},
		{"WITH x AS (\x00) SELECT id FROM x", ""},
		{"WITH x AS ( \x00 ) SELECT id FROM x", ""},
		{"WITH x AS MATERIALIZED (\x00) SELECT id FROM x", ""},
		{"WITH x AS (SELECT id FROM m WHERE c = \x00), y AS (DELETE FROM t RETURNING id) SELECT id FROM y", ""},
		{"WITH x AS (INSERT INTO t VALUES (\x00) RETURNING id) SELECT id FROM x", ""},
	} {
		if got := sqlKind(tc.sql); got != tc.want {
			t.Errorf("sqlKind(%q) = %q, want %q", tc.sql, got, tc.want)
		}
	}
}

func TestMethodKind(t *testing.T) {
	for name, want := range map[string]evidence.Kind{
		"Delete": evidence.Delete, "DeleteObject": evidence.Delete, "Del": evidence.Delete, "DelItem": evidence.Delete,
		"Find": evidence.Read, "FindOne": evidence.Read, "First": evidence.Read, "Query": evidence.Read,
		"BatchGetItem": evidence.Read, "Download": evidence.Read, "DownloadWithContext": evidence.Read,
		// Object stores: aws-sdk-go v1 and v2, minio-go, Cloud Storage, Azure blob.
		"GetObject": evidence.Read, "GetObjectWithContext": evidence.Read, "HeadObject": evidence.Read,
		"DeleteObjects": evidence.Delete, "DeleteObjectWithContext": evidence.Delete,
		"RemoveObject": evidence.Delete, "RemoveObjects": evidence.Delete, "StatObject": evidence.Read, "FGetObject": evidence.Read,
		"DeleteBlob": evidence.Delete, "DownloadStream": evidence.Read, "GetProperties": evidence.Read, "Get": evidence.Read,
		"Aggregate": evidence.Read, "Distinct": evidence.Read, "One": evidence.Read, "Row": evidence.Read, "Column": evidence.Read,
		"SMembers": evidence.Read, "HGetAll": evidence.Read, "LRange": evidence.Read, "PFCount": evidence.Read,
		"SAdd": "", "PFAdd": "", "HSet": "", "LPush": "",
		// Look-alikes.
		"Delta": "", "Deliver": "", "Finalize": "", "Firstly": "", "Save": "", "Create": "", "PutObject": "", "Upload": "",
		"Getaway": "", "Removal": "", "Status": "", "GetSet": "", "GetDel": "", "FPutObject": "", "UploadBuffer": "", "CopyObject": "", "Aggregated": "", "Distinctive": "", "Once": "", "Rows2": "", "Columns": "",
	} {
		if got := methodKind(name); got != want {
			t.Errorf("methodKind(%q) = %q, want %q", name, got, want)
		}
	}
}

func FuzzSQLKind(f *testing.F) {
	for _, s := range []string{"SELECT 1", "WITH x AS (DELETE", "$a$", "$", "--", "/*", "'", "(((", ")))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		switch sqlKind(s) {
		case "", evidence.Read, evidence.Store, evidence.Delete:
		default:
			t.Fatalf("sqlKind(%q): unexpected kind", s)
		}
	})
}

// A read or delete inside a repository's method keeps its kind at the
// caller that decides the database: the kind travels with the sink.
func TestSQLKindThroughFunctions(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/repo": {`package repo

import "database/sql"

type User struct{ Email string }

type Repo struct{ db *sql.DB }

func New(dsn string) *Repo {
	db, _ := sql.Open("postgres", dsn)
	return &Repo{db: db}
}

func (r *Repo) Remove(u User) { r.db.Exec("DELETE FROM users WHERE email = $1", u.Email) }

func (r *Repo) Save(u User) { r.db.Exec("INSERT INTO users(email) VALUES ($1)", u.Email) }
`},
		"example.com/m/app": {`package app

import "example.com/m/repo"

func Run(u repo.User) {
	r := repo.New("host=db.example.kr")
	r.Remove(u)
	r.Save(u)
}
`},
	})
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range p.state["example.com/m/app"].sites {
		got = append(got, string(x.Kind)+" "+x.What+" "+x.Host)
	}
	want := []string{"delete repo.Repo.Remove (sql.DB.Exec) to db.example.kr db.example.kr", "store repo.Repo.Save (sql.DB.Exec) to db.example.kr db.example.kr"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("sites:\n%q\nwant\n%q", got, want)
	}
}

// An ORM's methods read or delete by their names (pop's All and Load,
// Destroy), and a query built from SQL text and then run (pop's
// tx.RawQuery("DELETE ...", id).Exec(), also through a chain of
// builders) does what its text says. The look-alikes stay stores: an
// INSERT through the same builder, Create, and a builder whose text is
// not known. One site a line: the note that the constructor's parameter
// decides the database is not repeated beside the database it is given.
// The connection keeps none of what its statements are given (handsOver),
// so its own methods go to the database the constructor is given. A read
// whose only personal datum is a Where argument is no site: the builder's
// result does not yet carry what Where appends to its receiver's field
// (it was one only while the connection held the user Destroy and Create
// were given).
func TestORMKinds(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/orm": {`package orm

import "database/sql"

// store is what a query runs on: an interface, which says nothing of
// what a call of it does.
type store interface {
	Exec(query string, args ...any) (sql.Result, error)
}

type Connection struct {
	db *sql.DB
	st store
}

func Connect(dsn string) *Connection {
	db, _ := sql.Open("postgres", dsn)
	return &Connection{db: db, st: db}
}

type Query struct {
	c    *Connection
	sql  string
	args []any
}

func (c *Connection) RawQuery(stmt string, args ...any) *Query { return &Query{c: c, sql: stmt, args: args} }

func (c *Connection) Q() *Query { return &Query{c: c} }

func (q *Query) Where(cond string, args ...any) *Query {
	q.sql += " WHERE " + cond
	q.args = append(q.args, args...)
	return q
}

func (q *Query) Limit(n int) *Query { return q }

func (q *Query) Exec() error {
	_, err := q.c.st.Exec(q.sql, q.args...)
	return err
}

func (q *Query) All(models any) error {
	_, err := q.c.db.Exec(q.sql, append(q.args, models)...)
	return err
}

func (c *Connection) Load(model any, fields ...string) error {
	_, err := c.db.Exec("", model)
	return err
}

func (c *Connection) Destroy(model any) error {
	_, err := c.st.Exec("", model)
	return err
}

func (c *Connection) Create(model any) error {
	_, err := c.db.Exec("", model)
	return err
}
`},
		"example.com/m/app": {`package app

import (
	"example.com/m/models"
	"example.org/orm"
)

type User struct{ Email string }

func Run(u User, stmt string) {
	c := orm.Connect("host=db.example.kr")
	c.RawQuery("DELETE FROM users WHERE email = ?", u.Email).Exec()
	c.RawQuery("SELECT * FROM users WHERE email = ?", u.Email).Limit(1).Exec()
	c.Q().Where("email = ?", u.Email).All(&[]User{})
	c.Load(&u)
	c.Destroy(&u)
	c.RawQuery("INSERT INTO users(email) VALUES (?)", u.Email).Exec()
	c.RawQuery(stmt, u.Email).Exec()
	c.Create(&u)
	models.Lookup(c, u.Email)
}
`},
		// Functions of another package of the module given their
		// connection: the kinds hold through them.
		"example.com/m/models": {`package models

import "example.org/orm"

type Row struct{ ID int }

func Lookup(c *orm.Connection, email string) {
	c.Q().Where("email = ?", email).All(&[]Row{})
	c.Destroy(&email)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := siteKinds(p, "example.com/m/app")
	want := []string{
		"12 delete orm.Query.Exec to db.example.kr",
		"13 read orm.Query.Exec to db.example.kr",
		"15 read orm.Connection.Load to db.example.kr",
		"16 delete orm.Connection.Destroy to db.example.kr",
		"17 store orm.Query.Exec to db.example.kr",
		"18 store orm.Query.Exec to db.example.kr",
		"19 store orm.Connection.Create to db.example.kr",
		"20 delete models.Lookup (orm.Connection.Destroy) to db.example.kr",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// SQL text that reaches the call through a helper's parameter decides
// the kind when every caller of the helper is in the package (memos'
// queryDeleteUserMemoRefs(ctx, tx, "SELECT ...", id)). An exported
// helper, which callers elsewhere may give any text, stays a store.
func TestSQLKindThroughAHelpersParameter(t *testing.T) {
	s := analyzeOK(t, `package p

import "database/sql"

type User struct{ Email string }

func queryRefs(db *sql.DB, query string, args ...any) { db.Exec(query, args...) }

func QueryAny(db *sql.DB, query string, args ...any) { db.Exec(query, args...) }

func Remove(u User) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	queryRefs(db, "SELECT id FROM memos WHERE creator = $1", u.Email)
	QueryAny(db, "SELECT id FROM memos WHERE creator = $1", u.Email)
}
`)
	var got []string
	for _, x := range s.sites {
		got = append(got, string(x.Kind)+" "+x.What)
	}
	want := "read sql.DB.Exec to db.example.kr\nstore sql.DB.Exec to db.example.kr"
	if strings.Join(got, "\n") != want {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// A query whose text a variable builds on its own value (q =
// fmt.Sprintf("%s LIMIT %d", q, n)) keeps the verb of the text it starts
// with, and a common table expression read with a placeholder built by a
// function is a read. The look-alikes stay as they are: a DELETE so
// built is a delete, a WITH whose expression deletes and a query whose
// start is not known stay stores.
func TestSQLKindOfBuiltQueries(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"database/sql"
	"fmt"
)

type User struct{ Email string }

var db, _ = sql.Open("postgres", "host=db.example.kr")

func ph(i int) string { return fmt.Sprintf("$%d", i) }

func List(u User, limit, offset *int, where, start string) {
	query := "SELECT id FROM memo WHERE " + where + " ORDER BY id"
	if limit != nil {
		query = fmt.Sprintf("%s LIMIT %d", query, *limit)
		if offset != nil {
			query = fmt.Sprintf("%s OFFSET %d", query, *offset)
		}
	}
	db.Exec(query, u.Email)
	db.Exec("WITH RECURSIVE t(id) AS (SELECT id FROM memo WHERE c = "+ph(1)+" UNION SELECT m.id FROM memo m JOIN t ON m.p = t.id) SELECT id FROM t", u.Email)
	del := "DELETE FROM memo WHERE creator = $1"
	if limit != nil {
		del = del + " AND id < $2"
	}
	db.Exec(del, u.Email)
	db.Exec("WITH gone AS (DELETE FROM memo WHERE c = "+ph(1)+" RETURNING id) SELECT id FROM gone", u.Email)
	q := start
	q = fmt.Sprintf("%s LIMIT %d", q, *limit)
	db.Exec(q, u.Email)
}
`)
	var got []string
	for _, x := range s.sites {
		got = append(got, fmt.Sprintf("%d %s", s.pass.Fset.Position(x.Pos).Line, x.Kind))
	}
	want := "22 read\n23 read\n28 delete\n29 store\n32 store"
	if strings.Join(got, "\n") != want {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// A read or delete is one of a store: a destination of the same call that
// is a connection, a request or a mail server is sent to.
func TestKindOfReadOrDelete(t *testing.T) {
	for _, tc := range []struct {
		h    Handle
		kind evidence.Kind
		want evidence.Kind
	}{
		{Handle{Kind: hSQL}, evidence.Read, evidence.Read},
		{Handle{Kind: hAWSClient, Service: "s3"}, evidence.Delete, evidence.Delete},
		{Handle{Kind: hParam, Param: 1}, evidence.Delete, evidence.Delete},
		{Handle{Kind: hAWSClient, Service: "s3"}, evidence.Send, evidence.Store},
		// Look-alikes: not a store.
		{Handle{Kind: hRequest}, evidence.Read, evidence.Send},
		{Handle{Kind: hConn}, evidence.Delete, evidence.Send},
		{Handle{Kind: hSMTP}, evidence.Read, evidence.Send},
		{Handle{Kind: hHTTPClient}, evidence.Delete, evidence.Send},
	} {
		if got := kindOf(tc.h, tc.kind); got != tc.want {
			t.Errorf("kindOf(%s, %s) = %s, want %s", tc.h, tc.kind, got, tc.want)
		}
	}
}

// ormLib is an ORM whose calls reach the database through an interface
// of its own given the connection (pop's dialect): the destination of a
// call is its receiver, whose Store field is bound to the database.
const ormLib = `package orm

import (
	"database/sql"
	"net"
)

type store interface {
	Exec(query string, args ...any) (sql.Result, error)
}

type dialect interface {
	SelectOne(c *Connection, model any, q *Query) error
	Update(c *Connection, model any) error
}

type Connection struct {
	Store   store
	Dialect dialect
}

func Connect(dsn string) *Connection {
	db, _ := sql.Open("postgres", dsn)
	return &Connection{Store: db}
}

type Query struct {
	Connection *Connection
	sql        string
	args       []any
}

func (c *Connection) Q() *Query { return &Query{Connection: c} }

func (q *Query) Where(stmt string, args ...any) *Query {
	q.sql += stmt
	q.args = append(q.args, args...)
	return q
}

func (q *Query) First(model any) error { return q.Connection.Dialect.SelectOne(q.Connection, model, q) }

func (c *Connection) Update(model any) error { return c.Dialect.Update(c, model) }

// Wire is no database: a client of a connection it is given.
type Wire struct {
	Conn net.Conn
	D    dialect
}

func (w *Wire) Update(model any) error { return w.D.Update(nil, model) }
`

// A function of the module given the connection of a dependency whose
// type holds a database reads, writes or deletes in that database: the
// kind its callers elsewhere are told is what its call does (a read by
// First through a helper; a store by Update), and where it is reported
// with no caller that says which database, its note names a database. A
// client of a type that holds no database stays a send, and is no site
// where its callers do not say where it goes: what it sends through is
// an interface of the dependency, not a service.
func TestDatabaseOfADependencysReceiver(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/orm": {ormLib},
		"example.com/m/models": {`package models

import "example.org/orm"

type User struct{ Email string }

func findUser(tx *orm.Connection, query string, args ...any) (*User, error) {
	u := &User{}
	err := tx.Q().Where(query, args...).First(u)
	return u, err
}

func FindByEmail(tx *orm.Connection, email string) (*User, error) {
	return findUser(tx, "email = ?", email)
}

func Save(tx *orm.Connection, u *User) error { return tx.Update(u) }

func Push(w *orm.Wire, u *User) error { return w.Update(u) }
`},
		"example.com/m/app": {`package app

import (
	"example.com/m/models"
	"example.org/orm"
)

func Run(email string, u *models.User) {
	c := orm.Connect("host=db.example.kr")
	models.FindByEmail(c, email)
	models.Save(c, u)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	var got []string
	models := p.state["example.com/m/models"]
	for _, name := range []string{"FindByEmail", "Save", "Push"} {
		for _, sk := range models.sinks[models.pass.Pkg.Scope().Lookup(name).(*types.Func)] {
			got = append(got, fmt.Sprintf("%s: %s %s", name, sk.Kind, sk.What))
		}
	}
	for _, path := range []string{"example.com/m/models", "example.com/m/app"} {
		for _, x := range p.state[path].sites {
			got = append(got, fmt.Sprintf("%d %s %s %s", p.fset.Position(x.Pos).Line, x.Kind, x.What, x.Unresolved))
		}
	}
	want := []string{
		"FindByEmail: read models.findUser (orm.Query.First)",
		"Save: store orm.Connection.Update",
		"Push: send orm.Wire.Update",
		"17 store orm.Connection.Update its database comes from parameter tx of Save",
		"10 read models.FindByEmail (orm.Query.First) to db.example.kr ",
		"11 store models.Save (orm.Connection.Update) to db.example.kr ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A method of an interface of the module that its callers bind to a
// database does what its SQL text says, before what its name says: an
// INSERT ... RETURNING run by QueryRow stores, a SELECT reads.
func TestSQLTextOfAnInterfaceOfTheModule(t *testing.T) {
	s := analyzeOK(t, `package p

import "database/sql"

type User struct{ Email string }

type rowQuerier interface {
	QueryRow(query string, args ...any) *sql.Row
}

func insertUser(q rowQuerier, u User) { q.QueryRow("INSERT INTO users(email) VALUES ($1) RETURNING id", u.Email) }

func findUser(q rowQuerier, u User) { q.QueryRow("SELECT id FROM users WHERE email = $1", u.Email) }

func Run(u User) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	insertUser(db, u)
	findUser(db, u)
}
`)
	var got []string
	for _, x := range s.sites {
		got = append(got, fmt.Sprintf("%d %s %s", s.pass.Fset.Position(x.Pos).Line, x.Kind, x.What))
	}
	want := "11 store p.rowQuerier.QueryRow to db.example.kr\n13 read p.rowQuerier.QueryRow to db.example.kr"
	if strings.Join(got, "\n") != want {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestSQLKindOfAFormatInAVariable: fmt.Sprintf of a query held in a
// variable (query := `SELECT ... WHERE %s = $1`) keeps its verb; a format
// the code does not know stays a store.
func TestSQLKindOfAFormatInAVariable(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"database/sql"
	"fmt"
)

type User struct{ Email string }

var db, _ = sql.Open("postgres", "host=db.example.kr")

func ByField(u User, field string, upsert bool) {
	query := "SELECT id FROM users WHERE %s = $1"
	db.Exec(fmt.Sprintf(query, field), u.Email)
	write := "DELETE FROM users WHERE %s = $1"
	if upsert {
		write = "UPDATE users SET seen = now() WHERE %s = $1"
	}
	db.Exec(fmt.Sprintf(write, field), u.Email)
}

func Any(u User, format, field string) {
	db.Exec(fmt.Sprintf(format, field), u.Email)
}
`)
	var got []string
	for _, x := range s.sites {
		got = append(got, fmt.Sprintf("%d %s", s.pass.Fset.Position(x.Pos).Line, x.Kind))
	}
	want := "14 read\n19 store\n23 store"
	if strings.Join(got, "\n") != want {
		t.Errorf("sites:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestSQLKindOfALongQuery: a query longer than the text the evaluator
// keeps, built in parts, keeps its start and its verb.
func TestSQLKindOfALongQuery(t *testing.T) {
	cols := strings.Repeat("column_with_a_long_name, ", 48) // about 1.2 kB
	s := analyzeOK(t, `package p

import "database/sql"

type User struct{ Email string }

var db, _ = sql.Open("postgres", "host=db.example.kr")

func Counts(u User, unlimited bool) {
	query := "SELECT `+cols+` id FROM entries WHERE email = $1"
	if unlimited {
		query += " AND 1 = 1"
	} else {
		query += " AND errors < $2"
	}
	db.QueryRow(query, u.Email)
}
`)
	var got []string
	for _, x := range s.sites {
		got = append(got, string(x.Kind)+" "+x.Host)
	}
	if want := "read db.example.kr"; strings.Join(got, "\n") != want {
		t.Errorf("sites: %q, want %q", got, want)
	}
}

// TestLongFormatVerb: a query format longer than the evaluator keeps
// (miniflux' feed query, 1.2 kB of columns) formatted with fmt.Sprintf
// keeps its start, and so its verb: one read, no store beside it.
func TestLongFormatVerb(t *testing.T) {
	cols := strings.Repeat("\n\t\tf.some_column_name,", 60)
	s := analyzeOK(t, "package p\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n)\n\n"+
		"type User struct{ Email string }\n\n"+
		"func Feeds(db *sql.DB, u User, cond string) {\n\tquery := `\n\t\tSELECT"+cols+"\n\t\tf.id\n\tFROM feeds f WHERE %s`\n"+
		"\tquery = fmt.Sprintf(query, cond)\n\tdb.Query(query, u.Email)\n}\n")
	var got []string
	for _, x := range s.sites {
		got = append(got, string(x.Kind)+" "+x.What)
	}
	if want := "read sql.DB.Query"; len(got) != 1 || got[0] != want {
		t.Errorf("sites %q, want [%q]", got, want)
	}
	// The same format written in the call.
	s = analyzeOK(t, "package p\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n)\n\n"+
		"type User struct{ Email string }\n\n"+
		"func Feeds(db *sql.DB, u User, cond string) {\n\tdb.Query(fmt.Sprintf(`\n\t\tSELECT"+cols+"\n\t\tf.id\n\tFROM feeds f WHERE %s`, cond), u.Email)\n}\n")
	if len(s.sites) != 1 || s.sites[0].Kind != "read" {
		t.Errorf("sites %s, want one read", describe(s.sites))
	}
}

// A wrapper of the module that takes the SQL text as a parameter
// (shiori's dbbase.SelectContext(ctx, dest, query, args...)): its caller,
// which gives the text, is the site, and what it does is what that text
// says, a read for a SELECT and a store for an INSERT, as for the
// client's own method.
func TestWrapperQueryVerb(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/m/db": {`package db

import "database/sql"

type Base struct{ reader *sql.DB }

func New(d *sql.DB) *Base { return &Base{reader: d} }

func (b *Base) SelectContext(query string, args ...any) error {
	_, err := b.reader.Query(query, args...)
	return err
}
`},
		"example.com/m/app": {`package app

import (
	"database/sql"

	"example.com/m/db"
)

type User struct{ Email string }

func Run(u User) {
	d, _ := sql.Open("postgres", "postgres://app@db.example.kr/app")
	b := db.New(d)
	b.SelectContext("SELECT id FROM users WHERE email = $1", u.Email)
	b.SelectContext("INSERT INTO users(email) VALUES ($1) RETURNING id", u.Email)
}
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := siteKinds(p, "example.com/m/app")
	want := []string{"14 read db.Base.SelectContext (sql.DB.Query) to db.example.kr", "15 store db.Base.SelectContext (sql.DB.Query) to db.example.kr"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// siteKinds lists a package's sites as "line kind what".
func siteKinds(p *program, path string) []string {
	var out []string
	for _, x := range p.state[path].sites {
		out = append(out, fmt.Sprintf("%d %s %s", p.fset.Position(x.Pos).Line, x.Kind, x.What))
	}
	return out
}

// A prepared statement does what the text it was prepared with says: a
// SELECT reads, an INSERT ... RETURNING run by QueryRow stores. One whose
// text is not known here (a field filled from a file of named queries at
// run time) stores: its method's name (Get, QueryRow) says only how its
// rows are read.
func TestPreparedStatementVerb(t *testing.T) {
	p := newProgram(t, map[string][]string{"example.com/m/app": {`package app

import "database/sql"

type User struct{ Email string }

type queries struct {
	GetUser    *sql.Stmt
	InsertUser *sql.Stmt
}

func Run(u User, q *queries) {
	d, _ := sql.Open("postgres", "postgres://app@db.example.kr/app")
	sel, _ := d.Prepare("SELECT id FROM users WHERE email = $1")
	sel.QueryRow(u.Email)
	ins, _ := d.Prepare("INSERT INTO users(email) VALUES ($1) RETURNING id")
	ins.QueryRow(u.Email)
	q.GetUser.QueryRow(u.Email)
}
`}})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := siteKinds(p, "example.com/m/app")
	want := []string{"15 read sql.Stmt.QueryRow to db.example.kr", "17 store sql.Stmt.QueryRow to db.example.kr", "18 store sql.Stmt.QueryRow"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A method of a SELECT query builder's type reads, whatever its name
// (dbx's SelectQuery.Model(pk, &m)); the same name on another type says
// nothing.
func TestSelectQueryReads(t *testing.T) {
	pkg := types.NewPackage("example.org/qb", "qb")
	method := func(typeName string) *types.Func {
		obj := types.NewTypeName(token.NoPos, pkg, typeName, nil)
		named := types.NewNamed(obj, types.NewStruct(nil, nil), nil)
		recv := types.NewVar(token.NoPos, pkg, "q", types.NewPointer(named))
		sig := types.NewSignatureType(recv, nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.Universe.Lookup("error").Type())), false)
		return types.NewFunc(token.NoPos, pkg, "Model", sig)
	}
	if got := refineKind(evidence.Store, method("SelectQuery"), nil, 0); got != evidence.Read {
		t.Errorf("SelectQuery.Model: %q, want read", got)
	}
	if got := refineKind(evidence.Store, method("Query"), nil, 0); got != evidence.Store {
		t.Errorf("Query.Model: %q, want store", got)
	}
}
