package stores

import (
	"context"

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
