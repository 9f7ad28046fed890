// Package redis is a stub of github.com/redis/go-redis/v9.
package redis

import (
	"context"
	"time"
)

type Options struct {
	Network  string
	Addr     string
	Password string
}

type StatusCmd struct{}

type Client struct{ opt *Options }

func NewClient(opt *Options) *Client { return &Client{opt: opt} }

func (c *Client) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

func ParseURL(redisURL string) (*Options, error) { return &Options{}, nil }

type ClusterOptions struct {
	Addrs    []string
	Password string
}

type ClusterClient struct{ opt *ClusterOptions }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{opt: opt} }

func (c *ClusterClient) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

type StringCmd struct{}

func (c *Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

type IntCmd struct{}

func (c *Client) Del(ctx context.Context, keys ...string) *IntCmd { return &IntCmd{} }
