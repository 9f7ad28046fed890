package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"
)

// Region setters (the region rows of sdks.tsv): calls that move an SDK's
// client from its default host to a regional one. Twilio's
// client.SetRegion("ie1") and SetEdge("dublin") make api.twilio.com
// api.dublin.ie1.twilio.com; sendgrid.SetDataResidency(req, "eu") makes
// api.sendgrid.com api.eu.sendgrid.com; Mailgun's SetAPIBase(APIBaseEU)
// names the base URL itself. A value not known statically is a note that
// names the setter, never silently the default host.

// productVar stands, in a host template, for the first label of the
// default host of the call that sends (api.twilio.com, verify.twilio.com):
// the setter moves every product of the client alike.
const productVar = "{product}"

// maxRegionHosts bounds the hosts one client's setters expand to (the
// combinations of the values of its template's variables).
const maxRegionHosts = 16

// checkRegion says what is wrong with a region row, "" when nothing.
func checkRegion(r sdkRow) string {
	ep := r.endpoint
	if (ep.how != "arg" || ep.field != "") && ep.how != "field" {
		return "a region row names the argument or field that sets the region: arg N SYNTAX or field NAME SYNTAX"
	}
	switch {
	case ep.syntax == sURL:
		if len(r.hosts) > 0 {
			return "a region row whose argument is the URL has hosts -"
		}
	case ep.syntax == sMap:
		if len(r.hosts) == 0 {
			return "a region row of syntax map lists VALUE=HOST in hosts"
		}
		for _, h := range r.hosts {
			if v, host, ok := strings.Cut(h, "="); !ok || v == "" || host == "" {
				return "hosts " + quote(h) + ": want VALUE=HOST"
			}
		}
	case strings.HasPrefix(ep.syntax, sVarPrefx):
		if len(r.hosts) != 1 {
			return "a region row of syntax var:NAME has one host template in hosts"
		}
		segs, ok := parseTemplate(r.hosts[0])
		if !ok {
			return "host template " + quote(r.hosts[0]) + ": want text and {NAME}, {NAME.} or {NAME|DEFAULT}"
		}
		name := strings.TrimPrefix(ep.syntax, sVarPrefx)
		if !slices.ContainsFunc(segs, func(s tmplSeg) bool { return s.name == name }) {
			return "host template " + quote(r.hosts[0]) + " has no {" + name + "}"
		}
	default:
		return "a region row's argument is url, map or var:NAME"
	}
	return ""
}

// tmplSeg is one piece of a host template: literal text, or a variable
// ({region}; {edge.} adds a dot when set; {region|us1} has a default used
// when it is not set).
type tmplSeg struct {
	lit  string
	name string
	dot  bool
	def  string
}

// parseTemplate reads a host template; productVar stays literal text.
func parseTemplate(t string) ([]tmplSeg, bool) {
	var out []tmplSeg
	for t != "" {
		if strings.HasPrefix(t, productVar) {
			out = append(out, tmplSeg{lit: productVar})
			t = t[len(productVar):]
			continue
		}
		i := strings.IndexByte(t, '{')
		if i < 0 {
			out = append(out, tmplSeg{lit: t})
			break
		}
		if i > 0 {
			out = append(out, tmplSeg{lit: t[:i]})
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return nil, false
		}
		body := t[i+1 : i+j]
		t = t[i+j+1:]
		seg := tmplSeg{}
		body, seg.def, _ = strings.Cut(body, "|")
		body, seg.dot = strings.CutSuffix(body, ".")
		if body == "" || strings.ContainsAny(body, "{}.|") {
			return nil, false
		}
		seg.name = body
		out = append(out, seg)
	}
	return out, true
}

// regionSet is one setter call's effect: its row and the value it was
// given.
type regionSet struct {
	row    sdkRow
	origin string // the setter, as messages name it: "twilio.RestClient.SetRegion"
	val    Val
	cond   bool // the setter may not run: the client may stay where it was
}

// regionSetter is the region row of a method or function, if it is one.
func regionSetter(fobj *types.Func) (sdkRow, bool) {
	if fobj == nil || fobj.Pkg() == nil {
		return sdkRow{}, false
	}
	r, ok := sdkLookup(fobj.Pkg().Path(), methodName(fobj))
	return r, ok && r.role == "region"
}

