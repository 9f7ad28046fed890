// Package messaging is a stub of firebase.google.com/go/v4/messaging. As
// there, Client's sending methods are promoted from an unexported type it
// embeds.
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

// Client embeds the clients of the FCM and Instance ID APIs.
type Client struct {
	*fcmClient
	*iidClient
}

type fcmClient struct{}

type iidClient struct{}

func (c *fcmClient) Send(ctx context.Context, message *Message) (string, error) { return "", nil }

type MulticastMessage struct {
	Tokens       []string
	Notification *Notification
	Data         map[string]string
}

type BatchResponse struct{ SuccessCount int }

func (c *fcmClient) SendEachForMulticast(ctx context.Context, message *MulticastMessage) (*BatchResponse, error) {
	return &BatchResponse{}, nil
}

type TopicManagementResponse struct{ SuccessCount int }

func (c *iidClient) SubscribeToTopic(ctx context.Context, tokens []string, topic string) (*TopicManagementResponse, error) {
	return &TopicManagementResponse{}, nil
}

func (c *iidClient) UnsubscribeFromTopic(ctx context.Context, tokens []string, topic string) (*TopicManagementResponse, error) {
	return &TopicManagementResponse{}, nil
}
