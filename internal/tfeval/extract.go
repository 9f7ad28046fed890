package tfeval

import (
	"fmt"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// The seam between evaluation and extraction. Evaluation runs the
// extractor at three points, and extraction reads the evaluator only
// through Scope, Module and Resource: the dependency goes one way.

// Extractor turns evaluated resources into evidence. The evaluator calls
// it; it never calls the evaluator but through the Scope it is handed.
type Extractor interface {
	// Prepare reads a module as it is written, once, after the module is
	// read and before any instance of it is evaluated; Module.Prepared
	// gives back what it returns. Root modules are evaluated
	// concurrently and share the modules they call, so what extraction
	// needs of a whole module is made here, not while evaluating.
	Prepare(m Module) any
	// Evidence is the evidence one instance of a resource or data source
	// gives, seen from the module instance it is in: Instances is left
	// empty (the evaluator names the module instances from the root), and
	// Region and Via name one region and one reason at most.
	Evidence(s Scope, r Resource) []evidence.Evidence
	// Computed is the value of an attribute of a resource instance that
	// the configuration does not set, when extraction knows more of it
	// than that it is unknown: the JSON an aws_iam_policy_document
	// produces, or a mark on what a data-holding resource computes. key
	// is the instance key ("", "[0]", `["kr"]`). ok is false for any
	// other attribute.
	Computed(s Scope, r Resource, key, name string) (v cty.Value, ok bool)
}

// Config says what a read does with the configuration.
type Config struct {
	// Extract gives the evidence; nil gives none (the configuration is
	// still read and evaluated, and its errors reported).
	Extract Extractor
	// ChunkFiles is about how many files a streaming read parses before
	// it evaluates the root modules among them; 0 is DefaultChunkFiles.
	ChunkFiles int
	// Deploy says what the deployment pipeline sets for the root module
	// in a folder (relative to the view's folder, '/'); nil sets nothing.
	Deploy func(rootDir string) (Deploy, bool)
}

// Deploy is what a pipeline sets for a root module that its files do
// not: the region a provider without one runs in (AWS_DEFAULT_REGION,
// GOOGLE_REGION), the location of the Azure data sources it reads (a
// resource group created by `az group create -l`), and the variable
// files it is run with (`-var-file=../eu-west-1.tfvars`).
type Deploy struct {
	Region, Location string
	// VarFiles are paths relative to the view's folder, '/'.
	VarFiles []string
	// File and Line are where it is said, for messages and errors.
	File string
	Line int
}

// Via names where the deploy block is, for messages.
func (d Deploy) Via() string { return fmt.Sprintf("deploy block at %s:%d", d.File, d.Line) }

func (c Config) loader(v *repo.View) *loader {
	l := newLoader(v)
	l.deploy = c.Deploy
	if c.ChunkFiles > 0 {
		l.chunkFiles = c.ChunkFiles
	}
	return l
}

func (c Config) extractor() Extractor {
	if c.Extract == nil {
		return noExtract{}
	}
	return c.Extract
}

// Read reads every *.tf, *.tf.json, *.tfvars and *.tfvars.json file below
// the view's folder and the local modules they call, evaluates every root
// module, and returns the evidence the extractor finds, merged across
// module instances and sorted with evidence.Sort. It reads in chunks
// (Stream) and, where that meets an error, reads again the whole way
// (ReadWhole), so that the error reported is the first in the order of
// files whatever the chunks. The error is a *diag.Diagnostic, or
// diag.Diagnostics holding every problem HCL found in a file.
func Read(v *repo.View, c Config) ([]evidence.Evidence, error) {
	if ev, _, ok := Stream(v, c); ok {
		return ev, nil
	}
	return ReadWhole(v, c)
}

// ReadWhole is Read without chunks: it reads every file, then evaluates
// every root module. It gives the same evidence as Read, holding every
// syntax tree of the folder at once.
func ReadWhole(v *repo.View, c Config) ([]evidence.Evidence, error) {
	l := c.loader(v)
	if err := l.load(); err != nil {
		return nil, err
	}
	return newReader(l, c.extractor(), &shared{}).run()
}

// Stream is Read in chunks only: ok is false where it meets an error, or
// a file changes while it is read, and the caller should then read the
// whole way. The stats say what it did with its guesses at root modules.
func Stream(v *repo.View, c Config) (ev []evidence.Evidence, stats StreamStats, ok bool) {
	l := c.loader(v)
	ev, ok = l.stream(c.extractor())
	return ev, l.stats, ok
}

// IsConfigFile reports whether Read reads a file of this name.
func IsConfigFile(name string) bool {
	ok, _, _ := classify(name)
	return ok
}

// noExtract finds no evidence.
type noExtract struct{}

func (noExtract) Prepare(Module) any                           { return nil }
func (noExtract) Evidence(Scope, Resource) []evidence.Evidence { return nil }
func (noExtract) Computed(Scope, Resource, string, string) (cty.Value, bool) {
	return cty.NilVal, false
}

// prepare runs the extractor's Prepare on the module once.
func (m *module) prepare(x Extractor) {
	if !m.prepDone {
		m.prepared, m.prepDone = x.Prepare(Module{m}), true
	}
}

// recOf is a record of what the extractor found in an instance itself.
func recOf(e evidence.Evidence) rec {
	r := rec{kind: e.Kind, what: e.What, country: e.Country, unresolved: e.Unresolved, replica: e.Replica, pos: e.Pos, insts: selfInsts, stores: e.Stores}
	if e.Region != "" {
		r.regions = []string{e.Region}
	}
	if e.Via != "" {
		r.vias = []string{e.Via}
	}
	return r
}

// Scope is where extraction evaluates a resource instance's expressions:
// its module instance, and its each or count object.
type Scope struct{ s scope }

// Eval evaluates an expression. When the value is not wholly known,
// reason says why, phrased to follow "comes from": "var.region, which has
// no value". It is never an error: what cannot be evaluated statically is
// unknown.
func (s Scope) Eval(expr hcl.Expression) (v cty.Value, reason string) { return s.s.eval(expr) }

// Provenance says which input variables an expression read and where they
// were set: `var.region = "ap-northeast-2" (terraform.tfvars)`; "" when it
// read none that were set.
func (s Scope) Provenance(expr hcl.Expression) string { return s.s.provenance(expr) }

// Blocks returns a body's nested blocks of one type, with dynamic blocks
// expanded in this scope.
func (s Scope) Blocks(body hcl.Body, typ string) []*hcl.Block { return s.s.blocks(body, typ) }

// Bodies returns the bodies at the end of a path of nested block types
// (the body itself for an empty path), with dynamic blocks expanded.
func (s Scope) Bodies(body hcl.Body, path []string) []hcl.Body { return s.s.bodies(body, path) }

// Instances is the scope of every instance of a resource of this scope's
// module instance (one, with an unknown count.index or each, when its
// count or for_each cannot be evaluated).
func (s Scope) Instances(r Resource) []Scope {
	scs := s.s.in.expansion(r.r).scopes
	out := make([]Scope, len(scs))
	for i, sc := range scs {
		out[i] = Scope{sc}
	}
	return out
}

// ProviderRegion is the region of the provider configuration a resource
// uses in this scope's module instance: val and via (what set it, for
// messages) when it is known, else why it is not, phrased to follow
// "region comes from".
func (s Scope) ProviderRegion(r Resource) (val, why, via string) {
	rv := s.s.in.provider(r.r.providerKey()).region()
	return rv.val, rv.why, rv.via
}

// Module is the module this scope's instance evaluates.
func (s Scope) Module() Module { return Module{s.s.in.mod} }

// Pos is where a range starts, with a byte column.
func (s Scope) Pos(rng hcl.Range) evidence.Pos { return s.s.in.r.pos(rng) }

// FindPos points at the first occurrence of text inside a range (an
// account ID inside a policy, a CIDR inside a list), or at fallback when
// the text is not written there literally.
func (s Scope) FindPos(rng hcl.Range, text string, fallback hcl.Range) evidence.Pos {
	return s.s.in.r.findPos(rng, text, fallback)
}

// HeaderPos points at a resource block's header: its type keyword, or in
// a JSON file the key that names it.
func (s Scope) HeaderPos(r Resource) evidence.Pos { return s.s.in.r.headerPos(r.r.block, r.r.file) }

// Text is an expression's source text, on one line and shortened.
func (s Scope) Text(rng hcl.Range) string { return s.s.in.r.text(rng) }

// Module is the configuration of one folder, as written.
type Module struct{ m *module }

// Resources lists the module's managed resources, in file order.
func (m Module) Resources() []Resource {
	out := make([]Resource, len(m.m.resources))
	for i, r := range m.m.resources {
		out[i] = Resource{r}
	}
	return out
}

// Resource is the resource or data source of an address
// ("aws_s3_bucket.media", "data.aws_region.current"); ok is false when
// the module declares none.
func (m Module) Resource(addr string) (r Resource, ok bool) {
	x := m.m.byAddr[addr]
	return Resource{x}, x != nil
}

// Variables returns the references an expression makes, computed once per
// expression. The result is shared: callers must not change it.
func (m Module) Variables(expr hcl.Expression) []hcl.Traversal { return m.m.variables(expr) }

// Prepared is what the extractor's Prepare returned for the module.
func (m Module) Prepared() any { return m.m.prepared }

// Resource is a resource or data block of a module, with an override
// file's arguments merged in.
type Resource struct{ r *resource }

// Mode is "resource" or "data".
func (r Resource) Mode() string { return r.r.mode }

// Type is the resource type: "aws_s3_bucket".
func (r Resource) Type() string { return r.r.typ }

// Name is the resource's name label.
func (r Resource) Name() string { return r.r.name }

// Addr is the resource's address inside its module: "aws_s3_bucket.media",
// "data.aws_region.current".
func (r Resource) Addr() string { return r.r.addr() }

// Body is the resource block's body.
func (r Resource) Body() hcl.Body { return r.r.body }

// Provider is the resource's provider argument, or nil.
func (r Resource) Provider() *hcl.Attribute { return r.r.provider }

// Cloud is the provider a resource type belongs to: "aws" for
// "aws_s3_bucket".
func (r Resource) Cloud() string { return typePrefix(r.r.typ) }

// MaxExpand is the most instances a count or for_each is expanded to, and
// the most locations a location argument may list.
const MaxExpand = maxExpand

// Attr returns a body's attribute by name, or nil. A body that is not as
// expected simply lacks the attribute.
func Attr(body hcl.Body, name string) *hcl.Attribute { return attr(body, name) }

// BlocksOf returns a body's nested blocks of one type, as written
// (dynamic blocks are not expanded; see Scope.Blocks).
func BlocksOf(body hcl.Body, typ string) []*hcl.Block { return blocksOf(body, typ) }

// Str returns a known string, number or bool value as a string.
func Str(v cty.Value) (string, bool) { return str(v) }

// UnmarkDeep is v.UnmarkDeep(), without its allocations for the unmarked
// primitive values most values are.
func UnmarkDeep(v cty.Value) (cty.Value, cty.ValueMarks) { return unmarkDeep(v) }

// Unknown is an unknown value that says why it is unknown (phrased to
// follow "comes from"), with further marks.
func Unknown(reason string, marks ...any) cty.Value {
	if len(marks) == 0 {
		return unknownBecause(reason)
	}
	return cty.DynamicVal.WithMarks(cty.NewValueMarks(append([]any{why(reason)}, marks...)...))
}

// Why is the reason marked anywhere in v (the first, in sorted order), or
// "".
func Why(v cty.Value) string { return firstWhy(v) }

// OwnAccount reports whether v holds the AWS account Terraform runs in
// (data.aws_caller_identity), which is the repository's own.
func OwnAccount(v cty.Value) bool { return hasOwnAccount(v) }
