package stores

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/olivere/elastic/v7"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
)

// The local machine is no export: a Unix socket, localhost, 127.0.0.0/8.
func localRedis(ctx context.Context, u User) {
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	rdb.Set(ctx, "user", u.Email, 0)
	loop := redis.NewClient(&redis.Options{Addr: "127.0.0.5:6379"})
	loop.Set(ctx, "user", u.Email, 0)
	sock := redis.NewClient(&redis.Options{Network: "unix", Addr: "/var/run/redis/redis.sock"})
	sock.Set(ctx, "user", u.Email, 0)
}

func localPostgres(ctx context.Context, u User) {
	conn, _ := pgx.Connect(ctx, "host=/var/run/postgresql dbname=app")
	conn.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email)
	pool, _ := pgxpool.New(ctx, "postgres://app@localhost:5432/app")
	pool.Exec(ctx, "INSERT INTO users(email) VALUES($1)", u.Email)
}

func localKafka(u User) {
	p, _ := sarama.NewSyncProducer([]string{"localhost:9092"}, nil)
	p.SendMessage(&sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Email)})
}

func localMongo(ctx context.Context, u User) {
	c, _ := mongo.Connect(options.Client().ApplyURI("mongodb://127.0.0.1:27017"))
	c.Database("app").Collection("users").InsertOne(ctx, u)
}

func localElastic(ctx context.Context, u User) {
	c, _ := elastic.NewClient(elastic.SetURL(elastic.DefaultURL))
	c.Index().Index("users").BodyJson(u).Do(ctx)
}

func localNATS(u User) {
	nc, _ := nats.Connect(nats.DefaultURL)
	nc.Publish("signups", []byte(u.Email))
}

func localAMQP(ctx context.Context, u User) {
	conn, _ := amqp.Dial("amqp://guest:guest@localhost:5672/")
	ch, _ := conn.Channel()
	ch.PublishWithContext(ctx, "", "signups", false, false, amqp.Publishing{Body: []byte(u.Email)})
}
