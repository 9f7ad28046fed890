// Package ownapi is the service's own API as oapi-codegen generates it with
// both its client and its server side (-generate types,client,chi-server):
// only what the analysis reads of such a package.
package ownapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// CreateUserJSONRequestBody defines body for CreateUser.
type CreateUserJSONRequestBody struct {
	Email    *string `json:"email,omitempty"`
	Username string  `json:"username"`
}

// HttpRequestDoer performs HTTP requests.
type HttpRequestDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

// Client which conforms to the OpenAPI3 specification for this service.
type Client struct {
	Server string
	Client HttpRequestDoer
}

// ClientWithResponses builds on Client to offer response payloads.
type ClientWithResponses struct {
	ClientInterface
}

// ClientInterface is the interface specification for the client above.
type ClientInterface interface {
	CreateUser(ctx context.Context, body CreateUserJSONRequestBody) (*http.Response, error)
}

// NewClientWithResponses creates a new ClientWithResponses.
func NewClientWithResponses(server string) (*ClientWithResponses, error) {
	return &ClientWithResponses{&Client{Server: server, Client: &http.Client{}}}, nil
}

// CreateUser sends the body to the server.
func (c *Client) CreateUser(ctx context.Context, body CreateUserJSONRequestBody) (*http.Response, error) {
	buf, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Server+"/users", bytes.NewReader(buf))
	if err != nil {
		return nil, err
	}
	return c.Client.Do(req)
}

// CreateUserWithResponse calls CreateUser.
func (c *ClientWithResponses) CreateUserWithResponse(ctx context.Context, body CreateUserJSONRequestBody) (*http.Response, error) {
	return c.ClientInterface.CreateUser(ctx, body)
}

// ServerInterface represents all server handlers.
type ServerInterface interface {
	// (POST /users)
	CreateUser(w http.ResponseWriter, r *http.Request)
}
