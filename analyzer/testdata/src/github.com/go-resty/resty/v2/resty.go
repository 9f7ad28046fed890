// Package resty is a stub of github.com/go-resty/resty/v2.
package resty

import "context"

type Response struct{ Body []byte }

type Client struct{ BaseURL string }

type Request struct {
	URL  string
	Body any
}

func New() *Client { return &Client{} }

func (c *Client) SetBaseURL(url string) *Client { c.BaseURL = url; return c }

func (c *Client) R() *Request { return &Request{} }

func (r *Request) SetContext(ctx context.Context) *Request { return r }

func (r *Request) SetBody(body any) *Request { r.Body = body; return r }

func (r *Request) SetResult(res any) *Request { return r }

func (r *Request) Post(url string) (*Response, error) { return &Response{}, nil }

func (r *Request) Get(url string) (*Response, error) { return &Response{}, nil }
