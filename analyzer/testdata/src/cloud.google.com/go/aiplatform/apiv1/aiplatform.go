// Package aiplatform is a stub of cloud.google.com/go/aiplatform/apiv1.
package aiplatform

import (
	"context"

	"google.golang.org/api/option"
)

type PredictionClient struct{}

func NewPredictionClient(ctx context.Context, opts ...option.ClientOption) (*PredictionClient, error) {
	return &PredictionClient{}, nil
}

type PredictRequest struct {
	Endpoint  string
	Instances []any
}

type PredictResponse struct{}

func (c *PredictionClient) Predict(ctx context.Context, req *PredictRequest) (*PredictResponse, error) {
	return nil, nil
}
