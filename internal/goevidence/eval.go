package goevidence

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// eval computes what an expression may be, in the context of function f
// (symbolic in f's inputs). Flow-insensitive: a variable is everything
// ever stored into it.
func (s *pkgState) eval(f *fn, e ast.Expr) Val {
	if e == nil {
		return Val{}
	}
	if v, ok := s.memo[e]; ok {
		return v
	}
	if s.busy[e] {
		return s.typeVal(s.info.TypeOf(e))
	}
	if !s.step() {
		v := s.overVal(s.info.TypeOf(e))
		s.memo[e] = v
		return v
	}
	s.busy[e] = true
	v := s.eval1(f, e)
	// A literal says what it holds: its elements decide (composite), not
	// the fields of its type it leaves empty; new(T) holds nothing yet.
	if t := s.info.TypeOf(e); t != nil && !v.Personal && !isLiteral(s.info, e) && s.pt.personal(t) {
		v.Personal = true
		v.Fielded = nil
	}
	if !sameValue(e) {
		v.Fielded = nil
	}
	delete(s.busy, e)
	s.memo[e] = v
	return v
}

func (s *pkgState) typeVal(t types.Type) Val {
	return Val{Personal: t != nil && s.pt.personal(t)}
}

func (s *pkgState) eval1(f *fn, e ast.Expr) Val {
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil {
		if text, ok := s.constText(e); ok {
			return Val{Strs: []Str{lit(text)}}
		}
		if _, ok := ast.Unparen(e).(*ast.BasicLit); ok && tv.Value.Kind() == constant.String {
			// One long literal (a query of many columns): its start,
			// which decides a verb or a host, and the rest unknown. The
			// literal is already in memory; a long constant made of
			// parts is not built.
			text := strings.TrimSuffix(clipTo(constant.StringVal(tv.Value), maxStrBytes), "...")
			return Val{Strs: []Str{{Parts: []Part{{Lit: text}, {Hole: tooLarge}}}}}
		}
		return Val{Strs: []Str{hole(tooLarge)}}
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return s.eval(f, e.X)
	case *ast.Ident:
		return s.ident(f, e)
	case *ast.SelectorExpr:
		return s.selector(f, e)
	case *ast.CallExpr:
		rs := s.callVals(f, e)
		if len(rs) == 0 {
			return Val{}
		}
		return rs[0]
	case *ast.CompositeLit:
		return s.composite(f, e)
	case *ast.BinaryExpr:
		x, y := s.eval(f, e.X), s.eval(f, e.Y)
		switch e.Op {
		case token.ADD:
			v := join(x.taint(), y.taint())
			v.Strs = concatAll(orHole(x.Strs), orHole(y.Strs))
			return v
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return Val{}
		}
		return join(x.taint(), y.taint())
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return Val{}
		}
		return s.eval(f, e.X)
	case *ast.StarExpr:
		return s.eval(f, e.X)
	case *ast.IndexExpr:
		return s.index(f, e.X, e.Index)
	case *ast.IndexListExpr:
		return Val{}
	case *ast.SliceExpr:
		return s.eval(f, e.X)
	case *ast.TypeAssertExpr:
		return s.eval(f, e.X)
	case *ast.KeyValueExpr:
		return s.eval(f, e.Value)
	}
	return Val{}
}

// orHole stands for an unknown text where nothing is known of a string.
func orHole(ss []Str) []Str {
	if len(ss) == 0 {
		return []Str{hole("a value not known statically")}
	}
	return ss
}

func (s *pkgState) index(f *fn, x, index ast.Expr) Val {
	if tv, ok := s.info.Types[x]; ok && (tv.IsType() || tv.Value != nil) {
		return Val{}
	}
	if _, ok := s.info.TypeOf(x).(*types.Signature); ok {
		return Val{} // a generic function instantiation
	}
	base := s.eval(f, x)
	v := Val{Personal: base.Personal, Params: base.Params, ParamVia: base.ParamVia, Handles: base.Handles}
	if len(base.Strs) > 0 && elemStringish(s.info.TypeOf(x)) {
		v.Strs = base.Strs
	}
	if s.addressDomain(x, index) {
		// strings.Split(email, "@")[1]: the domain of an address names
		// the organisation that gives it (an SSO provider's lookup key),
		// not the person.
		v.Personal, v.Params, v.ParamVia = false, 0, nil
	}
	if k, ok := s.constText(index); ok && isConstString(s.info, index) && personalKey(k) {
		v.Personal = true
	}
	return v
}

