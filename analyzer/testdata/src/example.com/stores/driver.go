package stores

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// A storage driver of the module behind an interface: a call of the
// interface reaches the object store its implementation wraps, and its
// method's name says what it does there, as the client's would.

type objectDriver interface {
	UploadObject(ctx context.Context, key string, data []byte) error
	DeleteObject(ctx context.Context, key string) error
	Rename(ctx context.Context, key string) error
}

type s3Driver struct{ c *s3.Client }

func newS3Driver(ctx context.Context) objectDriver {
	cfg, _ := config.LoadDefaultConfig(ctx)
	return &s3Driver{c: s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("https://s3.eu-central-2.wasabisys.com")
	})}
}

func (d *s3Driver) UploadObject(ctx context.Context, key string, data []byte) error {
	_, err := d.c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("files"), Key: aws.String(key), Body: bytes.NewReader(data)})
	return err
}

func (d *s3Driver) DeleteObject(ctx context.Context, key string) error {
	_, err := d.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("files"), Key: aws.String(key)})
	return err
}

func (d *s3Driver) Rename(ctx context.Context, key string) error {
	_, err := d.c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("files"), Key: aws.String(key)})
	return err
}

func dropUserFiles(ctx context.Context, u User) {
	d := newS3Driver(ctx)
	d.UploadObject(ctx, "avatars/"+u.Email, u.Photo) // want `^stores.objectDriver.UploadObject to s3.eu-central-2.wasabisys.com stores personal data in Germany`
	d.DeleteObject(ctx, "avatars/"+u.Email)          // want `^stores.objectDriver.DeleteObject to s3.eu-central-2.wasabisys.com deletes personal data in Germany`
	d.Rename(ctx, "avatars/"+u.Email)                // want `^stores.objectDriver.Rename to s3.eu-central-2.wasabisys.com stores personal data in Germany`
}
