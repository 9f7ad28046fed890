// Package sarama is a stub of github.com/Shopify/sarama.
package sarama

type Config struct {
	Producer struct{ Return struct{ Successes bool } }
}

func NewConfig() *Config { return &Config{} }

type Encoder interface {
	Encode() ([]byte, error)
	Length() int
}

type StringEncoder string

func (s StringEncoder) Encode() ([]byte, error) { return []byte(s), nil }

func (s StringEncoder) Length() int { return len(s) }

type ByteEncoder []byte

func (b ByteEncoder) Encode() ([]byte, error) { return b, nil }

func (b ByteEncoder) Length() int { return len(b) }

type ProducerMessage struct {
	Topic string
	Key   Encoder
	Value Encoder
}

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)
	SendMessages(msgs []*ProducerMessage) error
	Close() error
}

type AsyncProducer interface {
	Input() chan<- *ProducerMessage
	Close() error
}

func NewSyncProducer(addrs []string, config *Config) (SyncProducer, error) { return nil, nil }

func NewAsyncProducer(addrs []string, config *Config) (AsyncProducer, error) { return nil, nil }
