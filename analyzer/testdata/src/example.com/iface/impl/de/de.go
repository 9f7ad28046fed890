// Package de implements impl.Relay with a host of its own.
package de

import (
	"net/http"
	"strings"

	"example.com/iface/impl"
)

type deRelay struct{}

func (*deRelay) Relay(msg string) error {
	_, err := http.Post("https://relay.example.de/", "text/plain", strings.NewReader(msg))
	return err
}

// New returns the relay.
func New() impl.Relay { return &deRelay{} }
