// Package store keeps users' photos, sessions and backups.
package store

import (
	"bytes"
	"context"
	"encoding/json"
	"os"

	"cloud.google.com/go/storage"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type User struct {
	Email string
	Name  string
}

type Photo struct {
	UserID string
	Image  []byte
}

// SaveAvatar writes to the bucket Terraform keeps in Seoul; the region
// comes from the environment.
func SaveAvatar(ctx context.Context, p Photo) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("prod-media"), Body: bytes.NewReader(p.Image)})
	return err
}

// SaveAvatarFromTokyo is set to Tokyo, but a bucket is where it is.
func SaveAvatarFromTokyo(ctx context.Context, p Photo) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-1"))
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("prod-media"), Body: bytes.NewReader(p.Image)})
	return err
}

// SaveLog names a client in the United States, but the bucket is in Tokyo.
func SaveLog(ctx context.Context, u User) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	b, _ := json.Marshal(u)
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("prod-logs"), Body: bytes.NewReader(b)})
	return err
}

// SaveSession writes to the sessions table of the region the environment
// gives; Terraform has it in Seoul.
func SaveSession(ctx context.Context, u User) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	item := map[string]dynamodb.AttributeValue{"email": u.Email}
	_, err = dynamodb.NewFromConfig(cfg).PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: item})
	return err
}

// SaveSessionInTokyo writes to a table of the same name in Tokyo: a table
// name holds in one region, so the code's region decides.
func SaveSessionInTokyo(ctx context.Context, u User) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-1"))
	if err != nil {
		return err
	}
	item := map[string]dynamodb.AttributeValue{"email": u.Email}
	_, err = dynamodb.NewFromConfig(cfg).PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: item})
	return err
}

// Archive writes to a bucket no Terraform here defines.
func Archive(ctx context.Context, u User) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(u)
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("archive-2021"), Body: bytes.NewReader(b)})
	return err
}

// Backup copies a user to the storage account Terraform keeps in Korea.
func Backup(ctx context.Context, u User) error {
	c, err := azblob.NewClient("https://examplebackupkr.blob.core.windows.net/", nil, nil)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(u)
	_, err = c.UploadBuffer(ctx, "users", "user.json", b, nil)
	return err
}

// AnnounceSignup queues a new user on the queue Terraform keeps in Seoul;
// the queue's URL starts with a value from the environment.
func AnnounceSignup(ctx context.Context, u User) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	url := os.Getenv("SQS_BASE") + "/signups"
	_, err = sqs.NewFromConfig(cfg).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(u.Email)})
	return err
}

// SaveRecord writes to a Cloud Storage bucket this package does not
// create: Terraform keeps it in Singapore.
func SaveRecord(ctx context.Context, client *storage.Client, u User) error {
	w := client.Bucket("records-sg").Object("user.json").NewWriter(ctx)
	b, _ := json.Marshal(u)
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Close()
}
