package tfplan

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/terraform"
)

// Plan is a plan or state file named on the command line.
type Plan struct {
	// Path is where to read it: absolute, or relative to the working
	// folder. It may be anywhere, and a pipe.
	Path string
	// Name is how messages and evidence name it: relative to the checked
	// folder when it lies inside it, else as the user wrote it.
	Name string
}

// Source reads the plans and states named with -plan.
type Source struct {
	Plans []Plan
}

var _ evidence.Source = Source{}

// Name returns "plan".
func (Source) Name() string { return "plan" }

// Read reads each plan or state, and returns the evidence of the
// data-holding resources it says exist, placed by their resolved regions
// at their blocks in the repository's .tf files. A file that cannot be
// read or is not the JSON of terraform show -json, and a plan none of
// whose resources the repository declares, are errors.
func (s Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, diag.Errorf(".", 0, "internal error reading a plan: %v", r)
		}
	}()
	var ix *index
	for _, pl := range s.Plans {
		src, err := repo.ReadLimited(pl.Path, pl.Name, maxPlanSize)
		if err != nil {
			return evidence.Found{}, err
		}
		d, err := parse(pl.Name, src)
		if err != nil {
			return evidence.Found{}, err
		}
		found.Read = append(found.Read, pl.Name)
		var stores []instance
		for _, in := range d.instances() {
			if _, ok := terraform.LookupDataStore(in.typ); ok {
				stores = append(stores, in)
			}
		}
		if len(stores) == 0 {
			continue
		}
		if ix == nil {
			if ix, err = newIndex(v); err != nil {
				return evidence.Found{}, err
			}
		}
		r := &reader{doc: d, plan: pl, src: src, ix: ix, places: p}
		ev, note, err := r.read(stores, planDir(v, pl.Path))
		if err != nil {
			return evidence.Found{}, err
		}
		if note != "" {
			found.Notes = append(found.Notes, &diag.Diagnostic{Severity: diag.Warning, Path: pl.Name, Msg: note})
		}
		found.Evidence = append(found.Evidence, ev...)
	}
	found.Evidence = merge(found.Evidence)
	return found, nil
}

// planDir is the folder of a plan file relative to the checked folder, or
// "" when it lies outside it.
func planDir(v *repo.View, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil || !repo.Within(v.Dir(), abs) {
		return ""
	}
	return filepath.ToSlash(filepath.Dir(v.Rel(abs)))
}

// reader places the resources of one plan.
type reader struct {
	doc     *document
	plan    Plan
	src     []byte
	ix      *index
	places  evidence.Placer
	offsets map[string]int // addressOffsets, made when first needed
	lines   []int          // the offsets where the plan file's lines start, with offsets
}

