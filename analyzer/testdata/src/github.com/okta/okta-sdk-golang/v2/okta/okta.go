// Package okta is a stub of github.com/okta/okta-sdk-golang/v2/okta.
package okta

import (
	"context"

	"github.com/okta/okta-sdk-golang/v2/okta/query"
)

type config struct{ orgURL, token string }

type ConfigSetter func(*config) *config

func WithOrgUrl(url string) ConfigSetter { return func(c *config) *config { c.orgURL = url; return c } }

func WithToken(token string) ConfigSetter {
	return func(c *config) *config { c.token = token; return c }
}

type Client struct {
	User *UserResource
}

func NewClient(ctx context.Context, conf ...ConfigSetter) (context.Context, *Client, error) {
	return ctx, &Client{User: &UserResource{}}, nil
}

type UserProfile map[string]interface{}

type CreateUserRequest struct {
	Profile *UserProfile
}

type User struct {
	Id      string
	Profile *UserProfile
}

type Response struct{}

type UserResource struct{ orgURL string }

func (m *UserResource) CreateUser(ctx context.Context, body CreateUserRequest, qp *query.Params) (*User, *Response, error) {
	return &User{}, &Response{}, nil
}

func (m *UserResource) UpdateUser(ctx context.Context, userId string, body User, qp *query.Params) (*User, *Response, error) {
	return &User{}, &Response{}, nil
}
