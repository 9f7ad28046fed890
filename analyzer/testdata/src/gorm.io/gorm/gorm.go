// Package gorm is a stub of gorm.io/gorm.
package gorm

type Dialector interface{ Name() string }

type Config struct{ SkipDefaultTransaction bool }

type DB struct {
	Error     error
	Dialector Dialector
	Statement *Statement
}

// Statement is the statement a chain builds; a finisher of DB runs it.
type Statement struct {
	*DB
	Dest any
}

func (stmt *Statement) AddClause(v any)                             {}
func (stmt *Statement) BuildCondition(query any, args ...any) []any { return nil }

func Open(dialector Dialector, opts ...any) (*DB, error) { return &DB{Dialector: dialector}, nil }

func (db *DB) Where(query any, args ...any) *DB   { return db }
func (db *DB) Model(value any) *DB                { return db }
func (db *DB) Create(value any) *DB               { return db }
func (db *DB) Save(value any) *DB                 { return db }
func (db *DB) Updates(values any) *DB             { return db }
func (db *DB) Delete(value any, conds ...any) *DB { return db }
func (db *DB) First(dest any, conds ...any) *DB   { return db }
func (db *DB) Find(dest any, conds ...any) *DB    { return db }
func (db *DB) Exec(sql string, values ...any) *DB { return db }
func (db *DB) Raw(sql string, values ...any) *DB  { return db }
func (db *DB) Scan(dest any) *DB                  { return db }
func (db *DB) AutoMigrate(dst ...any) error       { return nil }
