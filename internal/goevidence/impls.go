package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// A call through an interface that the checked module declares (a
// service's own seam for tests: a sender of push messages, a shim over a
// payment SDK) is followed to the module's implementations of it, as
// class-hierarchy analysis restricted to the module: each implementation's
// sinks (what it sends of what it is given, or to where its caller
// decides) are reported at the interface call, as those of a function of
// another package are (throughFact).
//
// The implementations are the concrete types declared at package level in
// the module that this package can see: its own, and those of the
// module's packages it imports, directly or not. An implementation
// elsewhere (in a package that imports the interface's and that this one
// does not import, as a driver registered by main) is not found: facts
// flow from a package to its importers only. Types of _test.go files
// never count (test fakes); a development package is one that no shipped
// package imports, so a shipped package never sees its types. An
// interface of a dependency or of the standard library (io.Writer) is not
// widened to the module's writers: its callers decide what it is given.

// maxImpls is how many implementations of an interface method a call is
// followed to. An interface with more is a point where plugins attach (a
// storage back end, a driver): the call is then not followed, and each
// implementation reports the calls inside it whose destination it decides
// itself, as before.
const maxImpls = 4

// implChecksPerType bounds the work of finding implementations: at most
// this many type checks per type the index holds, plus implChecksBase, in
// a package; past it, calls are not followed (nothing quadratic in the
// number of types).
const (
	implChecksPerType = 4
	implChecksBase    = 256
)

// implKey is an interface type and one of its methods.
type implKey struct {
	iface *types.TypeName
	name  string
}

// impls is the state of the implementation search of a package, built on
// first use.
type impls struct {
	byMethod map[string][]*types.Named // concrete types by the names of the methods they declare
	memo     map[implKey][]*types.Func
	many     map[implKey][]*types.Func // past maxImpls: the plugin points (plugins.go)
	checks   int
	limit    int
}

