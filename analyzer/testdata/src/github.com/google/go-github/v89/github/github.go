// Package github is a stub of github.com/google/go-github/v89/github.
package github

import (
	"context"
	"net/http"
)

type Client struct {
	Users        *UsersService
	Issues       *IssuesService
	Repositories *RepositoriesService
}

type Response struct{}

type User struct{ Login, Name, Email *string }

type UserEmail struct{ Email *string }

type ListOptions struct{ Page int }

type IssueRequest struct{ Title, Body *string }

type Issue struct{ Number *int }

type Repository struct{ Name *string }

type UsersService struct{ client *Client }

type IssuesService struct{ client *Client }

type RepositoriesService struct{ client *Client }

func NewClient(httpClient *http.Client) *Client {
	c := &Client{}
	c.Users, c.Issues, c.Repositories = &UsersService{c}, &IssuesService{c}, &RepositoriesService{c}
	return c
}

func (s *UsersService) Get(ctx context.Context, user string) (*User, *Response, error) {
	return &User{}, &Response{}, nil
}

func (s *UsersService) ListEmails(ctx context.Context, opts *ListOptions) ([]*UserEmail, *Response, error) {
	return nil, &Response{}, nil
}

func (s *IssuesService) Create(ctx context.Context, owner, repo string, issue *IssueRequest) (*Issue, *Response, error) {
	return &Issue{}, &Response{}, nil
}

func (s *RepositoriesService) Get(ctx context.Context, owner, repo string) (*Repository, *Response, error) {
	return &Repository{}, &Response{}, nil
}
