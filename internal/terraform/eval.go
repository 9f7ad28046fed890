package terraform

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// why marks an unknown value with the reason it is unknown, phrased to
// follow "comes from": "var.region, which has no value".
type why string

// ownAccount marks a value that is the AWS account Terraform runs in
// (data.aws_caller_identity), which is the repository's own.
type ownAccount struct{}

// storeAttr marks a value computed by a data-holding resource of the
// repository (its arn or id): a copy sent to it is that resource's own
// evidence.
type storeAttr struct{}

func unknownBecause(reason string) cty.Value { return cty.DynamicVal.Mark(why(reason)) }

// reader evaluates the modules a loader read.
type reader struct {
	l      *loader
	places evidence.Placer
	funcs  map[string]function.Function
	memo   map[string]*instance
	nextID int
	depth  int   // named values being evaluated inside each other
	names  int   // module instance names produced so far
	err    error // a limit that was hit
	spent  int64 // what guarded functions allocated in the expression being evaluated
	shared *shared
	key    []byte // memo keys are built here, and copied only when stored

	emptyCtx *hcl.EvalContext // for expressions that refer to nothing; never changed
}

func newReader(l *loader, places evidence.Placer, shared *shared) *reader {
	r := &reader{l: l, places: places, shared: shared, memo: map[string]*instance{}}
	r.funcs = r.functions()
	r.emptyCtx = &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: r.funcs}
	return r
}

// reset readies a reader for another root module: nothing is shared
// between root modules but the functions.
func (r *reader) reset() {
	r.memo = map[string]*instance{}
	r.nextID, r.depth, r.names, r.err, r.spent = 0, 0, 0, nil, 0
}

// shared is what the readers of one Read count together.
type shared struct {
	total atomic.Int64 // the estimated cost of every expression evaluated
	over  atomic.Bool  // total passed maxTotalCost: every reader stops
}

// enter and leave bound the nesting of named values (a local that refers
// to a local that refers to...), so that a long chain cannot exhaust the
// stack.
func (r *reader) enter() bool {
	if r.depth >= maxEvalDepth {
		return false
	}
	r.depth++
	return true
}

func (r *reader) leave() { r.depth-- }

// instance is a module evaluated with one set of inputs and provider
// configurations.
type instance struct {
	r       *reader
	id      int
	mod     *module
	parent  *instance
	inherit bool                 // default provider configurations come from the parent
	provMap map[string]*provConf // the module call's providers argument, if any
	rootDir string               // path.root and path.cwd

	vars      map[string]varVal
	varObj    cty.Value
	locals    map[string]*slot
	localObjs map[string]cty.Value        // see localsValue
	varCtx    *hcl.EvalContext            // see ctx
	localCtxs map[string]*hcl.EvalContext // see ctx
	attrs     map[string]*slot
	exps      map[*resource]*expansion
	single    *expansion // see singleExpansion
	calls     map[*call]*callSet
	outputs   map[string]*slot
	provs     map[string]*provConf

	state int // 0 not collected, 1 collecting, 2 collected
	recs  []rec
}

// varVal is an input variable's value and where it was set: a variable
// file, "default", "module argument", or "" when it has no value.
type varVal struct {
	v   cty.Value
	src string
}

type slot struct {
	v          cty.Value
	busy, done bool
}

func (r *reader) newInstance(m *module, parent *instance, vars map[string]varVal, rootDir string) *instance {
	r.nextID++
	// The instance's memo maps are made when first written: many
	// instances need few of them.
	in := &instance{r: r, id: r.nextID, mod: m, parent: parent, rootDir: rootDir, vars: vars}
	obj := map[string]cty.Value{}
	for n, v := range vars {
		obj[n] = v.v
	}
	in.varObj = cty.ObjectVal(obj)
	return in
}

