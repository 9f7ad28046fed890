package goevidence

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/types/typeutil"
)

// callVals computes the results of a call.
func (s *pkgState) callVals(f *fn, call *ast.CallExpr) []Val {
	if rs, ok := s.tupleMemo[call]; ok {
		return rs
	}
	s.tupleMemo[call] = nil // a call whose value depends on itself yields nothing
	rs := s.callVals1(f, call)
	s.tupleMemo[call] = rs
	return rs
}

func (s *pkgState) callVals1(f *fn, call *ast.CallExpr) []Val {
	if !s.step() {
		return s.resultsOf(call, s.overVal)
	}
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return []Val{s.eval(f, call.Args[0])}
		}
		return []Val{{}}
	}
	callee := typeutil.Callee(s.info, call)
	if b, ok := callee.(*types.Builtin); ok {
		switch b.Name() {
		case "append", "min", "max":
			var v Val
			for _, a := range call.Args {
				v = join(v, s.eval(f, a))
			}
			return []Val{v}
		}
		return []Val{{}}
	}
	fobj, _ := callee.(*types.Func)
	ins := s.inputs(f, call, fobj)
	if fobj != nil {
		if rs, ok := s.known(f, call, fobj, ins); ok {
			return rs
		}
		if g := s.fns[fobj]; g != nil {
			sums := s.summary(g)
			out := make([]Val, len(sums))
			for i, sum := range sums {
				out[i] = s.subst(sum, ins)
			}
			return knownText(sums, out, ins)
		}
		if fobj.Pkg() != nil && fobj.Pkg() != s.pass.Pkg && !isInfra(fobj.Pkg()) && !isInterfaceMethod(fobj) {
			var fact funcFact
			if s.pass.ImportObjectFact(fobj, &fact) {
				out := make([]Val, len(fact.Results))
				for i, r := range fact.Results {
					out[i] = s.subst(r, ins)
				}
				return knownText(fact.Results, out, ins)
			}
			// An analysed function with no fact: its results carry no
			// personal data, strings or destinations that matter.
			return s.resultsOf(call, func(types.Type) Val { return Val{} })
		}
	}
	rs := s.generic(call, fobj, ins)
	if taints, ok := s.implResults(call, fobj, ins); ok {
		for i := range rs {
			if i < len(taints) {
				t := taints[i]
				rs[i].Personal, rs[i].Params, rs[i].ParamVia = t.Personal, t.Params, t.ParamVia
			}
		}
	}
	return rs
}

// implResults is what a call of a method of an interface the module
// declares returns, where its implementations are followed (impls.go):
// what they return, joined. Their taint replaces the generic rule's (all
// the call is given): a persister's lookup of a SAML provider by the
// domain of a user's e-mail returns the provider, which is configuration,
// not the user. Text and destinations stay the generic rule's: an
// implementation this package cannot see (one in a package importing the
// interface's) may return others. ok is false where the implementations
// are not followed, or one is being summarized (a decorator calling the
// interface it implements).
func (s *pkgState) implResults(call *ast.CallExpr, fobj *types.Func, ins []Val) ([]Val, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fobj == nil || !ok || !isInterfaceMethod(fobj) {
		return nil, false
	}
	ms, _ := s.implementations(fobj, sel)
	if len(ms) == 0 {
		return nil, false
	}
	out := s.resultsOf(call, func(types.Type) Val { return Val{} })
	for _, m := range ms {
		var sums []Val
		if g := s.fns[m]; g != nil {
			if s.sumBusy[m] {
				return nil, false
			}
			sums = s.summary(g)
		} else {
			// No fact: an analysed function whose results carry nothing
			// beyond their types.
			var fact funcFact
			if s.pass.ImportObjectFact(m, &fact) {
				sums = fact.Results
			}
		}
		for i := range out {
			if i < len(sums) {
				out[i] = join(out[i], s.subst(sums[i], ins))
			}
		}
	}
	return out, true
}

// knownText clears the personal mark of the results of a call of a
// function of the module (sym, symbolic in its inputs; out, at the call)
// that builds its text from what it is given, where the call gives no
// personal data and the text is known whole: a parameter named for
// personal data (the userID of a function that builds a resource name)
// marks what the function returns, but constant text given gives
// constant text back, which names no one. A result whose text does not
// come from the inputs keeps its mark: its known text may be only some
// of what it holds.
func knownText(sym, out, ins []Val) []Val {
	for _, in := range ins {
		if in.Personal {
			return out
		}
	}
	for i := range out {
		if i < len(sym) && out[i].Personal && slices.ContainsFunc(sym[i].Strs, Str.hasParam) && constantText(out[i]) {
			out[i].Personal = false
		}
	}
	return out
}

// inputs evaluates the inputs of a call in the callee's order: the
// receiver first for a method, then the parameters, variadic arguments
// joined into the last.
func (s *pkgState) inputs(f *fn, call *ast.CallExpr, fobj *types.Func) []Val {
	var ins []Val
	if recv := s.receiver(call); recv != nil {
		ins = append(ins, s.eval(f, recv))
	}
	return append(ins, s.args(f, call, fobj)...)
}

// receiver is the receiver expression of a method call, or nil.
func (s *pkgState) receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if x := s.info.Selections[sel]; x != nil && x.Kind() == types.MethodVal {
			return sel.X
		}
	}
	return nil
}