// rootNames are the addresses the plan's root module declares: its
// resources and data sources, and "module.NAME" for its module calls.
func (r *reader) rootNames() []string {
	seen := map[string]bool{}
	if m := r.doc.configModule(nil); m != nil {
		for _, res := range m.Resources {
			seen[res.Address] = true
		}
		for name := range m.ModuleCalls {
			seen["module."+name] = true
		}
	}
	for _, in := range r.doc.instances() {
		if len(in.calls) == 0 {
			seen[in.local()] = true
		} else {
			seen["module."+in.calls[0]] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (r *reader) read(stores []instance, dir string) ([]evidence.Evidence, string, error) {
	names := r.rootNames()
	root, note, err := r.ix.root(names, dir)
	if err != nil {
		return nil, "", diag.Errorf(r.plan.Name, 0, "no Terraform module of the repository declares the resources of this plan (%s): is it the plan of another repository?", diag.Some(names))
	}
	var out []evidence.Evidence
	for _, in := range stores {
		ds, _ := terraform.LookupDataStore(in.typ)
		pos, where := r.position(root, in, ds)
		defined := r.doc.kind() + " " + r.plan.Name
		if where != "" {
			defined += ", " + where
		}
		base := evidence.Evidence{Kind: evidence.Store, What: in.local(), Pos: pos, Defined: defined}
		if in.module != "" {
			base.Instances = []string{in.module}
		}
		if ds.NameArg != "" {
			if n := in.strings(ds.NameArg); len(n) == 1 {
				base.Stores = []evidence.StoreRef{{Type: ds.StoreType, Name: n[0]}}
			}
		}
		locs, via, why := r.doc.locations(in, ds)
		if len(locs) == 0 {
			base.Unresolved = why
			out = append(out, base)
			continue
		}
		for _, loc := range locs {
			pl := r.places.Region(ds.Provider, loc)
			if !pl.OK() {
				e := base
				e.Unresolved = fmt.Sprintf("%q in the %s is not a %s location with a known country", loc, r.doc.kind(), ds.Provider)
				out = append(out, e)
				continue
			}
			for _, c := range pl.Countries {
				e := base
				e.Country, e.Region, e.Via = c, pl.Region, via
				out = append(out, e)
			}
		}
	}
	return out, note, nil
}

// position is where a resource instance is written in the repository:
// the line that places it there, as the Terraform reader points (its
// location argument, else its provider argument, else its header). When
// the resource is in a module the repository does not hold, it is the
// module call that leads there; when neither is found, the plan file at
// the resource's object. where says which, "" for the resource itself.
func (r *reader) position(root *folder, in instance, ds terraform.DataStore) (evidence.Pos, string) {
	fo := root
	for i, c := range in.calls {
		blk, ok := fo.blocks["module."+c]
		if !ok {
			return r.planPos(in), fmt.Sprintf("module.%s not found in %s/", c, fo.rel)
		}
		source := r.doc.callSource(in.calls[:i+1])
		if source == "" {
			source = blk.source
		}
		child, why := r.ix.child(fo, source)
		if child == nil {
			return blk.header, "in " + why
		}
		fo = child
	}
	blk, ok := fo.blocks[in.local()]
	if !ok {
		return r.planPos(in), fmt.Sprintf("%s not found in %s/", in.local(), fo.rel)
	}
	if ds.Location != "" && !strings.Contains(ds.Location, ".") {
		if p, ok := blk.attrs[ds.Location]; ok {
			return p, ""
		}
	}
	if p, ok := blk.attrs["provider"]; ok && ds.Default == "provider" {
		return p, ""
	}
	return blk.header, ""
}

// planPos is the position of a resource's object in the plan file.
func (r *reader) planPos(in instance) evidence.Pos {
	if r.offsets == nil {
		r.offsets = addressOffsets(r.src)
		r.lines = []int{0}
		for i, c := range r.src {
			if c == '\n' {
				r.lines = append(r.lines, i+1)
			}
		}
	}
	line, col := 1, 1
	if off, ok := r.offsets[in.addr]; ok {
		// The last line that starts at or before off.
		i, _ := slices.BinarySearch(r.lines, off+1)
		line, col = i, off-r.lines[i-1]+1
	}
	return evidence.Pos{Path: r.plan.Name, Line: line, Column: col}
}

// locations are where the plan puts a data-holding resource: its
// location argument's value, else a region or location among its values,
// else the region in its ARN, else its provider configuration's region,
// else its type's default location. why says why there is none.
func (d *document) locations(in instance, ds terraform.DataStore) (locs []string, via, why string) {
	if ds.Location != "" {
		if ls := in.strings(ds.Location); len(ls) > 0 {
			return ls, "resource " + ds.Location + " in the " + d.kind(), ""
		}
	}
	for _, k := range []string{"region", "location"} {
		if k == ds.Location {
			continue
		}
		if ls := in.strings(k); len(ls) == 1 {
			return ls, "resource " + k + " in the " + d.kind(), ""
		}
	}
	for _, arn := range in.strings("arn") {
		if f := strings.SplitN(arn, ":", 6); len(f) == 6 && f[0] == "arn" && f[3] != "" {
			return []string{f[3]}, "arn in the " + d.kind(), ""
		}
	}
	region, via, why := d.providerRegion(in, ds.Provider)
	if region != "" && ds.Default == "provider" {
		return []string{region}, via + " in the plan", ""
	}
	switch ds.Default {
	case "", "unpinned":
		if why == "" {
			why = "the " + d.kind() + " gives no " + locationWord(ds) + " for it"
		}
		return nil, "", why
	case "provider":
		if why == "" {
			why = "the " + d.kind() + " gives no region for it, nor for its provider configuration"
		}
		return nil, "", why
	}
	return []string{ds.Default}, "default location " + ds.Default, ""
}

func locationWord(ds terraform.DataStore) string {
	if ds.Location == "" {
		return "region"
	}
	return ds.Location[strings.LastIndexByte(ds.Location, '.')+1:]
}

// merge joins the evidence of instances of one site (a resource in a
// module called several times, or with count) in one country.
func merge(es []evidence.Evidence) []evidence.Evidence {
	type key struct {
		pos                              evidence.Pos
		what, country, unresolved, defnd string
	}
	idx := map[key]int{}
	var out []evidence.Evidence
	for _, e := range es {
		k := key{e.Pos, e.What, e.Country, e.Unresolved, e.Defined}
		if i, ok := idx[k]; ok {
			o := &out[i]
			o.Instances = union(o.Instances, e.Instances)
			o.Stores = unionStores(o.Stores, e.Stores)
			continue
		}
		idx[k] = len(out)
		out = append(out, e)
	}
	evidence.Sort(out)
	return out
}

func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func unionStores(a, b []evidence.StoreRef) []evidence.StoreRef {
	out := slices.Concat(a, b)
	slices.SortFunc(out, evidence.StoreRef.Compare)
	return slices.Compact(out)
}
