// Package postgres is a stub of gorm.io/driver/postgres.
package postgres

import "gorm.io/gorm"

type Config struct {
	DSN                  string
	PreferSimpleProtocol bool
}

type Dialector struct{ *Config }

func (d Dialector) Name() string { return "postgres" }

func Open(dsn string) gorm.Dialector { return &Dialector{&Config{DSN: dsn}} }

func New(config Config) gorm.Dialector { return &Dialector{Config: &config} }
