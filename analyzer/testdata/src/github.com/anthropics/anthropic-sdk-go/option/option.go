// Package option is a stub of github.com/anthropics/anthropic-sdk-go/option.
package option

type RequestOption func(*config)

type config struct{ baseURL string }

func WithBaseURL(base string) RequestOption { return func(c *config) { c.baseURL = base } }

func WithAPIKey(key string) RequestOption { return func(c *config) {} }
