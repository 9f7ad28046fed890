// Package optiontable keeps its settings in a map literal of struct
// literals, one per key, read by a constant key: the DSN is the value set
// under "DATABASE_URL" (or the environment's), not every value of the
// field the table sets.
package optiontable

import (
	"database/sql"
	"net/http"
	"os"
	"strings"
)

type value struct{ parsed string }

type options struct{ values map[string]*value }

func newOptions() *options {
	return &options{values: map[string]*value{
		"DATABASE_URL": {parsed: "postgres://db.example.kr/app"},
		"EMBED_URL":    {parsed: "https://www.youtube-nocookie.com/embed/"},
		"LOG_FILE":     {parsed: "stderr"},
		"HOOK_URL":     &value{parsed: "https://hooks.example.de/in"},
	}}
}

// parse overrides each setting from the environment.
func (o *options) parse() {
	for k, v := range o.values {
		if s := os.Getenv(k); s != "" {
			v.parsed = s
		}
	}
}

func (o *options) DatabaseURL() string { return o.values["DATABASE_URL"].parsed }

func (o *options) HookURL() string { return (o.values)["HOOK_URL"].parsed }

type User struct{ Email string }

func Save(u User) {
	o := newOptions()
	o.parse()
	db, _ := sql.Open("postgres", o.DatabaseURL())
	db.Exec("INSERT INTO users (email) VALUES ($1)", u.Email)        // want `^sql.DB.Exec to db.example.kr stores personal data in South Korea` `^sql.DB.Exec: cannot decide where it stores personal data: the DSN comes from field parsed of a runtime value or the environment`
	http.Post(o.HookURL(), "text/plain", strings.NewReader(u.Email)) // want `^http.Post to hooks.example.de sends personal data to Germany` `^http.Post: cannot decide where it sends personal data: the URL comes from field parsed of a runtime value or the environment`
}
