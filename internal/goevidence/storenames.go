package goevidence

import (
	_ "embed"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed storenames.tsv
var storeNamesTSV string

// hStoreName is an option handle: the name of the store an SDK call's
// input writes to (s3.PutObjectInput{Bucket: ...}). It is not a
// destination; the call's client is.
const hStoreName = "store-name"

// storeNameTables are the rows of storenames.tsv, by kind.
type storeNameTables struct {
	awsFields   map[string]map[string]string // service → field → store type
	googleCalls map[string]string            // "storage.Client.Bucket" → store type
}

var storeNames = func() storeNameTables {
	t := storeNameTables{awsFields: map[string]map[string]string{}, googleCalls: map[string]string{}}
	for _, r := range tsv.Rows("storenames.tsv", storeNamesTSV, 4) {
		f := r.Fields
		if _, ok := evidence.LookupStoreType(f[3]); !ok {
			r.Fail("store type %s is not in internal/evidence/stores.tsv", f[3])
		}
		switch f[0] {
		case "aws-field":
			if t.awsFields[f[1]] == nil {
				t.awsFields[f[1]] = map[string]string{}
			}
			t.awsFields[f[1]][f[2]] = f[3]
		case "google-call":
			t.googleCalls[f[1]] = f[3]
		default:
			r.Fail("kind %q: want aws-field or google-call", f[0])
		}
	}
	return t
}()

// storeName reads the name of a store from a hStoreName handle's value:
// the value itself, or for a URL (an SQS QueueUrl) its last path segment,
// which may follow a part not known statically
// (os.Getenv("SQS_BASE") + "/users").
func storeName(h Handle, d Str) (string, bool) {
	if !h.URL {
		name, ok := d.literal()
		return name, ok && name != ""
	}
	t := flatten(d).text
	i := strings.LastIndexByte(t, '/')
	if i < 0 {
		return "", false
	}
	name := t[i+1:]
	if j := strings.IndexAny(name, "?#"); j >= 0 {
		name = name[:j]
	}
	if name == "" || strings.IndexByte(name, 0) >= 0 {
		return "", false
	}
	return name, true
}

// storeLabel is what a site's name says of its store: " to bucket media".
func storeLabel(st evidence.StoreRef) string {
	t, _ := evidence.LookupStoreType(st.Type)
	return " to " + t.Noun + " " + st.Name
}
