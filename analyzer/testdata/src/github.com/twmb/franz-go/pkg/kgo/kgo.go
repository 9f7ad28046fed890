// Package kgo is a stub of github.com/twmb/franz-go/pkg/kgo.
package kgo

import "context"

type Opt interface{ apply() }

type opt struct{ seeds []string }

func (opt) apply() {}

func SeedBrokers(seeds ...string) Opt { return opt{seeds: seeds} }

type Record struct {
	Topic string
	Key   []byte
	Value []byte
}

type ProduceResults []ProduceResult

type ProduceResult struct {
	Record *Record
	Err    error
}

type Client struct{ opts []Opt }

func NewClient(opts ...Opt) (*Client, error) { return &Client{opts: opts}, nil }

func (cl *Client) Produce(ctx context.Context, r *Record, promise func(*Record, error)) {}

func (cl *Client) ProduceSync(ctx context.Context, rs ...*Record) ProduceResults { return nil }
