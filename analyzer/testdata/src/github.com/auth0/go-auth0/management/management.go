// Package management is a stub of github.com/auth0/go-auth0/management.
package management

import "context"

type Option func(*Management)

func WithStaticToken(token string) Option { return func(m *Management) {} }

type RequestOption interface{}

type Management struct {
	User   *UserManager
	domain string
}

func New(domain string, options ...Option) (*Management, error) {
	m := &Management{domain: domain}
	m.User = &UserManager{management: m}
	return m, nil
}

type User struct {
	ID    *string
	Email *string
	Name  *string
}

type UserManager struct{ management *Management }

func (m *UserManager) Create(ctx context.Context, u *User, opts ...RequestOption) error { return nil }

func (m *UserManager) Update(ctx context.Context, id string, u *User, opts ...RequestOption) error {
	return nil
}

func (m *UserManager) Delete(ctx context.Context, id string, opts ...RequestOption) error { return nil }
