// Package minio is a stub of github.com/minio/minio-go/v7.
package minio

import (
	"context"
	"io"
)

type Options struct {
	Secure bool
	Region string
}

type PutObjectOptions struct{ ContentType string }

type UploadInfo struct{ Key string }

type Client struct{ endpoint string }

func New(endpoint string, opts *Options) (*Client, error) { return &Client{endpoint: endpoint}, nil }

func (c *Client) PutObject(ctx context.Context, bucketName, objectName string, reader io.Reader, objectSize int64, opts PutObjectOptions) (UploadInfo, error) {
	return UploadInfo{}, nil
}

type GetObjectOptions struct{ VersionID string }

type Object struct{ key string }

func (c *Client) GetObject(ctx context.Context, bucketName, objectName string, opts GetObjectOptions) (*Object, error) {
	return &Object{}, nil
}

type RemoveObjectOptions struct{ VersionID string }

func (c *Client) RemoveObject(ctx context.Context, bucketName, objectName string, opts RemoveObjectOptions) error {
	return nil
}

type StatObjectOptions struct{ VersionID string }

type ObjectInfo struct{ Key string }

func (c *Client) StatObject(ctx context.Context, bucketName, objectName string, opts StatObjectOptions) (ObjectInfo, error) {
	return ObjectInfo{}, nil
}
