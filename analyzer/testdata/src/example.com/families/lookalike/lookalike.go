// Package lookalike has functions and methods named as the SDKs' ones in
// another import path: they are followed as code, not known as SDK calls.
package lookalike

import "context"

type Client struct{ log []string }

func (c *Client) PostMessage(channelID string, text string) { c.log = append(c.log, text) }

func (c *Client) Enqueue(m interface{}) error { return nil }

func SendNotification(message []byte, endpoint string) error { return nil }

type MessageService struct{ drafts []string }

func (r *MessageService) New(ctx context.Context, text string) { r.drafts = append(r.drafts, text) }