// elemStringish reports whether t is a map, slice or array of strings.
// fieldStringish reports whether a struct field holds text a destination
// may be read from: a string, or a slice or array of them (a list of
// brokers, kafka.WriterConfig{Brokers: []string{...}}).
func fieldStringish(t types.Type) bool {
	if stringish(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return stringish(u.Elem())
	case *types.Array:
		return stringish(u.Elem())
	}
	return false
}

func elemStringish(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Map:
		return stringish(u.Elem())
	case *types.Slice:
		return stringish(u.Elem())
	case *types.Array:
		return stringish(u.Elem())
	}
	return false
}

func (s *pkgState) ident(f *fn, id *ast.Ident) Val {
	obj := s.info.Uses[id]
	if obj == nil {
		obj = s.info.Defs[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return Val{}
	}
	if i, ok := f.index[v]; ok {
		// A parameter is what the caller passes, and whatever the
		// function stores into it.
		return join(s.input(f, i), s.varVal(v))
	}
	if v.Pkg() != s.pass.Pkg {
		return s.importedVar(v)
	}
	return s.varVal(v)
}

// input is the symbolic value of input i of f.
func (s *pkgState) input(f *fn, i int) Val {
	t := f.ins[i].Type()
	v := Val{Params: bit(i), Personal: s.pt.personal(t) || namedPersonal(f.ins[i])}
	if stringish(t) || elemStringish(t) {
		v.Strs = []Str{paramStr(i)}
	}
	if s.canHold(t) {
		v.Handles = []Handle{{Kind: hParam, Param: i + 1}}
	}
	return v
}

// varVal is everything stored into a variable of this package (local, or
// package-level: those are closed over their functions' callers).
func (s *pkgState) varVal(v *types.Var) Val {
	if x, ok := s.varMemo[v]; ok {
		return x
	}
	if s.varBusy[v] {
		return s.typeVal(v.Type())
	}
	s.varBusy[v] = true
	pkgLevel := v.Parent() == s.pass.Pkg.Scope()
	out := s.typeVal(v.Type())
	out.Personal = out.Personal || namedPersonal(v)
	if s.litParams[v] && len(s.assigns[v]) == 0 {
		// A parameter of a function literal called from where this
		// package does not say (a callback); one called here has the
		// arguments of its calls (bindLitArgs).
		out = join(out, s.litParamVal(v))
	}
	var base Val
	var appends, grows []assign
	var moved []Handle
	movedCond := false
	for _, a := range s.assigns[v] {
		if a.kind == aAppend {
			appends = append(appends, a)
			continue
		}
		if a.kind == aPlain && a.tuple < 0 && stringish(v.Type()) && mentions(s.info, a.expr, v) {
			grows = append(grows, a)
			continue
		}
		x := s.assignVal(a)
		if pkgLevel {
			x = s.close(a.fn, x, false)
		}
		if a.kind == aRange {
			x = s.rangeVal(v, a, x)
		}
		if call, ok := ast.Unparen(a.expr).(*ast.CallExpr); ok {
			if _, ok := regionSetter(s.staticCallee(call)); ok {
				moved = append(moved, x.Handles...)
				movedCond = movedCond || a.cond
			}
		}
		base = join(base, x)
	}
	if len(moved) > 0 {
		// req, _ = sendgrid.SetDataResidency(req, "eu"): the variable is
		// moved, not also left where it was.
		base.Handles = replaceVendors(base.Handles, moved, movedCond)
	}
	base = s.grow(v, out, base, grows, pkgLevel)
	for _, a := range appends {
		x := s.assignVal(a)
		if pkgLevel {
			x = s.close(a.fn, x, false)
		}
		grown := join(base.taint(), x.taint())
		grown.Strs = concatAll(orHole(base.Strs), orHole(x.Strs))
		base = join(base, grown)
	}
	out = join(out, base)
	// What is written into the variable (or into what wraps it) makes it
	// personal; fields set directly may redirect a client.
	var regions []regionSet
	for _, w := range append([]*types.Var{v}, s.wrappers(v)...) {
		if isNamed(w.Type(), "net/http", "ResponseWriter") {
			// What a handler writes into its reply goes to whoever asked;
			// the reply passed on (handler.Handle(w, r)) is no data.
			continue
		}
		for _, m := range s.mutations[w] {
			if m.region {
				if rs, ok := s.regionOf(m); ok && w == v {
					if pkgLevel {
						rs.val = s.close(m.fn, rs.val, false)
					}
					regions = append(regions, rs)
				}
				continue
			}
			out = s.mutate(out, v, m, w == v, pkgLevel)
		}
	}
	regions = append(regions, s.regionsThroughCalls(v)...)
	out.Handles = applyRegions(out.Handles, regions)
	delete(s.varBusy, v)
	s.varMemo[v] = out
	return out
}

// rangeVal is what a range loop's variable v holds of x, the value
// ranged over (a): its elements' taint, destinations and text. An index
// (for i, u := range users) or a number the range yields counts, as
// len(users) does: it carries none of the users. A variable named for
// personal data (userID) is personal by its name (namedPersonal).
func (s *pkgState) rangeVal(v *types.Var, a assign, x Val) Val {
	if !carriesData(v.Type()) {
		return Val{}
	}
	return Val{Personal: x.Personal, Params: x.Params, ParamVia: x.ParamVia, Handles: x.Handles, Strs: rangeStrs(x, s.info.TypeOf(a.expr))}
}

// rangeStrs: ranging over a map or slice of strings yields its elements.
func rangeStrs(x Val, t types.Type) []Str {
	if t != nil && elemStringish(t) {
		return x.Strs
	}
	return nil
}

func (s *pkgState) assignVal(a assign) Val {
	switch {
	case a.kind == aHole:
		return Val{Strs: []Str{hole(a.hole)}}
	case a.tuple >= 0:
		if call, ok := ast.Unparen(a.expr).(*ast.CallExpr); ok {
			rs := s.callVals(a.fn, call)
			if a.tuple < len(rs) {
				return rs[a.tuple]
			}
			return Val{}
		}
		// v, ok := m[k] / x.(T) / <-ch: the first element is the value.
		if a.tuple == 0 {
			return s.eval(a.fn, a.expr)
		}
		return Val{}
	}
	return s.eval(a.fn, a.expr)
}

// importedVar is a package-level variable of another package: what its
// package exported about it, or what is built in.
func (s *pkgState) importedVar(v *types.Var) Val {
	var fact valueFact
	if !isInfra(v.Pkg()) && s.pass.ImportObjectFact(v, &fact) {
		return fact.Val
	}
	return s.typeVal(v.Type())
}

func (s *pkgState) selector(f *fn, e *ast.SelectorExpr) Val {
	sel := s.info.Selections[e]
	if sel == nil {
		// A qualified identifier: pkg.Var (constants were folded already).
		if v, ok := s.info.Uses[e.Sel].(*types.Var); ok {
			if v.Pkg() == s.pass.Pkg {
				return s.varVal(v)
			}
			return s.importedVar(v)
		}
		return Val{}
	}
	if sel.Kind() != types.FieldVal {
		return Val{} // a method value
	}
	field, _ := sel.Obj().(*types.Var)
	base := s.eval(f, e.X)
	baseType := s.info.TypeOf(e.X)
	fv := s.fieldValAt(field, e.X)
	v := Val{
		Personal: s.pt.field(sel.Recv(), field) || fv.Personal,
		Strs:     fv.Strs,
		Handles:  fv.Handles,
	}
	if s.canHold(field.Type()) {
		// A struct bound to a connection may hold it in any field, but
		// not in one whose type says what it is: a *sql.DB field holds no
		// S3 client, and a *websocket.Conn no database.
		// An unexported field of a type of this package is set only here:
		// when this package sets it to values it knows (not to an input of
		// a constructor, which its callers give), those are all its
		// values, and the input it is read from (a receiver) adds no
		// other destination. One of an interface type holds of the
		// receiver's only what the types of those values may hold
		// (heldBy).
		from := base.Handles
		if !field.Exported() && field.Pkg() == s.pass.Pkg {
			if settled(fv.Handles) {
				from = nil
			} else {
				from = s.heldBy(field, from)
			}
		}
		v.Handles = canonHandles(append(append([]Handle(nil), fv.Handles...), s.fitting(field.Type(), from)...))
	}
	if stringish(field.Type()) {
		// The field of this very value: what its literal set, or (for an
		// input) the input's field, which callers fill in.
		var own []Str
		own = append(own, base.field(field.Name())...)
		for _, h := range base.Handles {
			if h.Kind == hParam {
				own = append(own, Str{Parts: []Part{{Param: h.Param, Field: field.Name(), Open: s.openField(sel)}}})
			}
		}
		if len(own) > 0 {
			strs := own
			for _, x := range fv.Strs {
				if !x.hasOutside() {
					strs = append(strs, x)
				}
			}
			v.Strs = canonStrs(strs)
		}
	}
	// Data read from a value that is personal by what flowed into it (not
	// by its type, which speaks field by field) stays personal. An
	// operator's configuration speaks field by field too: its mail host is
	// not personal because its sender's address is. A personal field of an
	// input (user.Email of a parameter) is also that input's: a sink says
	// which inputs it sends (Sink.Data), and its callers that give them
	// are the ones that supply the data.
	// Of a value personal by what was written into some of its fields,
	// another field carries none of it; of an input, the field read is
	// what the caller gave in that field (Val.Fielded, Val.ParamVia).
	bt := base.taint()
	if name := firstField(sel); name != "" {
		bt = s.fieldBaseTaint(f, e.X, base, name)
	}
	// A database handle read from a struct (a repository's *gorm.DB) is
	// the connection, whatever else the struct holds: what its statements
	// send is what they are given.
	switch {
	case storeHandleType(field.Type()):
	case !s.pt.personal(baseType) && !s.pt.configType(baseType) && carriesData(field.Type()):
		// A number or a switch read from the value (a file's sequence
		// number beside the users' keys it holds) carries none of it,
		// as len(email) does not.
		v.Personal = v.Personal || bt.Personal
		v.Params, v.ParamVia = bt.Params, bt.ParamVia
	case v.Personal:
		v.Params, v.ParamVia = bt.Params, bt.ParamVia
	}
	if isURLType(baseType) && e.Sel.Name == "Host" && len(base.Strs) > 0 {
		v.Strs = base.Strs // u.Host of a parsed URL: the URL decides
	}
	return v
}

// settled reports whether handles are some and none is an input of a
// function or a value from outside it.
func settled(hs []Handle) bool {
	for _, h := range hs {
		if h.Kind == hParam || h.Param > 0 || h.Outside {
			return false
		}
		if localDriver(h) {
			continue // a local file wherever its name comes from
		}
		for _, d := range h.Dest {
			if d.hasOutside() {
				return false
			}
			for _, p := range d.Parts {
				if p.Param > 0 {
					return false
				}
			}
		}
	}
	return len(hs) > 0
}

// localDriver reports whether a handle is a database/sql connection whose
// driver keeps the data in a local file (SQLite, DuckDB).
func localDriver(h Handle) bool {
	d, ok := strings.CutPrefix(h.Syntax, "dsn:")
	return ok && localSQLDriver(d)
}

// localSQLDriver reports whether a database/sql driver name is one of a
// local file's.
func localSQLDriver(driver string) bool {
	d := strings.ToLower(driver)
	return strings.Contains(d, "sqlite") || d == "duckdb"
}

// fitting keeps the handles of a struct that a field of type t may hold:
// all of them for an interface or a type of this package (a wrapper); for
// an SDK client or connection type, those of its kind; for another
// package's concrete type, or a logger's interface (loggerShaped), those
// of no client kind. An input stands for all of a struct's handles: it is
// kept with a filter (Handle.Only).
func (s *pkgState) fitting(t types.Type, hs []Handle) []Handle {
	only := onlyUntyped
	switch pkgPath, _ := namedPath(t); {
	case types.IsInterface(t):
		if !loggerShaped(t) {
			return hs
		}
	case pkgPath == "" || pkgPath == s.pass.Pkg.Path():
		return hs
	case sdkHandleType(t):
		only = handleKindOf(t)
	}
	var out []Handle
	for _, h := range hs {
		if h.Kind == hParam {
			if h.Only == "" {
				h.Only = only
			}
			out = append(out, h)
		} else if fits(only, h) {
			out = append(out, h)
		}
	}
	return out
}

// fieldVal is everything stored into a struct field: by this package's
// assignments and composite literals (closed over their functions'
// callers), or what the field's package exported.
func (s *pkgState) fieldVal(field *types.Var) Val {
	if field == nil {
		return Val{}
	}
	if field.Pkg() != s.pass.Pkg {
		var fact valueFact
		if field.Pkg() != nil && !isInfra(field.Pkg()) && s.pass.ImportObjectFact(field, &fact) {
			return fact.Val
		}
		return Val{}
	}
	if x, ok := s.fieldMemo[field]; ok {
		return x
	}
	if s.fieldBusy[field] {
		return Val{} // a cycle: not kept, the outer evaluation finishes it
	}
	out := s.joinFieldAssigns(field, nil)
	s.fieldMemo[field] = out
	return out
}

// joinFieldAssigns joins the values stored into a field of this package
// that keep accepts (all for nil), with the region setters applied; a
// field being evaluated already (a cycle) adds nothing.
func (s *pkgState) joinFieldAssigns(field *types.Var, keep func(assign) bool) Val {
	if s.fieldBusy[field] {
		return Val{}
	}
	s.fieldBusy[field] = true
	defer delete(s.fieldBusy, field)
	var out Val
	var regions []regionSet
	for _, a := range s.fields[field] {
		if keep != nil && !keep(a) {
			continue
		}
		if a.region {
			if rs, ok := s.regionOf(a); ok {
				rs.val = s.close(a.fn, rs.val, false)
				regions = append(regions, rs)
			}
			continue
		}
		out = join(out, s.close(a.fn, s.assignVal(a), false))
	}
	out.Handles = applyRegions(out.Handles, regions)
	return out
}

func (s *pkgState) composite(f *fn, lit *ast.CompositeLit) Val {
	t := s.info.TypeOf(lit)
	var v Val
	for _, elt := range lit.Elts {
		x := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			x = kv.Value
		}
		ev := s.eval(f, x)
		v = join(v, Val{Personal: ev.Personal, Params: ev.Params, ParamVia: ev.ParamVia, Handles: ev.Handles})
		if t != nil && elemStringish(t) {
			v.Strs = canonStrs(append(v.Strs, ev.Strs...))
		}
		if name := s.fieldName(lit, elt); name != "" && len(ev.Strs) > 0 {
			v.Fields = joinFields(v.Fields, []FieldStrs{{Name: name, Strs: ev.Strs}})
		}
	}
	if !v.Personal && s.literalPersonal(lit) {
		v.Personal = true
	}
	if h, ok := s.knownComposite(f, lit, t); ok {
		v.Handles = canonHandles(append(destHandles(v.Handles), h...))
	}
	if t != nil && isURLType(t) {
		v.Strs = s.urlLiteral(f, lit)
	}
	return v
}

