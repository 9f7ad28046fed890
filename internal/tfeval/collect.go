package tfeval

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
)

// rec is evidence found in a module instance, before it is named from the
// root: insts are instance names relative to the instance ("" for the
// instance itself). regions and vias collect what instances that put the
// site in the same country say.
type rec struct {
	kind       evidence.Kind
	what       string
	country    string
	unresolved string
	replica    bool
	pos        evidence.Pos
	regions    []string
	vias       []string
	insts      []string
	whys       []string // the unresolved reasons of merged records
	stores     []evidence.StoreRef
}

// selfInsts is the insts of a record found in the instance itself. Records
// share it: no record's lists are changed in place (see mergeRecs).
var selfInsts = []string{""}

type recKey struct {
	pos        evidence.Pos
	kind       evidence.Kind
	what       string
	country    string
	unresolved bool
	replica    bool
}

func (r rec) key() recKey {
	return recKey{r.pos, r.kind, r.what, r.country, r.unresolved != "", r.replica}
}

// mergeRecs joins records of the same site and country, or the same site
// when it is unresolved (then the reasons are joined), keeping first-seen
// order. The joined lists are sorted and unique. The result is built in
// rs's own array, which the caller gives up.
//
// It runs for every module instance and root module, over every record
// found below it, so it allocates as little as it can: the lists of a
// record seen once are kept as they are when already sorted and unique
// (they may be shared with other records, and are never changed in
// place), and those of a record merged from several are appended into
// fresh slices and then sorted and compacted.
func mergeRecs(rs []rec) []rec {
	// Few records are found by a linear search, many through a map.
	const linear = 16
	var idx map[recKey]int
	if len(rs) > linear {
		idx = make(map[recKey]int, len(rs))
	}
	var keys [linear]recKey
	out := rs[:0]
	var merged []bool // out[i] was joined from more than one record
	for _, r := range rs {
		if r.unresolved != "" && r.whys == nil {
			r.whys = []string{r.unresolved}
		}
		k := r.key()
		i, ok := -1, false
		if idx != nil {
			i, ok = idx[k]
		} else {
			for j, kj := range keys[:len(out)] {
				if kj == k {
					i, ok = j, true
					break
				}
			}
		}
		if !ok {
			if idx != nil {
				idx[k] = len(out)
			} else {
				keys[len(out)] = k
			}
			out = append(out, r) // len(out) <= the index of r in rs
			continue
		}
		if merged == nil {
			merged = make([]bool, len(rs))
		}
		o := &out[i]
		if !merged[i] {
			// Clipped, the first append copies: the first record's lists
			// may be shared.
			merged[i] = true
			o.regions, o.vias, o.insts = slices.Clip(o.regions), slices.Clip(o.vias), slices.Clip(o.insts)
			o.whys, o.stores = slices.Clip(o.whys), slices.Clip(o.stores)
		}
		o.regions = append(o.regions, r.regions...)
		o.vias = append(o.vias, r.vias...)
		o.insts = append(o.insts, r.insts...)
		o.whys = append(o.whys, r.whys...)
		o.stores = append(o.stores, r.stores...)
	}
	for i := range out {
		o := &out[i]
		if merged != nil && merged[i] {
			o.regions, o.vias, o.insts, o.whys = sortUniq(o.regions), sortUniq(o.vias), sortUniq(o.insts), sortUniq(o.whys)
			slices.SortFunc(o.stores, evidence.StoreRef.Compare)
			o.stores = slices.Compact(o.stores)
			continue
		}
		// A record seen once has the stores of one resource (at most one)
		// or of a child instance's merged records: sorted and unique.
		o.regions, o.vias, o.insts, o.whys = sortedUniq(o.regions), sortedUniq(o.vias), sortedUniq(o.insts), sortedUniq(o.whys)
	}
	clear(rs[len(out):]) // what is left of the array holds no lists
	return out
}

// sortUniq sorts a list the caller owns and drops repeats, in place.
func sortUniq(l []string) []string {
	slices.Sort(l)
	return slices.Compact(l)
}

// sortedUniq returns a list sorted and without repeats: l itself when it
// already is, else a sorted copy, so that a list shared with another
// record is never changed.
func sortedUniq(l []string) []string {
	for i := 1; i < len(l); i++ {
		if l[i-1] >= l[i] {
			return sortUniq(slices.Clone(l))
		}
	}
	return l
}

