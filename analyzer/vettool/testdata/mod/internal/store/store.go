package store

import (
	"database/sql"
	"os"
)

var db, _ = sql.Open("postgres", "host=db.example.kr user=app")

// Save stores an email address.
func Save(email string) {
	db.Exec("INSERT INTO users(email) VALUES($1)", email)
}

// Audit stores an email address where the environment says.
func Audit(email string) {
	a, _ := sql.Open("postgres", os.Getenv("AUDIT_DSN"))
	a.Exec("INSERT INTO audit(email) VALUES($1)", email)
}
