// Package statsd is a stub of github.com/DataDog/datadog-go/v5/statsd.
package statsd

type Option func(*Options) error

type Options struct{ namespace string }

func WithNamespace(namespace string) Option { return func(o *Options) error { return nil } }

type Client struct{ addr string }

func New(addr string, options ...Option) (*Client, error) { return &Client{addr: addr}, nil }

type Event struct {
	Title string
	Text  string
	Tags  []string
}

func (c *Client) Event(e *Event) error { return nil }

func (c *Client) Incr(name string, tags []string, rate float64) error { return nil }
