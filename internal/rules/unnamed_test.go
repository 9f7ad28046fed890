package rules

import (
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

// TestUnnamedHost: a host the site's name ends with is not named again in
// the reason; a reason about another host, or a name that gives none, is
// kept whole.
func TestUnnamedHost(t *testing.T) {
	for _, tt := range []struct{ what, why, want string }{
		{"http.Post to api.example.io", "no public rule places api.example.io; add a host block", "no public rule places the host; add a host block"},
		{"x.Send (http.Client.Do) to redis", "redis is an internal host name; add a host block", "the host is an internal host name; add a host block"},
		{"http.Post to api.example.io", "no public rule places api.example.io.evil; add a host block", "no public rule places api.example.io.evil; add a host block"},
		{"storage.endpoint", "no public rule places objects.example-cloud.io; add a host block", "no public rule places objects.example-cloud.io; add a host block"},
		{"mongo.Collection.InsertOne to c0.ab1.mongodb.net", "c0.ab1.mongodb.net: MongoDB Atlas hosts name no region", "MongoDB Atlas hosts name no region"},
		{"mongo.Collection.InsertOne to c0.ab1.mongodb.net", "c1.ab1.mongodb.net: MongoDB Atlas hosts name no region", "c1.ab1.mongodb.net: MongoDB Atlas hosts name no region"},
		{"s3.Client.PutObject to bucket b", "b is an internal host name; add a host block", "b is an internal host name; add a host block"},
	} {
		if got := unnamedHost(evidence.Evidence{What: tt.what, Unresolved: tt.why}); got != tt.want {
			t.Errorf("unnamedHost(%q, %q) = %q, want %q", tt.what, tt.why, got, tt.want)
		}
	}
}
