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
