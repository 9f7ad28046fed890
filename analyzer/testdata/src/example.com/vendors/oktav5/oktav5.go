// Package oktav5 creates users with okta-sdk-golang v5, whose generated
// client builds a request and sends it with Execute.
package oktav5

import (
	"context"

	"github.com/okta/okta-sdk-golang/v5/okta"
)

type User struct {
	ID    string
	Email string
}

func createUser(u User) {
	cfg, _ := okta.NewConfiguration(okta.WithOrgUrl("https://example.okta-emea.com"), okta.WithToken("t"))
	c := okta.NewAPIClient(cfg)
	body := okta.CreateUserRequest{Profile: okta.UserProfile{Email: &u.Email, Login: &u.Email}}
	c.UserAPI.CreateUser(context.Background()).Body(body).Execute() // want `^okta.ApiCreateUserRequest.Execute to example.okta-emea.com: cannot decide where it stores personal data: Okta EMEA cell names no country`
}

// A read keyed by the user's ID is no call of the table.
func getUser(u User) {
	cfg, _ := okta.NewConfiguration(okta.WithOrgUrl("https://example.okta-emea.com"))
	c := okta.NewAPIClient(cfg)
	c.UserAPI.GetUser(context.Background(), u.ID).Execute()
}

// A request given nothing personal is no export.
func createServiceUser() {
	cfg, _ := okta.NewConfiguration(okta.WithOrgUrl("https://example.okta-emea.com"))
	c := okta.NewAPIClient(cfg)
	login := "svc-backup"
	c.UserAPI.CreateUser(context.Background()).Body(okta.CreateUserRequest{Profile: okta.UserProfile{Login: &login}}).Execute()
}
