package stores

import (
	"bytes"
	"context"

	"cloud.google.com/go/storage"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// A block store of the module whose back end configuration chooses at
// run time (an S3 bucket in a region its settings name, or Cloud
// Storage): a write through its interface stores with either, and each
// back end is said in its own words, not one hidden behind the other.

type blockStore interface {
	Put(ctx context.Context, key string, data []byte) error
	Delete(ctx context.Context, key string) error
}

type BlockSettings struct {
	Kind   string
	Region string
}

type s3Block struct{ cfg aws.Config }

func (b *s3Block) Put(ctx context.Context, key string, data []byte) error {
	_, err := s3.NewFromConfig(b.cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("blocks"), Key: aws.String(key), Body: bytes.NewReader(data)})
	return err
}

func (b *s3Block) Delete(ctx context.Context, key string) error {
	_, err := s3.NewFromConfig(b.cfg).DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("blocks"), Key: aws.String(key)})
	return err
}

type gcsBlock struct{ c *storage.Client }

func (b *gcsBlock) Delete(ctx context.Context, key string) error { return nil }

func (b *gcsBlock) Put(ctx context.Context, key string, data []byte) error {
	w := b.c.Bucket("blocks").Object(key).NewWriter(ctx)
	_, err := w.Write(data)
	return err
}

func openBlocks(ctx context.Context, s *BlockSettings) blockStore {
	if s.Kind == "gs" {
		c, _ := storage.NewClient(ctx)
		return &gcsBlock{c: c}
	}
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(s.Region))
	return &s3Block{cfg: cfg}
}

func saveAvatar(ctx context.Context, s *BlockSettings, u User) {
	b := openBlocks(ctx, s)
	b.Put(ctx, u.Email, u.Photo) // want `^stores.blockStore.Put \(s3.Client.PutObject\): cannot decide where it stores personal data: the region comes from field Region of a runtime value \[` `^stores.blockStore.Put \(storage.BucketHandle.Object and 1 more\) to bucket blocks: cannot decide where it stores personal data: bucket "blocks" is not created in this package`
}

// Through a helper given the store, its callers decide the back ends:
// the call is still a delete (the Cloud Storage back end's Delete does
// nothing). The notes the callers lend to the helper's call (from every
// client the value may hold) repeat and over-approximate the
// implementation's: a debt, kept visible here.
func dropBlock(ctx context.Context, b blockStore, key string) {
	b.Delete(ctx, key) // want `^stores.blockStore.Delete \(s3.Client.DeleteObject\): cannot decide where it deletes personal data: the region comes from field Region of a runtime value \[` `^stores.blockStore.Delete: cannot decide where it deletes personal data: the region comes from field Region of a runtime value \[` `^stores.blockStore.Delete: cannot decide where it deletes personal data: the storage client uses Google's global endpoint`
}

func dropAvatar(ctx context.Context, s *BlockSettings, u User) {
	dropBlock(ctx, openBlocks(ctx, s), u.Email)
}
