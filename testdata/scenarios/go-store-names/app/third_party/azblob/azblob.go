// Package azblob is a stub of github.com/Azure/azure-sdk-for-go/sdk/storage/azblob.
package azblob

import "context"

type Client struct{}

type ClientOptions struct{}

func NewClient(serviceURL string, cred any, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

type UploadBufferOptions struct{}

type UploadBufferResponse struct{}

func (c *Client) UploadBuffer(ctx context.Context, containerName, blobName string, buffer []byte, o *UploadBufferOptions) (UploadBufferResponse, error) {
	return UploadBufferResponse{}, nil
}