// rootInstance evaluates a root module with its automatic variable files
// and, if given, one var-file.
func (r *reader) rootInstance(m *module, varFile *srcFile) *instance {
	vars := map[string]varVal{}
	for _, n := range m.varNames {
		vars[n] = defaultVar(m.vars[n])
	}
	files := append([]*srcFile(nil), m.autoVars...)
	if varFile != nil {
		files = append(files, varFile)
	}
	for _, f := range files {
		attrs, _ := f.body.JustAttributes()
		for _, a := range sortedAttrs(attrs) {
			v := m.vars[a.Name]
			if v == nil {
				continue
			}
			val, diags := safeValue(a.Expr, nil)
			if diags.HasErrors() {
				val = unknownBecause(fmt.Sprintf("var.%s, which %s sets to an expression that is not a constant", a.Name, f.rel))
			}
			vars[a.Name] = varVal{v: convertVar(v, val), src: f.rel}
		}
	}
	key := append(r.key[:0], "root\x00"...)
	key = append(key, m.dir...)
	key = append(key, 0)
	key = appendVars(key, vars)
	r.key = key
	if in := r.memo[string(key)]; in != nil {
		return in
	}
	in := r.newInstance(m, nil, vars, m.dir)
	r.memo[string(key)] = in
	return in
}

// defaultVar is a variable's value when nothing sets it. It is computed
// once, for every root module and module call that leaves it unset.
func defaultVar(v *variable) varVal {
	v.defOnce.Do(func() { v.defVal = evalDefault(v) })
	return v.defVal
}

func evalDefault(v *variable) varVal {
	if v.def == nil {
		return varVal{v: unknownBecause("var." + v.name + ", which has no value")}
	}
	val, diags := safeValue(v.def, nil)
	if diags.HasErrors() {
		return varVal{v: unknownBecause("var." + v.name + ", whose default is not a constant"), src: "default"}
	}
	return varVal{v: convertVar(v, val), src: "default"}
}

// convertVar applies a variable's type constraint and optional attribute
// defaults to a known value; a value that does not convert is kept as is.
func convertVar(v *variable, val cty.Value) (out cty.Value) {
	if !whollyKnown(val) || containsMarked(val) {
		return val
	}
	defer func() {
		if recover() != nil {
			out = val
		}
	}()
	if v.defaults != nil {
		val = v.defaults.Apply(val)
	}
	if c, err := convert.Convert(val, v.ty); err == nil {
		return c
	}
	return val
}

// safeValue evaluates an expression, turning a panic inside HCL or cty
// into an error diagnostic, and refusing one whose evaluation would cost
// more than maxCost (see cost.go).
func safeValue(expr hcl.Expression, ctx *hcl.EvalContext) (v cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if p := recover(); p != nil {
			v = cty.DynamicVal
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Evaluation failed", Detail: fmt.Sprint(p)}}
		}
	}()
	return evaluate(expr, ctx, exprCost(expr, ctx))
}

// evaluate is safeValue for an expression whose cost is known.
func evaluate(expr hcl.Expression, ctx *hcl.EvalContext, cost int64) (v cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if p := recover(); p != nil {
			v = cty.DynamicVal
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Evaluation failed", Detail: fmt.Sprint(p)}}
		}
	}()
	if cost > maxCost {
		return cty.DynamicVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: tooLargeSummary}}
	}
	return expr.Value(ctx)
}

// value evaluates an expression in a context, counting its cost against
// maxTotalCost, the budget of the whole read. Past it, every reader stops
// and the read fails: a configuration of a few megabytes could otherwise
// ask for hours of evaluation, one affordable expression at a time
// (count = 1024 on a resource whose every argument costs maxCost).
func (r *reader) value(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if r.err != nil || r.shared.over.Load() {
		return cty.DynamicVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: tooLargeSummary}}
	}
	cost := exprCost(expr, ctx)
	if r.shared.total.Add(max(min(cost, maxCost), 0)) > maxTotalCost {
		r.shared.over.Store(true)
		return cty.DynamicVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: tooLargeSummary}}
	}
	return evaluate(expr, ctx, cost)
}

const tooLargeSummary = "Too large to evaluate"

// scope is where an expression is evaluated: a module instance, and the
// each or count object of the resource or module call instance.
type scope struct {
	in    *instance
	each  cty.Value
	count cty.Value
}

