package stores

import (
	"context"

	pgxv4pool "github.com/jackc/pgx/v4/pgxpool"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgx: the connection string's host places the calls; the SQL text says
// what each does, as for database/sql.
func pgxConn(ctx context.Context, u User) {
	conn, _ := pgx.Connect(ctx, "postgres://app@db.example.kr:5432/app")
	conn.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email)       // want `^pgx.Conn.Exec to db.example.kr stores personal data in South Korea`
	conn.QueryRow(ctx, "SELECT id FROM users WHERE email = $1", u.Email) // want `^pgx.Conn.QueryRow to db.example.kr reads personal data from South Korea`
	conn.Exec(ctx, "DELETE FROM users WHERE email = $1", u.Email)        // want `^pgx.Conn.Exec to db.example.kr deletes personal data in South Korea`
}

func pgxPool(ctx context.Context, u User) {
	pool, _ := pgxpool.New(ctx, "host=pg.example.de port=5432 user=app dbname=app")
	pool.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", u.Name, u.ID) // want `^pgxpool.Pool.Exec to pg.example.de stores personal data in Germany`
	pool.Query(ctx, "SELECT id FROM users WHERE email = $1", u.Email)        // want `^pgxpool.Pool.Query to pg.example.de reads personal data from Germany`
}

func pgxPoolConfig(ctx context.Context, u User) {
	cfg, _ := pgxpool.ParseConfig("postgres://app@pg.example.fr/app")
	pool, _ := pgxpool.NewWithConfig(ctx, cfg)
	pool.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email) // want `^pgxpool.Pool.Exec to pg.example.fr stores personal data in France`
}

// A batch keeps what Queue is given; SendBatch sends it.
func pgxBatch(ctx context.Context, u User) {
	conn, _ := pgx.Connect(ctx, "postgres://app@db.example.kr:5432/app")
	b := &pgx.Batch{}
	b.Queue("INSERT INTO users(email) VALUES($1)", u.Email)
	conn.SendBatch(ctx, b) // want `^pgx.Conn.SendBatch to db.example.kr stores personal data in South Korea`
}

// A batch of queries that carry nothing personal sends nothing personal.
func pgxBatchPlain(ctx context.Context) {
	conn, _ := pgx.Connect(ctx, "postgres://app@db.example.kr:5432/app")
	b := &pgx.Batch{}
	b.Queue("DELETE FROM sessions WHERE expires < now()")
	conn.SendBatch(ctx, b)
}

func pgxCopy(ctx context.Context, u User) {
	pool, _ := pgxpool.New(ctx, "postgres://app@pg.example.de/app")
	pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"email"}, pgx.CopyFromRows([][]any{{u.Email}})) // want `^pgxpool.Pool.CopyFrom to pg.example.de stores personal data in Germany`
}

func pgxV4(ctx context.Context, u User) {
	pool, _ := pgxv4pool.Connect(ctx, "postgres://app@pg.example.it/app")
	pool.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email) // want `^pgxpool.Pool.Exec to pg.example.it stores personal data in Italy`
}
