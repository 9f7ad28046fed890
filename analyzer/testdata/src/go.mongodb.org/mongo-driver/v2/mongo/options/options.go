// Package options is a stub of go.mongodb.org/mongo-driver/v2/mongo/options.
package options

type ClientOptions struct{ uri string }

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { c.uri = uri; return c }
