package clients

import (
	"context"
	"os"

	"example.com/clients/ownapi"
)

// A client generated with the service's own server (ownapi declares
// ServerInterface too): bound to the server URL the CLI is configured
// with, it is the service calling itself, no export.
func registerOwn(ctx context.Context, u User) {
	c, _ := ownapi.NewClientWithResponses(os.Getenv("SERVER_URL"))
	c.CreateUserWithResponse(ctx, ownapi.CreateUserJSONRequestBody{Email: &u.Email, Username: u.Name})
}

// Look-alike: the same client bound to a host written in the code is
// reported; a self block names the service's own domains.
func registerAbroad(ctx context.Context, u User) {
	c, _ := ownapi.NewClientWithResponses("https://api.example.cn")
	c.CreateUserWithResponse(ctx, ownapi.CreateUserJSONRequestBody{Email: &u.Email, Username: u.Name}) // want `^ownapi.ClientWithResponses.CreateUserWithResponse to api.example.cn sends personal data to China`
}
