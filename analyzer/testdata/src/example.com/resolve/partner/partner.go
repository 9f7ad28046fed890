// Package partner is a small client library: its callers decide what it
// sends and where.
package partner

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// PostJSON sends v to url as JSON.
func PostJSON(url string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = http.Post(url, "application/json", bytes.NewReader(b))
	return err
}

// Track sends an event to a fixed host.
func Track(event any) { PostJSON("https://track.example.us/e", event) }

// Client sends to one base URL.
type Client struct{ base string }

func New(base string) *Client { return &Client{base: base} }

// Send posts v to a path under the base URL.
func (c *Client) Send(path string, v any) error { return PostJSON(c.base+path, v) }