// eval evaluates an expression. When the value is not wholly known,
// reason says why, phrased to follow "comes from".
func (s scope) eval(expr hcl.Expression) (v cty.Value, reason string) {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType), ""
	}
	if v, ok := s.quickEval(expr); ok {
		return v, ""
	}
	ctx := s.ctx(s.in.mod.variables(expr))
	s.in.r.spent = 0
	v, diags := s.in.r.value(expr, ctx)
	if diags.HasErrors() {
		return cty.DynamicVal, s.in.r.errReason(expr, diags)
	}
	if whollyKnown(v) {
		return v, ""
	}
	return v, s.unknownReason(expr, v, ctx)
}

// quickEval is eval for the expressions most arguments are — a literal,
// a reference, or a quoted template of literals and references — where
// each reference is var.NAME, local.NAME (one local at most), each.key,
// each.value or count.index, and the value is wholly known. eval would
// build an evaluation context, walk the expression to estimate its cost
// and evaluate it through HCL; here the references are read directly. The
// value is the one HCL gives, and the cost counted against the read's
// budget the one exprCost gives. ok is false, before any cost is counted,
// for any other expression, a template part that is marked, not a known
// primitive, or a value not wholly known: eval decides those, and
// evaluates the one local, if any, as it would have anyway.
func (s scope) quickEval(expr hcl.Expression) (v cty.Value, ok bool) {
	var cost int64
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		v, cost = e.Val, valueCost(e.Val, maxCost)
	case *hclsyntax.ScopeTraversalExpr:
		if _, ok := quickRef(e.Traversal, ""); !ok {
			return cty.NilVal, false
		}
		if v, ok = s.quickRefValue(e.Traversal); !ok || !whollyKnown(v) {
			return cty.NilVal, false
		}
		// coster.traversal: the estimate of the value.
		cost = valueCost(v, maxCost)
	case *hclsyntax.TemplateExpr:
		// Checked before anything is evaluated.
		local := ""
		for _, p := range e.Parts {
			switch p := p.(type) {
			case *hclsyntax.LiteralValueExpr:
			case *hclsyntax.ScopeTraversalExpr:
				if local, ok = quickRef(p.Traversal, local); !ok {
					return cty.NilVal, false
				}
			default:
				return cty.NilVal, false
			}
		}
		// The estimate is coster.est1's for a template.
		var size int64 = nodeCost
		cost = nodeCost
		var buf strings.Builder
		for _, p := range e.Parts {
			var pv cty.Value
			switch p := p.(type) {
			case *hclsyntax.LiteralValueExpr:
				pv = p.Val
			case *hclsyntax.ScopeTraversalExpr:
				if pv, ok = s.quickRefValue(p.Traversal); !ok {
					return cty.NilVal, false
				}
			}
			x := valueCost(pv, maxCost) // the part's size, and its cost
			if x > maxCost {
				return cty.NilVal, false
			}
			size, cost = addCost(size, x), addCost(cost, x)
			// As hclsyntax.TemplateExpr.Value renders a part, which for a
			// known, unmarked result is all it does.
			if pv.IsMarked() || !pv.IsKnown() || pv.IsNull() {
				return cty.NilVal, false
			}
			if pv.Type() != cty.String {
				c, err := convert.Convert(pv, cty.String)
				if err != nil || c.IsMarked() || !c.IsKnown() || c.IsNull() {
					return cty.NilVal, false
				}
				pv = c
			}
			buf.WriteString(pv.AsString())
		}
		if size > maxCost {
			return cty.NilVal, false
		}
		cost = addCost(cost, size)
		v = cty.StringVal(buf.String())
	default:
		return cty.NilVal, false
	}
	if cost > maxCost {
		return cty.NilVal, false
	}
	// As reader.value counts it; past the budget, eval gives the error.
	r := s.in.r
	if r.err != nil || r.shared.over.Load() {
		return cty.NilVal, false
	}
	if r.shared.total.Add(max(min(cost, maxCost), 0)) > maxTotalCost {
		r.shared.over.Store(true)
		return cty.NilVal, false
	}
	r.spent = 0
	return v, true
}

