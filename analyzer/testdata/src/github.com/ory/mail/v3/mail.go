// Package mail is a stub of github.com/ory/mail/v3, a fork of gomail.
package mail

import (
	"context"
	"io"
)

type Message struct{ header map[string][]string }

func NewMessage() *Message { return &Message{header: map[string][]string{}} }

func (m *Message) SetHeader(field string, value ...string) { m.header[field] = value }
func (m *Message) WriteTo(w io.Writer) (int64, error)      { return 0, nil }
func (m *Message) SetBody(contentType, body string)        {}

type Dialer struct {
	Host string
	Port int
}

type Sender interface {
	Send(ctx context.Context, from string, to []string, msg io.WriterTo) error
}

type SendCloser interface {
	Sender
	Close() error
}

func (d *Dialer) Dial(ctx context.Context) (SendCloser, error) { return nil, nil }

func (d *Dialer) DialAndSend(ctx context.Context, m ...*Message) error { return nil }

func Send(ctx context.Context, s Sender, msg ...*Message) error { return nil }
