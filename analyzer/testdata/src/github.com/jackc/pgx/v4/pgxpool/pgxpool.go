// Package pgxpool is a stub of github.com/jackc/pgx/v4/pgxpool.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgconn"
)

type Config struct{ MaxConns int32 }

type Pool struct{ config *Config }

type CommandTag = pgconn.CommandTag

type Conn struct{ pool *Pool }

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { return &Conn{pool: p}, nil }

func (c *Conn) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { return nil, nil }

func (c *Conn) Release() {}

func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { return nil, nil }

func Connect(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

func ParseConfig(connString string) (*Config, error) { return &Config{}, nil }

func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) {
	return &Pool{config: config}, nil
}

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (CommandTag, error) {
	return nil, nil
}

func (p *Pool) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { return nil }
