// Package postmark is a stub of github.com/mrz1836/postmark.
package postmark

import "context"

type Client struct{ BaseURL string }

func NewClient(serverToken, accountToken string) *Client {
	return &Client{BaseURL: "https://api.postmarkapp.com"}
}

type Email struct {
	From     string
	To       string
	Subject  string
	TextBody string
}

type EmailResponse struct{ MessageID string }

func (client *Client) SendEmail(ctx context.Context, email Email) (EmailResponse, error) {
	return EmailResponse{}, nil
}
