package tfeval

import (
	"errors"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// An expression a few lines long can ask for more memory than any machine
// has: for expressions nested in each other multiply, a template repeats
// the strings it refers to, and format("%1000000000s", "") is a gigabyte.
// Before an expression is evaluated, cost estimates an upper bound of what
// its evaluation allocates, from its syntax and the sizes of the values it
// refers to; above maxCost it is not evaluated, and what depends on it is
// unresolved ("too large to evaluate statically"). A configuration that
// Terraform could apply stays far below the bound.
const (
	nodeCost      = 32       // a part of a value (an element, an attribute), in bytes
	maxCost       = 16 << 20 // what one expression may allocate, in bytes
	maxTotalCost  = 16 << 30 // what all the expressions of one read may, together
	maxValueBytes = 4 << 20  // string bytes in one named value
	costCap       = 1 << 50  // saturation, far above maxCost
	unknownWidth  = 256      // bytes a format verb or indent adds when its width is not a literal
)

func addCost(a, b int64) int64 {
	if a+b > costCap {
		return costCap
	}
	return a + b
}

func mulCost(a, b int64) int64 {
	if a != 0 && b > costCap/a {
		return costCap
	}
	return a * b
}

// valueCost is the size of a value: nodeCost per part plus its string
// bytes, counted up to limit (the result is then above limit), and the
// cost of its numbers (see numberCost). A value holding a number, or a
// string that reads as one, too large to write out costs costCap.
func valueCost(v cty.Value, limit int64) int64 {
	var n int64
	addValueCost(&n, v, limit)
	return n
}

// addValueCost adds the size of v to *n; a function of its own rather
// than a closure, which would be allocated for every value sized.
func addValueCost(n *int64, v cty.Value, limit int64) {
	*n = addCost(*n, nodeCost)
	if *n > limit {
		return
	}
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		s := v.AsString()
		*n = addCost(*n, addCost(int64(len(s)), numericCost(s)))
	case ty == cty.Number:
		*n = addCost(*n, numberCost(v.AsBigFloat()))
	case ty.IsObjectType():
		// In no particular order: past limit, the sum is only ever
		// compared with it.
		eachAttr(v, func(name string, e cty.Value) bool {
			*n = addCost(*n, int64(len(name)))
			addValueCost(n, e, limit)
			return *n <= limit
		})
	case ty.IsCollectionType() || ty.IsTupleType():
		for it := v.ElementIterator(); it.Next() && *n <= limit; {
			k, e := it.Element()
			if ty.IsMapType() {
				if k, _ := k.Unmark(); k.IsKnown() && k.Type() == cty.String {
					*n = addCost(*n, int64(len(k.AsString())))
				}
			}
			addValueCost(n, e, limit)
		}
	}
}

// Numbers are arbitrary-precision: 1e100000000 is a few bytes of source,
// but writing it out in decimal, as a template or a conversion to string
// does, takes minutes and 100 MB. A number costs digitCost per decimal
// digit it has beyond the 20 any ordinary number fits in, so that a chain
// of multiplications is bounded too; one with more than maxDigits digits
// (or zeros after the decimal point) costs costCap.
const (
	digitCost = 1 << 14
	maxDigits = 1000
)

func numberCost(f *big.Float) int64 {
	if f.IsInf() || f.Sign() == 0 {
		return 0
	}
	exp := int64(f.MantExp(nil))
	return digitsCost(max(exp, -exp) * 30103 / 100000)
}

func digitsCost(digits int64) int64 {
	switch {
	case digits > maxDigits:
		return costCap
	case digits > 20:
		return (digits - 20) * digitCost
	}
	return 0
}

