package openai

import (
	"context"

	"github.com/openai/openai-go/option"
)

type ModerationNewParams struct{ Input string }

type ModerationNewResponse struct{ ID string }

type ModerationService struct{ opts []option.RequestOption }

func NewModerationService(opts ...option.RequestOption) (r ModerationService) {
	return ModerationService{opts: opts}
}

func (r *ModerationService) New(ctx context.Context, body ModerationNewParams, opts ...option.RequestOption) (*ModerationNewResponse, error) {
	return &ModerationNewResponse{}, nil
}
