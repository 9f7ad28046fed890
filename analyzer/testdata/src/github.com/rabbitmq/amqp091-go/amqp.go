// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go.
package amqp091

import "context"

type Publishing struct {
	ContentType string
	Body        []byte
}

type Connection struct{ url string }

type Channel struct{ conn *Connection }

func Dial(url string) (*Connection, error) { return &Connection{url: url}, nil }

func (c *Connection) Channel() (*Channel, error) { return &Channel{conn: c}, nil }

func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
