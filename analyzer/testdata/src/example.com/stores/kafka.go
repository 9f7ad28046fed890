package stores

import (
	"context"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

// sarama: the brokers given to the producer.
func saramaSend(u User) {
	p, _ := sarama.NewSyncProducer([]string{"kafka.example.de:9092"}, sarama.NewConfig())
	p.SendMessage(&sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Email)}) // want `^sarama.SyncProducer.SendMessage to kafka.example.de sends personal data to Germany`
}

// franz-go: the seed brokers given to the client.
func franzSend(ctx context.Context, u User) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka.example.fr:9092"))
	cl.ProduceSync(ctx, &kgo.Record{Topic: "signups", Value: []byte(u.Email)}) // want `^kgo.Client.ProduceSync to kafka.example.fr sends personal data to France`
	cl.Produce(ctx, &kgo.Record{Topic: "signups", Value: []byte(u.Name)}, nil) // want `^kgo.Client.Produce to kafka.example.fr sends personal data to France`
}

// segmentio/kafka-go: the Writer's Addr.
func kafkaGoSend(ctx context.Context, u User) {
	w := &kafka.Writer{Addr: kafka.TCP("kafka.example.it:9092"), Topic: "signups"}
	w.WriteMessages(ctx, kafka.Message{Value: []byte(u.Email)}) // want `^kafka.Writer.WriteMessages to kafka.example.it sends personal data to Italy`
}

func kafkaGoConfig(ctx context.Context, u User) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka.example.nl:9092"}, Topic: "signups"})
	w.WriteMessages(ctx, kafka.Message{Value: []byte(u.Email)}) // want `^kafka.Writer.WriteMessages to kafka.example.nl sends personal data to the Netherlands`
}

// The sarama module before it moved to IBM.
func shopifySend(u User) {
	p, _ := shopify.NewSyncProducer([]string{"kafka.example.be:9092"}, shopify.NewConfig())
	p.SendMessage(&shopify.ProducerMessage{Topic: "signups", Value: shopify.ByteEncoder(u.Photo)}) // want `^sarama.SyncProducer.SendMessage to kafka.example.be sends personal data to Belgium`
}

// A message that carries nothing personal sends nothing personal.
func saramaPlain() {
	p, _ := sarama.NewSyncProducer([]string{"kafka.example.de:9092"}, sarama.NewConfig())
	p.SendMessage(&sarama.ProducerMessage{Topic: "heartbeat", Value: sarama.StringEncoder("ok")})
}

// sarama's asynchronous producer sends what is written to its Input channel.
func saramaAsync(u User) {
	p, _ := sarama.NewAsyncProducer([]string{"kafka.example.at:9092"}, sarama.NewConfig())
	p.Input() <- &sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Email)} // want `^sarama.AsyncProducer.Input to kafka.example.at sends personal data to Austria`
	p.Input() <- &sarama.ProducerMessage{Topic: "heartbeat", Value: sarama.StringEncoder("ok")}
}

// A batch: messages gathered in a loop, sent at once.
func saramaBatch(users []User) {
	p, _ := sarama.NewSyncProducer([]string{"kafka.example.at:9092"}, nil)
	var msgs []*sarama.ProducerMessage
	for _, u := range users {
		msgs = append(msgs, &sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Email)})
	}
	p.SendMessages(msgs) // want `^sarama.SyncProducer.SendMessages to kafka.example.at sends personal data to Austria`
}

// A batch of counters only: no personal data.
func saramaCounts(counts map[string]int) {
	p, _ := sarama.NewSyncProducer([]string{"kafka.example.at:9092"}, nil)
	var msgs []*sarama.ProducerMessage
	for k, n := range counts {
		msgs = append(msgs, &sarama.ProducerMessage{Topic: "counts", Key: sarama.StringEncoder(k), Value: sarama.ByteEncoder([]byte{byte(n)})})
	}
	p.SendMessages(msgs)
}
