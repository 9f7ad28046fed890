// Package query is a stub of github.com/okta/okta-sdk-golang/v2/okta/query.
package query

type Params struct{ Activate *bool }
