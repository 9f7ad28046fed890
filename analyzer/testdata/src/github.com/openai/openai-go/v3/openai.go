// Package openai is a stub of github.com/openai/openai-go/v3 (v2 and later move the module to /vN).
package openai

import (
	"context"

	"github.com/openai/openai-go/v3/option"
)

type ChatCompletionNewParams struct {
	Model    string
	Messages []string
}

type ChatCompletion struct{ ID string }

type ChatCompletionService struct{ opts []option.RequestOption }

func (r *ChatCompletionService) New(ctx context.Context, body ChatCompletionNewParams, opts ...option.RequestOption) (*ChatCompletion, error) {
	return &ChatCompletion{}, nil
}

type ChatService struct{ Completions *ChatCompletionService }

type Client struct{ Chat *ChatService }

func NewClient(opts ...option.RequestOption) *Client { return &Client{} }
