// Package evidence defines what noticevet learns from a repository: each
// place where personal data is stored, sent, or made accessible, and the
// country that place puts it in.
//
// Readers produce Evidence, each as a Source (source.go) that reads the
// repository through a repo.View and places what it finds with a Placer;
// the rules compare it with the notice's claims. The package also holds
// the vocabulary every reader and rule shares: the kinds of stores
// (stores.tsv), the hosts that name a store (storehosts.tsv) and the kinds
// of personal data (datakinds.tsv). It holds no logic about how evidence
// is found.
package evidence

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/tsv"
)

// Kind is what the repository does with personal data at a site.
type Kind string

// The kinds of evidence.
const (
	Store  Kind = "store"  // data rests there (a bucket, a database, a replica)
	Send   Kind = "send"   // data is sent there (an HTTP call, a queue in another region)
	Access Kind = "access" // data can be reached from there (a cross-account grant, an ingress CIDR)
	// Read and Delete are calls on a store that do not put personal data
	// there: a SELECT or a DELETE keyed by a user ID. What is sent is the
	// key, so they are transfers, never storage; a write is a Store.
	Read   Kind = "read"   // data is read from there (a SELECT)
	Delete Kind = "delete" // data is deleted there (a DELETE)
)

// Pos is a place in a repository file. Path is relative to the checked
// directory and uses '/'; Line and Column are 1-based, Column in bytes.
type Pos struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Column) }

// Less orders positions by path, line, column.
func (p Pos) Less(q Pos) bool {
	if p.Path != q.Path {
		return p.Path < q.Path
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Column < q.Column
}

// Evidence is one site that puts personal data in one country. A site that
// puts data in two countries (a module called with two providers) is two
// Evidence values with the same Pos and What.
type Evidence struct {
	Kind Kind `json:"kind"`
	// What names the site as a user would: "aws_s3_bucket.media",
	// "module.media.aws_s3_bucket.this", "http.Post to api.partner.cn".
	What string `json:"what"`
	// Country is the ISO 3166-1 alpha-2 code, or "" when it could not be
	// decided (then Unresolved says why).
	Country string `json:"country,omitempty"`
	// Region is the cloud region or location that decided Country, if any.
	Region string `json:"region,omitempty"`
	// Via says how Country was decided, for messages: "provider aws.seoul",
	// "replica of aws_s3_bucket.media", "entity shanghai-contractor".
	Via string `json:"via,omitempty"`
	// Replica is set when the data lands here as a copy of data elsewhere.
	Replica bool `json:"replica,omitempty"`
	// Unresolved says why Country could not be decided ("region comes from
	// var.region, which has no value"); empty when Country is set.
	Unresolved string `json:"unresolved,omitempty"`
	// Instances are the module instances the site came through
	// ("module.media_kr"), sorted; empty for a root-module site.
	Instances []string `json:"instances,omitempty"`
	// Stores name the store a site writes to, when a name identifies one
	// across the repository (a bucket, a table, a stream, a storage
	// account): the Terraform reader sets them from a resource's name
	// argument, the Go reader from the name a call passes to the SDK when
	// the resource that defines the store is to place the call (see
	// StoreType.Global). Sorted.
	Stores []StoreRef `json:"stores,omitempty"`
	// Keys name the configuration values the site is tied to. The
	// configuration source sets the key a value is at (DATABASE_URL in a
	// .env or a Compose environment; "s3.eu.endpoint" in a YAML file);
	// the Go reader sets, on a site it cannot place, the environment
	// variables or configuration keys whose value alone decides where the
	// call goes (os.Getenv("DATABASE_URL") as the DSN, "https://" +
	// os.Getenv("API_HOST") + "/v1" as the URL), so that a check can
	// place the call by the value the configuration gives. Sorted.
	Keys []ConfigKey `json:"keys,omitempty"`
	// Defined names what placed the site, when the site's own code could
	// not: the resource that defines its store ("aws_s3_bucket.media at
	// infra/s3.tf:3"), the configuration value it reads ("DATABASE_URL at
	// docker-compose.yml:5"), or the Terraform plan that did, and where
	// the resource is when it is not the site itself ("plan plan.json, in
	// remote module x/y/aws").
	Defined string `json:"defined,omitempty"`
	Pos     Pos    `json:"location"`
}

// StoreRef names a store: a bucket, a table, a queue, a storage account.
type StoreRef struct {
	// Type is the kind of store, the same for every reader: "s3-bucket",
	// "dynamodb-table", "gcs-bucket", "azure-storage-account", ...
	Type string `json:"type"`
	// Name is the store's name as the cloud knows it: the bucket name, the
	// table name, the storage account name.
	Name string `json:"name"`
}

// ConfigKey names a configuration value: an environment variable or a
// key of a configuration file.
type ConfigKey struct {
	// Kind is KeyEnv or KeyConfig.
	Kind string `json:"kind"`
	// Name is the variable's name ("DATABASE_URL"), or the key's path with
	// '.' between the keys of nested mappings ("s3.b2-eu-cen.endpoint"),
	// as the code or the file writes it.
	Name string `json:"name"`
}

// The kinds of configuration keys.
const (
	// KeyEnv is an environment variable: os.Getenv reads it; a .env file
	// or a Compose service's environment sets it. Names match exactly.
	KeyEnv = "env"
	// KeyConfig is a key of a configuration file, as viper and koanf read
	// them: nested keys joined with '.', matched regardless of case.
	KeyConfig = "config"
)

// Compare orders keys by kind, then name, as cmp.Compare does.
func (k ConfigKey) Compare(l ConfigKey) int {
	if c := cmp.Compare(k.Kind, l.Kind); c != 0 {
		return c
	}
	return cmp.Compare(k.Name, l.Name)
}

// Compare orders stores by type, then name, as cmp.Compare does.
func (s StoreRef) Compare(t StoreRef) int {
	if c := cmp.Compare(s.Type, t.Type); c != 0 {
		return c
	}
	return cmp.Compare(s.Name, t.Name)
}

// Sort orders evidence by position, then country, then what, so that every
// output built from it is deterministic.
func Sort(es []Evidence) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Pos != b.Pos {
			return a.Pos.Less(b.Pos)
		}
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		if a.What != b.What {
			return a.What < b.What
		}
		return a.Kind < b.Kind
	})
}

