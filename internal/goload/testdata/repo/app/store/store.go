// Package store keeps customers in a database its caller opens.
package store

import "database/sql"

type Customer struct {
	Email string
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

// Save stores a customer.
func (s *Store) Save(c Customer) error {
	_, err := s.db.Exec("INSERT INTO customers(email) VALUES($1)", c.Email)
	return err
}
