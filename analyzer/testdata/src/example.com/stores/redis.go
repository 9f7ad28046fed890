package stores

import (
	"context"
	"os"

	"github.com/redis/go-redis/v9"
)

// go-redis: a URL given to ParseURL, a cluster's seed nodes.
func redisURL(ctx context.Context, u User) {
	opt, _ := redis.ParseURL("rediss://default:pw@cache.example.de:6380/0")
	rdb := redis.NewClient(opt)
	rdb.Set(ctx, "user:"+u.Email, u.Name, 0) // want `^redis.Client.Set to cache.example.de stores personal data in Germany`
}

func redisURLFromEnv(ctx context.Context, u User) {
	opt, _ := redis.ParseURL(os.Getenv("REDIS_URL"))
	rdb := redis.NewClient(opt)
	rdb.Set(ctx, "user", u.Email, 0) // want `^redis.Client.Set: cannot decide where it stores personal data: the URL comes from os.Getenv\("REDIS_URL"\)`
}

func redisCluster(ctx context.Context, u User) {
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"node1.example.fr:6379", "node2.example.fr:6379"}})
	rdb.Set(ctx, "user", u.Email, 0) // want `^redis.ClusterClient.Set to node1.example.fr stores personal data in France` `^redis.ClusterClient.Set to node2.example.fr stores personal data in France`
}

// A read or a deletion keyed by a personal key is what it is.
func redisReadDelete(ctx context.Context, u User) {
	rdb := redis.NewClient(&redis.Options{Addr: "cache.example.de:6379"})
	rdb.Del(ctx, "user:"+u.Email) // want `^redis.Client.Del to cache.example.de deletes personal data in Germany`
}