// regionField is the region row of a struct field, if it is one: a row
// whose call is the struct type and whose endpoint is "field NAME ...".
func regionField(fv *types.Var) (sdkRow, bool) {
	if fv.Pkg() == nil || !fv.IsField() || !sdkModule(fv.Pkg().Path()) {
		return sdkRow{}, false
	}
	for _, r := range sdks.regionFields {
		if r.endpoint.field != fv.Name() {
			continue
		}
		if ok, _ := path.Match(r.pkg, fv.Pkg().Path()); !ok {
			continue
		}
		tn, _ := fv.Pkg().Scope().Lookup(r.call).(*types.TypeName)
		if tn == nil {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i) == fv {
					return r, true
				}
			}
		}
	}
	return sdkRow{}, false
}

// regionOf reads what a recorded region setter sets: a setter call, or a
// region field's value.
func (s *pkgState) regionOf(a assign) (regionSet, bool) {
	if a.setter != nil {
		return regionSet{row: *a.setter, origin: a.hole, val: s.eval(a.fn, a.expr), cond: a.cond}, true
	}
	call, ok := a.expr.(*ast.CallExpr)
	if !ok {
		return regionSet{}, false
	}
	f := a.fn
	fobj := s.staticCallee(call)
	r, ok := regionSetter(fobj)
	if !ok {
		return regionSet{}, false
	}
	var v Val
	if r.endpoint.arg < len(call.Args) {
		v = s.eval(f, call.Args[r.endpoint.arg])
	}
	return regionSet{row: r, origin: calleeName(fobj), val: v, cond: a.cond}, true
}

// staticCallee is the function or method a call names, if any.
func (s *pkgState) staticCallee(call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return nil
	}
	fobj, _ := s.info.Uses[id].(*types.Func)
	return fobj
}

// applyRegions replaces the handles of the setters' vendors by the hosts
// the setters give (a client's setters are read together, whatever their
// order: a template's variables may come from several calls).
func applyRegions(hs []Handle, sets []regionSet) []Handle {
	if len(sets) == 0 {
		return hs
	}
	cond := false
	for _, rs := range sets {
		cond = cond || rs.cond
	}
	return replaceVendors(hs, regionHandles(sets), cond)
}

// replaceVendors replaces the SDK handles of the vendors of made by made;
// with keep (a setter that may not run), it adds them.
func replaceVendors(hs, made []Handle, keep bool) []Handle {
	if keep {
		return canonHandles(append(slices.Clone(hs), made...))
	}
	vendors := map[string]bool{}
	for _, h := range made {
		vendors[h.Service] = true
	}
	out := make([]Handle, 0, len(hs)+len(made))
	for _, h := range hs {
		if family(h.Kind) == hSaaS && vendors[h.Service] {
			continue
		}
		out = append(out, h)
	}
	return canonHandles(append(out, made...))
}

// isRegionOrigin reports whether a handle was made by region setters
// (its origin names them: "sendgrid.SetDataResidency").
func isRegionOrigin(origin string) bool {
	for _, o := range strings.Split(origin, ", ") {
		if _, call, ok := strings.Cut(o, "."); ok && sdks.regionCalls[call] {
			return true
		}
	}
	return false
}

// regionHandles are the destinations setters give, one handle per setter
// kind (a template's variables together).
func regionHandles(sets []regionSet) []Handle {
	var out []Handle
	templates := map[string][]regionSet{}
	var order []string
	for _, rs := range sets {
		ep := rs.row.endpoint
		switch {
		case ep.syntax == sURL:
			out = append(out, Handle{Kind: hSaaS, Service: rs.row.vendor, Origin: rs.origin, Syntax: sURL, Dest: named(orHole(rs.val.Strs), rs.origin)})
		case ep.syntax == sMap:
			out = append(out, mapRegion(rs))
		default:
			t := rs.row.hosts[0]
			if _, ok := templates[t]; !ok {
				order = append(order, t)
			}
			templates[t] = append(templates[t], rs)
		}
	}
	for _, t := range order {
		out = append(out, templateRegion(t, templates[t]))
	}
	return out
}

// named says, in each hole of a value a setter was given, which setter
// it was given to: a note names the option.
func named(ss []Str, origin string) []Str {
	out := make([]Str, len(ss))
	for i, s := range ss {
		parts := slices.Clone(s.Parts)
		for j, p := range parts {
			if p.Hole != "" {
				parts[j].Hole = clipTo(p.Hole, maxHoleBytes) + " (given to " + origin + ")"
			}
		}
		out[i] = Str{Parts: parts}
	}
	return out
}

