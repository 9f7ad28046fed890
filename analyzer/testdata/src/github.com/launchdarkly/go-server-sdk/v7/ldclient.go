// Package ldclient is a stub of github.com/launchdarkly/go-server-sdk/v7.
package ldclient

import (
	"time"

	"github.com/launchdarkly/go-sdk-common/v3/ldcontext"
	"github.com/launchdarkly/go-server-sdk/v7/interfaces"
)

type Config struct {
	Offline          bool
	ServiceEndpoints interfaces.ServiceEndpoints
}

type LDClient struct{ sdkKey string }

func MakeClient(sdkKey string, waitFor time.Duration) (*LDClient, error) {
	return &LDClient{sdkKey: sdkKey}, nil
}

func MakeCustomClient(sdkKey string, config Config, waitFor time.Duration) (*LDClient, error) {
	return &LDClient{sdkKey: sdkKey}, nil
}

func (client *LDClient) BoolVariation(key string, context ldcontext.Context, defaultVal bool) (bool, error) {
	return defaultVal, nil
}

func (client *LDClient) Close() error { return nil }
