// Package mysql is a stub of gorm.io/driver/mysql.
package mysql

import "gorm.io/gorm"

type Dialector struct{ DSN string }

func (d Dialector) Name() string { return "mysql" }

func Open(dsn string) gorm.Dialector { return &Dialector{DSN: dsn} }