// collect gathers the evidence of an instance: its own resources' and its
// module calls' (named relative to it). It is computed once per instance.
func (in *instance) collect() []rec {
	switch in.state {
	case 1:
		return nil
	case 2:
		return in.recs
	}
	in.state = 1
	var out []rec
	for _, r := range in.mod.resources {
		e := in.expansion(r)
		for _, sc := range e.scopes {
			for _, e := range in.r.ext.Evidence(Scope{sc}, Resource{r}) {
				out = append(out, recOf(e))
			}
		}
	}
	for _, c := range in.mod.calls {
		if !c.local {
			continue
		}
		cs := in.callSetOf(c)
		for _, it := range cs.items {
			if it.child == nil {
				out = append(out, rec{
					kind: evidence.Store, what: "module." + c.name,
					unresolved: "module " + it.why, pos: in.r.headerPos(c.block, c.file),
					insts: selfInsts,
				})
				continue
			}
			crs := it.child.collect()
			out = slices.Grow(out, len(crs))
			for _, cr := range crs {
				n := cr
				n.insts = make([]string, len(cr.insts))
				for i, s := range cr.insts {
					if s == "" {
						n.insts[i] = it.name
					} else {
						n.insts[i] = it.name + "." + s
					}
				}
				in.r.names += len(n.insts)
				if in.r.names > maxNames && in.r.err == nil {
					in.r.err = diag.At(c.srcRange, fmt.Sprintf("module %q: the configuration expands to more than %d module instances", c.name, maxNames))
				}
				if in.r.err != nil {
					in.state = 2
					return nil
				}
				out = append(out, n)
			}
		}
	}
	in.recs = mergeRecs(out)
	in.state = 2
	return in.recs
}

// run evaluates every root module (once per var-file, if it has any) and
// returns the evidence. Root modules are evaluated concurrently, each by a
// reader of its own (module instances are shared within a root module,
// where the same module is called with the same inputs, not across them);
// the result is the same in any order.
func (r *reader) run() ([]evidence.Evidence, error) {
	// What the readers share is computed first, once.
	for _, m := range r.l.modules {
		m.providerNeeds()
		m.prepare(r.ext)
	}
	roots := r.l.roots
	results := r.evalReleasing(roots)
	var all []rec
	for _, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		all = append(all, res.recs...)
	}
	if r.shared.over.Load() {
		return nil, r.overError()
	}
	return evidenceOf(all), nil
}

// overError is the error of a read whose evaluations cost too much in all.
func (r *reader) overError() error {
	return &diag.Diagnostic{Path: ".", Msg: fmt.Sprintf("evaluating the configuration would take too long: its expressions add up to more than %d GiB of values", maxTotalCost>>30)}
}

// rootResult is what evaluating one root module gave.
type rootResult struct {
	recs []rec
	err  error
}

// evalReleasing evaluates roots concurrently. A module no root left to
// evaluate reaches is not needed any more: its syntax trees go, so that
// memory does not grow with the repository.
func (r *reader) evalReleasing(roots []*module) []rootResult {
	reached := reach(roots)
	return r.evalEach(roots, func(i int) {
		for _, m := range reached[i] {
			if m.users.Add(-1) == 0 {
				m.release()
			}
		}
	})
}

// evalEach evaluates roots concurrently, each by one of GOMAXPROCS
// readers, and calls done(i) once root i is evaluated. It stops early
// once the evaluations together cost too much.
func (r *reader) evalEach(roots []*module, done func(i int)) []rootResult {
	results := make([]rootResult, len(roots))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(roots)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rd := newReader(r.l, r.ext, r.shared)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(roots) || r.shared.over.Load() {
					return
				}
				rd.reset()
				func() {
					defer func() {
						if p := recover(); p != nil {
							results[i].err = &diag.Diagnostic{Path: roots[i].rel, Msg: fmt.Sprintf("internal error: %v", p)}
						}
					}()
					results[i].recs, results[i].err = rd.evalRoot(roots[i])
				}()
				done(i)
			}
		}()
	}
	wg.Wait()
	return results
}

