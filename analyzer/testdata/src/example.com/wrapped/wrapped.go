// Package wrapped calls a function of its own module that sends personal
// data where its caller says: the caller that supplies the URL is the
// finding, instead of the call inside.
package wrapped

import (
	"database/sql"
	"os"

	"example.com/wrapped/notify"
)

func register(u notify.User) {
	notify.Send("https://api.partner.cn/users", u) // want `^notify.Send \(http.Post\) to api.partner.cn sends personal data to China`
	notify.Send(os.Getenv("HOOK_URL"), u)          // want `^notify.Send \(http.Post\): cannot decide where it sends personal data: the URL comes from os.Getenv\("HOOK_URL"\)`
	notify.Announce(u)
}

func report() {
	(&notify.Reporter{URL: "https://audit.partner.cn/in"}).Report() // want `^notify.Reporter.Report \(http.Post\) to audit.partner.cn sends personal data to China`
	(&notify.Reporter{URL: os.Getenv("AUDIT_URL")}).Report()        // want `^notify.Reporter.Report \(http.Post\): cannot decide where it sends personal data: the URL comes from os.Getenv\("AUDIT_URL"\)`
}

// dbStore is the service's store: its Save is the site, and a caller that
// gives it to notify.NewService decides nothing more.
type dbStore struct{ db *sql.DB }

func (d dbStore) Save(u notify.User) error {
	_, err := d.db.Exec("INSERT INTO users(email) VALUES($1)", u.Email) // want `^sql.DB.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv\("DATABASE_URL"\)`
	return err
}

func serve() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	notify.NewService(dbStore{db}).Register()
}
