// Package option is a stub of github.com/openai/openai-go/v3/option.
package option

type RequestOption func(*config)

type config struct{ baseURL string }

func WithBaseURL(base string) RequestOption { return func(c *config) { c.baseURL = base } }

func WithAPIKey(key string) RequestOption { return func(c *config) {} }
