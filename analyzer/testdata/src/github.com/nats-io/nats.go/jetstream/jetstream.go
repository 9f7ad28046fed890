// Package jetstream is a stub of github.com/nats-io/nats.go/jetstream.
package jetstream

import (
	"context"

	"github.com/nats-io/nats.go"
)

type PubAck struct{ Stream string }

type PublishOpt func(*pubOpts) error

type pubOpts struct{ id string }

type JetStreamOpt func(*jsOpts) error

type jsOpts struct{ domain string }

type JetStream interface {
	Publish(ctx context.Context, subject string, payload []byte, opts ...PublishOpt) (*PubAck, error)
}

func New(nc *nats.Conn, opts ...JetStreamOpt) (JetStream, error) { return nil, nil }
