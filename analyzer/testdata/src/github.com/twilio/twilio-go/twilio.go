// Package twilio is a stub of github.com/twilio/twilio-go.
package twilio

import (
	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
	verify "github.com/twilio/twilio-go/rest/verify/v2"
)

type RestClient struct {
	*client.RequestHandler
	Api      *openapi.ApiService
	VerifyV2 *verify.ApiService
}

type ClientParams struct {
	Username   string
	Password   string
	AccountSid string
}

func NewRestClientWithParams(params ClientParams) *RestClient {
	h := &client.RequestHandler{}
	return &RestClient{RequestHandler: h, Api: openapi.NewApiService(h), VerifyV2: verify.NewApiService(h)}
}

func NewRestClient() *RestClient { return NewRestClientWithParams(ClientParams{}) }

func (c *RestClient) SetEdge(edge string) { c.RequestHandler.Edge = edge }

func (c *RestClient) SetRegion(region string) { c.RequestHandler.Region = region }
