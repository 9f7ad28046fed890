// Package impl declares an interface and implements it in another file
// of the package; iface calls it.
package impl

import (
	"net/http"
	"strings"
)

// Relay passes an address on.
type Relay interface {
	Relay(msg string) error
}

type cnRelay struct{}

func (cnRelay) Relay(msg string) error {
	_, err := http.Post("https://relay.example.cn/", "text/plain", strings.NewReader(msg))
	return err
}

// New returns the relay.
func New() Relay { return cnRelay{} }

// Store saves a message.
type Store interface {
	Save(msg string) error
}

type dbStore struct{}

func (dbStore) Save(msg string) error {
	_, err := http.Post("https://store.example.cn/", "text/plain", strings.NewReader(msg))
	return err
}

// Logged wraps a store: a decorator that implements the interface it
// calls.
type Logged struct {
	Next Store
}

// Save saves through the store it wraps.
func (l *Logged) Save(msg string) error { return l.Next.Save(msg) }

// Keep saves through the wrapper.
func Keep(l *Logged, msg string) error { return l.Save(msg) }
