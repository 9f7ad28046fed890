// Package api is the command-line client of the service's own API: its
// requests go to the service itself, which the self block names.
package api

import "github.com/go-resty/resty/v2"

const Endpoint = "https://api.example-photos.com"

type Client struct{ rest *resty.Client }

type Account struct {
	Email string
}

// New binds the client to the service's own API, or to a host given.
func New(host string) *Client {
	c := resty.New()
	if host == "" {
		c.SetBaseURL(Endpoint)
	} else {
		c.SetBaseURL("https://" + host + ".example-photos.com")
	}
	return &Client{rest: c}
}

// SendOTP asks the service to mail a code to the account's address.
func (c *Client) SendOTP(a Account) error {
	_, err := c.rest.R().SetBody(map[string]string{"email": a.Email}).Post("/users/ott")
	return err
}

// Report sends the address to a partner's host: no domain of the service.
func Report(a Account) error {
	_, err := resty.New().R().SetBody(a).Post("https://crm.example.cn/accounts") // want `^resty.Request.Post to crm.example.cn sends personal data to China`
	return err
}
