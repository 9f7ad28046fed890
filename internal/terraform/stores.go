package terraform

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tfeval"
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
func (s scope) stores(r tfeval.Resource) []evidence.StoreRef {
	sn, ok := storeNames[r.Type()]
	if !ok {
		return nil
	}
	a := tfeval.Attr(r.Body(), sn.arg)
	if a == nil {
		return nil
	}
	v, _ := s.Eval(a.Expr)
	name, ok := tfeval.Str(v)
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
func (s scope) resourceRecs(r tfeval.Resource) []evidence.Evidence {
	var out []evidence.Evidence
	if ds, ok := datastores[r.Type()]; ok {
		out = append(out, s.storeRecs(r, ds)...)
		out = append(out, s.azurePairRecs(r, ds)...)
	}
	out = append(out, s.replicationRecs(r)...)
	out = append(out, s.accessRecs(r)...)
	return out
}

func (s scope) storeRecs(r tfeval.Resource, ds datastore) []evidence.Evidence {
	replica, via := s.replicaOf(r, ds)
	names := s.stores(r)
	var out []evidence.Evidence
	for _, st := range s.locate(r, ds) {
		if replica && !st.replica {
			st.replica, st.replicaVia = true, via
		}
		for _, x := range s.place(evidence.Store, r.Addr(), r.Cloud(), st) {
			if !x.Replica {
				// A copy elsewhere is not where a write by name lands.
				x.Stores = names
			}
			out = append(out, x)
		}
	}
	return out
}

// place turns a site into evidence, one per country of its location.
func (s scope) place(kind evidence.Kind, what, cloud string, st site) []evidence.Evidence {
	base := evidence.Evidence{Kind: kind, What: what, Pos: st.pos, Replica: st.replica}
	if st.why != "" {
		base.Unresolved = st.why
		return []evidence.Evidence{base}
	}
	p := s.places.Region(cloud, st.loc)
	if !p.OK() {
		base.Unresolved = fmt.Sprintf("%s %q is not a %s location with a known country", st.word, st.loc, cloud)
		return []evidence.Evidence{base}
	}
	via := st.via
	if st.replica && st.replicaVia != "" {
		via = st.replicaVia
	}
	var out []evidence.Evidence
	for _, c := range p.Countries {
		n := base
		n.Country = c
		n.Region = p.Region
		if via != "" {
			n.Via = via
		}
		out = append(out, n)
	}
	return out
}

// locate finds where a data-holding resource puts data: its location
// argument, else its default (its provider configuration's region, or a
// fixed location).
func (s scope) locate(r tfeval.Resource, ds datastore) []site {
	header := s.HeaderPos(r)
	switch r.Type() {
	case "azurerm_cosmosdb_account":
		// Every geo_location holds a full copy; failover priority 0 is
		// the write region.
		var sites []site
		for _, b := range s.Blocks(r.Body(), "geo_location") {
			a := tfeval.Attr(b.Body, "location")
			if a == nil {
				continue
			}
			replica := false
			if fp := tfeval.Attr(b.Body, "failover_priority"); fp != nil {
				if v, _ := s.Eval(fp.Expr); v.IsWhollyKnown() {
					if n, ok := tfeval.Str(v); ok && n != "0" {
						replica = true
					}
				}
			}
			for _, st := range s.valueSites(a, "location", nil) {
				if replica {
					st.replica, st.replicaVia = true, "replica of "+r.Addr()
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
		for _, b := range s.Blocks(r.Body(), "custom_placement_config") {
			if a := tfeval.Attr(b.Body, "data_locations"); a != nil {
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
		if r.Type() == "google_spanner_instance" {
			norm = spannerConfig
		}
		var sites []site
		for _, body := range s.Bodies(r.Body(), path[:len(path)-1]) {
			if a := tfeval.Attr(body, name); a != nil {
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
func (s scope) providerSite(r tfeval.Resource) site {
	pos := s.HeaderPos(r)
	if r.Provider() != nil {
		pos = s.Pos(r.Provider().NameRange)
	}
	val, why, via := s.ProviderRegion(r)
	if why != "" {
		return site{pos: pos, why: "region comes from " + why}
	}
	return site{pos: pos, word: "region", loc: val, via: via}
}

// valueSites reads a location argument: a string, or a list of them. A
// null value gives no site (the default applies).
func (s scope) valueSites(a *hcl.Attribute, word string, norm func(string) string) []site {
	if norm == nil {
		norm = func(x string) string { return x }
	}
	pos := s.Pos(a.NameRange)
	v, reason := s.Eval(a.Expr)
	plain, _ := tfeval.UnmarkDeep(v)
	if plain.IsKnown() && plain.IsNull() {
		return nil
	}
	if !plain.IsKnown() {
		return []site{{pos: pos, why: word + " comes from " + reason}}
	}
	via := "resource " + a.Name
	if pv := s.Provenance(a.Expr); pv != "" {
		via = pv
	}
	ty := plain.Type()
	if ty.IsPrimitiveType() {
		x, _ := tfeval.Str(plain)
		return []site{{pos: pos, word: word, loc: norm(x), via: via}}
	}
	if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
		return []site{{pos: pos, why: fmt.Sprintf("%s = %s, which is not a string or a list of strings", a.Name, s.Text(a.Expr.Range()))}}
	}
	if plain.LengthInt() > tfeval.MaxExpand {
		return []site{{pos: pos, why: fmt.Sprintf("%s = %s, which lists more than %d locations", a.Name, s.Text(a.Expr.Range()), tfeval.MaxExpand)}}
	}
	var out []site
	for it := plain.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if !e.IsKnown() {
			out = append(out, site{pos: pos, why: word + " comes from " + reason})
			continue
		}
		x, ok := tfeval.Str(e)
		if !ok {
			if pe, _ := tfeval.UnmarkDeep(e); pe.IsNull() {
				continue
			}
			out = append(out, site{pos: pos, why: fmt.Sprintf("%s = %s, which is not a list of strings", a.Name, s.Text(a.Expr.Range()))})
			continue
		}
		out = append(out, site{pos: s.FindPos(a.Expr.Range(), x, a.NameRange), word: word, loc: norm(x), via: via})
	}
	return out
}

// replicaOf tells whether a resource is a copy of another store: it names
// its source (replicate_source_db...), or a replication block elsewhere
// in the module copies into it.
func (s scope) replicaOf(r tfeval.Resource, ds datastore) (bool, string) {
	if ds.replicaOf != "-" {
		if a := tfeval.Attr(r.Body(), ds.replicaOf); a != nil {
			v, _ := s.Eval(a.Expr)
			if plain, _ := tfeval.UnmarkDeep(v); !(plain.IsKnown() && plain.IsNull()) {
				return true, "replica of " + s.refName(a.Expr, v)
			}
		}
	}
	if via, ok := s.Module().Prepared().(map[string]string)[r.Addr()]; ok {
		return true, via
	}
	if r.Type() == "aws_rds_cluster" {
		// A secondary cluster of an Aurora global database joins it
		// without credentials of its own.
		if g := tfeval.Attr(r.Body(), "global_cluster_identifier"); g != nil && tfeval.Attr(r.Body(), "master_username") == nil && tfeval.Attr(r.Body(), "manage_master_user_password") == nil && tfeval.Attr(r.Body(), "snapshot_identifier") == nil {
			v, _ := s.Eval(g.Expr)
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
	if x, ok := tfeval.Str(v); ok {
		return x
	}
	return s.Text(expr.Range())
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
func storeRef(m tfeval.Module, expr hcl.Expression) string {
	for _, t := range m.Variables(expr) {
		if len(t) < 2 {
			continue
		}
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		addr := t.RootName() + "." + a.Name
		if r, ok := m.Resource(addr); ok {
			if _, ok := datastores[r.Type()]; ok {
				return addr
			}
		}
	}
	return ""
}
