// Package rest is a stub of github.com/sendgrid/rest.
package rest

type Method string

type Request struct {
	Method  Method
	BaseURL string
	Headers map[string]string
	Body    []byte
}

type Response struct {
	StatusCode int
	Body       string
}
