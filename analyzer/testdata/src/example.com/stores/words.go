package stores

import (
	"bytes"
	"context"
	"os"

	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/jackc/pgx/v5"
	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go"
)

// What is not known of a destination is named in the words of its kind:
// a queue's broker, an object store's endpoint, an SQL driver's DSN.

func brokerFromEnv(u User) {
	p, _ := sarama.NewSyncProducer([]string{os.Getenv("KAFKA_BROKER")}, nil)
	p.SendMessage(&sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Email)}) // want `^sarama.SyncProducer.SendMessage: cannot decide where it sends personal data: the broker's address comes from os.Getenv\("KAFKA_BROKER"\)`
}

func natsFromEnv(u User) {
	nc, _ := nats.Connect(os.Getenv("NATS_URL"))
	nc.Publish("signups", []byte(u.Email)) // want `^nats.Conn.Publish: cannot decide where it sends personal data: the broker's URL comes from os.Getenv\("NATS_URL"\)`
}

func endpointFromEnv(ctx context.Context, u User) {
	c, _ := minio.New(os.Getenv("MINIO_ENDPOINT"), nil)
	c.PutObject(ctx, "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject: cannot decide where it stores personal data: the endpoint comes from os.Getenv\("MINIO_ENDPOINT"\)`
}

func s3EndpointFromEnv(ctx context.Context, u User) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String(os.Getenv("S3_ENDPOINT"))
	})
	c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String(u.Email)}) // want `^s3.Client.PutObject to bucket photos: cannot decide where it stores personal data: the endpoint comes from os.Getenv\("S3_ENDPOINT"\)`
}

func dsnFromEnv(ctx context.Context, u User) {
	conn, _ := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	conn.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email) // want `^pgx.Conn.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv\("DATABASE_URL"\)`
}
