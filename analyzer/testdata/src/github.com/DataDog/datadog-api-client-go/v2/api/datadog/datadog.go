// Package datadog is a stub of github.com/DataDog/datadog-api-client-go/v2/api/datadog.
package datadog

import "context"

type contextKey string

var (
	ContextAPIKeys         = contextKey("apiKeys")
	ContextServerVariables = contextKey("serverVariables")
)

type Configuration struct{ Compress bool }

func NewConfiguration() *Configuration { return &Configuration{} }

type APIClient struct{ Cfg *Configuration }

func NewAPIClient(cfg *Configuration) *APIClient { return &APIClient{Cfg: cfg} }

func NewDefaultContext(ctx context.Context) context.Context { return ctx }
