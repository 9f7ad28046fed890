// Package kafka is a stub of github.com/segmentio/kafka-go.
package kafka

import (
	"context"
	"net"
)

type Message struct {
	Topic string
	Key   []byte
	Value []byte
}

type Writer struct {
	Addr  net.Addr
	Topic string
}

type tcpAddr struct{ addrs []string }

func (tcpAddr) Network() string  { return "tcp" }
func (a tcpAddr) String() string { return "" }

func TCP(address ...string) net.Addr { return tcpAddr{addrs: address} }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

type WriterConfig struct {
	Brokers []string
	Topic   string
}

// NewWriter is deprecated in kafka-go in favour of a Writer literal.
func NewWriter(config WriterConfig) *Writer { return &Writer{Topic: config.Topic} }