//go:embed stores.tsv
var storesTSV string

// StoreType is a row of stores.tsv: a kind of named store.
type StoreType struct {
	// Noun is what a message calls the store: "bucket", "table".
	Noun string
	// Global is set when the name identifies the store in every region,
	// so the resource that defines it places it whatever region the code
	// sets; otherwise the code's region decides and the resource places
	// only a call whose region is not known.
	Global bool
}

var storeTypes = func() map[string]StoreType {
	out := map[string]StoreType{}
	for _, r := range tsv.Rows("stores.tsv", storesTSV, 3) {
		f := r.Fields
		if f[2] != "global" && f[2] != "regional" {
			r.Fail("scope %q: want global or regional", f[2])
		}
		out[f[0]] = StoreType{Noun: f[1], Global: f[2] == "global"}
	}
	return out
}()

// LookupStoreType returns what noticevet knows of a store type.
func LookupStoreType(typ string) (StoreType, bool) {
	t, ok := storeTypes[typ]
	return t, ok
}

//go:embed storehosts.tsv
var storeHostsTSV string

// storeHosts are the rows of storehosts.tsv: host suffix, store type.
var storeHosts = func() [][2]string {
	var out [][2]string
	for _, r := range tsv.Rows("storehosts.tsv", storeHostsTSV, 2) {
		if _, ok := storeTypes[r.Fields[1]]; !ok {
			r.Fail("store type %s is not in stores.tsv", r.Fields[1])
		}
		out = append(out, [2]string{r.Fields[0], r.Fields[1]})
	}
	return out
}()

// HostStore names the store a host is the endpoint of: the storage
// account "media" of media.blob.core.windows.net. Any source that finds a
// host (in Go code, in a configuration file) names its store so.
func HostStore(host string) (StoreRef, bool) {
	host = strings.ToLower(host)
	for _, r := range storeHosts {
		if name, ok := strings.CutSuffix(host, r[0]); ok && name != "" && !strings.Contains(name, ".") {
			return StoreRef{Type: r[1], Name: name}, true
		}
	}
	return StoreRef{}, false
}

//go:embed datakinds.tsv
var dataKindsTSV string

var dataKinds = func() []string {
	var out []string
	for _, r := range tsv.Rows("datakinds.tsv", dataKindsTSV, 2) {
		out = append(out, r.Fields[0])
	}
	return out
}()

// DataKinds returns the kinds of personal data noticevet tells apart
// (datakinds.tsv), in the table's order.
func DataKinds() []string { return slices.Clone(dataKinds) }

// IsDataKind reports whether kind is one of DataKinds.
func IsDataKind(kind string) bool { return slices.Contains(dataKinds, kind) }