// numericCost is numberCost for a string that converts to a number
// ("1e100000000"), which arithmetic and functions do implicitly, and 0 for
// any other string.
func numericCost(s string) int64 {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	lead := true
	var intDigits, fracZeros int64
	digits := false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits = true
		if s[i] != '0' || !lead {
			lead = false
			intDigits++
		}
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if s[i] == '0' && lead {
				fracZeros++
			} else {
				lead = false
			}
			digits = true
		}
	}
	if !digits {
		return 0
	}
	var exp int64
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return 0
		}
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp = min(exp*10+int64(s[i]-'0'), costCap)
		}
		if neg {
			exp = -exp
		}
	}
	if i != len(s) {
		return 0
	}
	mag := intDigits + exp
	if intDigits == 0 {
		mag = exp - fracZeros
	}
	return digitsCost(max(mag, -mag))
}

// huge reports whether a value holds a number (or a numeric string) too
// large to write out.
func huge(v cty.Value) bool {
	return valueCost(v, costCap-1) >= costCap
}

// coster estimates expression costs in one evaluation context.
type coster struct {
	ctx  *hcl.EvalContext
	syms *symbol // names bound by enclosing for expressions and splats
	over bool    // an estimate already passed maxCost: stop early
}

// symbol is a name a for expression (or a splat's anonymous symbol, name
// "") binds to each element of a collection in turn: size bounds the
// size of an element.
type symbol struct {
	name string
	size int64
	next *symbol
}

func (c *coster) bound(name string) (int64, bool) {
	for s := c.syms; s != nil; s = s.next {
		if s.name == name {
			return s.size, true
		}
	}
	return 0, false
}

func (c *coster) with(size int64, names ...string) *coster {
	n := *c
	for _, name := range names {
		if name != "" {
			n.syms = &symbol{name: name, size: size, next: n.syms}
		}
	}
	return &n
}

// estimate bounds an expression's evaluation: the size of its value, what
// evaluating it allocates (cost, its value included), and, should it be
// iterated, how many elements it has (n) and how large each is (elem).
type estimate struct {
	size, cost, n, elem int64
}

// of is the estimate of a value of a given size whose elements are not
// known: each takes at least nodeCost, and any may be all of it.
func of(size, cost int64) estimate {
	return estimate{size: size, cost: cost, n: size/nodeCost + 1, elem: size}
}

// valueEstimate is the estimate of a known value, with its exact number
// of elements and the size of the largest.
func valueEstimate(v cty.Value) estimate {
	size := valueCost(v, maxCost)
	e := of(size, size)
	u, _ := v.Unmark()
	if size > maxCost || !u.IsKnown() || u.IsNull() || !u.CanIterateElements() {
		return e
	}
	e.n, e.elem = int64(u.LengthInt()), 0
	if isObject(u) {
		eachAttr(u, func(_ string, x cty.Value) bool {
			e.elem = max(e.elem, valueCost(x, maxCost))
			return true
		})
		return e
	}
	for it := u.ElementIterator(); it.Next(); {
		_, x := it.Element()
		e.elem = max(e.elem, valueCost(x, maxCost))
	}
	return e
}

// exprCost estimates what evaluating expr in ctx allocates. Should the
// estimate fail, the expression is taken to cost too much.
func exprCost(expr hcl.Expression, ctx *hcl.EvalContext) (cost int64) {
	if expr == nil {
		return 0
	}
	defer func() {
		if recover() != nil {
			cost = costCap
		}
	}()
	c := &coster{ctx: ctx}
	if e, ok := hcl.UnwrapExpression(expr).(hclsyntax.Expression); ok {
		return c.est(e).cost
	}
	// A JSON expression: its strings are templates, or literal strings
	// when there is no context.
	raw, failed := literalJSON(expr)
	if failed {
		return 0
	}
	if ctx == nil {
		return valueCost(raw, maxCost)
	}
	var total int64
	var walk func(v cty.Value)
	template := func(s string) {
		if !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
			return
		}
		t, d := hclsyntax.ParseTemplate([]byte(s), "", hcl.InitialPos)
		if d.HasErrors() {
			return
		}
		total = addCost(total, c.est(t).cost)
	}
	walk = func(v cty.Value) {
		if total > maxCost || !v.IsKnown() || v.IsNull() {
			return
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			total = addCost(total, numericCost(v.AsString()))
			template(v.AsString())
		case ty == cty.Number:
			total = addCost(total, numberCost(v.AsBigFloat()))
		case ty.IsObjectType():
			for name := range ty.AttributeTypes() {
				template(name)
				walk(v.GetAttr(name))
			}
		case ty.IsTupleType() || ty.IsCollectionType():
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				walk(e)
			}
		}
	}
	walk(raw)
	return total
}

