// Package api is a client of a partner's API; its callers give the base URL.
package api

import (
	"net/http"
	"strings"
)

type Client struct {
	BaseURL string
}

// Notify sends an email address to the partner.
func (c *Client) Notify(email string) error {
	_, err := http.Post(c.BaseURL+"/notify", "text/plain", strings.NewReader(email))
	return err
}

// Post sends text to a URL.
func Post(url, text string) error {
	_, err := http.Post(url, "text/plain", strings.NewReader(text))
	return err
}

// Welcome sends an email address to a URL its caller gives.
func Welcome(url, email string) error { return Post(url, email) }
