// Package notify is a dependency whose exported API wraps net/http: the
// service's call of its API is the site, never its insides.
package notify

import (
	"net/http"
	"net/url"
)

// Client posts notifications to a server.
type Client struct{ base string }

// New returns a client of the server at base.
func New(base string) *Client { return &Client{base: base} }

// Send posts a notification to an address.
func (c *Client) Send(to, text string) error {
	_, err := http.PostForm(c.base+"/notify", url.Values{"to": {to}, "text": {text}})
	return err
}
