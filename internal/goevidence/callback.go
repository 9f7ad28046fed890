package goevidence

import (
	"go/ast"
	"go/types"
)

// litParamVal is what a parameter of a function literal holds that is
// called from where this package does not say (a callback): text not
// known statically, and what the function the literal is given passes
// it (callbackVal). A database handle no function says is still a
// database, whose writes are sites to a database not known.
func (s *pkgState) litParamVal(v *types.Var) Val {
	var out Val
	if stringish(v.Type()) {
		out.Strs = []Str{hole("parameter " + v.Name() + " of a function literal")}
	}
	out = join(out, s.callbackVal(v))
	if len(out.Handles) == 0 && storeHandleType(v.Type()) {
		kind := handleKindOf(v.Type())
		out.Handles = []Handle{{Kind: kind, Unknown: typeThing(v.Type()) + " comes from parameter " + v.Name() + " of a function literal"}}
	}
	return out
}

// callbackVal is what a function of the module passes to a function
// literal it is given, for one of the literal's parameters: given
// func(tx pgx.Tx) error {...}, db.InTx calls f(tx) with the transaction
// it began, and the literal's tx is that transaction. For a function of
// this package it is closed over the function's callers, as a result
// is; for one of another package, its fact says (Callback).
func (s *pkgState) callbackVal(v *types.Var) Val {
	lp, ok := s.litParamOf[v]
	if !ok {
		return Val{}
	}
	la, ok := s.litArgOf[lp.lit]
	if !ok || la.cs.callee == nil {
		return Val{}
	}
	g := s.fns[la.cs.callee]
	if g == nil {
		return s.importedCallbackVal(la, lp.index, v.Type())
	}
	sig, _ := la.cs.callee.Type().(*types.Signature)
	if sig == nil || la.arg >= sig.Params().Len() || sig.Variadic() && la.arg >= sig.Params().Len()-1 {
		return Val{}
	}
	var out Val
	for _, call := range s.inputCalls(g, sig.Params().At(la.arg)) {
		if lp.index < len(call.Args) {
			out = join(out, s.close(g, s.eval(g, call.Args[lp.index]), false))
		}
	}
	return out
}

// inputCalls are the calls f makes of its input v, a function (f(tx)).
func (s *pkgState) inputCalls(f *fn, v *types.Var) []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, cs := range s.callsIn[f] {
		if id, ok := ast.Unparen(cs.call.Fun).(*ast.Ident); ok && s.info.Uses[id] == v {
			out = append(out, cs.call)
		}
	}
	return out
}

// callbacks are the arguments f gives its inputs that are functions when
// it calls them, where some says more than its type (worthTelling): what
// other packages' literals given to f have as their parameters
// (importedCallbackVal).
func (s *pkgState) callbacks(f *fn) []Callback {
	var out []Callback
	for i, in := range f.ins {
		sig, ok := in.Type().Underlying().(*types.Signature)
		if !ok {
			continue
		}
		cb := Callback{Input: i, Args: make([]Val, sig.Params().Len())}
		for _, call := range s.inputCalls(f, in) {
			for j, arg := range call.Args {
				if j < len(cb.Args) {
					cb.Args[j] = join(cb.Args[j], s.eval(f, arg))
				}
			}
		}
		telling := false
		for j := range cb.Args {
			cb.Args[j] = s.forFact(cb.Args[j])
			telling = telling || s.worthTelling(cb.Args[j], sig.Params().At(j).Type())
		}
		if telling {
			out = append(out, cb)
		}
	}
	return out
}

// importedCallbackVal is callbackVal for a function of another package
// (db.InTx(ctx, func(tx pgx.Tx) error {...}) where InTx is the service's
// database package): what its fact says it passes to the literal's
// parameter t, given the inputs of this call. A library's function
// (conn.BeginFunc(ctx, func(tx pgx.Tx) error {...})) passes a database
// handle of what it is given.
func (s *pkgState) importedCallbackVal(la litArg, index int, t types.Type) Val {
	callee := la.cs.callee
	if callee.Pkg() == nil || callee.Pkg() == s.pass.Pkg {
		return Val{}
	}
	if isInfra(callee.Pkg()) {
		if !storeHandleType(t) {
			return Val{}
		}
		var hs []Handle
		for _, in := range s.inputs(la.cs.fn, la.cs.call, callee) {
			hs = append(hs, usable(in.Handles)...)
		}
		return Val{Handles: s.fitting(t, hs)}
	}
	var fact funcFact // an interface's method has none
	if !s.pass.ImportObjectFact(callee, &fact) {
		return Val{}
	}
	input := la.arg
	if s.receiver(la.cs.call) != nil {
		input++
	}
	for _, cb := range fact.Callbacks {
		if cb.Input == input && index < len(cb.Args) {
			return s.subst(cb.Args[index], s.inputs(la.cs.fn, la.cs.call, callee))
		}
	}
	return Val{}
}
