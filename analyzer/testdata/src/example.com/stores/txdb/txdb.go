// Package txdb is a service's database package apart from the code that
// writes: its transactions are run through a closure (InTx), and the
// packages that write are given the transaction it begins.
package txdb

import (
	"context"
	"os"

	pgxv4 "github.com/jackc/pgx/v4"
	pgxv4pool "github.com/jackc/pgx/v4/pgxpool"
)

type DB struct{ Pool *pgxv4pool.Pool }

func New(ctx context.Context) (*DB, error) {
	pool, err := pgxv4pool.Connect(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return &DB{Pool: pool}, nil
}

// InTx gives f a transaction of the pool.
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

// Each calls f with names only: what it gives its callback is no database.
func Each(names []string, f func(name string) error) error {
	for _, n := range names {
		if err := f(n); err != nil {
			return err
		}
	}
	return nil
}
