package clients

import (
	"context"
	"net/http"
	"os"

	"example.com/clients/authapi"
)

// A client oapi-codegen generated, in another package: the service's call
// of an operation is the site, placed by the server URL it bound the
// client to.
func invite(ctx context.Context, email string) error {
	c, err := authapi.NewClientWithResponses("https://auth.example.kr", authapi.WithHTTPClient(&http.Client{}))
	if err != nil {
		return err
	}
	_, err = c.CreateUserWithResponse(ctx, authapi.CreateUserJSONRequestBody{Email: &email, Username: email}) // want `^authapi.ClientWithResponses.CreateUserWithResponse to auth.example.kr sends personal data to South Korea`
	return err
}

// Through the generated interface, bound elsewhere.
type Directory struct {
	api authapi.ClientWithResponsesInterface
}

func NewDirectory() (*Directory, error) {
	c, err := authapi.NewClientWithResponses(os.Getenv("AUTH_API_URL"))
	if err != nil {
		return nil, err
	}
	return &Directory{api: c}, nil
}

func (d *Directory) Add(ctx context.Context, u User) error {
	_, err := d.api.CreateUserWithResponse(ctx, authapi.CreateUserJSONRequestBody{Email: &u.Email, Username: u.Name}) // want `^authapi.ClientWithResponsesInterface.CreateUserWithResponse: cannot decide where it sends personal data: the URL comes from os.Getenv\("AUTH_API_URL"\)`
	return err
}

// WithBaseURL overrides the server given first.
func lookup(ctx context.Context, u User) {
	c, _ := authapi.NewClient("https://auth.example.jp", authapi.WithBaseURL("https://auth.example.cn"))
	c.GetUser(ctx, u.Email) // want `^authapi.Client.GetUser to auth.example.cn sends personal data to China`
}

// Look-alikes: a client bound to this machine, and an operation given
// nothing personal.
func oapiLookalikes(ctx context.Context, u User) {
	local, _ := authapi.NewClientWithResponses("http://localhost:8000")
	local.CreateUserWithResponse(ctx, authapi.CreateUserJSONRequestBody{Email: &u.Email})
	remote, _ := authapi.NewClientWithResponses("https://auth.example.kr")
	remote.HealthCheckWithResponse(ctx)
}

type ctxKey struct{}

// A context that holds the user is no data of the operation.
func health(ctx context.Context, u User) {
	ctx = context.WithValue(ctx, ctxKey{}, u)
	c, _ := authapi.NewClientWithResponses("https://auth.example.kr")
	c.HealthCheckWithResponse(ctx)
}
