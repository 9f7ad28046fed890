// Package photos keeps users' profile photos.
package photos

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Photo is a user's profile photo.
type Photo struct {
	UserID string
	Image  []byte
}

// Save writes to the bucket the CloudFormation stack defines; the client's
// region comes from the environment, the bucket is where the stack is.
func Save(ctx context.Context, p Photo) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("profile-photos"), Body: bytes.NewReader(p.Image)})
	return err
}
