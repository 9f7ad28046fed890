// Package config is a stub of github.com/aws/aws-sdk-go-v2/config.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type LoadOptions struct{ Region string }

type LoadOptionsFunc func(*LoadOptions) error

func WithRegion(v string) LoadOptionsFunc { return nil }

func WithSharedConfigProfile(v string) LoadOptionsFunc { return nil }

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	return aws.Config{}, nil
}
