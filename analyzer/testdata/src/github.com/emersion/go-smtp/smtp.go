// Package smtp is a stub of github.com/emersion/go-smtp.
package smtp

import "io"

type Client struct{ addr string }

type MailOptions struct{}

type RcptOptions struct{}

type DataCommand struct{ c *Client }

func (w *DataCommand) Write(p []byte) (int, error) { return len(p), nil }

func (w *DataCommand) Close() error { return nil }

func Dial(addr string) (*Client, error) { return &Client{addr: addr}, nil }

func (c *Client) Mail(from string, opts *MailOptions) error { return nil }

func (c *Client) Rcpt(to string, opts *RcptOptions) error { return nil }

func (c *Client) Data() (*DataCommand, error) { return &DataCommand{c: c}, nil }

func (c *Client) SendMail(from string, to []string, r io.Reader) error { return nil }

func (c *Client) Close() error { return nil }