// literalJSON is a JSON expression's value with its strings not read as
// templates.
func literalJSON(expr hcl.Expression) (v cty.Value, failed bool) {
	defer func() {
		if recover() != nil {
			v, failed = cty.NilVal, true
		}
	}()
	v, diags := expr.Value(nil)
	return v, diags.HasErrors()
}

var overEstimate = estimate{size: costCap, cost: costCap, n: costCap, elem: costCap}

// est estimates an expression, stopping early once a part of it is over
// maxCost.
func (c *coster) est(e hclsyntax.Expression) estimate {
	if c.over {
		return overEstimate
	}
	x := c.est1(e)
	if x.cost > maxCost || x.size > maxCost {
		c.over = true
		return overEstimate
	}
	return x
}

func (c *coster) est1(e hclsyntax.Expression) estimate {
	switch e := e.(type) {
	case nil:
		return estimate{}
	case *hclsyntax.LiteralValueExpr:
		return valueEstimate(e.Val)
	case *hclsyntax.ScopeTraversalExpr:
		return c.traversal(e.Traversal)
	case *hclsyntax.RelativeTraversalExpr:
		return c.est(e.Source)
	case *hclsyntax.AnonSymbolExpr:
		if n, ok := c.bound(""); ok {
			return of(n, nodeCost)
		}
		return of(nodeCost, nodeCost)
	case *hclsyntax.IndexExpr:
		coll, key := c.est(e.Collection), c.est(e.Key)
		return of(coll.elem, addCost(coll.cost, key.cost))
	case *hclsyntax.SplatExpr:
		// Each is a traversal of one element: all of them together are at
		// most the source.
		src := c.est(e.Source)
		c.with(src.elem, "").est(e.Each)
		return of(src.size, addCost(src.cost, src.size))
	case *hclsyntax.ForExpr:
		coll := c.est(e.CollExpr)
		inner := c.with(coll.elem, e.KeyVar, e.ValVar)
		k, v, cond := inner.est(e.KeyExpr), inner.est(e.ValExpr), inner.est(e.CondExpr)
		per := addCost(addCost(k.cost, v.cost), addCost(cond.cost, nodeCost))
		return estimate{
			size: mulCost(coll.n, addCost(addCost(k.size, v.size), nodeCost)),
			cost: addCost(coll.cost, mulCost(coll.n, per)),
			n:    coll.n,
			elem: addCost(k.size, v.size),
		}
	case *hclsyntax.FunctionCallExpr:
		return c.call(e)
	case *hclsyntax.ConditionalExpr:
		cond, t, f := c.est(e.Condition), c.est(e.TrueResult), c.est(e.FalseResult)
		return estimate{size: max(t.size, f.size), cost: addCost(cond.cost, addCost(t.cost, f.cost)),
			n: max(t.n, f.n), elem: max(t.elem, f.elem)}
	case *hclsyntax.BinaryOpExpr:
		if arithmetic[e.Op] && (buildsString(e.LHS) || buildsString(e.RHS)) {
			return overEstimate
		}
		l, r := c.est(e.LHS), c.est(e.RHS)
		size := addCost(addCost(l.size, r.size), nodeCost)
		return of(size, addCost(addCost(l.cost, r.cost), size))
	case *hclsyntax.UnaryOpExpr:
		if arithmetic[e.Op] && buildsString(e.Val) {
			return overEstimate
		}
		v := c.est(e.Val)
		return of(addCost(v.size, nodeCost), addCost(v.cost, v.size))
	case *hclsyntax.TupleConsExpr:
		x := estimate{size: nodeCost, cost: nodeCost, n: int64(len(e.Exprs))}
		for _, item := range e.Exprs {
			y := c.est(item)
			x.size, x.cost, x.elem = addCost(x.size, y.size), addCost(x.cost, y.cost), max(x.elem, y.size)
		}
		return x
	case *hclsyntax.ObjectConsExpr:
		x := estimate{size: nodeCost, cost: nodeCost, n: int64(len(e.Items))}
		for _, it := range e.Items {
			k, v := c.est(it.KeyExpr), c.est(it.ValueExpr)
			x.size, x.cost, x.elem = addCost(x.size, addCost(k.size, v.size)), addCost(x.cost, addCost(k.cost, v.cost)), max(x.elem, v.size)
		}
		return x
	case *hclsyntax.ObjectConsKeyExpr:
		if t, ok := e.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok && !e.ForceNonLiteral && len(t.Traversal) == 1 {
			// A bare name is the key itself.
			n := nodeCost + int64(len(t.Traversal.RootName()))
			return of(n, n)
		}
		return c.est(e.Wrapped)
	case *hclsyntax.TemplateExpr:
		var size, cost int64 = nodeCost, nodeCost
		for _, p := range e.Parts {
			x := c.est(p)
			size, cost = addCost(size, x.size), addCost(cost, x.cost)
		}
		return of(size, addCost(cost, size))
	case *hclsyntax.TemplateJoinExpr:
		t := c.est(e.Tuple)
		return of(t.size, addCost(t.cost, t.size))
	case *hclsyntax.TemplateWrapExpr:
		return c.est(e.Wrapped)
	case *hclsyntax.ParenthesesExpr:
		return c.est(e.Expression)
	}
	return of(nodeCost, nodeCost)
}

