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

type InsertManyResult struct{}

type UpdateResult struct{}

type DeleteResult struct{}

type SingleResult struct{}

type Cursor struct{}

func (c *Collection) InsertMany(ctx context.Context, documents []interface{}) (*InsertManyResult, error) {
	return &InsertManyResult{}, nil
}

func (c *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{}) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (c *Collection) ReplaceOne(ctx context.Context, filter interface{}, replacement interface{}) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (c *Collection) Find(ctx context.Context, filter interface{}) (*Cursor, error) {
	return &Cursor{}, nil
}

func (c *Collection) FindOne(ctx context.Context, filter interface{}) *SingleResult {
	return &SingleResult{}
}

func (c *Collection) DeleteOne(ctx context.Context, filter interface{}) (*DeleteResult, error) {
	return &DeleteResult{}, nil
}

func (c *Collection) DeleteMany(ctx context.Context, filter interface{}) (*DeleteResult, error) {
	return &DeleteResult{}, nil
}