// quickRef reports whether quickEval reads a reference itself: a root
// (var, local, each or count) and one attribute of plain ASCII (that cty
// does not normalize), and no local but local, the one already seen ("" if
// none).
func quickRef(t hcl.Traversal, local string) (string, bool) {
	if len(t) != 2 {
		return local, false
	}
	root, ok := t[0].(hcl.TraverseRoot)
	if !ok {
		return local, false
	}
	a, ok := t[1].(hcl.TraverseAttr)
	if !ok || a.Name == "" {
		return local, false
	}
	for i := 0; i < len(a.Name); i++ {
		if a.Name[i] >= 0x80 {
			return local, false
		}
	}
	switch root.Name {
	case "var", "each", "count":
		return local, true
	case "local":
		if local != "" && local != a.Name {
			return local, false
		}
		return a.Name, true
	}
	return local, false
}

// quickRefValue is the value of a reference quickRef accepted, as the
// context s.ctx builds would give it; ok is false when that context would
// not hold it as a plain attribute of a known object.
func (s scope) quickRefValue(t hcl.Traversal) (cty.Value, bool) {
	name := t[1].(hcl.TraverseAttr).Name
	var rv cty.Value
	switch t.RootName() {
	case "var":
		vv, ok := s.in.vars[name]
		return vv.v, ok
	case "local":
		if s.in.mod.locals[name] == nil {
			return cty.NilVal, false
		}
		return s.in.local(name), true
	case "each":
		rv = s.each
	case "count":
		rv = s.count
	}
	if rv == cty.NilVal || rv.IsMarked() || !rv.IsKnown() || rv.IsNull() || !rv.Type().IsObjectType() || !rv.Type().HasAttribute(name) {
		return cty.NilVal, false
	}
	return rv.GetAttr(name), true
}

func (r *reader) errReason(expr hcl.Expression, diags hcl.Diagnostics) string {
	text := r.text(expr.Range())
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		if d.Summary == tooLargeSummary || d.Summary == "Error in function call" && strings.HasSuffix(d.Detail, errTooLarge.Error()+".") {
			return text + ", which is too large to evaluate statically"
		}
		if d.Summary == "Call to unknown function" && d.Subject != nil {
			return fmt.Sprintf("%s, which calls %s(), a function that is not evaluated statically", text, r.text(*d.Subject))
		}
		return fmt.Sprintf("%s, which cannot be evaluated statically (%s)", text, strings.ToLower(strings.TrimSuffix(d.Summary, ".")))
	}
	return text + ", which cannot be evaluated statically"
}

func (s scope) unknownReason(expr hcl.Expression, v cty.Value, ctx *hcl.EvalContext) string {
	if w := firstWhy(v); w != "" {
		return w
	}
	for _, t := range s.in.mod.variables(expr) {
		tv, diags := traverse(t, ctx)
		if diags.HasErrors() || tv.IsWhollyKnown() {
			continue
		}
		if w := firstWhy(tv); w != "" {
			return w
		}
		return s.in.r.text(t.SourceRange()) + ", which is not known statically"
	}
	return s.in.r.text(expr.Range()) + ", which is not known statically"
}

