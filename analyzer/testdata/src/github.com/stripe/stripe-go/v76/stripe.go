// Package stripe is a stub of github.com/stripe/stripe-go/v76.
package stripe

// Key is the secret API key.
var Key string

// Backend sends every request; a call inside the SDK, never a site.
type Backend interface {
	Call(method, path, key string, params any, v any) error
}

func String(v string) *string { return &v }

func Int64(v int64) *int64 { return &v }

type CustomerParams struct {
	Email *string
	Name  *string
}

type Customer struct{ ID string }

type PriceParams struct {
	Currency   *string
	UnitAmount *int64
}

type Price struct{ ID string }
