package terraform

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed datastores.tsv
var datastoresTSV string

// datastore is a row of datastores.tsv.
type datastore struct {
	typ, category, loc, def, replicaOf string
}

var datastores = parseDatastores(datastoresTSV)

//go:embed storenames.tsv
var storeNamesTSV string

// storeName is a row of storenames.tsv: the argument that names a store.
type storeName struct{ arg, store string }

var storeNames = parseStoreNames(storeNamesTSV)

func parseStoreNames(src string) map[string]storeName {
	out := map[string]storeName{}
	for _, r := range tsv.Rows("storenames.tsv", src, 3) {
		f := r.Fields
		if _, ok := datastores[f[0]]; !ok {
			r.Fail("%s is not a row of datastores.tsv", f[0])
		}
		if _, ok := evidence.LookupStoreType(f[2]); !ok {
			r.Fail("store type %s is not in internal/evidence/stores.tsv", f[2])
		}
		out[f[0]] = storeName{arg: f[1], store: f[2]}
	}
	return out
}

// stores names the store a resource instance defines, when its name
// argument is known.
func (s scope) stores(r *resource) []evidence.StoreRef {
	sn, ok := storeNames[r.typ]
	if !ok {
		return nil
	}
	a := attr(r.body, sn.arg)
	if a == nil {
		return nil
	}
	v, _ := s.eval(a.Expr)
	name, ok := str(v)
	if !ok || name == "" {
		return nil
	}
	return []evidence.StoreRef{{Type: sn.store, Name: name}}
}

func parseDatastores(src string) map[string]datastore {
	out := map[string]datastore{}
	for _, r := range tsv.Rows("datastores.tsv", src, 5) {
		f := r.Fields
		out[f[0]] = datastore{typ: f[0], category: f[1], loc: f[2], def: f[3], replicaOf: f[4]}
	}
	return out
}

// site is one place a resource (or a block in it) puts data: a location
// to look up, or why there is none.
type site struct {
	pos        evidence.Pos
	word       string // what the location is called: region, location, zone
	loc        string
	why        string
	via        string
	replica    bool
	replicaVia string
}

// resourceRecs is all the evidence one resource instance gives.
func (s scope) resourceRecs(r *resource) []rec {
	var out []rec
	if ds, ok := datastores[r.typ]; ok {
		out = append(out, s.storeRecs(r, ds)...)
		out = append(out, s.azurePairRecs(r, ds)...)
	}
	out = append(out, s.replicationRecs(r)...)
	out = append(out, s.accessRecs(r)...)
	return out
}

func (s scope) storeRecs(r *resource, ds datastore) []rec {
	replica, via := s.replicaOf(r, ds)
	names := s.stores(r)
	var out []rec
	for _, st := range s.locate(r, ds) {
		if replica && !st.replica {
			st.replica, st.replicaVia = true, via
		}
		for _, x := range s.place(evidence.Store, r.addr(), typePrefix(r.typ), st) {
			if !x.replica {
				// A copy elsewhere is not where a write by name lands.
				x.stores = names
			}
			out = append(out, x)
		}
	}
	return out
}

// place turns a site into records, one per country of its location.
func (s scope) place(kind evidence.Kind, what, cloud string, st site) []rec {
	base := rec{kind: kind, what: what, pos: st.pos, replica: st.replica, insts: selfInsts}
	if st.why != "" {
		base.unresolved = st.why
		return []rec{base}
	}
	p := s.in.r.places.Region(cloud, st.loc)
	if !p.OK() {
		base.unresolved = fmt.Sprintf("%s %q is not a %s location with a known country", st.word, st.loc, cloud)
		return []rec{base}
	}
	via := st.via
	if st.replica && st.replicaVia != "" {
		via = st.replicaVia
	}
	var out []rec
	for _, c := range p.Countries {
		n := base
		n.country = c
		n.regions = []string{p.Region}
		if via != "" {
			n.vias = []string{via}
		}
		out = append(out, n)
	}
	return out
}