// implCandidates is the candidates of a call of a method of an interface
// the module declares: the sinks of its implementations that the call
// gives data or a destination to, named by the interface method
// ("store.Notifier.Notify (http.Post)") with the position of the call
// inside as Origin. Two implementations that reach the same destination
// through calls of the same name are one site (mergeCalls). Where the
// receiver is itself bound to a destination the call is reported at (own:
// a generated gRPC client built on a connection, a storage driver built
// on an S3 client), a sink that reaches a client of the same kind, or the
// same input, says the same again (with the holes of another package's
// view of it): only its other destinations are kept. The receiver is the
// implementation's own only where there is one (paramsOnly).
func (s *pkgState) implCandidates(cs callSite, sel *ast.SelectorExpr, own []candidate) []candidate {
	ms, k := s.implementations(cs.callee, sel)
	if len(ms) == 0 {
		return s.pluginCandidates(cs, k)
	}
	type bound struct {
		kind  string
		param int
	}
	reported := map[bound]bool{}
	for _, c := range own {
		for _, h := range c.dests {
			reported[bound{h.Kind, h.Param}] = true
		}
	}
	ins := s.inputs(cs.fn, cs.call, cs.callee)
	name := calleeName(cs.callee)
	var out []candidate
	for _, m := range ms {
		for _, sk := range s.implSinks(m) {
			if len(ms) > 1 {
				var ok bool
				if sk, ok = paramsOnly(sk); !ok {
					continue
				}
			}
			c, ok := s.throughSink(name, sk, ins, s.services(cs.call, ins, 1, &sk))
			if !ok {
				continue
			}
			c.dests = slices.DeleteFunc(c.dests, func(h Handle) bool { return reported[bound{h.Kind, h.Param}] })
			if len(c.dests) > 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

// coveredBy drops from the candidates of a call on an interface of the
// module what its implementations say better: a destination of the
// receiver (every client the value may hold) of a kind that an
// implementation's call inside also reaches, named and placed by that
// call. Kinds no implementation reaches stay.
func coveredBy(own, impl []candidate) []candidate {
	if len(impl) == 0 {
		return own
	}
	kinds := map[string]bool{}
	for _, c := range impl {
		for _, h := range c.dests {
			kinds[family(h.Kind)] = true
		}
	}
	var out []candidate
	for _, c := range own {
		c.dests = slices.DeleteFunc(slices.Clone(c.dests), func(h Handle) bool { return kinds[family(h.Kind)] })
		if len(c.dests) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// paramsOnly is a sink of one of several implementations without what
// comes from its receiver: the receiver at the interface call is a value
// of any of them (what it holds joins theirs: the clients of every OAuth
// provider a factory returns, the URL fields of each), so it says nothing
// of this one's, which is decided where the implementation is built.
// Only what the call's arguments decide is followed. ok is false when no
// destination is left.
func paramsOnly(sk Sink) (Sink, bool) {
	sk.Data = slices.DeleteFunc(slices.Clone(sk.Data), func(i int) bool { return i == 0 })
	sk.Dests = slices.DeleteFunc(slices.Clone(sk.Dests), func(h Handle) bool { return fromInput(h, 0) })
	return sk, len(sk.Dests) > 0
}

// fromInput reports whether a handle is input i, or has text of it.
func fromInput(h Handle, i int) bool {
	if h.Param == i+1 {
		return true
	}
	for _, d := range h.Dest {
		for _, p := range d.Parts {
			if p.Param == i+1 {
				return true
			}
		}
	}
	return false
}

// throughSink is the candidate of a sink of a function of the module
// called with the inputs ins, named for the call (name), as throughFact
// makes it for a function of another package of the module: what it
// sends is read from sent, the inputs with the services emptied
// (services); none when the call supplies nothing of it (the call inside
// reports it, once for all callers).
func (s *pkgState) throughSink(name string, sk Sink, ins, sent []Val) (candidate, bool) {
	data := sinkData(sk, sent)
	if !data.Personal && data.Params == 0 || !supplies(sk, ins, s.subst) {
		return candidate{}, false
	}
	return candidate{kind: sk.Kind, what: name + " (" + innermost(sk.What) + ")", data: data,
		dests: s.subst(Val{Handles: sk.Dests}, ins).Handles, origin: sk.Origin, through: sk.Always, net: sk.Net}, true
}

// implementations are the methods that a call of fobj, an interface
// method, may run: those of the module's concrete types that implement
// the interface the call selects it from, in source order, and the key of
// that interface method. None when the interface or the method is not
// the module's (the key is then zero), when this package is a
// dependency's, or past maxImpls (kept in impls.many under the key).
func (s *pkgState) implementations(fobj *types.Func, sel *ast.SelectorExpr) ([]*types.Func, implKey) {
	k, iface, ok := s.implKeyOf(fobj, sel)
	if !ok {
		return nil, implKey{}
	}
	if s.impls == nil {
		s.impls = s.indexImpls()
	}
	if ms, ok := s.impls.memo[k]; ok {
		return ms, k
	}
	ms := s.findImpls(iface, fobj)
	if len(ms) > maxImpls {
		s.impls.many[k] = ms
		ms = nil
	}
	s.impls.memo[k] = ms
	return ms, k
}

// implKeyOf is the interface a call of fobj selects the method from, and
// its key; ok is false when the interface or the method is not the
// module's, or when this package is a dependency's.
func (s *pkgState) implKeyOf(fobj *types.Func, sel *ast.SelectorExpr) (implKey, *types.Interface, bool) {
	if !isInterfaceMethod(fobj) || s.inDependency() || !s.inModule(fobj.Pkg(), fobj.Pos()) {
		return implKey{}, nil, false
	}
	// The interface the call selects the method from; through a struct
	// that embeds one, the interface that declares the method.
	named, ok := types.Unalias(s.info.TypeOf(sel.X)).(*types.Named)
	if !ok || !types.IsInterface(named) {
		named, ok = types.Unalias(fobj.Type().(*types.Signature).Recv().Type()).(*types.Named)
	}
	if !ok || named.TypeParams().Len() > 0 || named.TypeArgs().Len() > 0 {
		return implKey{}, nil, false
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok || !s.inModule(named.Obj().Pkg(), named.Obj().Pos()) {
		return implKey{}, nil, false
	}
	return implKey{named.Obj(), fobj.Name()}, iface, true
}

// findImpls looks for the implementations of method fobj of iface among
// the indexed types that declare a method of its name.
func (s *pkgState) findImpls(iface *types.Interface, fobj *types.Func) []*types.Func {
	x := s.impls
	var out []*types.Func
	for _, n := range x.byMethod[fobj.Name()] {
		if x.checks++; x.checks > x.limit {
			return nil
		}
		var t types.Type = n
		if !types.Implements(t, iface) {
			if t = types.NewPointer(n); !types.Implements(t, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, fobj.Pkg(), fobj.Name())
		m, ok := obj.(*types.Func)
		if !ok || slices.Contains(out, m) || !s.inModule(m.Pkg(), m.Pos()) || s.isTestPos(m.Pos()) {
			continue
		}
		if out = append(out, m); len(out) > maxPluginImpls {
			return nil
		}
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return s.comparePos(a.Pos(), b.Pos()) })
	return out
}

// indexImpls indexes the concrete named types declared at package level in
// the module's packages this package sees (itself and its imports,
// directly or not) by the names of the methods they declare, leaving out
// those of _test.go files and generic types.
func (s *pkgState) indexImpls() *impls {
	x := &impls{byMethod: map[string][]*types.Named{}, memo: map[implKey][]*types.Func{}, many: map[implKey][]*types.Func{}}
	seen := map[*types.Package]bool{}
	count := 0
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || !s.inModule(p, pkgPos(p)) {
			return
		}
		seen[p] = true
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || s.isTestPos(tn.Pos()) {
				continue
			}
			n, ok := tn.Type().(*types.Named)
			if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) {
				continue
			}
			count++
			for i := 0; i < n.NumMethods(); i++ {
				x.byMethod[n.Method(i).Name()] = append(x.byMethod[n.Method(i).Name()], n)
			}
		}
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(s.pass.Pkg)
	x.limit = implChecksBase + implChecksPerType*count
	return x
}

// pkgPos is the position of some object of a package, for inModule: its
// first package-level name, or none.
func pkgPos(p *types.Package) token.Pos {
	if names := p.Scope().Names(); len(names) > 0 {
		return p.Scope().Lookup(names[0]).Pos()
	}
	return token.NoPos
}

// inModule reports whether a package is of the module analysed (not of
// the standard library, an SDK or a dependency), as dependency decides
// it for a function: by the module the driver names, else by where the
// object at pos lies (the module cache, a vendor folder).
func (s *pkgState) inModule(p *types.Package, pos token.Pos) bool {
	if p == nil || isInfra(p) {
		return false
	}
	if in, ok := s.moduleHas(p.Path()); ok {
		return in
	}
	return pos.IsValid() && !s.dependencyFolder(pos)
}

// comparePos orders two positions by file name, then offset: token.Pos
// orders files as a loader added them, which need not be fixed.
func (s *pkgState) comparePos(a, b token.Pos) int {
	pa, pb := s.pass.Fset.PositionFor(a, false), s.pass.Fset.PositionFor(b, false)
	if c := strings.Compare(pa.Filename, pb.Filename); c != 0 {
		return c
	}
	return pa.Offset - pb.Offset
}
