// Package gorm is a stub of github.com/jinzhu/gorm (gorm v1).
package gorm

type DB struct{ Error error }

func Open(dialect string, args ...interface{}) (*DB, error) { return &DB{}, nil }

func (s *DB) Where(query interface{}, args ...interface{}) *DB { return s }
func (s *DB) Create(value interface{}) *DB                     { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB  { return s }
func (s *DB) Delete(value interface{}, where ...interface{}) *DB {
	return s
}
