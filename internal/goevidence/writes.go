package goevidence

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// What a function writes into its inputs. A call of a method that
// returns only an error is taken to keep what it is given in its
// receiver (buf.WriteString(s), q.Set("email", e)), and a call given a
// variable by address to write the other arguments into it
// (json.Unmarshal(b, &v)). Where the function is the checked module's
// own (a fact tells its other packages), its body says what it writes
// into which input: a store's UpdateOnly(model, cols) that hands the model
// on to its connection's Update keeps none of it in the connection, so a
// constant SET statement run on that connection later sends no one's
// data. A dependency's keeps the first rule (writes).

// writesInto is, for each input of fobj (the receiver first), the inputs
// whose values fobj may write into it: those its writes into the input
// (field writes, setters, appends into it, in its own body) mention,
// directly or through the local variables they mention. It is read from
// the syntax, not evaluated: asking it while a value is being evaluated
// must not start another evaluation. ok is false where it is not known: a
// function of the standard library or an SDK, one without a fact, one
// that writes into an input from a function literal.
func (s *pkgState) writesInto(fobj *types.Func) ([]uint64, bool) {
	g := s.fns[fobj]
	if g == nil {
		var fact funcFact
		if fobj.Pkg() == nil || isInfra(fobj.Pkg()) || !s.pass.ImportObjectFact(fobj, &fact) || !fact.WritesKnown {
			return nil, false
		}
		return fact.Writes, true
	}
	if ws, ok := s.writesMemo[fobj]; ok {
		return ws, ws != nil
	}
	s.writesMemo[fobj] = nil
	ws := make([]uint64, len(g.ins))
	for i, in := range g.ins {
		for _, w := range append([]*types.Var{in}, s.wrappers(in)...) {
			for _, m := range s.mutations[w] {
				if m.region {
					continue
				}
				if m.fn != g {
					return nil, false
				}
				if m.callee != nil && !s.writes(m.callee, m.from, m.into) {
					continue
				}
				ws[i] |= s.inputsIn(g, m.expr, map[*types.Var]bool{}) &^ bit(i)
			}
		}
	}
	s.writesMemo[fobj] = ws
	return ws, true
}

// inputsIn is the inputs of g that e mentions, directly or through the
// local variables it mentions (what is assigned or written into them, or
// into what wraps them), as a mask.
func (s *pkgState) inputsIn(g *fn, e ast.Expr, seen map[*types.Var]bool) uint64 {
	var out uint64
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := s.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || seen[v] {
			return true
		}
		seen[v] = true
		if i, ok := g.index[v]; ok {
			out |= bit(i)
			return true
		}
		writes := slices.Clone(s.assigns[v])
		for _, w := range append([]*types.Var{v}, s.wrappers(v)...) {
			writes = append(writes, s.mutations[w]...) // enc.Encode(x) writes into the buffer enc wraps
		}
		for _, a := range writes {
			if a.expr != nil {
				out |= s.inputsIn(g, a.expr, seen)
			}
		}
		return true
	})
	return out
}

// writes reports whether a call of fobj may write its input from into
// its input into: yes unless writesInto knows it does not, for a function
// of the checked module. A dependency's own code keeps what it is given
// in ways the syntax of one body does not show (callbacks, values built
// in other functions); what its calls send is told by its facts, and its
// methods that send through their receiver hand over (handsOver).
func (s *pkgState) writes(fobj *types.Func, from, into int) bool {
	if s.inDependency() || !s.inModule(fobj.Pkg(), fobj.Pos()) {
		return true
	}
	ws, ok := s.writesInto(fobj)
	if !ok || into >= len(ws) {
		return true
	}
	return ws[into]&bit(min(from, len(ws)-1)) != 0
}

// writesMatter reports whether what a function writes into its inputs
// is worth a fact: a method that may be taken to keep what it is given
// (setterLike, chainSetter), or a function with two parameters or more,
// one of which may be given a variable by address.
func writesMatter(fobj *types.Func) bool {
	sig, ok := fobj.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() != nil && (setterLike(fobj) || chainSetter(fobj)) {
		return true
	}
	return sig.Params().Len() >= 2
}

// recordWrites records what a call writes into: the receiver of a setter
// (buf.WriteString(x), q.Set("email", x), req.Header.Set(...)), the
// variables it is given by address (json.Unmarshal(b, &v)) and the
// writers it is given (fmt.Fprintf(w, ...)).
func (s *pkgState) recordWrites(f *fn, call *ast.CallExpr) {
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if x := s.info.Selections[sel]; x != nil && x.Kind() == types.MethodVal {
			recv = sel.X
			s.recordBinds(f, call, sel, x.Obj())
			if s.credentialSetter(call, sel.Sel.Name) {
				return // credentials for the destination (credentials.go)
			}
			if s.agentSetter(call, sel) && !s.forwardsAgent(call.Args[1], 0) {
				return // the client's own name (credentials.go)
			}
			// A method that hands what it is given over (handsOver) keeps
			// none of it in its receiver: the call sends it (handedArgs).
			if s.storesArgs(call) && !s.handsOver(x.Obj()) {
				callee, _ := x.Obj().(*types.Func)
				for _, r := range s.writeTargets(sel.X, 0) {
					for i, arg := range call.Args {
						if wires(x.Obj(), i) {
							continue
						}
						if s.record(r) {
							s.mutations[r] = append(s.mutations[r], assign{fn: f, expr: arg, tuple: -1, callee: callee, from: i + 1})
						}
					}
				}
			}
		}
	}
	if recv != nil && scanMethod(ast.Unparen(call.Fun).(*ast.SelectorExpr).Sel.Name) {
		return
	}
	callee, _ := typeutil.Callee(s.info, call).(*types.Func)
	off := 0
	if recv != nil {
		off = 1
	}
	for i, arg := range call.Args {
		r := s.writerRoot(arg)
		if r == nil {
			continue
		}
		for j, other := range call.Args {
			if j != i {
				if s.record(r) {
					s.mutations[r] = append(s.mutations[r], assign{fn: f, expr: other, tuple: -1, callee: callee, from: j + off, into: i + off})
				}
			}
		}
		if recv != nil {
			if s.record(r) {
				s.mutations[r] = append(s.mutations[r], assign{fn: f, expr: recv, tuple: -1, callee: callee, from: 0, into: i + off})
			}
		}
	}
}

// mutate is out, what variable v holds, with what mutation m (of v
// itself when own, or of what wraps v) writes into it: its taint, and
// for a write of v's own the destinations it binds v to or sets in a
// field. A call whose function keeps none of it there (writes) writes
// nothing.
func (s *pkgState) mutate(out Val, v *types.Var, m assign, own, pkgLevel bool) Val {
	if m.callee != nil && !s.writes(m.callee, m.from, m.into) {
		return out
	}
	x := s.assignVal(m)
	if pkgLevel {
		x = s.close(m.fn, x, false)
	}
	out = join(out, mutationTaint(x, m, own))
	if own && m.binds {
		out.Handles = canonHandles(append(out.Handles, x.Handles...))
	}
	if own && m.field != "" {
		out.Handles = override(moveField(out.Handles, x, m.cond), m.field, x)
		out.Handles = sdkOptionField(v.Type(), m.field, x, out.Handles)
	}
	return out
}
