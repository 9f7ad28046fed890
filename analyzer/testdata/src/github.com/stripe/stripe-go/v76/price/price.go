// Package price is a stub of github.com/stripe/stripe-go/v76/price.
package price

import stripe "github.com/stripe/stripe-go/v76"

func New(params *stripe.PriceParams) (*stripe.Price, error) { return &stripe.Price{}, nil }
