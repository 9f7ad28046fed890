package tfeval

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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

func unknownBecause(reason string) cty.Value { return cty.DynamicVal.Mark(why(reason)) }

// reader evaluates the modules a loader read.
type reader struct {
	l      *loader
	ext    Extractor
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

func newReader(l *loader, extract Extractor, shared *shared) *reader {
	r := &reader{l: l, ext: extract, shared: shared, memo: map[string]*instance{}}
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

// provenance says which input variables an expression read and where they
// were set: `var.region = "ap-northeast-2" (terraform.tfvars)`.
func (s scope) provenance(expr hcl.Expression) string {
	var parts []string
	seen := map[string]bool{}
	for _, t := range s.in.mod.variables(expr) {
		if pv, ok := s.deployedData(t); ok && !seen[pv] {
			seen[pv] = true
			parts = append(parts, pv)
			continue
		}
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

// deployedData says where a reference to an Azure data source's location
// (data.azurerm_resource_group.rg.location) takes its value from, when a
// deploy block gives it: `data.azurerm_resource_group.rg.location =
// "West Europe" (deploy block at .noticevet.hcl:9)`.
func (s scope) deployedData(t hcl.Traversal) (string, bool) {
	if t.RootName() != "data" || len(t) < 4 {
		return "", false
	}
	typ, ok1 := t[1].(hcl.TraverseAttr)
	name, ok2 := t[2].(hcl.TraverseAttr)
	field, ok3 := t[3].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !ok3 || typePrefix(typ.Name) != "azurerm" || field.Name != "location" {
		return "", false
	}
	if r := s.in.mod.byAddr["data."+typ.Name+"."+name.Name]; r == nil || attr(r.body, "location") != nil {
		return "", false // no such data source, or it sets the location itself
	}
	d, ok := s.in.deployment()
	if !ok || d.Location == "" {
		return "", false
	}
	return fmt.Sprintf("data.%s.%s.location = %q (%s)", typ.Name, name.Name, d.Location, d.Via()), true
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
