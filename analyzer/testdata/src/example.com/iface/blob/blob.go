// Package blob declares a storage driver and its S3 implementation, whose
// client is bound to a region where it is built.
package blob

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Driver stores objects.
type Driver interface {
	Put(ctx context.Context, key string, body []byte) error
}

// S3 is the S3 driver.
type S3 struct {
	Client *s3.Client
}

// NewS3 builds the driver in Seoul.
func NewS3(ctx context.Context) (Driver, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-2"))
	if err != nil {
		return nil, err
	}
	return &S3{Client: s3.NewFromConfig(cfg)}, nil
}

// Put stores the body under key.
func (d *S3) Put(ctx context.Context, key string, body []byte) error {
	_, err := d.Client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("media"), Key: aws.String(key), Body: bytes.NewReader(body)})
	return err
}
