// Package mail is a stub of github.com/wneessen/go-mail.
package mail

import "context"

type Msg struct {
	to   []string
	body string
}

func NewMsg() *Msg { return &Msg{} }

func (m *Msg) From(addr string) error { return nil }

func (m *Msg) To(rcpts ...string) error { m.to = rcpts; return nil }

func (m *Msg) Subject(s string) {}

func (m *Msg) SetBodyString(contentType, body string) { m.body = body }

type Option func(*Client) error

func WithPort(port int) Option { return func(*Client) error { return nil } }

type Client struct{ host string }

func NewClient(host string, opts ...Option) (*Client, error) { return &Client{host: host}, nil }

func (c *Client) DialAndSend(messages ...*Msg) error { return nil }

func (c *Client) DialAndSendWithContext(ctx context.Context, messages ...*Msg) error { return nil }
