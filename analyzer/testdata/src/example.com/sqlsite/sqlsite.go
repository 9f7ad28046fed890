package sqlsite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

type Customer struct {
	Email string
	Phone string
}

type Product struct {
	SKU   string
	Price int
}

const insert = "INSERT INTO customers(email, phone) VALUES($1, $2)"

func keyValue(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr port=5432 user=app dbname=app sslmode=require")
	db.Exec(insert, c.Email, c.Phone) // want `^sql.DB.Exec to db.example.kr stores personal data in South Korea \(country-code TLD .kr\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
}

func urlForm(ctx context.Context, c Customer) {
	db, _ := sql.Open("pgx", "postgres://app:secret@db.example.us:5432/app?sslmode=require")
	db.ExecContext(ctx, insert, c.Email, c.Phone) // want `sql.DB.ExecContext to db.example.us stores personal data in the United States`
}

func mysql(c Customer) error {
	db, _ := sql.Open("mysql", "app:secret@tcp(mysql.example.de:3306)/app?parseTime=true")
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	tx.Exec(insert, c.Email, c.Phone) // want `sql.Tx.Exec to mysql.example.de stores personal data in Germany`
	return tx.Commit()
}

func sprintfDSN(c Customer) {
	dsn := fmt.Sprintf("host=%s port=%d user=%s", "pg.example.cn", 5432, "app")
	db, _ := sql.Open("postgres", dsn)
	db.QueryRow("SELECT id FROM customers WHERE email = $1", c.Email) // want `^sql.DB.QueryRow to pg.example.cn reads personal data from China \(country-code TLD .cn\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
}

// What a call does is decided by its SQL text: a read or a delete keyed by
// personal data sends the key (a transfer), a write stores it.

func deleteByEmail(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Exec("DELETE FROM customers WHERE email = $1", c.Email) // want `^sql.DB.Exec to db.example.kr deletes personal data in South Korea \(country-code TLD .kr\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
}

func commentedSelect(ctx context.Context, c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.QueryContext(ctx, "/* by email */ -- lookup\n select id from customers where email = $1", c.Email) // want `sql.DB.QueryContext to db.example.kr reads personal data from South Korea`
}

func insertReturning(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.QueryRow("INSERT INTO customers(email) VALUES($1) RETURNING id", c.Email) // want `sql.DB.QueryRow to db.example.kr stores personal data in South Korea \(country-code TLD .kr\), but PRIVACY.md:4 says it is stored only in Japan`
}

func withSelect(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Query("WITH recent AS (SELECT id FROM customers WHERE created > now()) SELECT id FROM recent WHERE email = $1", c.Email) // want `sql.DB.Query to db.example.kr reads personal data from South Korea`
}

func withDelete(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Query("WITH gone AS (DELETE FROM customers WHERE email = $1 RETURNING id) SELECT id FROM gone", c.Email) // want `sql.DB.Query to db.example.kr stores personal data in South Korea`
}

func builtQuery(c Customer, where string) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Exec("DELETE FROM customers WHERE "+where, c.Email) // want `sql.DB.Exec to db.example.kr deletes personal data in South Korea`
}

func unknownQuery(c Customer, query string) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Exec(query, c.Email) // want `sql.DB.Exec to db.example.kr stores personal data in South Korea`
}

func quotedKeyword(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Exec("'DELETE' INSERT", c.Email) // want `sql.DB.Exec to db.example.kr stores personal data in South Korea`
}

func prepared(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	stmt, _ := db.Prepare(insert)
	stmt.Exec(c.Email, c.Phone) // want `sql.Stmt.Exec to db.example.kr stores personal data in South Korea`
}

func fromEnv(c Customer) {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec(insert, c.Email, c.Phone) // want `^sql.DB.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv\("DATABASE_URL"\) \[unresolved-destination\]$`
}

func hostFromEnv(c Customer) {
	db, _ := sql.Open("postgres", "host="+os.Getenv("PGHOST")+" user=app")
	db.Exec(insert, c.Email, c.Phone) // want `the DSN comes from os.Getenv\("PGHOST"\)`
}

// store keeps its database in a field set in this package.
type store struct {
	db *sql.DB
}

func newStore() *store {
	db, _ := sql.Open("postgres", "host=replica.example.sg")
	return &store{db: db}
}

func (s *store) save(c Customer) {
	s.db.Exec(insert, c.Email, c.Phone) // want `sql.DB.Exec to replica.example.sg stores personal data in Singapore`
}

func useStore(c Customer) { newStore().save(c) }

// Look-alikes.

func sqlite(c Customer) {
	db, _ := sql.Open("sqlite3", "file:app.db?cache=shared")
	db.Exec(insert, c.Email, c.Phone)
	local, _ := sql.Open("sqlite3", "data/app.db")
	local.Exec(insert, c.Email, c.Phone)
	loopback, _ := sql.Open("postgres", "postgres://app@127.0.0.2:5432/app")
	loopback.Exec(insert, c.Email, c.Phone)
	v6, _ := sql.Open("postgres", "postgres://app@[::1]:5432/app")
	v6.Exec(insert, c.Email, c.Phone)
	sock, _ := sql.Open("postgres", "host=/var/run/postgresql dbname=app")
	sock.Exec(insert, c.Email, c.Phone)
}

func noHost(c Customer) {
	db, _ := sql.Open("postgres", "user=app dbname=app sslmode=disable")
	db.Exec(insert, c.Email, c.Phone)
}

func products(p Product) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Exec("INSERT INTO products(sku, price) VALUES($1, $2)", p.SKU, p.Price)
}

func domestic(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.jp")
	db.Exec(insert, c.Email, c.Phone)
}

func read(c *Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.QueryRow("SELECT email FROM customers LIMIT 1").Scan(&c.Email)
}

// What makes data personal is its flow, not a type's name: a table name
// derived from a personal type does not make a call keyed by a number
// personal; a value spliced into the SQL text does.

// EmailKind names a kind of mail (a personal type by its name); each has
// a log table.
type EmailKind string

func deleteByID(kind EmailKind, id int64) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Exec("DELETE FROM "+string(kind)+"_log WHERE id = $1", id)
	db.Exec("DELETE FROM \""+string(kind)+"_log\" WHERE id = $1", id)
	db.Exec("SELECT id FROM "+string(kind)+"_log WHERE kind = '"+string(kind)+"'", id) // want `sql.DB.Exec to db.example.kr reads personal data from South Korea`
}

func spliced(c Customer) {
	db, _ := sql.Open("postgres", "host=db.example.kr")
	db.Query("SELECT id FROM customers WHERE email = '" + c.Email + "'") // want `sql.DB.Query to db.example.kr reads personal data from South Korea`
}