// mapRegion is the host a value of a map row names ("eu" →
// api.eu.sendgrid.com); a value not known statically, or not one of the
// row's, leaves the destination unknown, saying why.
func mapRegion(rs regionSet) Handle {
	h := Handle{Kind: hSaaS, Service: rs.row.vendor, Origin: rs.origin, Syntax: sHostPort}
	hosts := map[string]string{}
	for _, kv := range rs.row.hosts {
		v, host, _ := strings.Cut(kv, "=")
		hosts[v] = host
	}
	for _, v := range orHole(rs.val.Strs) {
		text, known := v.literal()
		host, ok := hosts[text]
		switch {
		case known && ok:
			h.Dest = append(h.Dest, lit(host))
		case known:
			return Handle{Kind: hSaaS, Service: rs.row.vendor, Origin: rs.origin, Unknown: rs.origin + " is given " + quote(clip(text)) + ", a region noticevet does not know"}
		default:
			h.Dest = append(h.Dest, named([]Str{v}, rs.origin)...)
		}
	}
	return h
}

// templateRegion expands a host template with the values its setters
// give its variables: every combination, up to maxRegionHosts.
func templateRegion(t string, sets []regionSet) Handle {
	segs, _ := parseTemplate(t)
	vals := map[string][]Str{}
	h := Handle{Kind: hSaaS, Service: sets[0].row.vendor, Syntax: sHostPort}
	var origins []string
	for _, rs := range sets {
		name := strings.TrimPrefix(rs.row.endpoint.syntax, sVarPrefx)
		vals[name] = append(vals[name], named(orHole(rs.val.Strs), rs.origin)...)
		origins = append(origins, rs.origin)
	}
	slices.Sort(origins)
	h.Origin = strings.Join(slices.Compact(origins), ", ")
	hosts := []Str{{}}
	for _, seg := range segs {
		var next []Str
		switch {
		case seg.name == "":
			for _, x := range hosts {
				next = append(next, concat(x, lit(seg.lit)))
			}
		case len(vals[seg.name]) == 0:
			for _, x := range hosts {
				if seg.def != "" {
					x = concat(x, lit(seg.def))
				}
				next = append(next, x)
			}
		default:
			for _, x := range hosts {
				for _, v := range vals[seg.name] {
					y := concat(x, v)
					if seg.dot {
						y = concat(y, lit("."))
					}
					next = append(next, y)
				}
			}
		}
		if len(next) > maxRegionHosts {
			next = next[:maxRegionHosts]
		}
		hosts = next
	}
	h.Dest = canonStrs(hosts)
	return h
}

// withProduct puts the product of the call that sends (the first label
// of its row's default host) into the hosts a template gave its client.
func withProduct(hs []Handle, r sdkRow) []Handle {
	product := "api"
	if len(r.hosts) > 0 {
		product, _, _ = strings.Cut(r.hosts[0], ".")
	}
	out := make([]Handle, 0, len(hs))
	for _, h := range hs {
		if h.Syntax == sHostPort && slices.ContainsFunc(h.Dest, hasProduct) {
			dest := make([]Str, len(h.Dest))
			for i, d := range h.Dest {
				parts := slices.Clone(d.Parts)
				for j, p := range parts {
					if p.Hole == "" && p.Param == 0 {
						parts[j].Lit = strings.ReplaceAll(p.Lit, productVar, product)
					}
				}
				dest[i] = Str{Parts: parts}
			}
			h.Dest = dest
		}
		out = append(out, h)
	}
	return out
}

func hasProduct(s Str) bool {
	return slices.ContainsFunc(s.Parts, func(p Part) bool { return strings.Contains(p.Lit, productVar) })
}

// moveField is a client whose field is set to what a region setter
// returns (c.Request, _ = sendgrid.SetDataResidency(c.Request, "eu")):
// moved, or with cond (the assignment may not run) also left where it was.
func moveField(hs []Handle, x Val, cond bool) []Handle {
	var moved []Handle
	for _, h := range x.Handles {
		if family(h.Kind) == hSaaS && isRegionOrigin(h.Origin) {
			moved = append(moved, h)
		}
	}
	if len(moved) == 0 {
		return hs
	}
	return replaceVendors(hs, moved, cond)
}

// enterCond keeps s.conds as the prepass walks: it leaves the bodies
// that end before n and enters n's body when n is an if, switch, select or
// loop statement.
func (s *pkgState) enterCond(n ast.Node) {
	for len(s.conds) > 0 && n.Pos() >= s.conds[len(s.conds)-1][1] {
		s.conds = s.conds[:len(s.conds)-1]
	}
	var body *ast.BlockStmt
	switch n := n.(type) {
	case *ast.IfStmt:
		body = n.Body
	case *ast.SwitchStmt:
		body = n.Body
	case *ast.TypeSwitchStmt:
		body = n.Body
	case *ast.SelectStmt:
		body = n.Body
	case *ast.ForStmt:
		body = n.Body
	case *ast.RangeStmt:
		body = n.Body
	}
	if body != nil {
		s.conds = append(s.conds, [2]token.Pos{body.Pos(), n.End()})
	}
}

