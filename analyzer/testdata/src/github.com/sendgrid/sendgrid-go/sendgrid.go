// Package sendgrid is a stub of github.com/sendgrid/sendgrid-go.
package sendgrid

import (
	"github.com/sendgrid/rest"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
)

type Client struct {
	rest.Request
}

func GetRequest(key, endpoint, host string) rest.Request {
	return rest.Request{BaseURL: host + endpoint}
}

func NewSendClient(key string) *Client { return &Client{GetRequest(key, "/v3/mail/send", "")} }

func (cl *Client) Send(email *mail.SGMailV3) (*rest.Response, error) {
	cl.Body = mail.GetRequestBody(email)
	return MakeRequest(cl.Request)
}

func API(request rest.Request) (*rest.Response, error) { return MakeRequest(request) }

func MakeRequest(request rest.Request) (*rest.Response, error) { return &rest.Response{}, nil }

func SetDataResidency(request rest.Request, region string) (rest.Request, error) {
	request.BaseURL = "https://api." + region + ".sendgrid.com"
	return request, nil
}