// arithmetic are the operators that convert their operands to numbers
// and make new ones.
var arithmetic = map[*hclsyntax.Operation]bool{
	hclsyntax.OpAdd: true, hclsyntax.OpSubtract: true, hclsyntax.OpMultiply: true,
	hclsyntax.OpDivide: true, hclsyntax.OpModulo: true, hclsyntax.OpNegate: true,
}

// buildsString reports whether an expression may build a string during
// its evaluation ("1e${n}") that none of the sizes est sees: arithmetic
// on one could make a number too large to write out. Function results are
// checked when the function returns (see guard).
func buildsString(e hclsyntax.Expression) bool {
	switch e := e.(type) {
	case *hclsyntax.TemplateExpr:
		return !e.IsStringLiteral()
	case *hclsyntax.TemplateWrapExpr, *hclsyntax.TemplateJoinExpr:
		return true
	case *hclsyntax.ParenthesesExpr:
		return buildsString(e.Expression)
	case *hclsyntax.ConditionalExpr:
		return buildsString(e.TrueResult) || buildsString(e.FalseResult)
	case *hclsyntax.IndexExpr:
		return buildsString(e.Collection)
	case *hclsyntax.RelativeTraversalExpr:
		return buildsString(e.Source)
	case *hclsyntax.SplatExpr:
		return buildsString(e.Source)
	case *hclsyntax.ForExpr:
		return buildsString(e.ValExpr) || e.KeyExpr != nil && buildsString(e.KeyExpr)
	case *hclsyntax.TupleConsExpr:
		for _, x := range e.Exprs {
			if buildsString(x) {
				return true
			}
		}
	case *hclsyntax.ObjectConsExpr:
		for _, it := range e.Items {
			if buildsString(it.ValueExpr) {
				return true
			}
		}
	}
	return false
}

