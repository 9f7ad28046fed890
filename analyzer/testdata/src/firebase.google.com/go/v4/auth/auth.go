// Package auth is a stub of firebase.google.com/go/v4/auth.
package auth

import "context"

type UserToCreate struct{ params map[string]interface{} }

func (u *UserToCreate) Email(email string) *UserToCreate {
	u.set("email", email)
	return u
}

func (u *UserToCreate) DisplayName(name string) *UserToCreate {
	u.set("displayName", name)
	return u
}

func (u *UserToCreate) set(k string, v interface{}) {
	if u.params == nil {
		u.params = map[string]interface{}{}
	}
	u.params[k] = v
}

type UserRecord struct{ UID string }

type Client struct{}

func (c *Client) CreateUser(ctx context.Context, user *UserToCreate) (*UserRecord, error) {
	return &UserRecord{}, nil
}

func (c *Client) GetUserByEmail(ctx context.Context, email string) (*UserRecord, error) {
	return &UserRecord{}, nil
}
