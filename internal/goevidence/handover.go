package goevidence

import (
	"go/ast"
	"go/types"
	"slices"
)

// Hand-over: a call of a dependency's method whose fact says it sends
// through its receiver (an ORM connection's Create(u), a client's
// Send(msg)) sends what it is given there and then; the receiver is the
// connection or the client, which keeps none of it for the statements
// made on it later.

// handsOver reports whether a method hands what it is given over to
// where its receiver leads instead of keeping it there: a method of a
// dependency the checked code analyses (not of an interface, the standard
// library or an SDK, which no fact describes) one of whose sinks sends to
// its receiver or to where the receiver's fields lead (throughReceiver).
//
// Taken as a setter (setterLike: conn.Create(u) returns only an error),
// its receiver would carry the user to every other statement on the same
// connection (a constant SET, a DELETE by time) and to every function the
// connection is passed to. The fact says what the call sends, and
// handedArgs adds, at this call only, what the receiver would have
// carried. The module's own methods are weighed by what their bodies
// write into their receivers instead (writes.go), which says more than a
// fact of their sinks.
func (s *pkgState) handsOver(m types.Object) bool {
	fm, ok := m.(*types.Func)
	if !ok || !s.analysedDepMethod(fm) {
		return false
	}
	var fact funcFact
	return s.pass.ImportObjectFact(fm, &fact) && slices.ContainsFunc(fact.Sinks, throughReceiver)
}

// analysedDepMethod reports whether fm is a concrete method of a
// dependency the checked code analyses: one a fact may describe.
func (s *pkgState) analysedDepMethod(fm *types.Func) bool {
	return fm.Pkg() != nil && !isInfra(fm.Pkg()) && isMethod(fm) && !isInterfaceMethod(fm) && s.dependency(fm)
}

// handsOverAt reports whether a call of m, whose fact's sinks are sinks,
// hands its arguments over (handsOver) where the call is taken to store
// them in its receiver (storesArgs): then handedArgs says what each sink
// sends of them.
func (s *pkgState) handsOverAt(call *ast.CallExpr, m *types.Func, sinks []Sink) bool {
	return s.receiver(call) != nil && s.storesArgs(call) && s.analysedDepMethod(m) && slices.ContainsFunc(sinks, throughReceiver)
}

// handedArgs is what a call of a method that hands its arguments over
// (handsOverAt) sends through sk, one of the method's sinks, beside what
// sk itself says: where sk sends the receiver (its data holds input 0) to
// where the receiver leads (throughReceiver), the arguments that no sink
// of the method sends are taken to go with it, as the receiver would have
// carried them had the call kept them there. Such an argument may be lost
// on its way inside (an ORM's Create that reaches its model through
// callbacks of its own). ins are the call's inputs, the receiver first;
// arguments that are parts of the service (wires) are left out, as they
// are from a setter's receiver, and so are those whose type carries no
// data (a context, a number).
func handedArgs(m *types.Func, sk Sink, sinks []Sink, ins []Val) Val {
	if !slices.Contains(sk.Data, 0) || !throughReceiver(sk) {
		return Val{}
	}
	sig := m.Type().(*types.Signature)
	var out Val
	for i := 1; i < len(ins); i++ {
		if wires(m, i-1) || !carriesData(paramTypeAt(sig, i-1)) || slices.ContainsFunc(sinks, func(o Sink) bool { return slices.Contains(o.Data, i) }) {
			continue
		}
		out = join(out, ins[i].taint())
	}
	return out
}

// storesArgs reports whether a method call is taken to store what it is
// given in its receiver: a setter or a writer (setterLike: buf.Write(p),
// q.Set("email", x)), a row of the SDK table that records its arguments,
// or a chained setter called on a variable. A method that reads into its
// arguments (Decode, Scan, Load) stores nothing in its receiver.
func (s *pkgState) storesArgs(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || inbound(sel.Sel.Name) {
		return false
	}
	x := s.info.Selections[sel]
	if x == nil || x.Kind() != types.MethodVal {
		return false
	}
	m := x.Obj()
	fm, ok := m.(*types.Func)
	// A chained setter writes into a variable it is called on, not into
	// what a call returned (client.R().SetBody(u) is a new request's
	// body).
	return setterLike(m) || ok && recordsArgs(fm) || chainSetter(m) && s.rootVar(sel.X) != nil
}

// throughReceiver reports whether a method's sink sends to where its
// receiver leads: a destination that is the receiver (input 0), or is
// built from its fields (an API client's base URL).
func throughReceiver(sk Sink) bool {
	return slices.ContainsFunc(sk.Dests, func(h Handle) bool { return fromInput(h, 0) })
}
