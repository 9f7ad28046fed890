// Package auth0 is a stub of github.com/auth0/go-auth0.
package auth0

func String(s string) *string { return &s }
