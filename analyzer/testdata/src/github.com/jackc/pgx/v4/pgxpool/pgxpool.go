// Package pgxpool is a stub of github.com/jackc/pgx/v4/pgxpool.
package pgxpool

import "context"

type Config struct{ MaxConns int32 }

type Pool struct{ config *Config }

type CommandTag []byte

func Connect(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

func ParseConfig(connString string) (*Config, error) { return &Config{}, nil }

func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) {
	return &Pool{config: config}, nil
}

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (CommandTag, error) {
	return nil, nil
}
