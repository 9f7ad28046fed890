// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

type Database struct{}

type Collection struct{}

type InsertOneResult struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}

func (c *Client) Database(name string) *Database { return &Database{} }

func (d *Database) Collection(name string) *Collection { return &Collection{} }

func (c *Collection) InsertOne(ctx context.Context, document any) (*InsertOneResult, error) {
	return &InsertOneResult{}, nil
}
