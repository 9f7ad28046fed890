// Package client is a stub of github.com/twilio/twilio-go/client.
package client

type RequestHandler struct {
	Edge   string
	Region string
}
