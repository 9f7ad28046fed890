package goevidence

import (
	"strings"
	"testing"
)

// Arguments built through a closure that appends to a variable it
// captures (memos' store: appendValue := func(column string, value any)
// { args = append(args, value) }) carry what the closure's callers give
// it to the statement that sends them.
func TestArgsBuiltThroughAClosure(t *testing.T) {
	src := `package p

import "database/sql"

type Account struct{ Email string }

func update(db *sql.DB, id int, a Account) {
	set, args := "", []any{}
	appendValue := func(column string, value any) {
		args = append(args, value)
		set += column + " = ?"
	}
	appendValue("email", VALUE)
	args = append(args, id)
	db.Exec("UPDATE users SET "+set+" WHERE id = ?", args...)
}

func Open(a Account) { db, _ := sql.Open("postgres", "host=db.example.kr"); update(db, 1, a) }
`
	for value, want := range map[string]string{
		"a.Email":     "sql.DB.Exec to db.example.kr host=db.example.kr unresolved=\"\"\n",
		`"unchanged"`: "",
	} {
		s := analyzeOK(t, strings.Replace(src, "VALUE", value, 1))
		if got := describe(s.sites); got != want {
			t.Errorf("appendValue(%s): got sites\n%s\nwant\n%s", value, got, want)
		}
	}
}

// A URL given to a function literal by its calls decides where the call
// inside goes.
func TestURLGivenToAClosure(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"net/http"
	"strings"
)

type Account struct{ Email string }

func notify(a Account) {
	post := func(url string) {
		http.Post(url, "text/plain", strings.NewReader(a.Email))
	}
	post("https://hooks.example.kr/signup")
}
`)
	want := "http.Post to hooks.example.kr host=hooks.example.kr unresolved=\"\"\n"
	if got := describe(s.sites); got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}
