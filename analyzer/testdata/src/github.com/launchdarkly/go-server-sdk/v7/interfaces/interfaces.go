// Package interfaces is a stub of github.com/launchdarkly/go-server-sdk/v7/interfaces.
package interfaces

type ServiceEndpoints struct {
	Streaming string
	Polling   string
	Events    string
}
