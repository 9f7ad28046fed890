// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws.
package aws

type Config struct {
	Region       string
	BaseEndpoint *string
}

func String(s string) *string { return &s }

func ToString(p *string) string { return *p }

type Endpoint struct {
	URL               string
	HostnameImmutable bool
}
