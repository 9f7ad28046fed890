package stores

import (
	"context"
	"fmt"
	"os"

	pgxv4 "github.com/jackc/pgx/v4"
	pgxv4pool "github.com/jackc/pgx/v4/pgxpool"
)

// A service's database package: a pool from a DSN the environment gives,
// and transactions run through a closure (InTx), as real services write
// them.
type DB struct{ Pool *pgxv4pool.Pool }

func NewFromEnv(ctx context.Context) (*DB, error) {
	cfg, err := pgxv4pool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	pool, err := pgxv4pool.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &DB{Pool: pool}, nil
}

func (db *DB) InTx(ctx context.Context, f func(tx pgxv4.Tx) error) error {
	conn, err := db.Pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	tx, err := conn.BeginTx(ctx, pgxv4.TxOptions{IsoLevel: pgxv4.ReadCommitted})
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

func insertUser(ctx context.Context, tx pgxv4.Tx, u User) error {
	_, err := tx.Exec(ctx, "INSERT INTO users(email, name) VALUES($1, $2)", u.Email, u.Name) // want `^pgx.Tx.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv\("DATABASE_URL"\) \[unresolved-destination\]$`
	if err != nil {
		return fmt.Errorf("inserting user: %w", err)
	}
	return nil
}

func (db *DB) SaveUser(ctx context.Context, u User) error {
	return db.InTx(ctx, func(tx pgxv4.Tx) error {
		return insertUser(ctx, tx, u)
	})
}
