// Package stores exercises the datastore, queue and search-engine SDKs:
// the client call that binds an endpoint, then the methods that write,
// read or delete through it.
package stores

type User struct {
	ID    int64
	Name  string
	Email string
	Photo []byte
}
