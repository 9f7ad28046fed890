// Package lookalike has methods of the same names as vendors' SDKs, in
// another import path: they are followed as code, not known as SDKs.
package lookalike

type Client struct{ outbox []string }

func (c *Client) SendEmail(to, body string) error {
	c.outbox = append(c.outbox, to+body)
	return nil
}

func (c *Client) Track(distinctID, event string) error {
	c.outbox = append(c.outbox, distinctID+event)
	return nil
}