// traversal estimates the value a reference reaches.
func (c *coster) traversal(t hcl.Traversal) estimate {
	root := t.RootName()
	if n, ok := c.bound(root); ok {
		return of(n, nodeCost)
	}
	for x := c.ctx; x != nil; x = x.Parent() {
		if rv, ok := x.Variables[root]; ok {
			if v, ok := attrPath(rv, t[1:]); ok {
				return valueEstimate(v)
			}
			v, diags := traverse(t, c.ctx)
			if diags.HasErrors() {
				return of(nodeCost, nodeCost)
			}
			return valueEstimate(v)
		}
	}
	if c.ctx == nil {
		// Without a context, a reference is an error.
		return of(nodeCost, nodeCost)
	}
	// A name the context does not hold is bound when the expression is
	// evaluated (a dynamic block's iterator): at most a named value.
	return of(maxValueNodes*nodeCost, nodeCost)
}

// attrPath follows a traversal made only of attribute names through
// known objects that have them, as hcl.Traversal.TraverseRel does but
// without allocating (TraverseRel takes the address of each step's
// range). ok is false when the traversal takes another step; then
// TraverseRel must be asked.
func attrPath(v cty.Value, rel hcl.Traversal) (cty.Value, bool) {
	for _, step := range rel {
		a, ok := step.(hcl.TraverseAttr)
		if !ok || v.IsNull() || !v.IsKnown() {
			return cty.NilVal, false
		}
		ty := v.Type()
		if !ty.IsObjectType() || !ty.HasAttribute(a.Name) {
			return cty.NilVal, false
		}
		v = v.GetAttr(a.Name)
	}
	return v, true
}

// call estimates a function call: its arguments and its result.
func (c *coster) call(e *hclsyntax.FunctionCallExpr) estimate {
	args := make([]estimate, len(e.Args))
	var sum, cost int64
	for i, a := range e.Args {
		args[i] = c.est(a)
		sum, cost = addCost(sum, args[i].size), addCost(cost, args[i].cost)
	}
	arg := func(i int) int64 {
		if i < len(args) {
			return args[i].size
		}
		return 0
	}
	var out int64
	switch e.Name {
	case "range":
		// go-cty's range makes at most 1024 numbers.
		return estimate{size: 1024 * 2 * nodeCost, cost: addCost(cost, 1024*2*nodeCost), n: 1024, elem: 2 * nodeCost}
	case "split", "regexall", "regex", "jsondecode", "csvdecode", "chunklist", "keys", "values", "tolist", "toset", "tomap", "flatten":
		// One part per byte at most.
		out = mulCost(sum, nodeCost)
	case "replace":
		// Every byte of the string can be replaced.
		out = addCost(arg(0), mulCost(arg(0)+1, arg(2)))
	case "join":
		// The separator between every two elements.
		out = addCost(sum, mulCost(arg(1)/nodeCost+1, arg(0)))
	case "jsonencode":
		out = mulCost(sum, 6) // \u0000 escapes
	case "format", "formatlist":
		out = addCost(sum, formatWidth(literalString(e.Args, 0)))
		if e.Name == "formatlist" {
			out = mulCost(out, sum/nodeCost+1)
		}
	case "indent":
		width := int64(unknownWidth)
		if w, ok := literalNumber(e.Args, 0); ok {
			width = w
		}
		out = addCost(arg(1), mulCost(arg(1)+1, width))
	case "setproduct":
		out = nodeCost
		for _, a := range args {
			out = mulCost(out, a.n+1)
		}
	case "try", "coalesce", "one", "element", "lookup", "max", "min":
		// One of the arguments, or a part of one.
		out = 0
		for _, a := range args {
			out = max(out, a.size)
		}
		return of(out, cost)
	default:
		out = sum
	}
	return of(out, addCost(cost, out))
}

// literalString is argument i when it is a literal string, else "".
func literalString(args []hclsyntax.Expression, i int) (string, bool) {
	if i >= len(args) {
		return "", false
	}
	switch a := args[i].(type) {
	case *hclsyntax.LiteralValueExpr:
		if a.Val.Type() == cty.String && a.Val.IsKnown() && !a.Val.IsNull() {
			return a.Val.AsString(), true
		}
	case *hclsyntax.TemplateExpr:
		if a.IsStringLiteral() {
			if v, diags := a.Value(nil); !diags.HasErrors() && v.Type() == cty.String {
				return v.AsString(), true
			}
		}
	}
	return "", false
}