// locate finds where a data-holding resource puts data: its location
// argument, else its default (its provider configuration's region, or a
// fixed location).
func (s scope) locate(r *resource, ds datastore) []site {
	rd := s.in.r
	header := rd.headerPos(r.block, r.file)
	switch r.typ {
	case "azurerm_cosmosdb_account":
		// Every geo_location holds a full copy; failover priority 0 is
		// the write region.
		var sites []site
		for _, b := range s.blocks(r.body, "geo_location") {
			a := attr(b.Body, "location")
			if a == nil {
				continue
			}
			replica := false
			if fp := attr(b.Body, "failover_priority"); fp != nil {
				if v, _ := s.eval(fp.Expr); v.IsWhollyKnown() {
					if n, ok := str(v); ok && n != "0" {
						replica = true
					}
				}
			}
			for _, st := range s.valueSites(a, "location", nil) {
				if replica {
					st.replica, st.replicaVia = true, "replica of "+r.addr()
				}
				sites = append(sites, st)
			}
		}
		if len(sites) > 0 {
			return sites
		}
	case "google_storage_bucket":
		// A configurable dual-region keeps the data in its data_locations only.
		var sites []site
		for _, b := range s.blocks(r.body, "custom_placement_config") {
			if a := attr(b.Body, "data_locations"); a != nil {
				sites = append(sites, s.valueSites(a, "location", nil)...)
			}
		}
		if len(sites) > 0 {
			return sites
		}
	}
	if ds.loc != "-" {
		path := strings.Split(ds.loc, ".")
		name := path[len(path)-1]
		norm := func(x string) string { return x }
		if r.typ == "google_spanner_instance" {
			norm = spannerConfig
		}
		var sites []site
		for _, body := range s.bodies(r.body, path[:len(path)-1]) {
			if a := attr(body, name); a != nil {
				sites = append(sites, s.valueSites(a, locWord(name), norm)...)
			}
		}
		if len(sites) > 0 {
			return sites
		}
	}
	switch ds.def {
	case "provider":
		return []site{s.providerSite(r)}
	case "-":
		return []site{{pos: header, why: ds.loc + " is not set"}}
	case "unpinned":
		return []site{{pos: header, why: "message storage is not pinned to a region (no message_storage_policy)"}}
	}
	return []site{{pos: header, word: "location", loc: ds.def, via: "default location " + ds.def}}
}

func locWord(attr string) string {
	switch attr {
	case "region", "allowed_persistence_regions":
		return "region"
	case "zone":
		return "zone"
	}
	return "location"
}

// spannerConfig reads the region out of a Spanner instance configuration:
// "regional-asia-northeast1" or "projects/p/instanceConfigs/regional-...".
func spannerConfig(c string) string {
	if i := strings.LastIndex(c, "/"); i >= 0 {
		c = c[i+1:]
	}
	return strings.TrimPrefix(c, "regional-")
}

// providerSite is where a resource's provider configuration puts it.
func (s scope) providerSite(r *resource) site {
	rd := s.in.r
	pos := rd.headerPos(r.block, r.file)
	if r.provider != nil {
		pos = rd.pos(r.provider.NameRange)
	}
	rv := s.in.provider(r.providerKey()).region()
	if rv.why != "" {
		return site{pos: pos, why: "region comes from " + rv.why}
	}
	return site{pos: pos, word: "region", loc: rv.val, via: rv.via}
}

// valueSites reads a location argument: a string, or a list of them. A
// null value gives no site (the default applies).
func (s scope) valueSites(a *hcl.Attribute, word string, norm func(string) string) []site {
	rd := s.in.r
	if norm == nil {
		norm = func(x string) string { return x }
	}
	pos := rd.pos(a.NameRange)
	v, reason := s.eval(a.Expr)
	plain, _ := unmarkDeep(v)
	if plain.IsKnown() && plain.IsNull() {
		return nil
	}
	if !plain.IsKnown() {
		return []site{{pos: pos, why: word + " comes from " + reason}}
	}
	via := "resource " + a.Name
	if pv := s.provenance(a.Expr); pv != "" {
		via = pv
	}
	ty := plain.Type()
	if ty.IsPrimitiveType() {
		x, _ := str(plain)
		return []site{{pos: pos, word: word, loc: norm(x), via: via}}
	}
	if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
		return []site{{pos: pos, why: fmt.Sprintf("%s = %s, which is not a string or a list of strings", a.Name, rd.text(a.Expr.Range()))}}
	}
	if plain.LengthInt() > maxExpand {
		return []site{{pos: pos, why: fmt.Sprintf("%s = %s, which lists more than %d locations", a.Name, rd.text(a.Expr.Range()), maxExpand)}}
	}
	var out []site
	for it := plain.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if !e.IsKnown() {
			out = append(out, site{pos: pos, why: word + " comes from " + reason})
			continue
		}
		x, ok := str(e)
		if !ok {
			if pe, _ := unmarkDeep(e); pe.IsNull() {
				continue
			}
			out = append(out, site{pos: pos, why: fmt.Sprintf("%s = %s, which is not a list of strings", a.Name, rd.text(a.Expr.Range()))})
			continue
		}
		out = append(out, site{pos: rd.findPos(a.Expr.Range(), x, a.NameRange), word: word, loc: norm(x), via: via})
	}
	return out
}

