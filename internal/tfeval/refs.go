package tfeval

import (
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The evaluation context of an expression: the named values it refers to
// (variables, locals, module outputs, resources), each evaluated once per
// module instance.

// ref is a reference an expression makes: its root name, and the
// attribute it reads from the root ("" when it reads none).
type ref struct {
	root, name string
	t          hcl.Traversal
}

func compareRefs(a, b ref) int {
	if c := strings.Compare(a.root, b.root); c != 0 {
		return c
	}
	return strings.Compare(a.name, b.name)
}

// ctx builds the evaluation context an expression needs from the
// traversals it makes, evaluating only the named values it refers to, in
// order of root name and then name (the order decides which of two values
// that refer to each other sees the other as a cycle).
func (s scope) ctx(travs []hcl.Traversal) *hcl.EvalContext {
	in := s.in
	if len(travs) == 0 {
		return in.r.emptyCtx
	}
	// Sorted references group by root and then by name, as maps would,
	// without a map per expression: a context is built for every
	// expression evaluated.
	var buf [8]ref
	refs := buf[:0]
	for _, t := range travs {
		name := ""
		if len(t) > 1 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				name = a.Name
			}
		}
		refs = append(refs, ref{root: t.RootName(), name: name, t: t})
	}
	slices.SortStableFunc(refs, compareRefs)
	// Most expressions read only input variables, or only one local: their
	// context is the same for all of them in the instance.
	first, last := refs[0], refs[len(refs)-1]
	switch {
	case first.root == "var" && last.root == "var" && in.declared(refs):
		if in.varCtx == nil {
			in.varCtx = &hcl.EvalContext{Variables: map[string]cty.Value{"var": in.varObj}, Functions: in.r.funcs}
		}
		return in.varCtx
	case first.root == "local" && last.root == "local" && first.name != "" && first.name == last.name:
		if c := in.localCtxs[first.name]; c != nil {
			return c
		}
		c := &hcl.EvalContext{Variables: map[string]cty.Value{"local": in.localsValue(refs)}, Functions: in.r.funcs}
		// Only a value computed for good: one that met a cycle or the
		// nesting limit is computed again next time.
		if sl := in.locals[first.name]; sl != nil && sl.done {
			if in.localCtxs == nil {
				in.localCtxs = map[string]*hcl.EvalContext{}
			}
			in.localCtxs[first.name] = c
		}
		return c
	}
	vars := make(map[string]cty.Value, 2)
	for len(refs) > 0 {
		root := refs[0].root
		n := 1
		for n < len(refs) && refs[n].root == root {
			n++
		}
		vars[root] = s.rootValue(root, refs[:n])
		refs = refs[n:]
	}
	return &hcl.EvalContext{Variables: vars, Functions: in.r.funcs}
}

// rootValue is the value of a root name (var, local, each, data, a
// resource type...) holding what the references g, all to that root,
// need.
func (s scope) rootValue(root string, g []ref) cty.Value {
	in := s.in
	switch root {
	case "var":
		return in.varsValue(g)
	case "local":
		return in.localsValue(g)
	case "each":
		if s.each != cty.NilVal {
			return s.each
		}
		return unknownBecause("each, which is used outside for_each")
	case "count":
		if s.count != cty.NilVal {
			return s.count
		}
		return unknownBecause("count.index, which is used outside count")
	case "path":
		return cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(in.mod.dir),
			"root":   cty.StringVal(in.rootDir),
			"cwd":    cty.StringVal(in.rootDir),
		})
	case "terraform":
		return cty.ObjectVal(map[string]cty.Value{
			"workspace": unknownBecause("terraform.workspace, which is chosen when Terraform runs"),
		})
	case "self":
		return unknownBecause("self, which is known only after apply")
	case "module":
		obj := map[string]cty.Value{}
		for rest := g; len(rest) > 0; {
			var n string
			n, _, rest = nextName(rest)
			if n != "" {
				obj[n] = in.moduleValue(n)
			}
		}
		return cty.ObjectVal(obj)
	case "data":
		return in.dataValue(g)
	}
	if g[0].name == "" {
		// Sorted first, a reference to the bare root.
		return unknownBecause(root + ", which is not declared")
	}
	obj := map[string]cty.Value{}
	for rest := g; len(rest) > 0; {
		var n string
		var rs []ref
		n, rs, rest = nextName(rest)
		ts := make([]hcl.Traversal, len(rs))
		for i, r := range rs {
			ts[i] = r.t
		}
		obj[n] = in.resourceValue("resource", root, n, attrNames(ts, 2))
	}
	return cty.ObjectVal(obj)
}

