// Package gomail is a stub of github.com/gophish/gomail, a fork of gomail.
package gomail

import "net"

type Message struct{ header map[string][]string }

func NewMessage() *Message { return &Message{header: map[string][]string{}} }

func (m *Message) SetHeader(field string, value ...string) { m.header[field] = value }

func (m *Message) SetBody(contentType, body string) {}

type Dialer struct {
	Host string
	Port int
}

func NewWithDialer(dialer *net.Dialer, host string, port int, username, password string) *Dialer {
	return &Dialer{Host: host, Port: port}
}

type SendCloser interface {
	Send(from string, to []string, msg *Message) error
	Close() error
}

func (d *Dialer) Dial() (SendCloser, error) { return nil, nil }

func SendCustomFrom(s SendCloser, from string, msg ...*Message) error { return nil }
