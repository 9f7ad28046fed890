package tfeval

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/zclconf/go-cty/cty"
)

// module is the configuration in one folder.
type module struct {
	dir   string // absolute
	rel   string // relative to the folder being read
	files []*srcFile

	vars      map[string]*variable
	varNames  []string // declaration order
	locals    map[string]*hcl.Attribute
	providers map[string]*providerBlock // "aws", "aws.seoul"
	resources []*resource               // managed resources, in file order
	data      []*resource               // data sources, in file order
	byAddr    map[string]*resource      // "aws_s3_bucket.media", "data.aws_region.current"
	calls     []*call
	callByNm  map[string]*call
	outputs   map[string]*hcl.Attribute

	// Set for root modules by loader.assignVars.
	autoVars []*srcFile
	varFiles []*srcFile

	needs    map[string]bool // provider configurations the module uses, memoised
	needKeys []string        // the keys of needs, sorted
	prepared any             // what Extractor.Prepare made of it
	prepDone bool            // Prepare has run

	users atomic.Int64 // root modules yet to be evaluated that reach this one

	called  bool // a module calls this one (set by loader.follow)
	dropped bool // its syntax trees are gone until loader.revive

	// travs memoises the references of the module's expressions: every
	// evaluation needs them, instances of a module evaluate the same
	// expressions, and finding them walks the syntax tree and allocates.
	// Readers of different root modules share the module, hence the lock.
	travsMu sync.Mutex
	travs   map[hcl.Expression][]hcl.Traversal
}

// variables returns expr.Variables(), computed once per expression. The
// result is shared: callers must not change it.
func (m *module) variables(expr hcl.Expression) []hcl.Traversal {
	if !cacheable(expr) {
		return expr.Variables()
	}
	m.travsMu.Lock()
	ts, ok := m.travs[expr]
	m.travsMu.Unlock()
	if ok {
		return ts
	}
	ts = expr.Variables()
	m.travsMu.Lock()
	if m.travs == nil {
		m.travs = map[hcl.Expression][]hcl.Traversal{}
	}
	m.travs[expr] = ts
	m.travsMu.Unlock()
	return ts
}

// cacheable reports whether an expression can be a map key: a value of a
// struct type holding a cty.Value (hcl.StaticExpr) could panic when hashed.
func cacheable(expr hcl.Expression) bool {
	if _, ok := expr.(hclsyntax.Expression); ok {
		return true
	}
	return expr != nil && reflect.TypeOf(expr).Kind() == reflect.Pointer
}

// release drops what a module holds once no root module left to evaluate
// reaches it.
func (m *module) release() {
	m.drop()
	m.files, m.autoVars, m.varFiles, m.calls = nil, nil, nil, nil
}

type variable struct {
	name     string
	def      hcl.Expression // nil without a default
	ty       cty.Type
	defaults *typeexpr.Defaults

	defOnce sync.Once // readers of different root modules share the variable
	defVal  varVal
}

// set takes the default and the type a variable block's body gives, where
// it gives them: the block that defines the variable, then each override
// of it.
func (v *variable) set(body hcl.Body) {
	if a := attr(body, "default"); a != nil {
		v.def = a.Expr
	}
	if a := attr(body, "type"); a != nil {
		if ty, defs, diags := typeexpr.TypeConstraintWithDefaults(a.Expr); !diags.HasErrors() {
			v.ty, v.defaults = ty, defs
		}
	}
}

type providerBlock struct {
	name  string // "aws" or "aws.seoul"
	local string // "aws"
	body  hcl.Body
	block *hcl.Block
}

type resource struct {
	mode     string // "resource" or "data"
	typ      string
	name     string
	block    *hcl.Block
	body     hcl.Body
	file     *srcFile
	count    *hcl.Attribute
	forEach  *hcl.Attribute
	provider *hcl.Attribute
	address  string // addr(), made once: it names every record and value
}

// addr is the resource's address inside its module.
func (r *resource) addr() string {
	if r.address != "" {
		return r.address
	}
	if r.mode == "data" {
		return "data." + r.typ + "." + r.name
	}
	return r.typ + "." + r.name
}