// evidenceOf merges the records of every root module into evidence.
func evidenceOf(all []rec) []evidence.Evidence {
	merged := mergeRecs(all)
	out := make([]evidence.Evidence, 0, len(merged))
	for _, m := range merged {
		var insts []string
		for _, s := range m.insts {
			if s != "" {
				insts = append(insts, s)
			}
		}
		out = append(out, evidence.Evidence{
			Kind: m.kind, What: m.what, Country: m.country,
			Region: strings.Join(m.regions, ", "), Via: strings.Join(m.vias, "; "),
			Replica: m.replica, Unresolved: strings.Join(m.whys, "; "), Instances: insts, Stores: m.stores, Pos: m.pos,
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pos != b.Pos {
			return a.Pos.Less(b.Pos)
		}
		for _, p := range [][2]string{{a.Country, b.Country}, {a.What, b.What}, {string(a.Kind), string(b.Kind)}, {a.Unresolved, b.Unresolved}, {a.Region, b.Region}, {a.Via, b.Via}} {
			if p[0] != p[1] {
				return p[0] < p[1]
			}
		}
		return !a.Replica && b.Replica
	})
	evidence.Sort(out)
	return out
}

// evalRoot evaluates a root module, once per variant.
func (r *reader) evalRoot(m *module) ([]rec, error) {
	var all []rec
	for _, v := range r.variants(m) {
		rcs := r.rootInstance(m, v.file).collect()
		all = slices.Grow(all, len(rcs))
		for _, rc := range rcs {
			if v.name == "" {
				all = append(all, rc)
				continue
			}
			n := rc
			n.insts = make([]string, len(rc.insts))
			for i, s := range rc.insts {
				if s == "" {
					n.insts[i] = v.name
				} else {
					n.insts[i] = s + " (" + v.name + ")"
				}
			}
			all = append(all, n)
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	return mergeRecs(all), nil
}

// variant is one evaluation of a root module: without a var-file, or with
// one. name is how Instances name it ("" when the module has no
// var-files).
type variant struct {
	name string
	file *srcFile
}

// variants lists the evaluations of a root module: one per var-file, and
// one without a var-file unless a var-file sets a variable that has no
// value without it (then that evaluation is not one Terraform could run).
func (r *reader) variants(m *module) []variant {
	if len(m.varFiles) == 0 {
		return []variant{{}}
	}
	var out []variant
	base := r.rootInstance(m, nil)
	complete := true
	for _, f := range m.varFiles {
		attrs, _ := f.body.JustAttributes()
		for n := range attrs {
			if v, ok := base.vars[n]; ok && v.src == "" {
				complete = false
			}
		}
	}
	if complete {
		out = append(out, variant{name: "without var-file"})
	}
	for _, f := range m.varFiles {
		out = append(out, variant{name: "var-file " + f.rel, file: f})
	}
	return out
}

// pos is where a range starts, with a byte column.
func (r *reader) pos(rng hcl.Range) evidence.Pos {
	return r.posAt(rng.Filename, rng.Start.Byte, rng.Start)
}

func (r *reader) posAt(file string, off int, fallback hcl.Pos) evidence.Pos {
	f := r.l.files[file]
	if f == nil || off < 0 || off > len(f.src) {
		return evidence.Pos{Path: file, Line: fallback.Line, Column: fallback.Column}
	}
	line, start := f.lineOf(off)
	if fallback.Line > 0 {
		line = fallback.Line
	}
	return evidence.Pos{Path: file, Line: line, Column: off - start + 1}
}

// findPos points at the first occurrence of text inside a range (an
// account ID inside a policy, a CIDR inside a list), or at fallback when
// the text is not written there literally.
func (r *reader) findPos(rng hcl.Range, text string, fallback hcl.Range) evidence.Pos {
	f := r.l.files[rng.Filename]
	if f != nil && text != "" && rng.Start.Byte >= 0 && rng.End.Byte <= len(f.src) && rng.Start.Byte <= rng.End.Byte {
		if i := bytes.Index(f.src[rng.Start.Byte:rng.End.Byte], []byte(text)); i >= 0 {
			return r.posAt(rng.Filename, rng.Start.Byte+i, hcl.Pos{})
		}
	}
	return r.pos(fallback)
}

// headerPos points at a block's header: its type keyword, or in a JSON
// file the key that names it.
func (r *reader) headerPos(b *hcl.Block, f *srcFile) evidence.Pos {
	if f != nil && f.json && len(b.LabelRanges) > 0 {
		return r.pos(b.LabelRanges[len(b.LabelRanges)-1])
	}
	return r.pos(b.TypeRange)
}
