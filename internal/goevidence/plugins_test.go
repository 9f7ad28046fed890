package goevidence

import (
	"slices"
	"testing"
)

// pluginImpls is five implementations of a blob store, each writing what
// it is given where its own settings say: more than a call is followed
// to.
const pluginImpls = `
type Blobs interface {
	Put(name string, contents []byte) error
	Run(op *Op) error
}

// Op holds the service that runs it beside what it runs on.
type Op struct {
	Label string
	Seq   int
}

type a struct{ url string }
type b struct{ url string }
type c struct{ url string }
type d struct{ url string }
type e struct{ url string }

func (x a) Put(name string, contents []byte) error { return post(x.url, contents) }
func (x b) Put(name string, contents []byte) error { return post(x.url, contents) }
func (x c) Put(name string, contents []byte) error { return post(x.url, contents) }
func (x d) Put(name string, contents []byte) error { return post(x.url, contents) }
func (x e) Put(name string, contents []byte) error { return post(x.url, contents) }

func (x a) Run(op *Op) error { return post(x.url, []byte(op.Label)) }
func (x b) Run(op *Op) error { return nil }
func (x c) Run(op *Op) error { return nil }
func (x d) Run(op *Op) error { return nil }
func (x e) Run(op *Op) error { return nil }

func post(url string, body []byte) error {
	_, err := http.Post(url, "application/octet-stream", bytes.NewReader(body))
	return err
}
`

// A call through an interface with more implementations than are
// followed, giving them content that holds a user's address, is a note
// naming the implementations: the one chosen at run time decides where it
// goes. Content with nothing personal is no note, nor is a value of a
// struct given to them (an operation that may hold the service's own
// state beside data: only content given to send is followed there).
func TestPluginPointNote(t *testing.T) {
	p := moduleProgram(t, nil, `package app

import (
	"bytes"
	"net/http"
)

type User struct{ Email string }
`+pluginImpls+`
func Export(s Blobs, u User) {
	s.Put("export", []byte(u.Email))
}

func Quiet(s Blobs) {
	s.Put("export", []byte("hello"))
}

func Runs(s Blobs, u User) {
	s.Run(&Op{Label: u.Email, Seq: 1})
}
`)
	got := siteKinds(p, "example.com/m/app")
	// Lines of the source above: the Put in Export (45), and the post of
	// a.Run (40), which its caller in this package gives the address:
	// the implementation's own site, found through its callers, not a
	// note at the interface call.
	want := []string{"40 send http.Post", "45 send app.Blobs.Put"}
	if !slices.Equal(got, want) {
		t.Errorf("sites %v, want %v", got, want)
	}
}
