// Package openapi is a stub of github.com/twilio/twilio-go/rest/api/v2010.
package openapi

import "github.com/twilio/twilio-go/client"

type ApiService struct{ requestHandler *client.RequestHandler }

func NewApiService(h *client.RequestHandler) *ApiService { return &ApiService{requestHandler: h} }

type CreateMessageParams struct {
	To   *string
	From *string
	Body *string
}

func (params *CreateMessageParams) SetTo(To string) *CreateMessageParams {
	params.To = &To
	return params
}

func (params *CreateMessageParams) SetFrom(From string) *CreateMessageParams {
	params.From = &From
	return params
}

func (params *CreateMessageParams) SetBody(Body string) *CreateMessageParams {
	params.Body = &Body
	return params
}

type ListMessageParams struct{ To *string }

func (params *ListMessageParams) SetTo(To string) *ListMessageParams {
	params.To = &To
	return params
}

type ApiV2010Message struct{ Sid *string }

func (c *ApiService) CreateMessage(params *CreateMessageParams) (*ApiV2010Message, error) {
	return &ApiV2010Message{}, nil
}

func (c *ApiService) ListMessage(params *ListMessageParams, limit int) ([]ApiV2010Message, error) {
	return nil, nil
}