func traverse(t hcl.Traversal, ctx *hcl.EvalContext) (v cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if recover() != nil {
			v, diags = cty.DynamicVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Evaluation failed"}}
		}
	}()
	return t.TraverseAbs(ctx)
}

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
		g := refs[:n]
		refs = refs[n:]
		switch root {
		case "var":
			obj := in.varObj
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
			if len(extra) > 0 {
				for n, v := range in.vars {
					extra[n] = v.v
				}
				obj = cty.ObjectVal(extra)
			}
			vars[root] = obj
		case "local":
			vars[root] = in.localsValue(g)
		case "each":
			if s.each != cty.NilVal {
				vars[root] = s.each
			} else {
				vars[root] = unknownBecause("each, which is used outside for_each")
			}
		case "count":
			if s.count != cty.NilVal {
				vars[root] = s.count
			} else {
				vars[root] = unknownBecause("count.index, which is used outside count")
			}
		case "path":
			vars[root] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(in.mod.dir),
				"root":   cty.StringVal(in.rootDir),
				"cwd":    cty.StringVal(in.rootDir),
			})
		case "terraform":
			vars[root] = cty.ObjectVal(map[string]cty.Value{
				"workspace": unknownBecause("terraform.workspace, which is chosen when Terraform runs"),
			})
		case "self":
			vars[root] = unknownBecause("self, which is known only after apply")
		case "module":
			obj := map[string]cty.Value{}
			for rest := g; len(rest) > 0; {
				var n string
				n, _, rest = nextName(rest)
				if n != "" {
					obj[n] = in.moduleValue(n)
				}
			}
			vars[root] = cty.ObjectVal(obj)
		case "data":
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
			vars[root] = cty.ObjectVal(obj)
		default:
			if g[0].name == "" {
				// Sorted first, a reference to the bare root.
				vars[root] = unknownBecause(root + ", which is not declared")
				continue
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
			vars[root] = cty.ObjectVal(obj)
		}
	}
	return &hcl.EvalContext{Variables: vars, Functions: in.r.funcs}
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

// expansion is the instances of a resource or module call.
type expansion struct {
	kind   int // single, counted, keyed or unknownCount
	scopes []scope
	keys   []string // instance keys as Terraform writes them: "[0]", `["kr"]`
	why    string   // for unknownCount: why the instances are not known
}

const (
	single = iota
	counted
	keyed
	unknownCount
)

// expand evaluates count or for_each. An unknown or too large count or
// for_each gives one instance whose count.index or each is unknown: the
// resource is taken to exist.
func (s scope) expand(count, forEach *hcl.Attribute) *expansion {
	unknown := func(reason string, countIdx bool) *expansion {
		sc := scope{in: s.in}
		u := unknownBecause(reason)
		if countIdx {
			sc.count = cty.ObjectVal(map[string]cty.Value{"index": u})
		} else {
			sc.each = cty.ObjectVal(map[string]cty.Value{"key": u, "value": u})
		}
		return &expansion{kind: unknownCount, scopes: []scope{sc}, keys: []string{""}, why: reason}
	}
	switch {
	case count != nil:
		v, reason := s.eval(count.Expr)
		v, _ = unmarkDeep(v)
		if !v.IsKnown() {
			return unknown(reason, true)
		}
		if v.IsNull() {
			return s.in.singleExpansion()
		}
		n, err := convert.Convert(v, cty.Number)
		if err != nil || !n.IsKnown() || n.IsNull() {
			return unknown(fmt.Sprintf("count = %s, which is not a number", s.in.r.text(count.Expr.Range())), true)
		}
		bf := n.AsBigFloat()
		if !bf.IsInt() {
			return unknown(fmt.Sprintf("count = %s, which is not a whole number", s.in.r.text(count.Expr.Range())), true)
		}
		i, _ := bf.Int64()
		if bf.Cmp(big.NewFloat(maxExpand)) > 0 {
			return unknown(fmt.Sprintf("count = %s, which has too many instances to expand", s.in.r.text(count.Expr.Range())), true)
		}
		e := &expansion{kind: counted}
		for k := int64(0); k < i; k++ {
			e.scopes = append(e.scopes, scope{in: s.in, count: cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(k)})})
			e.keys = append(e.keys, "["+strconv.FormatInt(k, 10)+"]")
		}
		return e
	case forEach != nil:
		v, reason := s.eval(forEach.Expr)
		v, _ = v.Unmark()
		if !v.IsKnown() {
			return unknown(reason, false)
		}
		e := &expansion{kind: keyed}
		if v.IsNull() {
			return e
		}
		ty := v.Type()
		if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType() || ty.IsListType() || ty.IsTupleType()) {
			return unknown(fmt.Sprintf("for_each = %s, which is not a map or set", s.in.r.text(forEach.Expr.Range())), false)
		}
		if v.LengthInt() > maxExpand {
			return unknown(fmt.Sprintf("for_each = %s, which has too many instances to expand", s.in.r.text(forEach.Expr.Range())), false)
		}
		isMap := ty.IsMapType() || ty.IsObjectType()
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if !isMap {
				k = val
			}
			ks, ok := str(k)
			if !ok {
				return unknown(fmt.Sprintf("for_each = %s, whose keys are not known strings", s.in.r.text(forEach.Expr.Range())), false)
			}
			e.scopes = append(e.scopes, scope{in: s.in, each: cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(ks), "value": val})})
			e.keys = append(e.keys, "["+strconv.Quote(ks)+"]")
		}
		return e
	}
	return s.in.singleExpansion()
}

