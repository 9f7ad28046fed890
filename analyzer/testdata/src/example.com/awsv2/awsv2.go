package awsv2

import (
	"bytes"
	"context"
	"encoding/json"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Photo struct {
	UserID int64
	Image  []byte
}

type Profile struct {
	Email string
}

type Metrics struct {
	Requests int
}

func withRegion(ctx context.Context, p Photo) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-2"))
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg)
	_, err = client.PutObject(ctx, &s3.PutObjectInput{ // want `^s3.Client.PutObject to bucket media stores personal data in South Korea \(ap-northeast-2\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
		Bucket: aws.String("media"),
		Key:    aws.String("photo"),
		Body:   bytes.NewReader(p.Image),
	})
	return err
}

func clientOption(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-1"))
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Region = "us-east-1"
	})
	b, _ := json.Marshal(p)
	client.PutObject(ctx, &s3.PutObjectInput{Body: bytes.NewReader(b)}) // want `s3.Client.PutObject stores personal data in the United States \(us-east-1\)`
}

func literalConfig(ctx context.Context, p Profile) {
	client := sqs.NewFromConfig(aws.Config{Region: "eu-west-1"})
	client.SendMessage(ctx, &sqs.SendMessageInput{MessageBody: aws.String(p.Email)}) // want `sqs.Client.SendMessage sends personal data to Ireland \(eu-west-1\)`
}

func fieldSet(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	cfg.Region = "ap-southeast-1"
	s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Key: aws.String(p.Email)}) // want `s3.Client.PutObject stores personal data in Singapore \(ap-southeast-1\)`
}

func options(ctx context.Context, p Profile) {
	client := s3.New(s3.Options{Region: "eu-central-1"})
	client.PutObject(ctx, &s3.PutObjectInput{Key: aws.String(p.Email)}) // want `s3.Client.PutObject stores personal data in Germany \(eu-central-1\)`
}

func baseEndpoint(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-1"))
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("https://s3.cn-north-1.amazonaws.com.cn")
	})
	client.PutObject(ctx, &s3.PutObjectInput{Key: aws.String(p.Email)}) // want `s3.Client.PutObject to s3.cn-north-1.amazonaws.com.cn stores personal data in China \(cn-north-1\)`
}

func fromEnvironment(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Key: aws.String(p.Email)}) // want `^s3.Client.PutObject: cannot decide where it stores personal data: config.LoadDefaultConfig has no config.WithRegion: the region comes from AWS_REGION or the shared config file \[unresolved-destination\]$`
}

// The store a call names is part of its name, so that noticevet check can
// place the call where the Terraform resource of that store is.

const sessionTable = "sessions"

func tableName(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	in := &dynamodb.PutItemInput{TableName: aws.String(sessionTable), Item: map[string]dynamodb.AttributeValue{"email": p.Email}}
	dynamodb.NewFromConfig(cfg).PutItem(ctx, in) // want `^dynamodb.Client.PutItem to table sessions: cannot decide where it stores personal data: config.LoadDefaultConfig has no config.WithRegion`
}

func bucketPrefix(ctx context.Context, env string, p Photo) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("us-west-2"))
	s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos-" + env), Body: bytes.NewReader(p.Image)}) // want `^s3.Client.PutObject stores personal data in the United States \(us-west-2\)`
}

func queueName(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	url := os.Getenv("SQS_BASE") + "/signups"
	sqs.NewFromConfig(cfg).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(p.Email)}) // want `^sqs.Client.SendMessage to queue signups: cannot decide where it sends personal data`
}

// Look-alikes.

func domestic(ctx context.Context, p Photo) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("ap-northeast-1"))
	s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Body: bytes.NewReader(p.Image)})
}

func notPersonal(ctx context.Context, m Metrics) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	b, _ := json.Marshal(m)
	s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Body: bytes.NewReader(b)})
}

func read(ctx context.Context, p Profile) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{Key: aws.String("avatar")})
}

// A delete keyed by an email sends the key; it stores nothing.
func deleteObject(ctx context.Context, p Profile) {
	client := s3.New(s3.Options{Region: "eu-central-1"})
	client.DeleteObject(ctx, &s3.DeleteObjectInput{Key: aws.String(p.Email)}) // want `s3.Client.DeleteObject deletes personal data in Germany \(eu-central-1\)`
}

// A presigned URL is signed in memory: whoever is given it reads or
// writes the object, not the call.
func presign(ctx context.Context, p Profile) (string, error) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	pc := s3.NewPresignClient(s3.NewFromConfig(cfg))
	req, err := pc.PresignPutObject(ctx, &s3.PutObjectInput{Key: aws.String(p.Email), Body: bytes.NewReader([]byte(p.Email))})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}
