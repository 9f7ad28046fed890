package stores

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// NATS: the server URL given to Connect.
func natsPublish(u User) {
	nc, _ := nats.Connect("nats://nats.example.de:4222")
	nc.Publish("signups", []byte(u.Email))             // want `^nats.Conn.Publish to nats.example.de sends personal data to Germany`
	nc.Request("lookup", []byte(u.Email), time.Second) // want `^nats.Conn.Request to nats.example.de sends personal data to Germany`
	js, _ := nc.JetStream()
	js.Publish("signups", []byte(u.Name)) // want `^nats.JetStreamContext.Publish to nats.example.de sends personal data to Germany`
}

// JetStream through the jetstream package.
func jetstreamPublish(ctx context.Context, u User) {
	nc, _ := nats.Connect("nats://nats.example.fr:4222")
	js, _ := jetstream.New(nc)
	js.Publish(ctx, "signups", []byte(u.Email)) // want `^jetstream.JetStream.Publish to nats.example.fr sends personal data to France`
}