func (in *instance) expansion(r *resource) *expansion {
	if r.count == nil && r.forEach == nil {
		return in.singleExpansion()
	}
	if e := in.exps[r]; e != nil {
		if e == expanding {
			// A for_each that refers to its own resource.
			return &expansion{kind: unknownCount, scopes: []scope{{in: in}}, keys: []string{""}, why: r.addr() + ", whose count or for_each refers to itself"}
		}
		return e
	}
	if in.exps == nil {
		in.exps = map[*resource]*expansion{}
	}
	in.exps[r] = expanding
	e := scope{in: in}.expand(r.count, r.forEach)
	in.exps[r] = e
	return e
}

// expanding marks a resource whose count or for_each is being evaluated.
var expanding = &expansion{}

// singleExpansion is the expansion of a resource or module call without
// count or for_each, the same for all of an instance's: expansions are
// not changed once made.
func (in *instance) singleExpansion() *expansion {
	if in.single == nil {
		in.single = &expansion{kind: single, scopes: []scope{{in: in}}, keys: []string{""}}
	}
	return in.single
}

// resourceValue is what a reference to a resource or data source sees:
// the arguments it sets, evaluated; what Terraform computes (arn, id...)
// is unknown.
func (in *instance) resourceValue(mode, typ, name string, attrs []string) cty.Value {
	addr := typ + "." + name
	if mode == "data" {
		addr = "data." + addr
	}
	r := in.mod.byAddr[addr]
	if r == nil {
		return unknownBecause(addr + ", which is not declared")
	}
	e := in.expansion(r)
	switch e.kind {
	case single:
		return in.resourceObject(r, e.scopes[0], e.keys[0], attrs)
	case counted:
		if len(e.scopes) == 0 {
			return cty.EmptyTupleVal
		}
		var l []cty.Value
		for i, sc := range e.scopes {
			l = append(l, in.resourceObject(r, sc, e.keys[i], attrs))
		}
		return cty.TupleVal(l)
	case keyed:
		m := map[string]cty.Value{}
		for i, sc := range e.scopes {
			k, _ := str(sc.each.GetAttr("key"))
			m[k] = in.resourceObject(r, sc, e.keys[i], attrs)
		}
		return cty.ObjectVal(m)
	}
	return unknownBecause(e.why)
}

func (in *instance) resourceObject(r *resource, sc scope, key string, attrs []string) cty.Value {
	obj := map[string]cty.Value{}
	for _, a := range attrs {
		obj[a] = in.resourceAttr(r, sc, key, a)
	}
	return cty.ObjectVal(obj)
}

// resourceAttr evaluates one attribute of one resource instance.
func (in *instance) resourceAttr(r *resource, sc scope, key, name string) cty.Value {
	id := r.addr() + key + "." + name
	sl := in.attrs[id]
	if sl == nil {
		sl = &slot{}
		if in.attrs == nil {
			in.attrs = map[string]*slot{}
		}
		in.attrs[id] = sl
	}
	return in.fill(sl, id, func() cty.Value {
		if a := attr(r.body, name); a != nil && !(r.mode == "data" && r.typ == "aws_iam_policy_document") {
			v, reason := sc.eval(a.Expr)
			return explain(v, reason)
		}
		return sc.computedAttr(r, key, name)
	})
}