// fieldName names the string field a struct literal's element sets.
func (s *pkgState) fieldName(lit *ast.CompositeLit, elt ast.Expr) string {
	st, _ := structOf(s.info.TypeOf(lit))
	if st == nil {
		return ""
	}
	if kv, ok := elt.(*ast.KeyValueExpr); ok {
		if id, ok := kv.Key.(*ast.Ident); ok {
			if v, ok := s.info.Uses[id].(*types.Var); ok && fieldStringish(v.Type()) {
				return v.Name()
			}
		}
		return ""
	}
	for i, e := range lit.Elts {
		if e == elt && i < st.NumFields() && fieldStringish(st.Field(i).Type()) {
			return st.Field(i).Name()
		}
	}
	return ""
}

// urlLiteral builds the text of a url.URL{Scheme, Host, Path} literal.
func (s *pkgState) urlLiteral(f *fn, cl *ast.CompositeLit) []Str {
	parts := map[string][]Str{}
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				parts[id.Name] = orHole(s.eval(f, kv.Value).Strs)
			}
		}
	}
	scheme := parts["Scheme"]
	if scheme == nil {
		scheme = []Str{lit("https")}
	}
	host := parts["Host"]
	if host == nil {
		host = []Str{lit("")}
	}
	out := concatAll(concatAll(scheme, []Str{lit("://")}), host)
	if p := parts["Path"]; p != nil {
		out = concatAll(out, p)
	}
	return out
}

