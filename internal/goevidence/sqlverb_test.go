package goevidence

import (
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
		// Look-alikes.
		"Delta": "", "Deliver": "", "Finalize": "", "Firstly": "", "Save": "", "Create": "", "PutObject": "", "Upload": "",
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
