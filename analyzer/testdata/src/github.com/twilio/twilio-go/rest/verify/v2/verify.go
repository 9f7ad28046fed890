// Package openapi is a stub of github.com/twilio/twilio-go/rest/verify/v2.
package openapi

import "github.com/twilio/twilio-go/client"

type ApiService struct{ requestHandler *client.RequestHandler }

func NewApiService(h *client.RequestHandler) *ApiService { return &ApiService{requestHandler: h} }

type CreateVerificationParams struct {
	To      *string
	Channel *string
}

func (params *CreateVerificationParams) SetTo(To string) *CreateVerificationParams {
	params.To = &To
	return params
}

func (params *CreateVerificationParams) SetChannel(Channel string) *CreateVerificationParams {
	params.Channel = &Channel
	return params
}

type VerifyV2Verification struct{ Sid *string }

func (c *ApiService) CreateVerification(ServiceSid string, params *CreateVerificationParams) (*VerifyV2Verification, error) {
	return &VerifyV2Verification{}, nil
}
