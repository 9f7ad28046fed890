package tfeval

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/evidence"
)

// fakeExtractor gives one piece of evidence per resource instance: its
// country is the instance's "country" argument, and What says how many
// instances the resource has. The JSON of a data "x_doc" is computed.
type fakeExtractor struct {
	mu       sync.Mutex
	prepared map[string]int // module folder → Prepare calls
}

func (x *fakeExtractor) Prepare(m Module) any {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.prepared[m.m.rel]++
	return "prepared " + m.m.rel
}

func (x *fakeExtractor) Evidence(s Scope, r Resource) []evidence.Evidence {
	if got, want := s.Module().Prepared(), "prepared "+s.s.in.mod.rel; got != want {
		panic(fmt.Sprintf("Prepared() = %v, want %v", got, want))
	}
	e := evidence.Evidence{Kind: evidence.Store, What: fmt.Sprintf("%s x%d", r.Addr(), len(s.Instances(r))), Pos: s.HeaderPos(r)}
	if a := Attr(r.Body(), "country"); a != nil {
		v, reason := s.Eval(a.Expr)
		if c, ok := Str(v); ok {
			e.Country = c
		} else {
			e.Unresolved = reason
		}
	}
	return []evidence.Evidence{e}
}

func (x *fakeExtractor) Computed(s Scope, r Resource, key, name string) (cty.Value, bool) {
	if r.Mode() == "data" && r.Type() == "x_doc" && name == "json" {
		return cty.StringVal("computed " + r.Name() + key), true
	}
	return cty.NilVal, false
}

// TestExtractor: the evaluator runs the extractor's Prepare once per
// module before evaluating it, its Evidence on every resource instance
// (and names the module instances itself, merging what is the same),
// and its Computed for attributes the configuration does not set, read
// or streamed alike.
func TestExtractor(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `
module "a" {
  source  = "./m"
  country = "KR"
}
module "b" {
  source  = "./m"
  country = "JP"
}
data "x_doc" "d" {}
resource "x_thing" "r" { country = data.x_doc.d.json }
resource "x_thing" "u" { country = data.x_doc.d.other }
`,
		"m/main.tf": `
variable "country" {}
resource "x_thing" "t" {
  count   = 2
  country = var.country
}
`,
	})
	want := []string{
		"m/main.tf:2 x_thing.t x2 JP [module.b]",
		"m/main.tf:2 x_thing.t x2 KR [module.a]",
		"main.tf:10 x_thing.r x1 computed d []",
		"main.tf:11 x_thing.u x1  [] (data.x_doc.d.other, which is read from the cloud when Terraform runs)",
	}
	for _, chunk := range []int{1, DefaultChunkFiles} {
		for _, whole := range []bool{false, true} {
			x := &fakeExtractor{prepared: map[string]int{}}
			c := Config{Extract: x, ChunkFiles: chunk}
			read := Read
			if whole {
				read = ReadWhole
			}
			ev, err := read(testView(t, dir, dir), c)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range ev {
				s := fmt.Sprintf("%s:%d %s %s %v", e.Pos.Path, e.Pos.Line, e.What, e.Country, e.Instances)
				if e.Unresolved != "" {
					s += " (" + e.Unresolved + ")"
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("chunk %d, whole %v: evidence\n%s\nwant\n%s", chunk, whole, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if x.prepared["."] != 1 || x.prepared["m"] != 1 || len(x.prepared) != 2 {
				t.Errorf("chunk %d, whole %v: Prepare calls %v, want one for . and one for m", chunk, whole, x.prepared)
			}
		}
	}
}

// TestNoExtractor: without an extractor a read finds no evidence, and
// still reports what it cannot read.
func TestNoExtractor(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf": "resource \"x_thing\" \"r\" {}\n"})
	if ev, err := Read(testView(t, dir, dir), Config{}); err != nil || len(ev) != 0 {
		t.Errorf("evidence %v, error %v; want none", ev, err)
	}
	writeTree(t, dir, map[string]string{"main.tf": "resource \"x_thing\" {}\n"})
	if _, err := Read(testView(t, dir, dir), Config{}); err == nil {
		t.Error("no error for a resource block without a name")
	}
}