// computedAttr is an attribute the configuration does not set. A few are
// known statically: the region of an AWS resource or data.aws_region, and
// the JSON of an aws_iam_policy_document.
func (s scope) computedAttr(r *resource, key, name string) cty.Value {
	addr := r.addr() + key + "." + name
	switch {
	case r.mode == "data" && r.typ == "aws_region" && (name == "name" || name == "region" || name == "id"):
		for _, n := range []string{"region", "name"} {
			if a := attr(r.body, n); a != nil {
				v, reason := s.eval(a.Expr)
				return explain(v, reason)
			}
		}
		return s.providerRegionValue(r)
	case r.mode == "resource" && typePrefix(r.typ) == "aws" && name == "region":
		return s.providerRegionValue(r)
	case r.mode == "data" && r.typ == "aws_caller_identity" && name == "account_id":
		return cty.DynamicVal.WithMarks(cty.NewValueMarks(why(addr+", which is the account Terraform runs in"), ownAccount{}))
	case r.mode == "data" && r.typ == "aws_iam_policy_document" && (name == "json" || name == "minified_json"):
		return s.policyDocJSON(r, map[*resource]bool{})
	case r.mode == "data":
		return unknownBecause(addr + ", which is read from the cloud when Terraform runs")
	}
	if _, ok := datastores[r.typ]; ok {
		return cty.DynamicVal.WithMarks(cty.NewValueMarks(why(addr+", which is known only after apply"), storeAttr{}))
	}
	return unknownBecause(addr + ", which is known only after apply")
}

func (s scope) providerRegionValue(r *resource) cty.Value {
	p := s.in.provider(r.providerKey())
	rv := p.region()
	if rv.why != "" {
		return unknownBecause(rv.why)
	}
	return cty.StringVal(rv.val)
}

// provenance says which input variables an expression read and where they
// were set: `var.region = "ap-northeast-2" (terraform.tfvars)`.
func (s scope) provenance(expr hcl.Expression) string {
	var parts []string
	seen := map[string]bool{}
	for _, t := range s.in.mod.variables(expr) {
		if t.RootName() != "var" || len(t) < 2 {
			continue
		}
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok || seen[a.Name] {
			continue
		}
		seen[a.Name] = true
		vv, ok := s.in.vars[a.Name]
		if !ok || vv.src == "" {
			continue
		}
		plain, _ := unmarkDeep(vv.v)
		if !plain.IsKnown() || plain.IsNull() || !plain.Type().IsPrimitiveType() {
			continue
		}
		val, _ := str(plain)
		parts = append(parts, fmt.Sprintf("var.%s = %q (%s)", a.Name, val, vv.src))
	}
	return strings.Join(parts, ", ")
}

// soleVar returns X when an expression is exactly var.X.
func (r *reader) soleVar(expr hcl.Expression) string {
	// Native syntax is told by its type, without listing its references.
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return varName(e.Traversal)
	case *hclsyntax.TemplateWrapExpr:
		if t, ok := e.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok {
			return varName(t.Traversal)
		}
		return ""
	case hclsyntax.Expression:
		return ""
	}
	ts := expr.Variables()
	if len(ts) != 1 {
		return ""
	}
	n := varName(ts[0])
	// A JSON string that is nothing but the interpolation.
	if n != "" && r.text(expr.Range()) == `"${var.`+n+`}"` {
		return n
	}
	return ""
}

// varName returns X when a traversal is exactly var.X.
func varName(t hcl.Traversal) string {
	if len(t) != 2 || t.RootName() != "var" {
		return ""
	}
	if a, ok := t[1].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// text is an expression's source text, on one line and shortened.
func (r *reader) text(rng hcl.Range) string {
	f := r.l.files[rng.Filename]
	if f == nil || rng.Start.Byte < 0 || rng.End.Byte > len(f.src) || rng.Start.Byte > rng.End.Byte {
		return "an expression"
	}
	s := strings.Join(strings.Fields(string(f.src[rng.Start.Byte:rng.End.Byte])), " ")
	if len(s) > 60 {
		cut := 57
		for cut > 0 && (s[cut]&0xC0) == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}