// summary computes what a function of this package returns, symbolic in
// its inputs: one Val per result.
func (s *pkgState) summary(g *fn) []Val {
	if x, ok := s.sumMemo[g.obj]; ok {
		return x
	}
	out := make([]Val, len(g.results))
	if s.sumBusy[g.obj] {
		return out
	}
	s.sumBusy[g.obj] = true
	for _, r := range g.returns {
		switch {
		case len(r.Results) == len(out):
			for i, e := range r.Results {
				out[i] = join(out[i], s.eval(g, e))
			}
		case len(r.Results) == 1:
			if call, ok := ast.Unparen(r.Results[0]).(*ast.CallExpr); ok {
				rs := s.callVals(g, call)
				for i := range out {
					if i < len(rs) {
						out[i] = join(out[i], rs[i])
					}
				}
			}
		case len(r.Results) == 0:
			for i, res := range g.results {
				if res.Name() != "" {
					out[i] = join(out[i], s.varVal(res))
				}
			}
		}
	}
	delete(s.sumBusy, g.obj)
	s.sumMemo[g.obj] = out
	return out
}

// close resolves what v says about f's inputs from the calls of f in this
// package. When f can also be called from elsewhere (external), an input
// stays symbolic if top is set (the caller turns it into a fact or a
// finding), or becomes a hole naming the parameter if not.
func (s *pkgState) close(f *fn, v Val, top bool) Val {
	if f == nil || len(f.ins) == 0 || !v.hasParams() {
		return v
	}
	if !s.step() {
		args := make([]Val, len(f.ins))
		for i, in := range f.ins {
			args[i] = s.overVal(in.Type())
		}
		return s.subst(v, args)
	}
	callers, cyclic := s.callerVals(f)
	args := make([]Val, len(f.ins))
	for i := range f.ins {
		a := callers[i]
		if s.external(f) || cyclic {
			if top {
				a = join(a, s.input(f, i))
			} else {
				a = join(a, s.outside(f, i))
			}
		}
		args[i] = a
	}
	return s.subst(v, args)
}

