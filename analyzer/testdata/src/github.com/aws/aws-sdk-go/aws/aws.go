// Package aws is a stub of github.com/aws/aws-sdk-go/aws (SDK v1).
package aws

type Config struct {
	Region   *string
	Endpoint *string
}

func String(v string) *string { return &v }

func StringValue(v *string) string { return *v }

func NewConfig() *Config { return &Config{} }

func (c *Config) WithRegion(region string) *Config { return c }