// replicaOf tells whether a resource is a copy of another store: it names
// its source (replicate_source_db...), or a replication block elsewhere
// in the module copies into it.
func (s scope) replicaOf(r *resource, ds datastore) (bool, string) {
	if ds.replicaOf != "-" {
		if a := attr(r.body, ds.replicaOf); a != nil {
			v, _ := s.eval(a.Expr)
			if plain, _ := unmarkDeep(v); !(plain.IsKnown() && plain.IsNull()) {
				return true, "replica of " + s.refName(a.Expr, v)
			}
		}
	}
	if via, ok := s.in.mod.replicaDests()[r.addr()]; ok {
		return true, via
	}
	if r.typ == "aws_rds_cluster" {
		// A secondary cluster of an Aurora global database joins it
		// without credentials of its own.
		if g := attr(r.body, "global_cluster_identifier"); g != nil && attr(r.body, "master_username") == nil && attr(r.body, "manage_master_user_password") == nil && attr(r.body, "snapshot_identifier") == nil {
			v, _ := s.eval(g.Expr)
			return true, "replica of " + s.refName(g.Expr, v)
		}
	}
	return false, ""
}

// refName names what an expression refers to: the resource it reads, or
// its value.
func (s scope) refName(expr hcl.Expression, v cty.Value) string {
	if a := refAddr(expr); a != "" {
		return a
	}
	if x, ok := str(v); ok {
		return x
	}
	return s.in.r.text(expr.Range())
}

// refAddr is the address of the first resource or data source an
// expression refers to, or "".
func refAddr(expr hcl.Expression) string {
	for _, t := range expr.Variables() {
		root := t.RootName()
		switch root {
		case "var", "local", "each", "count", "path", "terraform", "self", "module":
			continue
		}
		var parts []string
		for i, step := range t {
			if i == 0 {
				parts = append(parts, root)
				continue
			}
			a, ok := step.(hcl.TraverseAttr)
			if !ok {
				break
			}
			parts = append(parts, a.Name)
			if (root == "data" && len(parts) == 3) || (root != "data" && len(parts) == 2) {
				return strings.Join(parts, ".")
			}
		}
	}
	return ""
}

// storeRef is the address of a data-holding resource of the module that
// an expression refers to, or "".
func (m *module) storeRef(expr hcl.Expression) string {
	for _, t := range m.variables(expr) {
		if len(t) < 2 {
			continue
		}
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		addr := t.RootName() + "." + a.Name
		if r := m.byAddr[addr]; r != nil {
			if _, ok := datastores[r.typ]; ok {
				return addr
			}
		}
	}
	return ""
}

// blocks returns the nested blocks of one type, with dynamic blocks
// expanded.
func (s scope) blocks(body hcl.Body, typ string) []*hcl.Block {
	return blocksOf(s.expandBody(body), typ)
}

// bodies returns the bodies at the end of a path of nested block types
// (the body itself for an empty path), with dynamic blocks expanded.
func (s scope) bodies(body hcl.Body, path []string) []hcl.Body {
	cur := []hcl.Body{body}
	if len(path) > 0 {
		cur = []hcl.Body{s.expandBody(body)}
	}
	for _, typ := range path {
		var next []hcl.Body
		for _, b := range cur {
			for _, blk := range blocksOf(b, typ) {
				next = append(next, blk.Body)
			}
		}
		cur = next
	}
	return cur
}

