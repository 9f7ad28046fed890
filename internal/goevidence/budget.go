package goevidence

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A few lines of Go can describe values far larger than any machine holds:
// `const c1 = c0 + c0` ... `c26` is 2^26 copies of c0 (go/constant
// concatenates lazily, so the type checker never builds it, but reading
// it does), and functions that call the next one twice, each adding a
// letter, reach the last along 2^n paths. The evaluator therefore works
// within bounds, as the Terraform reader does (internal/tfeval/cost.go):
//
//   - a string is at most maxStrBytes of known text (a constant is
//     measured from its declaration before it is read); a value has at
//     most maxStrs possible strings and maxHandles destinations, and a
//     function tells its callers of at most maxSinks sinks;
//   - the evaluation of one package takes at most stepLimit steps
//     (expressions evaluated, calls followed, values substituted, sinks
//     combined), a limit linear in the package's size.
//
// What is over a bound is not dropped: it becomes a hole whose reason says
// it is too large to evaluate statically, so that a site sending personal
// data there is an unresolved-destination note saying so. Code a person
// writes stays far below every bound.
const (
	// maxStrBytes is the known text of one string: URLs, DSNs and
	// addresses are far shorter.
	maxStrBytes = 1 << 10
	// maxSinks is how many sinks a function tells its callers of (one
	// per call inside that sends, and per callee that does).
	maxSinks = 64
	// stepsBase and stepsPerNode make a package's step limit: the
	// evaluation takes a few steps per syntax node (at most 0.4 in the
	// packages of this module and its dependencies, twenty times less
	// than the limit), and each step costs at most a constant (the values
	// it combines are bounded).
	stepsBase    = 1 << 12
	stepsPerNode = 8
	// maxStepsPerOp bounds the steps one substitution may take past the
	// limit before the evaluation notices it.
	maxStepsPerOp = 1 << 14
	// stepBytes is the size of the strings a step may build: a
	// substitution of values into a function's results or destinations
	// counts one step per stepBytes it builds.
	stepBytes = 1 << 10
	lenCap    = 1 << 50 // saturation of constant lengths
)

// tooLarge is the reason given for what is over a bound.
const tooLarge = "a value too large to evaluate statically"

// step counts one step of the evaluation. It reports false once the
// package's limit is reached: the caller then gives up on the value.
func (s *pkgState) step() bool {
	s.steps++
	if s.steps > s.stepLimit {
		s.over = true
		return false
	}
	return true
}

// subst is substW (val.go) with the strings it builds counted against the
// step limit.
func (s *pkgState) subst(v Val, args []Val) Val {
	var work int64
	out := substW(v, args, &work)
	s.steps += work / stepBytes
	if s.steps > s.stepLimit {
		s.over = true
	}
	return out
}

// overVal is what a value the evaluation has no budget left for may be:
// anything. It may be personal, its text and destination are not known,
// so that a call sending it is a note rather than nothing.
func (s *pkgState) overVal(t types.Type) Val {
	var v Val
	if carriesData(t) {
		v.Personal = true
	}
	if stringish(t) || t != nil && elemStringish(t) {
		v.Strs = []Str{hole(tooLarge)}
	}
	if handleCapable(t) && mayCarryDest(t) {
		kind := hConn
		if sdkHandleType(t) {
			kind = handleKindOf(t)
		}
		v.Handles = []Handle{{Kind: kind, Unknown: "its destination is " + tooLarge}}
	}
	return v
}

// constText is the text of a constant string expression, when it is at
// most maxStrBytes long. It measures the constant from its declaration
// first: reading a lazily concatenated constant builds all of it.
func (s *pkgState) constText(e ast.Expr) (string, bool) {
	tv, ok := s.info.Types[e]
	if !ok || tv.Value == nil {
		return "", false
	}
	if tv.Value.Kind() != constant.String {
		return constString(tv.Value), true
	}
	if s.constLen(e) > maxStrBytes {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// constLen bounds the length of the constant string e denotes, from its
// syntax and the declarations of the constants it names, without building
// it. Within a package the bound is exact up to escapes in literals.
func (s *pkgState) constLen(e ast.Expr) int64 {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return int64(len(e.Value))
	case *ast.Ident:
		return s.constObjLen(s.info.Uses[e])
	case *ast.SelectorExpr:
		return s.constObjLen(s.info.Uses[e.Sel])
	case *ast.BinaryExpr:
		return addLen(s.constLen(e.X), s.constLen(e.Y))
	case *ast.CallExpr:
		// A conversion (T(c), string(r)) or min and max: at most all of
		// the arguments; a rune is at most 4 bytes.
		var n int64
		for _, a := range e.Args {
			if tv, ok := s.info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() != constant.String {
				n = addLen(n, 4)
				continue
			}
			n = addLen(n, s.constLen(a))
		}
		return n
	}
	// No other expression denotes a constant string; should one, it is
	// not read.
	return lenCap
}

func addLen(a, b int64) int64 {
	if a+b > lenCap {
		return lenCap
	}
	return a + b
}

// constObjLen bounds the length of a named string constant: from its
// declaration in this package, or from what its package told (a constFact
// for a large one; a constant without one is small enough to read).
func (s *pkgState) constObjLen(obj types.Object) int64 {
	c, ok := obj.(*types.Const)
	if !ok {
		return lenCap
	}
	if c.Val().Kind() != constant.String {
		return 4 // in a string conversion: a rune
	}
	if c.Pkg() == nil {
		return 0
	}
	if c.Pkg() != s.pass.Pkg {
		var fact constFact
		if s.pass.ImportObjectFact(c, &fact) {
			return fact.Len
		}
		return int64(len(constant.StringVal(c.Val())))
	}
	if n, ok := s.constMemo[c]; ok {
		return n
	}
	e := s.consts[c]
	if e == nil || s.constBusy[c] {
		return lenCap
	}
	s.constBusy[c] = true
	n := s.constLen(e)
	delete(s.constBusy, c)
	s.constMemo[c] = n
	return n
}

// recordConsts notes the expression each constant of a declaration is
// declared with, the previous one's where it repeats it implicitly.
func (s *pkgState) recordConsts(d *ast.GenDecl) {
	if d.Tok != token.CONST {
		return
	}
	var last []ast.Expr
	for _, spec := range d.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		if len(vs.Values) > 0 {
			last = vs.Values
		}
		for i, name := range vs.Names {
			if c, ok := s.info.Defs[name].(*types.Const); ok && i < len(last) {
				s.consts[c] = last[i]
			}
		}
	}
}

// constFact tells the packages that import a string constant longer than
// maxStrBytes how long it may be, so that they never read it.
type constFact struct {
	Len int64
}

func (*constFact) AFact() {}

func (f *constFact) String() string { return "too large to evaluate statically" }

// exportConstFacts tells importers of the package's large string constants.
// It runs for every package, those the analysis skips too: only the
// declarations are read.
func (s *pkgState) exportConstFacts() {
	for _, file := range s.pass.Files {
		for _, d := range file.Decls {
			if g, ok := d.(*ast.GenDecl); ok {
				s.recordConsts(g)
			}
		}
	}
	for c := range s.consts {
		if !c.Exported() || c.Parent() != s.pass.Pkg.Scope() || c.Val().Kind() != constant.String {
			continue
		}
		if n := s.constObjLen(c); n > maxStrBytes {
			s.pass.ExportObjectFact(c, &constFact{Len: n})
		}
	}
}
