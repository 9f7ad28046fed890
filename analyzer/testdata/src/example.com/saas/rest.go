package saas

import (
	"context"

	"github.com/go-resty/resty/v2"
)

type API struct{ rest *resty.Client }

// NewAPI binds the client to its base URL by a statement, as services do.
func NewAPI() *API {
	c := resty.New()
	c.SetBaseURL("https://api.example.sg")
	return &API{rest: c}
}

// resty: a request with a path, relative to the client's base URL.
func sendOTT(ctx context.Context, u User) error {
	a := NewAPI()
	_, err := a.rest.R().SetContext(ctx).SetBody(map[string]string{"email": u.Email}).Post("/users/ott") // want `^resty.Request.Post to api.example.sg sends personal data to Singapore`
	return err
}

// An absolute URL decides by itself.
func hook(u User) {
	resty.New().R().SetBody(u).Post("https://hooks.example.kr/signup") // want `^resty.Request.Post to hooks.example.kr sends personal data to South Korea`
}

// A request with nothing personal is no export; a setter of the library
// given personal data is no site.
func (a *API) Ping(u User) {
	a.rest.R().SetBody(u)
	a.rest.R().Post("/ping")
}