// expandBody expands the dynamic blocks of a body, evaluating their
// for_each in this scope.
func (s scope) expandBody(body hcl.Body) (out hcl.Body) {
	defer func() {
		if recover() != nil {
			out = body
		}
	}()
	if !mayHaveDynamic(body) {
		return body
	}
	ctx := s.ctx(s.in.mod.allTraversals(body))
	if !dynamicAffordable(body, ctx) {
		return body
	}
	s.in.r.spent = 0
	made := 0
	return dynblock.Expand(body, ctx, dynblock.OptCheckForEach(func(v cty.Value, _ hcl.Expression, _ *hcl.EvalContext) hcl.Diagnostics {
		if v, _ := v.Unmark(); v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
			made += v.LengthInt()
			if made > maxValueNodes {
				return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: tooLargeSummary}}
			}
		}
		return nil
	}))
}

// mayHaveDynamic reports whether a body may hold a dynamic block, at any
// depth: most hold none, and need no expanding.
func mayHaveDynamic(body hcl.Body) bool {
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, blk := range b.Blocks {
			if blk.Type == "dynamic" || mayHaveDynamic(blk.Body) {
				return true
			}
		}
		return false
	case mergedBody:
		return mayHaveDynamic(b.base) || mayHaveDynamic(b.over)
	}
	return true
}

// dynamicAffordable reports whether the for_each of every dynamic block in
// a body can be evaluated within maxCost: dynamic blocks whose for_each
// cannot are not expanded. Nested dynamic blocks are checked with their
// outer iterators bounded as any named value is.
func dynamicAffordable(body hcl.Body, ctx *hcl.EvalContext) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, blk := range b.Blocks {
			if a := blk.Body.Attributes["for_each"]; blk.Type == "dynamic" && a != nil && exprCost(a.Expr, ctx) > maxCost {
				return false
			}
			if !dynamicAffordable(blk.Body, ctx) {
				return false
			}
		}
		return true
	case mergedBody:
		return dynamicAffordable(b.base, ctx) && dynamicAffordable(b.over, ctx)
	}
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "dynamic", LabelNames: []string{"type"}}}}
	if hcljson.IsJSONBody(body) {
		// In a .tf.json file any property may be a block (without a schema
		// JSON does not say which), holding dynamic blocks that dynblock
		// would expand, unchecked, once the outer block is read: every
		// property is asked for as a block too, as native syntax finds
		// every nested block above. A body dynblock made is not walked so:
		// its dynamic blocks were checked with the body they came from,
		// and asking for their type would expand them.
		attrs, _ := body.JustAttributes()
		for _, a := range sortedAttrs(attrs) {
			if a.Name != "dynamic" {
				schema.Blocks = append(schema.Blocks, hcl.BlockHeaderSchema{Type: a.Name})
			}
		}
	}
	content, _, _ := body.PartialContent(schema)
	if content == nil {
		return true
	}
	for _, blk := range content.Blocks {
		if blk.Type != "dynamic" {
			if !dynamicAffordable(blk.Body, ctx) {
				return false
			}
			continue
		}
		if a := attr(blk.Body, "for_each"); a != nil && exprCost(a.Expr, ctx) > maxCost {
			return false
		}
		for _, c := range blocksOf(blk.Body, "content") {
			if !dynamicAffordable(c.Body, ctx) {
				return false
			}
		}
	}
	return true
}

// allTraversals lists the references made anywhere in a body.
func (m *module) allTraversals(body hcl.Body) []hcl.Traversal {
	var out []hcl.Traversal
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		for _, a := range b.Attributes {
			out = append(out, m.variables(a.Expr)...)
		}
		for _, blk := range b.Blocks {
			walk(blk.Body)
		}
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		walk(sb)
		return out
	}
	if mb, ok := body.(mergedBody); ok {
		return append(m.allTraversals(mb.base), m.allTraversals(mb.over)...)
	}
	attrs, _ := body.JustAttributes()
	for _, a := range attrs {
		out = append(out, a.Expr.Variables()...)
	}
	return out
}
