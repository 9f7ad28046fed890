// Package pgx is a stub of github.com/jackc/pgx/v4.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v4/pgconn"
)

type TxIsoLevel string

const ReadCommitted TxIsoLevel = "read committed"

type TxOptions struct{ IsoLevel TxIsoLevel }

type Rows interface {
	Next() bool
	Scan(dest ...interface{}) error
	Close()
}

type Row interface {
	Scan(dest ...interface{}) error
}

type Tx interface {
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...interface{}) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...interface{}) Row
}
