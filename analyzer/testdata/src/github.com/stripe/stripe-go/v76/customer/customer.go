// Package customer is a stub of github.com/stripe/stripe-go/v76/customer.
package customer

import stripe "github.com/stripe/stripe-go/v76"

type Client struct {
	B   stripe.Backend
	Key string
}

func New(params *stripe.CustomerParams) (*stripe.Customer, error) { return (&Client{}).New(params) }

func (c Client) New(params *stripe.CustomerParams) (*stripe.Customer, error) {
	err := c.B.Call("POST", "/v1/customers", c.Key, params, nil)
	return &stripe.Customer{}, err
}

func Get(id string, params *stripe.CustomerParams) (*stripe.Customer, error) {
	return &stripe.Customer{}, nil
}

func (c Client) Del(id string, params *stripe.CustomerParams) (*stripe.Customer, error) {
	err := c.B.Call("DELETE", "/v1/customers/"+id, c.Key, params, nil)
	return &stripe.Customer{}, err
}
