package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
)

// Writers: what a write goes into (the variables a Write, Encode or
// Fprintf call on a value stores into), and which types and methods write.

// writeTargets are the variables that writing into the value of e writes
// into: its root variable (buf in buf.WriteString), or, for a value made by
// a call, what the call was given to write into (buf in
// json.NewEncoder(&buf).Encode(v)). A writer held in a variable that was
// made so (zw := zip.NewWriter(buf); f, _ := zw.Create(name)) writes into
// what it was made from as well.
func (s *pkgState) writeTargets(e ast.Expr, depth int) []*types.Var {
	if r := s.rootVar(e); r != nil {
		out := []*types.Var{r}
		// The type is asked last: most variables written into are
		// given, not made by a call, and a method set is not free.
		if depth > 4 || !slices.ContainsFunc(s.assigns[r], madeByCall) || !writerLike(r.Type()) && !writerMaker(r.Type()) {
			return out
		}
		for _, a := range s.assigns[r] {
			if madeByCall(a) {
				out = append(out, s.writeTargets(a.expr, depth+1)...)
			}
		}
		return out
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || depth > 4 {
		return nil
	}
	var out []*types.Var
	for _, a := range call.Args {
		if r := s.writerRoot(a); r != nil {
			out = append(out, r)
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		res := s.info.TypeOf(call)
		if tup, ok := res.(*types.Tuple); ok && tup.Len() > 0 {
			res = tup.At(0).Type() // f, err := zw.Create(name)
		}
		if x := s.info.Selections[sel]; x != nil && x.Kind() == types.MethodVal && partOf(res, x.Recv()) {
			out = append(out, s.writeTargets(sel.X, depth+1)...)
		}
	}
	return out
}

// partOf reports whether what a method returns (of type res) is its
// receiver (of type recv) or writes into it: a chained builder
// (b.Where(...) returns b) or a writer it hands out. Anything else is a
// new value: what is set on tx.RawQuery(q).Bind(&v)'s query is not set on
// the connection tx, which stays what it was.
func partOf(res, recv types.Type) bool {
	if res == nil || recv == nil {
		return false
	}
	if types.Identical(res, recv) || writerLike(res) {
		return true
	}
	if p, ok := types.Unalias(recv).(*types.Pointer); ok && types.Identical(res, p.Elem()) {
		return true
	}
	if p, ok := types.Unalias(res).(*types.Pointer); ok && types.Identical(p.Elem(), recv) {
		return true
	}
	return false
}

// writerRoot is the variable an argument lets a callee write into: &v, or
// v itself when it is a writer (has a Write method) or a map.
func (s *pkgState) writerRoot(arg ast.Expr) *types.Var {
	arg = ast.Unparen(arg)
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return s.rootVar(u.X)
	}
	if id, ok := arg.(*ast.Ident); ok {
		if writerLike(s.info.TypeOf(id)) {
			return s.rootVar(id)
		}
	}
	return nil
}

// writerLike reports whether values of t can be written into: a type with
// a Write or WriteString method, or a map.
func writerLike(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Map); ok {
		return true
	}
	// Only io.Writer's and io.StringWriter's shapes: http.Request's
	// Write(io.Writer) writes the request somewhere else, it is not written to.
	for _, name := range []string{"Write", "WriteString"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj != nil {
			if fn, ok := obj.(*types.Func); ok && writeShape(fn) {
				return true
			}
		}
	}
	return false
}

// writeShape reports whether a Write or WriteString method takes the
// bytes or text it writes: one parameter, []byte or string.
func writeShape(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return false
	}
	switch t := sig.Params().At(0).Type().Underlying().(type) {
	case *types.Slice:
		b, ok := t.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Basic:
		return t.Info()&types.IsString != 0
	}
	return false
}

// wrappers are the variables that wrap v, directly or not (w wraps buf when
// w := gzip.NewWriter(&buf)).
func (s *pkgState) wrappers(v *types.Var) []*types.Var {
	var out []*types.Var
	seen := map[*types.Var]bool{v: true}
	// In source order, not the map's: the order of values joined decides
	// which are kept past the caps.
	ws := make([]*types.Var, 0, len(s.aliases))
	for w := range s.aliases {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].Pos() < ws[j].Pos() })
	var walk func(*types.Var)
	walk = func(x *types.Var) {
		for _, w := range ws {
			wrapped := s.aliases[w]
			if seen[w] {
				continue
			}
			for _, r := range wrapped {
				if r == x {
					seen[w] = true
					out = append(out, w)
					walk(w)
					break
				}
			}
		}
	}
	if len(s.aliases) > 0 {
		walk(v)
	}
	return out
}

// setterLike reports whether a method returns nothing but numbers, booleans
// and errors, as setters and writers do (buf.WriteString, q.Set, enc.Encode),
// so that what it is given is stored in its receiver.
func setterLike(m types.Object) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if carriesData(sig.Results().At(i).Type()) {
			return false
		}
	}
	return true
}

// wires reports whether argument i of a setter is a part of the service
// rather than data: its parameter is an interface of the checked code with
// methods (c.SetHooksHandler(actionsService)), which the receiver calls,
// not keeps as data. An empty interface, or one of the standard library
// or an SDK (an io.Reader body), is data.
func wires(m types.Object, i int) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok {
		return false
	}
	n, ok := types.Unalias(paramTypeAt(sig, i)).(*types.Named)
	if !ok || isInfra(n.Obj().Pkg()) {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}

// paramTypeAt is the type of the parameter that argument i of a call
// goes to: for a variadic function, the element type for the last
// parameter and the arguments past it; nil past the end otherwise.
func paramTypeAt(sig *types.Signature, i int) types.Type {
	n := sig.Params().Len()
	if n == 0 || i >= n && !sig.Variadic() {
		return nil
	}
	i = min(i, n-1)
	t := sig.Params().At(i).Type()
	if sig.Variadic() && i == n-1 {
		if sl, ok := t.(*types.Slice); ok {
			t = sl.Elem()
		}
	}
	return t
}

// madeByCall reports whether an assignment stores what a call returns.
func madeByCall(a assign) bool {
	_, ok := ast.Unparen(a.expr).(*ast.CallExpr)
	return ok
}

// writerMaker reports whether values of t hand out writers (a
// *zip.Writer's Create, a *multipart.Writer's CreatePart): a method of it
// returns a writer.
func writerMaker(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		sig, ok := ms.At(i).Obj().Type().(*types.Signature)
		if ok && sig.Results().Len() > 0 && writerLike(sig.Results().At(0).Type()) {
			return true
		}
	}
	return false
}
