// Package posthog is a stub of github.com/posthog/posthog-go.
package posthog

type Message interface{}

type Capture struct {
	DistinctId string
	Event      string
}

type Config struct{ Endpoint string }

type Client interface {
	Enqueue(Message) error
	IsFeatureEnabled(flag string, distinctID string) (interface{}, error)
	Close() error
}

type client struct{ Config }

func (c *client) Enqueue(m Message) error { return nil }

func (c *client) IsFeatureEnabled(flag string, distinctID string) (interface{}, error) {
	return nil, nil
}

func (c *client) Close() error { return nil }

func New(apiKey string) Client { return &client{} }

func NewWithConfig(apiKey string, config Config) (Client, error) { return &client{config}, nil }
