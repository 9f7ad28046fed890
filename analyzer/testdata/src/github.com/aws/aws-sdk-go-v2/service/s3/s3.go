// Package s3 is a stub of github.com/aws/aws-sdk-go-v2/service/s3.
package s3

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct {
	Region       string
	BaseEndpoint *string
	// EndpointResolver is deprecated in the SDK, in favour of BaseEndpoint.
	EndpointResolver EndpointResolver
}

type EndpointResolver interface{ resolve() }

type urlResolver struct{ url string }

func (urlResolver) resolve() {}

func EndpointResolverFromURL(url string, optFns ...func(*aws.Endpoint)) EndpointResolver {
	return urlResolver{url: url}
}

type Client struct{}

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

type PutObjectInput struct {
	Bucket *string
	Key    *string
	Body   io.Reader
}

type PutObjectOutput struct{}

func (c *Client) PutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*Options)) (*PutObjectOutput, error) {
	return nil, nil
}

type GetObjectInput struct {
	Bucket *string
	Key    *string
}

type GetObjectOutput struct{ Body io.ReadCloser }

func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return nil, nil
}

type DeleteObjectInput struct {
	Bucket *string
	Key    *string
}

type DeleteObjectOutput struct{}

func (c *Client) DeleteObject(ctx context.Context, params *DeleteObjectInput, optFns ...func(*Options)) (*DeleteObjectOutput, error) {
	return nil, nil
}

// PresignClient signs requests for others to send.
type PresignClient struct{ client *Client }

type PresignOptions struct{}

type PresignedHTTPRequest struct {
	URL    string
	Method string
}

func NewPresignClient(c *Client, optFns ...func(*PresignOptions)) *PresignClient {
	return &PresignClient{client: c}
}

func (c *PresignClient) PresignGetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*PresignOptions)) (*PresignedHTTPRequest, error) {
	return nil, nil
}

func (c *PresignClient) PresignPutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*PresignOptions)) (*PresignedHTTPRequest, error) {
	return nil, nil
}
