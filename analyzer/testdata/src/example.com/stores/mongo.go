package stores

import (
	"context"

	mongov1 "go.mongodb.org/mongo-driver/mongo"
	optionsv1 "go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// mongo-driver v2: Connect takes the options without a context.
func mongoV2(ctx context.Context, u User) {
	c, _ := mongo.Connect(options.Client().ApplyURI("mongodb://mongo.example.de:27017"))
	users := c.Database("app").Collection("users")
	users.InsertOne(ctx, u)                                 // want `^mongo.Collection.InsertOne to mongo.example.de stores personal data in Germany`
	users.UpdateOne(ctx, map[string]any{"_id": u.ID}, u)    // want `^mongo.Collection.UpdateOne to mongo.example.de stores personal data in Germany`
	users.FindOne(ctx, map[string]any{"email": u.Email})    // want `^mongo.Collection.FindOne to mongo.example.de reads personal data from Germany`
	users.DeleteMany(ctx, map[string]any{"email": u.Email}) // want `^mongo.Collection.DeleteMany to mongo.example.de deletes personal data in Germany`
}

// mongo-driver v1: the same calls, with a context.
func mongoV1(ctx context.Context, u User) {
	c, _ := mongov1.Connect(ctx, optionsv1.Client().ApplyURI("mongodb://mongo.example.fr:27017"))
	users := c.Database("app").Collection("users")
	users.InsertMany(ctx, []interface{}{u})                // want `^mongo.Collection.InsertMany to mongo.example.fr stores personal data in France`
	users.ReplaceOne(ctx, map[string]any{"_id": u.ID}, u)  // want `^mongo.Collection.ReplaceOne to mongo.example.fr stores personal data in France`
	users.Find(ctx, map[string]any{"email": u.Email})      // want `^mongo.Collection.Find to mongo.example.fr reads personal data from France`
	users.DeleteOne(ctx, map[string]any{"email": u.Email}) // want `^mongo.Collection.DeleteOne to mongo.example.fr deletes personal data in France`
}

// An Atlas cluster's host names no country: the cluster's region is
// chosen in Atlas, not in the host name.
func mongoAtlas(ctx context.Context, u User) {
	c, _ := mongo.Connect(options.Client().ApplyURI("mongodb+srv://app:pw@cluster0.ab1cd.mongodb.net/app"))
	c.Database("app").Collection("users").InsertOne(ctx, u) // want `^mongo.Collection.InsertOne to cluster0.ab1cd.mongodb.net: cannot decide where it stores personal data: MongoDB Atlas hosts name no region; the cluster.s region is set in Atlas \[unresolved-destination\]$`
}

// A host block places an Atlas cluster.
func mongoAtlasPlaced(ctx context.Context, u User) {
	c, _ := mongo.Connect(options.Client().ApplyURI("mongodb+srv://app:pw@cluster1.xyz9.mongodb.net/app"))
	c.Database("app").Collection("users").InsertOne(ctx, u) // want `^mongo.Collection.InsertOne to cluster1.xyz9.mongodb.net stores personal data in the United States`
}
