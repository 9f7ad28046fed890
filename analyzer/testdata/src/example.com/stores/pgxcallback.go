package stores

import (
	"context"
	"net/http"
	"strings"

	pgxv4 "github.com/jackc/pgx/v4"
	pgxv4pool "github.com/jackc/pgx/v4/pgxpool"

	"example.com/stores/txdb"
)

// A transaction begun in another package of the module and given to a
// function literal is that package's database: the literal's writes are
// sites with its DSN.
func SaveThroughOtherPackage(ctx context.Context, db *txdb.DB, u User) error {
	return db.InTx(ctx, func(tx pgxv4.Tx) error {
		_, err := tx.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email) // want `^pgx.Tx.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv\("DATABASE_URL"\) \[unresolved-destination\]$`
		return err
	})
}

// A library's function that runs a transaction gives the literal one of
// the pool it is called on.
func SaveThroughLibrary(ctx context.Context, u User) error {
	pool, err := pgxv4pool.Connect(ctx, "postgres://db.example.kr/app")
	if err != nil {
		return err
	}
	return pool.BeginFunc(ctx, func(tx pgxv4.Tx) error {
		_, err := tx.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email) // want `^pgx.Tx.Exec to db.example.kr stores personal data in South Korea \(country-code TLD .kr\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
		return err
	})
}

// A transaction from where nothing says (a function the caller gives) is
// still a database: its writes are sites whose database is not known.
func SaveThroughRunner(ctx context.Context, u User, run func(context.Context, func(pgxv4.Tx) error) error) error {
	return run(ctx, func(tx pgxv4.Tx) error {
		_, err := tx.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email) // want `^pgx.Tx.Exec: cannot decide where it stores personal data: its database comes from parameter tx of a function literal \[unresolved-destination\]$`
		return err
	})
}

// Look-alike: a callback given names is given no database, and what it
// posts goes where its own URL says.
func NamesThroughCallback(u User) error {
	return txdb.Each([]string{"a"}, func(name string) error {
		_, err := http.Post("http://localhost:8080/names", "text/plain", strings.NewReader(name))
		return err
	})
}