// varsValue is the var object for references g: the input variables,
// and a reason for each name referred to that is not declared.
func (in *instance) varsValue(g []ref) cty.Value {
	var extra map[string]cty.Value
	for rest := g; len(rest) > 0; {
		var n string
		n, _, rest = nextName(rest)
		if _, ok := in.vars[n]; !ok && n != "" {
			if extra == nil {
				extra = map[string]cty.Value{}
			}
			extra[n] = unknownBecause("var." + n + ", which is not declared")
		}
	}
	if len(extra) == 0 {
		return in.varObj
	}
	for n, v := range in.vars {
		extra[n] = v.v
	}
	return cty.ObjectVal(extra)
}

// dataValue is the data object for references g: data.TYPE.NAME, each
// with the attributes referred to.
func (in *instance) dataValue(g []ref) cty.Value {
	types := map[string]map[string]cty.Value{}
	for rest := g; len(rest) > 0; {
		var n string
		var rs []ref
		n, rs, rest = nextName(rest)
		if n == "" {
			continue
		}
		byName := map[string][]hcl.Traversal{}
		for _, r := range rs {
			if len(r.t) > 2 {
				if a, ok := r.t[2].(hcl.TraverseAttr); ok {
					byName[a.Name] = append(byName[a.Name], r.t)
				}
			}
		}
		objs := map[string]cty.Value{}
		for _, name := range sortedKeys(byName) {
			objs[name] = in.resourceValue("data", n, name, attrNames(byName[name], 3))
		}
		types[n] = objs
	}
	obj := map[string]cty.Value{}
	for n, objs := range types {
		obj[n] = cty.ObjectVal(objs)
	}
	return cty.ObjectVal(obj)
}

// declared reports whether every var.NAME among refs is declared.
func (in *instance) declared(refs []ref) bool {
	for _, r := range refs {
		if _, ok := in.vars[r.name]; !ok && r.name != "" {
			return false
		}
	}
	return true
}

// nextName splits the references to one root, sorted by name, into
// those that read the first name and the rest.
func nextName(g []ref) (name string, same, rest []ref) {
	k := 1
	for k < len(g) && g[k].name == g[0].name {
		k++
	}
	return g[0].name, g[:k], g[k:]
}

// localsValue is what local refers to in an expression whose references
// to local are g. An object of one local, once its value is known, is
// kept: most expressions that read locals read one, and read it again in
// every resource of the instance.
func (in *instance) localsValue(g []ref) cty.Value {
	var one string // the name, when there is one
	count := 0
	for rest := g; len(rest) > 0; {
		var n string
		n, _, rest = nextName(rest)
		if n != "" {
			one = n
			count++
		}
	}
	if count == 1 {
		if v, ok := in.localObjs[one]; ok {
			return v
		}
	}
	obj := make(map[string]cty.Value, count)
	for rest := g; len(rest) > 0; {
		var n string
		n, _, rest = nextName(rest)
		if n != "" {
			obj[n] = in.local(n)
		}
	}
	v := cty.ObjectVal(obj)
	if count == 1 {
		// Only a value computed for good: one that met a cycle or the
		// nesting limit is computed again next time.
		if sl := in.locals[one]; sl != nil && sl.done {
			if in.localObjs == nil {
				in.localObjs = map[string]cty.Value{}
			}
			in.localObjs[one] = v
		}
	}
	return v
}

// attrNames lists the attribute names the traversals read from a resource
// (after an optional instance index at position i).
func attrNames(ts []hcl.Traversal, i int) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range ts {
		p := i
		if p < len(t) {
			if _, ok := t[p].(hcl.TraverseIndex); ok {
				p++
			}
		}
		if p < len(t) {
			if a, ok := t[p].(hcl.TraverseAttr); ok && !seen[a.Name] {
				seen[a.Name] = true
				out = append(out, a.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// local evaluates a local value once per instance.
func (in *instance) local(name string) cty.Value {
	a := in.mod.locals[name]
	if a == nil {
		return unknownBecause("local." + name + ", which is not declared")
	}
	sl := in.locals[name]
	if sl == nil {
		sl = &slot{}
		if in.locals == nil {
			in.locals = map[string]*slot{}
		}
		in.locals[name] = sl
	}
	return in.fill(sl, "local."+name, func() cty.Value {
		v, reason := scope{in: in}.eval(a.Expr)
		return explain(v, reason)
	})
}

// fill computes a memoised value, refusing cycles and chains too deep.
func (in *instance) fill(sl *slot, name string, f func() cty.Value) cty.Value {
	if sl.done {
		return sl.v
	}
	if sl.busy {
		return unknownBecause(name + ", which refers to itself")
	}
	if !in.r.enter() {
		return unknownBecause(name + ", which is nested too deeply")
	}
	sl.busy = true
	v := f()
	if tooLarge(v) {
		v = unknownBecause(name + ", which is too large to evaluate statically")
	}
	in.r.leave()
	sl.v, sl.busy, sl.done = v, false, true
	return v
}
