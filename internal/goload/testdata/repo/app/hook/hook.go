// Package hook posts what happens to customers to a URL its callers
// configure: they give it only an environment variable, so the calls
// inside are the sites, each naming the variables.
package hook

import (
	"net/http"
	"strings"
)

type Customer struct {
	Email string
}

type Hook struct {
	url string
}

func New(url string) *Hook { return &Hook{url: url} }

func newest() Customer { return Customer{} }

// Joined posts the newest customer's address.
func (h *Hook) Joined() error {
	_, err := http.Post(h.url, "text/plain", strings.NewReader(newest().Email))
	return err
}

// Left posts it to another path.
func (h *Hook) Left() error {
	_, err := http.Post(h.url+"/left", "text/plain", strings.NewReader(newest().Email))
	return err
}