// providerKey is the provider configuration the resource uses, as named in
// its module: its provider argument, or the provider its type belongs to.
func (r *resource) providerKey() string {
	if r.provider != nil {
		if t, diags := hcl.AbsTraversalForExpr(r.provider.Expr); !diags.HasErrors() {
			if k := traversalKey(t); k != "" {
				return k
			}
		}
	}
	return typePrefix(r.typ)
}

// call is a module block.
type call struct {
	name      string
	block     *hcl.Block
	body      hcl.Body
	file      *srcFile
	source    string
	srcRange  hcl.Range
	local     bool
	dir       string  // the called folder, for a local source
	target    *module // the called module, for a local source
	count     *hcl.Attribute
	forEach   *hcl.Attribute
	providers *hcl.Attribute
	inputs    map[string]*hcl.Attribute
}

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
}}

var callMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

// decodeModule reads the blocks the reader needs from a folder's files.
// Blocks it does not need (terraform, moved, import, check...) are left
// alone; a block it needs that is malformed is an error, as it is for
// Terraform.
func decodeModule(dir, rel string, files []*srcFile) (*module, error) {
	m := &module{
		dir: dir, rel: rel, files: files,
		vars: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		providers: map[string]*providerBlock{}, byAddr: map[string]*resource{},
		callByNm: map[string]*call{}, outputs: map[string]*hcl.Attribute{},
	}
	var overrides []*srcFile
	for _, f := range files {
		if isOverride(f.rel) {
			overrides = append(overrides, f)
			continue
		}
		if err := m.decodeFile(f, m.decodeBlock); err != nil {
			return nil, err
		}
	}
	for _, f := range overrides {
		if err := m.decodeFile(f, m.override); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *module) decodeFile(f *srcFile, decode func(*srcFile, *hcl.Block) error) error {
	content, _, diags := f.body.PartialContent(topSchema)
	if err := diagError(f.rel, diags); err != nil {
		return err
	}
	for _, b := range content.Blocks {
		if err := checkLabels(f, b); err != nil {
			return err
		}
		if err := decode(f, b); err != nil {
			return err
		}
	}
	return nil
}

func (m *module) decodeBlock(f *srcFile, b *hcl.Block) error {
	switch b.Type {
	case "resource", "data":
		r := &resource{mode: b.Type, typ: b.Labels[0], name: b.Labels[1], block: b, body: b.Body, file: f}
		r.address = r.addr()
		r.count = attr(b.Body, "count")
		r.forEach = attr(b.Body, "for_each")
		r.provider = attr(b.Body, "provider")
		if b.Type == "resource" {
			m.resources = append(m.resources, r)
		} else {
			m.data = append(m.data, r)
		}
		if m.byAddr[r.addr()] == nil {
			m.byAddr[r.addr()] = r
		}
	case "provider":
		p := &providerBlock{name: b.Labels[0], local: b.Labels[0], body: b.Body, block: b}
		if a := attr(b.Body, "alias"); a != nil {
			v, diags := safeValue(a.Expr, nil)
			if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
				return diag.At(a.Range, fmt.Sprintf("provider %q: alias must be a literal string", p.local))
			}
			p.name = p.local + "." + v.AsString()
		}
		if m.providers[p.name] == nil {
			m.providers[p.name] = p
		}
	case "variable":
		v := &variable{name: b.Labels[0], ty: cty.DynamicPseudoType}
		v.set(b.Body)
		if m.vars[v.name] == nil {
			m.vars[v.name] = v
			m.varNames = append(m.varNames, v.name)
		}
	case "locals":
		attrs, diags := b.Body.JustAttributes()
		if err := diagError(f.rel, diags); err != nil {
			return err
		}
		for _, a := range sortedAttrs(attrs) {
			if m.locals[a.Name] == nil {
				m.locals[a.Name] = a
			}
		}
	case "output":
		if a := attr(b.Body, "value"); a != nil && m.outputs[b.Labels[0]] == nil {
			m.outputs[b.Labels[0]] = a
		}
	case "module":
		c := &call{name: b.Labels[0], block: b, file: f}
		if err := c.decode(b.Body); err != nil {
			return err
		}
		if m.callByNm[c.name] == nil {
			m.callByNm[c.name] = c
			m.calls = append(m.calls, c)
		}
	}
	return nil
}