// callerVals is what this package's calls of f pass for each input,
// closed over their own callers. cyclic is set when f's callers are being
// computed already (recursion): then they are incomplete.
func (s *pkgState) callerVals(f *fn) ([]Val, bool) {
	if x, ok := s.argMemo[f]; ok {
		return x, false
	}
	out := make([]Val, len(f.ins))
	if s.argBusy[f] {
		return out, true
	}
	s.argBusy[f] = true
	if f.obj != nil {
		for _, cs := range s.calls[f.obj] {
			ins := s.inputs(cs.fn, cs.call, f.obj)
			for i := range out {
				if i < len(ins) {
					out[i] = join(out[i], s.close(cs.fn, ins[i], false))
				}
			}
		}
	}
	delete(s.argBusy, f)
	s.argMemo[f] = out
	return out, false
}

// outside is what is known of input i of f when f is called from where
// this package cannot see: its text is a hole naming the parameter, and a
// client or connection of an SDK type is a destination not known here.
func (s *pkgState) outside(f *fn, i int) Val {
	name := inputName(f, i)
	t := f.ins[i].Type()
	var v Val
	if stringish(t) || elemStringish(t) {
		v.Strs = []Str{{Parts: []Part{{Hole: name, Outside: true}}}}
	}
	if sdkHandleType(t) {
		v.Handles = []Handle{{Kind: handleKindOf(t), Unknown: typeThing(t) + " comes from " + name, Outside: true}}
	}
	return v
}

// inputName names input i of f for messages: "parameter url of Send",
// "receiver s of Store.Save".
func inputName(f *fn, i int) string {
	v := f.ins[i]
	name := v.Name()
	if name == "" || name == "_" {
		name = "#" + strconv.Itoa(i)
	}
	if f.obj != nil {
		if sig, ok := f.obj.Type().(*types.Signature); ok && sig.Recv() == v {
			return "receiver " + name + " of " + f.name
		}
	}
	return "parameter " + name + " of " + f.name
}

func constString(v constant.Value) string {
	if v.Kind() == constant.String {
		return constant.StringVal(v)
	}
	return strings.Trim(v.ExactString(), `"`)
}
