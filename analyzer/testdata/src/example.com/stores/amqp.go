package stores

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
	streadway "github.com/streadway/amqp"
)

// AMQP: the URL given to Dial; the channel publishes through its connection.
func amqpPublish(ctx context.Context, u User) {
	conn, _ := amqp.Dial("amqps://app:pw@mq.example.de:5671/")
	ch, _ := conn.Channel()
	ch.PublishWithContext(ctx, "", "signups", false, false, amqp.Publishing{Body: []byte(u.Email)}) // want `^amqp091.Channel.PublishWithContext to mq.example.de sends personal data to Germany`
}

func streadwayPublish(u User) {
	conn, _ := streadway.Dial("amqp://app:pw@mq.example.fr:5672/")
	ch, _ := conn.Channel()
	ch.Publish("", "signups", false, false, streadway.Publishing{Body: []byte(u.Email)}) // want `^amqp.Channel.Publish to mq.example.fr sends personal data to France`
}