// checkLabels refuses a block label that is not an identifier, as
// Terraform does ("Invalid resource name"). Labels become names in
// findings and addresses; one holding a newline, an escape sequence or
// "::" could not be a real resource, and is an error, not a name.
func checkLabels(f *srcFile, b *hcl.Block) error {
	for i, l := range b.Labels {
		if hclsyntax.ValidIdentifier(l) {
			continue
		}
		e := &diag.Diagnostic{Path: f.rel, Line: b.DefRange.Start.Line, Column: b.DefRange.Start.Column, ShowColumn: true,
			Msg: fmt.Sprintf("invalid %s label %q: a name must start with a letter or underscore and may contain only letters, digits, underscores and dashes", b.Type, l)}
		if i < len(b.LabelRanges) {
			e.Line, e.Column = b.LabelRanges[i].Start.Line, b.LabelRanges[i].Start.Column
		}
		return e
	}
	return nil
}

// decode reads a module block's arguments from its body.
func (c *call) decode(body hcl.Body) error {
	c.body = body
	c.inputs = map[string]*hcl.Attribute{}
	attrs, _ := body.JustAttributes()
	src := attrs["source"]
	if src == nil {
		return diag.At(c.block.DefRange, fmt.Sprintf("module %q: missing source", c.name))
	}
	v, diags := safeValue(src.Expr, nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return diag.At(src.Range, fmt.Sprintf("module %q: source must be a literal string", c.name))
	}
	c.source, c.srcRange = v.AsString(), src.NameRange
	c.local = isLocalSource(c.source)
	c.count, c.forEach, c.providers = attrs["count"], attrs["for_each"], attrs["providers"]
	for n, a := range attrs {
		if !callMeta[n] {
			c.inputs[n] = a
		}
	}
	return nil
}

// attr returns a body's attribute by name, or nil. Diagnostics are
// ignored: a body that is not as expected simply lacks the attribute.
func attr(body hcl.Body, name string) (a *hcl.Attribute) {
	defer func() {
		if recover() != nil {
			a = nil
		}
	}()
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a := sb.Attributes[name]; a != nil {
			return a.AsHCLAttribute()
		}
		return nil
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: name}}})
	if content == nil {
		return nil
	}
	return content.Attributes[name]
}

// blocksOf returns a body's nested blocks of one type (without labels).
func blocksOf(body hcl.Body, typ string) (out []*hcl.Block) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	if sb, ok := body.(*hclsyntax.Body); ok && !hasBlock(sb, typ) {
		// Most bodies asked have none: spare building their content.
		return nil
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: typ}}})
	if content == nil {
		return nil
	}
	for _, b := range content.Blocks {
		if b.Type == typ {
			out = append(out, b)
		}
	}
	return out
}

func hasBlock(b *hclsyntax.Body, typ string) bool {
	for _, blk := range b.Blocks {
		if blk.Type == typ {
			return true
		}
	}
	return false
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sortAttrs(out)
	return out
}

func sortAttrs(as []*hcl.Attribute) {
	sort.Slice(as, func(i, j int) bool { return rangeLess(as[i].Range, as[j].Range) })
}

func rangeLess(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

// typePrefix is the provider a resource type belongs to: "aws" for
// "aws_s3_bucket".
func typePrefix(typ string) string {
	if i := strings.IndexByte(typ, '_'); i > 0 {
		return typ[:i]
	}
	return typ
}

// traversalKey names a provider configuration reference: "aws",
// "aws.seoul".
func traversalKey(t hcl.Traversal) string {
	var parts []string
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		default:
			return ""
		}
	}
	if len(parts) == 0 || len(parts) > 2 {
		return ""
	}
	return strings.Join(parts, ".")
}
