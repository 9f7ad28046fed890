// Package evidence defines what noticevet learns from a repository: each
// place where personal data is stored, sent, or made accessible, and the
// country that place puts it in.
//
// Readers (the Terraform reader, the Go analyzer) produce Evidence; the
// rules compare it with the notice's claims. The package holds no logic
// about how either is found.
package evidence

import (
	"fmt"
	"sort"
)

// Kind is what the repository does with personal data at a site.
type Kind string

// The kinds of evidence.
const (
	Store  Kind = "store"  // data rests there (a bucket, a database, a replica)
	Send   Kind = "send"   // data is sent there (an HTTP call, a queue in another region)
	Access Kind = "access" // data can be reached from there (a cross-account grant, an ingress CIDR)
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
	Pos       Pos      `json:"location"`
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
