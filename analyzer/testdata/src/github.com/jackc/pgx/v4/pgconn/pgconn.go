// Package pgconn is a stub of github.com/jackc/pgx/v4's pgconn (github.com/jackc/pgconn).
package pgconn

type CommandTag []byte