// args evaluates the arguments of a call, variadic ones joined into the
// last parameter.
func (s *pkgState) args(f *fn, call *ast.CallExpr, fobj *types.Func) []Val {
	var sig *types.Signature
	if fobj != nil {
		sig, _ = fobj.Type().(*types.Signature)
	} else if ft := s.info.TypeOf(call.Fun); ft != nil {
		// No type where the package is typed only in part (a cgo call
		// C.f(...) in a package whose cgo files are not built).
		sig, _ = ft.Underlying().(*types.Signature)
	}
	nparams := len(call.Args)
	if sig != nil {
		nparams = sig.Params().Len()
	}
	ins := make([]Val, 0, len(call.Args))
	for i, a := range call.Args {
		v := s.eval(f, a)
		if sig != nil && sig.Variadic() && !call.Ellipsis.IsValid() && i >= nparams-1 {
			if i == nparams-1 {
				ins = append(ins, v)
			} else {
				ins[len(ins)-1] = join(ins[len(ins)-1], v)
			}
			continue
		}
		ins = append(ins, v)
	}
	return ins
}

func isInterfaceMethod(f *types.Func) bool {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return types.IsInterface(sig.Recv().Type())
}

// resultsOf builds one Val per result of the called function.
func (s *pkgState) resultsOf(call *ast.CallExpr, each func(types.Type) Val) []Val {
	t := s.info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		out := make([]Val, tuple.Len())
		for i := range out {
			out[i] = each(tuple.At(i).Type())
		}
		return out
	}
	if t == nil {
		return nil
	}
	return []Val{each(t)}
}

// generic is what a call of a function we know nothing about yields: data
// derived from personal inputs stays personal, an object built from a
// connection keeps it (json.NewEncoder(conn), pb.NewClient(conn)), and a
// string is a hole named after the call.
func (s *pkgState) generic(call *ast.CallExpr, fobj *types.Func, ins []Val) []Val {
	var all Val
	for i, in := range ins {
		hs := destHandles(in.Handles)
		if readOnlyInput(fobj, call, i) {
			// What is built from a reader reads from it (html.Parse(r),
			// a charset reader): it is data that came from where the
			// reader reads, not a way to send there.
			hs = nil
		}
		all = join(all, Val{Personal: in.Personal, Params: in.Params, ParamVia: in.ParamVia, Handles: hs})
	}
	keyed := s.personalKeyArg(call)
	return s.resultsOf(call, func(t types.Type) Val {
		var v Val
		if carriesData(t) || sdkOptionFunc(fobj, t) {
			v.Personal = all.Personal || keyed
			v.Params, v.ParamVia = all.Params, all.ParamVia
		}
		if stringish(t) {
			v.Strs = []Str{hole(s.describeCall(call))}
		}
		if s.canHold(t) {
			v.Handles = all.Handles
		}
		return v
	})
}

// readOnlyInput reports whether input i of a call of fobj (the receiver
// first for a method) is a parameter declared as a reader: an interface
// with a Read method and no method that writes (io.Reader,
// io.ReadCloser), through which the callee can only take bytes in.
func readOnlyInput(fobj *types.Func, call *ast.CallExpr, i int) bool {
	if fobj == nil {
		return false
	}
	sig, ok := fobj.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() != nil {
		if i == 0 {
			return false
		}
		i--
	}
	if i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return false
	}
	t := sig.Params().At(i).Type()
	if !types.IsInterface(t) || writerLike(t) {
		return false
	}
	fn := readMethod(t)
	return fn != nil && len(call.Args) > i && writeShape(fn)
}

// readMethod is the Read method of t, or nil.
func readMethod(t types.Type) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Read")
	fn, _ := obj.(*types.Func)
	return fn
}

// sdkOptionFunc reports whether a call returns a function of an SDK of
// the table: an option that carries what it is given into the call it is
// passed to (slack.MsgOptionText(text) to PostMessage).
func sdkOptionFunc(fobj *types.Func, t types.Type) bool {
	if fobj == nil || fobj.Pkg() == nil || t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); !ok {
		return false
	}
	return sdkModule(fobj.Pkg().Path())
}

// personalKeyArg: a getter given a personal key (r.FormValue("email"),
// r.Header.Get("X-Real-IP")) returns personal data.
func (s *pkgState) personalKeyArg(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if x := s.info.Selections[sel]; x == nil || x.Kind() != types.MethodVal {
		return false
	}
	for _, a := range call.Args {
		if k, ok := s.constText(a); ok && isConstString(s.info, a) && personalKey(k) {
			return true
		}
	}
	return false
}

// destHandles drops option values (config.WithRegion, option.WithEndpoint)
// that are not destinations by themselves.
func destHandles(hs []Handle) []Handle {
	var out []Handle
	for _, h := range hs {
		if !isOption(h.Kind) {
			out = append(out, h)
		}
	}
	return out
}

// describeCall names a call for a hole: `os.Getenv("API_URL")`,
// `the result of viper.GetString("partner.url")`.
func (s *pkgState) describeCall(call *ast.CallExpr) string {
	name := "a call"
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
		switch x := ast.Unparen(fun.X).(type) {
		case *ast.Ident:
			name = x.Name + "." + name
		case *ast.SelectorExpr:
			name = x.Sel.Name + "." + name
		}
	}
	arg := ""
	if len(call.Args) > 0 {
		if k, ok := s.constText(call.Args[0]); ok && isConstString(s.info, call.Args[0]) {
			arg = strconv.Quote(clip(k))
		} else {
			arg = "..."
		}
	}
	return "the result of " + name + "(" + arg + ")"
}
