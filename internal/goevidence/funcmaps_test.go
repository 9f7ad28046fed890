package goevidence

import (
	"strings"
	"testing"
)

// TestDispatchTable: a table of migrations the package only indexes and
// calls gives each of them the database its caller passes, a local
// SQLite file: no site and no note. A table that is also handed to
// another function lets its functions be called from elsewhere: the
// note of their parameter stays.
func TestDispatchTable(t *testing.T) {
	src := func(extra string) string {
		return `package p

import "database/sql"

type User struct{ Email string }

var migrations = map[int]func(db *sql.DB) error{
	1: migrateFrom1,
}

func migrateFrom1(db *sql.DB) error {
	var u User
	_, err := db.Exec("INSERT INTO users_v2 (email) VALUES (?)", u.Email)
	return err
}

func Setup() error {
	db, _ := sql.Open("sqlite3", "/var/lib/app/user.db")
	for i := 1; i <= 1; i++ {
		fn, ok := migrations[i]
		if !ok {
			continue
		}
		if err := fn(db); err != nil {
			return err
		}
	}
	` + extra + `
	return nil
}

func keep(m map[int]func(db *sql.DB) error) {}
`
	}
	if s := analyzeOK(t, src("")); len(s.sites) != 0 {
		t.Errorf("dispatch only: got sites\n%s", describe(s.sites))
	}
	s := analyzeOK(t, src("keep(migrations)"))
	if got := describe(s.sites); !strings.Contains(got, "parameter db of migrateFrom1") {
		t.Errorf("table handed on: got sites\n%s\nwant the note of parameter db", got)
	}
}
