// Package option is a stub of google.golang.org/api/option.
package option

type ClientOption interface{}

func WithEndpoint(url string) ClientOption { return nil }

func WithCredentialsFile(filename string) ClientOption { return nil }