func literalNumber(args []hclsyntax.Expression, i int) (int64, bool) {
	if i >= len(args) {
		return 0, false
	}
	a, ok := args[i].(*hclsyntax.LiteralValueExpr)
	if !ok || a.Val.Type() != cty.Number || !a.Val.IsKnown() || a.Val.IsNull() {
		return 0, false
	}
	f := a.Val.AsBigFloat()
	if f.Sign() < 0 {
		return 0, true
	}
	if n, _ := f.Int64(); f.IsInt() && n < costCap {
		return n, true
	}
	return costCap, true
}

// formatWidth bounds the padding a format string's verbs add: the sum of
// their widths and precisions, or unknownWidth per verb of a format that
// is not a literal.
func formatWidth(f string, literal bool) int64 {
	if !literal {
		return unknownWidth * 16
	}
	var total int64
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		total = addCost(total, unknownWidth/8)
		for i++; i < len(f) && strings.IndexByte("+- #0.[]*123456789", f[i]) >= 0; {
			if f[i] < '0' || f[i] > '9' {
				i++
				continue
			}
			var n int64
			for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
				n = addCost(mulCost(n, 10), int64(f[i]-'0'))
			}
			total = addCost(total, n)
		}
	}
	return total
}

// sizeOfResult bounds the result of the functions whose result size
// depends on a number in their arguments (a format's widths, indent's
// spaces), from the values they are called with.
var sizeOfResult = map[string]func(args []cty.Value) int64{
	"format": func(args []cty.Value) int64 {
		return formatResult(args)
	},
	"formatlist": func(args []cty.Value) int64 {
		n := int64(1)
		for _, a := range args[min(1, len(args)):] {
			if a, _ := a.Unmark(); a.IsKnown() && !a.IsNull() && a.CanIterateElements() {
				n = max(n, int64(a.LengthInt()))
			}
		}
		return mulCost(formatResult(args), n)
	},
	"indent": func(args []cty.Value) int64 {
		if len(args) < 2 {
			return 0
		}
		spaces, _ := args[0].Unmark()
		str, _ := args[1].Unmark()
		if !spaces.IsKnown() || spaces.IsNull() || spaces.Type() != cty.Number || !str.IsKnown() || str.IsNull() || str.Type() != cty.String {
			return 0
		}
		w, _ := spaces.AsBigFloat().Int64()
		s := str.AsString()
		return addCost(int64(len(s)), mulCost(int64(strings.Count(s, "\n")+1), max(w, 0)))
	},
}

func formatResult(args []cty.Value) int64 {
	var n int64
	for _, a := range args {
		n = addCost(n, valueCost(a, maxCost))
	}
	if len(args) > 0 {
		if f, _ := args[0].Unmark(); f.IsKnown() && !f.IsNull() && f.Type() == cty.String {
			n = addCost(n, formatWidth(f.AsString(), true))
		}
	}
	return n
}

// guard wraps a function so that a call fails, rather than taking the
// expression being evaluated past maxCost, when size (which may be nil)
// says its result would be too large, or when an argument or the result
// holds a number too large to write out.
func (r *reader) guard(f function.Function, size func([]cty.Value) int64) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for _, a := range args {
				if huge(a) {
					return cty.NilVal, errTooLarge
				}
			}
			if size != nil {
				r.spent = addCost(r.spent, size(args))
				if r.spent > maxCost {
					return cty.NilVal, errTooLarge
				}
			}
			v, err := f.Call(args)
			if err == nil && huge(v) {
				return cty.NilVal, errTooLarge
			}
			return v, err
		},
	})
}

var errTooLarge = errors.New("the result would be too large")

// functions are the functions an evaluation context offers, guarded.
func (r *reader) functions() map[string]function.Function {
	fs := functions()
	for name, f := range fs {
		fs[name] = r.guard(f, sizeOfResult[name])
	}
	return fs
}
