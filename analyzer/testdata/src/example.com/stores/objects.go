package stores

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
)

// S3-compatible stores are placed by their endpoint's host form.
func putB2(ctx context.Context, u User) {
	c, _ := minio.New("s3.us-west-004.backblazeb2.com", &minio.Options{Secure: true})
	c.PutObject(ctx, "photos", u.Email, bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject to s3.us-west-004.backblazeb2.com stores personal data in the United States`
}

func putR2EU(ctx context.Context, u User) {
	c, _ := minio.New("0123abcd.eu.r2.cloudflarestorage.com", &minio.Options{Secure: true})
	c.PutObject(ctx, "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject to 0123abcd.eu.r2.cloudflarestorage.com: cannot decide where it stores personal data`
}

func putSpaces(ctx context.Context, u User) {
	c, _ := minio.New("fra1.digitaloceanspaces.com", &minio.Options{Secure: true})
	c.PutObject(ctx, "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject to fra1.digitaloceanspaces.com stores personal data in Germany`
}

func putOVH(ctx context.Context, u User) {
	c, _ := minio.New("s3.gra.io.cloud.ovh.net", &minio.Options{Secure: true})
	c.PutObject(ctx, "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject to s3.gra.io.cloud.ovh.net stores personal data in France`
}

// aws-sdk-go-v2 given another store's endpoint: the endpoint decides, not
// the region.
func putWasabi(ctx context.Context, u User) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Region = "us-east-1"
		o.BaseEndpoint = aws.String("https://s3.eu-central-2.wasabisys.com")
	})
	c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String(u.Email), Body: bytes.NewReader(u.Photo)}) // want `^s3.Client.PutObject to s3.eu-central-2.wasabisys.com to bucket photos stores personal data in Germany`
}

func putScaleway(ctx context.Context, u User) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.EndpointResolver = s3.EndpointResolverFromURL("https://s3.pl-waw.scw.cloud")
	})
	c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("k"), Body: bytes.NewReader(u.Photo)}) // want `^s3.Client.PutObject to s3.pl-waw.scw.cloud to bucket photos stores personal data in Poland`
}

// A MinIO on the local machine is no export; a download brings data in,
// whatever key names the object.
func localMinio(ctx context.Context, u User) {
	c, _ := minio.New("localhost:9000", nil)
	c.PutObject(ctx, "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{})
}

func getB2(ctx context.Context, u User) {
	c, _ := minio.New("s3.us-west-004.backblazeb2.com", &minio.Options{Secure: true})
	c.GetObject(ctx, "photos", u.Email, minio.GetObjectOptions{})
}

// A removal deletes and a stat reads, by the names of minio's methods;
// a copy under a key is a store.
func removeB2(ctx context.Context, u User) {
	c, _ := minio.New("s3.us-west-004.backblazeb2.com", &minio.Options{Secure: true})
	c.RemoveObject(ctx, "photos", u.Email, minio.RemoveObjectOptions{}) // want `^minio.Client.RemoveObject to s3.us-west-004.backblazeb2.com deletes personal data in the United States`
	c.StatObject(ctx, "photos", u.Email, minio.StatObjectOptions{})     // want `^minio.Client.StatObject to s3.us-west-004.backblazeb2.com reads personal data from the United States`
}
