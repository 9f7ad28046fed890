// Package messaging is a stub of firebase.google.com/go/v4/messaging.
package messaging

import "context"

type Notification struct {
	Title string
	Body  string
}

type Message struct {
	Token        string
	Topic        string
	Notification *Notification
	Data         map[string]string
}

type Client struct{}

func (c *Client) Send(ctx context.Context, message *Message) (string, error) { return "", nil }

type MulticastMessage struct {
	Tokens       []string
	Notification *Notification
	Data         map[string]string
}

type BatchResponse struct{ SuccessCount int }

func (c *Client) SendEachForMulticast(ctx context.Context, message *MulticastMessage) (*BatchResponse, error) {
	return &BatchResponse{}, nil
}
