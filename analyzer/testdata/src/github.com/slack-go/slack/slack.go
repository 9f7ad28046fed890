// Package slack is a stub of github.com/slack-go/slack.
package slack

type Client struct{ token string }

func New(token string) *Client { return &Client{token: token} }

type MsgOption func(*msgConfig)

type msgConfig struct{ text string }

func MsgOptionText(text string, escape bool) MsgOption {
	return func(c *msgConfig) { c.text = text }
}

func (api *Client) PostMessage(channelID string, options ...MsgOption) (string, string, error) {
	return "", "", nil
}

type User struct{ Name string }

func (api *Client) GetUserInfo(user string) (*User, error) { return &User{}, nil }

type WebhookMessage struct{ Text string }

func PostWebhook(url string, msg *WebhookMessage) error { return nil }
