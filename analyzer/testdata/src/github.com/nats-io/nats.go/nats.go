// Package nats is a stub of github.com/nats-io/nats.go.
package nats

import "time"

const DefaultURL = "nats://127.0.0.1:4222"

type Option func(*Options) error

type Options struct{ Url string }

type Msg struct {
	Subject string
	Data    []byte
}

type PubAck struct{ Stream string }

type PubOpt interface{ configurePublish() }

type JSOpt interface{ configureJSContext() }

type JetStream interface {
	Publish(subj string, data []byte, opts ...PubOpt) (*PubAck, error)
}

type JetStreamContext interface {
	JetStream
}

type Conn struct{ url string }

func Connect(url string, options ...Option) (*Conn, error) { return &Conn{url: url}, nil }

func (nc *Conn) Publish(subj string, data []byte) error { return nil }

func (nc *Conn) Request(subj string, data []byte, timeout time.Duration) (*Msg, error) {
	return nil, nil
}

func (nc *Conn) JetStream(opts ...JSOpt) (JetStreamContext, error) { return nil, nil }
