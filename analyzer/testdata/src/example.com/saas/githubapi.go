package saas

import (
	"context"
	"net/http"

	"github.com/google/go-github/v89/github"
)

// go-github: a client's calls go to api.github.com. Reading the signed-in
// user's profile with their token names a person; a repository's
// metadata read with the service's own token is no site.
func githubLogin(ctx context.Context, oauth *http.Client, u User) error {
	gh := github.NewClient(oauth)
	if _, _, err := gh.Users.Get(ctx, ""); err != nil { // want `^github.UsersService.Get to api.github.com: cannot decide where it sends personal data`
		return err
	}
	title := "Report from " + u.Email
	_, _, err := gh.Issues.Create(ctx, "acme", "support", &github.IssueRequest{Title: &title}) // want `^github.IssuesService.Create to api.github.com: cannot decide where it sends personal data`
	if err != nil {
		return err
	}
	_, _, err = gh.Repositories.Get(ctx, "acme", "support")
	return err
}