// conditional reports whether a position is in the body of an if,
// switch, select or loop statement the prepass is inside.
func (s *pkgState) conditional(pos token.Pos) bool {
	for _, c := range s.conds {
		if c[0] <= pos && pos < c[1] {
			return true
		}
	}
	return false
}

// recordRegionField records client.Region = "ie1" for a field a region
// row of sdks.tsv names: the client (the variable, or this package's
// struct field, that holds it) is moved. The embedded struct the field is
// promoted from may be named (client.RequestHandler.Region).
func (s *pkgState) recordRegionField(f *fn, l *ast.SelectorExpr, fv *types.Var, rhs ast.Expr, tuple int) {
	if tuple >= 0 {
		return
	}
	r, ok := regionField(fv)
	if !ok {
		return
	}
	x := ast.Unparen(l.X)
	for {
		sx, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		xs := s.info.Selections[sx]
		if xs == nil || xs.Kind() != types.FieldVal || !xs.Obj().(*types.Var).Embedded() || xs.Obj().Pkg() == s.pass.Pkg {
			break
		}
		x = ast.Unparen(sx.X)
	}
	// hole names the field, as messages name the setter.
	a := assign{fn: f, expr: rhs, tuple: -1, region: true, setter: &r, hole: fv.Pkg().Name() + "." + r.call + "." + fv.Name(), cond: s.conditional(rhs.Pos())}
	switch x := x.(type) {
	case *ast.Ident:
		if v, ok := s.info.Uses[x].(*types.Var); ok && !v.IsField() && s.record(v) {
			s.mutations[v] = append(s.mutations[v], a)
		}
	case *ast.SelectorExpr:
		if xs := s.info.Selections[x]; xs != nil && xs.Kind() == types.FieldVal {
			if h, ok := xs.Obj().(*types.Var); ok && h.Pkg() == s.pass.Pkg && s.record(h) {
				s.fields[h] = append(s.fields[h], a)
			}
		}
	}
}

// chainSetter reports whether a method returns its receiver's type and
// nothing else, as chained setters do (params.SetTo(phone) returns params):
// what it is given is stored in its receiver, used as a statement or not.
func chainSetter(m types.Object) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 || !strings.HasPrefix(m.Name(), "Set") {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), sig.Recv().Type())
}

// regionHelpers are the functions of a package that call a region setter
// on one of their inputs (func configure(c *twilio.RestClient) {
// c.SetRegion("ie1") }), and the calls of them.
type regionHelpers struct {
	sets  map[*types.Func]map[int][]assign // by function and input
	calls []callSite
}

// regionsThroughCalls are the region setters that the functions a
// variable is given to call on it: configure(c) moves c.
func (s *pkgState) regionsThroughCalls(v *types.Var) []regionSet {
	if s.helpers == nil {
		h := &regionHelpers{sets: map[*types.Func]map[int][]assign{}}
		for obj, f := range s.fns {
			for i, in := range f.ins {
				for _, m := range s.mutations[in] {
					if m.region && m.fn == f {
						if h.sets[obj] == nil {
							h.sets[obj] = map[int][]assign{}
						}
						h.sets[obj][i] = append(h.sets[obj][i], m)
					}
				}
			}
		}
		if len(h.sets) > 0 {
			for _, cs := range s.allCalls {
				if cs.callee != nil && h.sets[cs.callee] != nil {
					h.calls = append(h.calls, cs)
				}
			}
		}
		s.helpers = h
	}
	var out []regionSet
	for _, cs := range s.helpers.calls {
		byIn := s.helpers.sets[cs.callee]
		var given []ast.Expr
		if recv := s.receiver(cs.call); recv != nil {
			given = append(given, recv)
		}
		given = append(given, cs.call.Args...)
		for i, e := range given {
			if len(byIn[i]) == 0 || s.rootVar(e) != v {
				continue
			}
			ins := s.inputs(cs.fn, cs.call, cs.callee)
			for _, m := range byIn[i] {
				if rs, ok := s.regionOf(m); ok {
					rs.val = s.subst(rs.val, ins)
					out = append(out, rs)
				}
			}
		}
	}
	return out
}
