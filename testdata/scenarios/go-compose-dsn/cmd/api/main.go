// Command api records sign-ups. Its databases are wherever the
// environment says: docker-compose.yml sets it.
package main

import (
	"database/sql"
	"os"
)

func signUp(email string) error {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	if _, err := db.Exec("INSERT INTO users (email) VALUES ($1)", email); err != nil {
		return err
	}
	// The reports database is the Compose service db: on the machine.
	reports, err := sql.Open("postgres", os.Getenv("REPORTS_URL"))
	if err != nil {
		return err
	}
	_, err = reports.Exec("INSERT INTO signups (email) VALUES ($1)", email)
	return err
}

func main() {
	if err := signUp(os.Args[1]); err != nil {
		os.Exit(1)
	}
}
