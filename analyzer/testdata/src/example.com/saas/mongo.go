package saas

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// mongo-driver: the URI given through options.Client().ApplyURI places
// the collection's writes.
func save(ctx context.Context, u User) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI("mongodb://db.example.sg:27017"))
	if err != nil {
		return err
	}
	_, err = c.Database("app").Collection("users").InsertOne(ctx, u) // want `^mongo.Collection.InsertOne to db.example.sg stores personal data in Singapore`
	return err
}
