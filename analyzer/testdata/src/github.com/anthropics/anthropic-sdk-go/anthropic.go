// Package anthropic is a stub of github.com/anthropics/anthropic-sdk-go.
package anthropic

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go/option"
)

type MessageNewParams struct {
	Model     string
	MaxTokens int64
	Messages  []string
}

type Message struct{ ID string }

type MessageService struct{ opts []option.RequestOption }

func (r *MessageService) New(ctx context.Context, body MessageNewParams, opts ...option.RequestOption) (*Message, error) {
	return &Message{}, nil
}

type ModelInfo struct{ ID string }

type ModelService struct{ opts []option.RequestOption }

func (r *ModelService) Get(ctx context.Context, modelID string, opts ...option.RequestOption) (*ModelInfo, error) {
	return &ModelInfo{}, nil
}

type Client struct {
	Messages MessageService
	Models   ModelService
}

func NewClient(opts ...option.RequestOption) Client { return Client{} }
