package vendors

import (
	"context"
	"os"

	"github.com/auth0/go-auth0"
	"github.com/auth0/go-auth0/management"
	"github.com/okta/okta-sdk-golang/v2/okta"
)

// Auth0: the tenant's domain places the user store; an EU tenant names no
// country.
func createAuth0User(u User) {
	m, _ := management.New("example.eu.auth0.com", management.WithStaticToken("t"))
	m.User.Create(context.Background(), &management.User{Email: auth0.String(u.Email)}) // want `^management.UserManager.Create to example.eu.auth0.com: cannot decide where it stores personal data: Auth0 EU region names no country`
}

// A domain given as a URL, of an Australian tenant.
func updateAuth0User(u User) {
	m, _ := management.New("https://example.au.auth0.com", management.WithStaticToken("t"))
	m.User.Update(context.Background(), u.ID, &management.User{Name: auth0.String(u.Name)}) // want `^management.UserManager.Update to example.au.auth0.com stores personal data in Australia`
}

// A domain not known statically is a note naming where it comes from.
func createAuth0UserAt(u User) {
	m, _ := management.New(os.Getenv("AUTH0_DOMAIN"))
	m.User.Create(context.Background(), &management.User{Email: auth0.String(u.Email)}) // want `^management.UserManager.Create: cannot decide where it stores personal data: the domain comes from os.Getenv\("AUTH0_DOMAIN"\)`
}

// Okta: the org URL places the user store; an EMEA org names no country.
func createOktaUser(u User) {
	ctx, c, _ := okta.NewClient(context.Background(), okta.WithOrgUrl("https://example.okta-emea.com"), okta.WithToken("t"))
	profile := okta.UserProfile{"email": u.Email, "login": u.Email}
	c.User.CreateUser(ctx, okta.CreateUserRequest{Profile: &profile}, nil) // want `^okta.UserResource.CreateUser to example.okta-emea.com: cannot decide where it stores personal data: Okta EMEA cell names no country`
}

// A deletion keyed by the user's ID is no call of the table: no site.
func deleteAuth0User(u User) {
	m, _ := management.New("example.eu.auth0.com", management.WithStaticToken("t"))
	m.User.Delete(context.Background(), u.ID)
}
