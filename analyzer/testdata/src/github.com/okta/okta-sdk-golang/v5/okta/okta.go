// Package okta is a stub of github.com/okta/okta-sdk-golang/v5/okta.
package okta

import "context"

type Configuration struct{ orgURL, token string }

type ConfigSetter func(*Configuration)

func WithOrgUrl(rawUrl string) ConfigSetter { return func(c *Configuration) { c.orgURL = rawUrl } }

func WithToken(token string) ConfigSetter { return func(c *Configuration) { c.token = token } }

func NewConfiguration(conf ...ConfigSetter) (*Configuration, error) {
	c := &Configuration{}
	for _, f := range conf {
		f(c)
	}
	return c, nil
}

type UserAPI interface {
	CreateUser(ctx context.Context) ApiCreateUserRequest
	GetUser(ctx context.Context, id string) ApiGetUserRequest
}

type UserAPIService struct{ cfg *Configuration }

type APIClient struct {
	cfg     *Configuration
	UserAPI UserAPI
}

func NewAPIClient(cfg *Configuration) *APIClient {
	return &APIClient{cfg: cfg, UserAPI: &UserAPIService{cfg: cfg}}
}

type UserProfile struct {
	Email *string
	Login *string
}

type CreateUserRequest struct{ Profile UserProfile }

type User struct{ Id *string }

type APIResponse struct{}

type ApiCreateUserRequest struct {
	ctx        context.Context
	ApiService UserAPI
	body       *CreateUserRequest
}

func (r ApiCreateUserRequest) Body(body CreateUserRequest) ApiCreateUserRequest {
	r.body = &body
	return r
}

func (r ApiCreateUserRequest) Execute() (*User, *APIResponse, error) {
	return &User{}, &APIResponse{}, nil
}

type ApiGetUserRequest struct {
	ctx        context.Context
	ApiService UserAPI
	id         string
}

func (r ApiGetUserRequest) Execute() (*User, *APIResponse, error) {
	return &User{}, &APIResponse{}, nil
}

func (a *UserAPIService) CreateUser(ctx context.Context) ApiCreateUserRequest {
	return ApiCreateUserRequest{ctx: ctx, ApiService: a}
}

func (a *UserAPIService) GetUser(ctx context.Context, id string) ApiGetUserRequest {
	return ApiGetUserRequest{ctx: ctx, ApiService: a, id: id}
}
