package goevidence

import (
	"go/ast"
	"go/types"
	"path"
	"strconv"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// SaaS and datastore SDKs as data (sdks.tsv): which of their calls send
// or store, which bind a client to an endpoint, and which modules are
// built in rather than followed. A call of the table is the site, named as
// the service calls it; the SDK's insides never are.

// argSyntax is an endpoint's syntax for one call: "dsn:@N" (a DSN whose
// driver is argument N, as jinzhu/gorm's Open("mysql", dsn)) is the DSN
// of the driver that argument names when it is constant text, else of a
// driver not known ("dsn:?", as sql.Open's).
func argSyntax(syntax string, arg func(int) Val) string {
	n, ok := strings.CutPrefix(syntax, "dsn:@")
	if !ok {
		return syntax
	}
	i, _ := strconv.Atoi(n)
	driver := "?"
	if strs := arg(i).Strs; len(strs) == 1 {
		if l, ok := strs[0].literal(); ok {
			driver = l
		}
	}
	return "dsn:" + driver
}

// handle is the destination of an SDK client or call of a row, given
// the value that sets its endpoint (nil: none).
func (r sdkRow) handle(origin string, dest []Str, syntax string) Handle {
	kind := hSaaS
	if r.role == "store" || r.role == "client-store" {
		kind = hSaaSStore
	}
	h := Handle{Kind: kind, Service: r.vendor, Origin: origin, Noun: r.noun()}
	if len(r.hosts) > 0 && allEmpty(dest) {
		dest = nil // an empty endpoint is the SDK's default (mixpanel.New(token, ""))
	}
	switch {
	case dest != nil:
		h.Syntax, h.Dest = syntax, dest
	case len(r.hosts) > 0:
		h.Syntax = sHostPort
		for _, host := range r.hosts {
			h.Dest = append(h.Dest, lit(host))
		}
	case r.vendor != "-" && (r.role == "client" || r.role == "client-store"):
		h.Unknown = "no option given to " + origin + " names the " + r.vendor + " endpoint"
	case r.vendor != "-":
		h.Unknown = "the " + r.vendor + " host is not set in this call (it is set where the client is configured)"
	default:
		h.Unknown = origin + " is given no endpoint noticevet can read"
	}
	return h
}

// objectStoreModules are the module patterns of the table whose clients
// are S3-compatible object stores: their endpoint is called so.
var objectStoreModules = map[string]bool{"github.com/minio/minio-go": true}

// noun is what the endpoint of a row's client is (Handle.Noun): a
// self-hosted service's client that sends is a queue's, so its endpoint
// is a broker; an object store's is an endpoint.
func (r sdkRow) noun() string {
	if r.vendor != "-" {
		return ""
	}
	m, _ := sdks.module(r.pkg)
	switch {
	case objectStoreModules[m]:
		return "endpoint"
	case r.role == "client":
		return "broker"
	}
	return ""
}

// allEmpty reports whether every string is the empty literal.
func allEmpty(ss []Str) bool {
	for _, s := range ss {
		if len(s.Parts) > 1 || len(s.Parts) == 1 && s.Parts[0] != (Part{}) {
			return false
		}
	}
	return len(ss) > 0
}

// endpointArg is what an "arg N[.FIELD]" endpoint reads from the call's
// inputs (without the receiver).
func endpointArg(ep sdkEndpoint, arg func(int) Val) []Str {
	v := arg(ep.arg)
	if ep.field != "" {
		if ss := v.field(ep.field); len(ss) > 0 {
			return ss
		}
		return []Str{hole("field " + ep.field + " of argument " + strconv.Itoa(ep.arg+1))}
	}
	return orHole(v.Strs)
}

// knownSDK computes the result of a client or option call of the table.
func (s *pkgState) knownSDK(fobj *types.Func, ins []Val) (Handle, bool) {
	r, ok := sdkLookup(fobj.Pkg().Path(), methodName(fobj))
	if !ok || r.role != "client" && r.role != "client-store" && r.role != "base" && r.role != "option" && r.role != "request" && r.role != "region" {
		return Handle{}, false
	}
	off := 0
	if isMethod(fobj) {
		off = 1
	}
	arg := argAt(ins, off)
	origin := calleeName(fobj)
	ep := r.endpoint
	switch {
	case r.role == "option" && ep.how == "":
		// An option that names a fixed host (mixpanel.EuResidency()).
		return r.handle(origin, nil, "").asOption(), true
	case r.role == "region":
		// A function that returns what it is given, moved
		// (req, _ = sendgrid.SetDataResidency(req, "eu")); a method moves
		// its receiver instead (recordBinds).
		if off == 1 {
			return Handle{}, false
		}
		return regionHandles([]regionSet{{row: r, origin: origin, val: arg(ep.arg)}})[0], true
	case r.role == "option":
		syntax, dest := r.optionDest(endpointArg(ep, arg))
		return Handle{Kind: hSaaSOption, Syntax: syntax, Dest: dest}, true
	case r.role == "request":
		// A request of an HTTP library, as http.NewRequest's: the client
		// it is given to sends it to its URL.
		return Handle{Kind: hRequest, Origin: origin, Syntax: sURL, Dest: endpointArg(ep, arg)}, true
	case ep.how == "arg":
		return r.handle(origin, endpointArg(ep, arg), argSyntax(ep.syntax, arg)), true
	case ep.how == "options":
		for _, v := range ins {
			for _, o := range v.Handles {
				if o.Kind == hSaaSOption {
					return r.handle(origin, o.Dest, o.Syntax), true
				}
			}
		}
	}
	return r.handle(origin, nil, ""), true
}

// asOption makes the destination of a client an option naming it.
func (h Handle) asOption() Handle {
	return Handle{Kind: hSaaSOption, Syntax: h.Syntax, Dest: h.Dest}
}

// clientResult is the result of an SDK's client call that is the client:
// the first that is not a context or an error (okta.NewClient returns
// the context, then the client).
func clientResult(fobj *types.Func) int {
	sig, _ := fobj.Type().(*types.Signature)
	if sig == nil {
		return 0
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if !isNamed(t, "context", "Context") && !isNamed(t, "", "error") {
			return i
		}
	}
	return 0
}

// sdkOption reads a struct literal of an option row (redis.Options{Addr: ...}).
// A type may have several rows, one per field that can name the endpoint
// (elasticsearch.Config's Addresses and CloudID; amplitude's ServerURL
// before its ServerZone): the first the literal sets, in the table's
// order, decides.
func (s *pkgState) sdkOption(pkgPath, name string, field func(...string) (Val, bool)) ([]Handle, bool) {
	rows := optionRows(pkgPath, name, "field")
	for _, r := range rows {
		if v, ok := field(r.endpoint.field); ok {
			syntax, dest := r.optionDest(orHole(v.Strs))
			return []Handle{{Kind: hSaaSOption, Syntax: syntax, Dest: dest}}, true
		}
	}
	return nil, len(rows) > 0
}

// optionRows are the option rows, in the table's order, of the type or
// variable name of package pkgPath whose endpoint is set as how: by a
// field of a literal ("field") or by a context key ("key").
func optionRows(pkgPath, name, how string) []sdkRow {
	var out []sdkRow
	for _, r := range sdks.byName[name] {
		if r.role != "option" || r.endpoint.how != how {
			continue
		}
		if ok, _ := path.Match(r.call, name); !ok {
			continue
		}
		if ok, _ := path.Match(r.pkg, pkgPath); ok {
			out = append(out, r)
		}
	}
	return out
}

// sdkContextOption reads context.WithValue(ctx, KEY, map[string]string{NAME: value})
// where KEY is a variable of an option row whose endpoint is "key NAME
// SYNTAX" (datadog.ContextServerVariables and its "site"): the option the
// context then carries. A map not written out where the call is names a
// value not known statically; a map without NAME names none.
func (s *pkgState) sdkContextOption(f *fn, call *ast.CallExpr) (Handle, bool) {
	if len(call.Args) != 3 {
		return Handle{}, false
	}
	var id *ast.Ident
	switch k := ast.Unparen(call.Args[1]).(type) {
	case *ast.Ident:
		id = k
	case *ast.SelectorExpr:
		id = k.Sel
	default:
		return Handle{}, false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || !sdkModule(v.Pkg().Path()) {
		return Handle{}, false
	}
	rows := optionRows(v.Pkg().Path(), v.Name(), "key")
	if len(rows) == 0 {
		return Handle{}, false
	}
	row := rows[0]
	lit, ok := ast.Unparen(call.Args[2]).(*ast.CompositeLit)
	if !ok {
		return Handle{Kind: hSaaSOption, Syntax: row.endpoint.syntax, Dest: []Str{hole("the " + quote(row.endpoint.field) + " of the map given to context.WithValue")}}, true
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || !isConstString(s.info, kv.Key) {
			continue
		}
		if k, _ := s.constText(kv.Key); k == row.endpoint.field {
			syntax, dest := row.optionDest(orHole(s.eval(f, kv.Value).Strs))
			return Handle{Kind: hSaaSOption, Syntax: syntax, Dest: dest}, true
		}
	}
	return Handle{}, false
}

// sdkOptionField is what a variable of an option row's struct type is
// bound to after a field the row names is set (config.ServerZone =
// amplitude.ServerZoneEU, after config := amplitude.NewConfig(key)): the
// endpoint the field names, in place of the one it named before. Of
// several such fields set, the last set in the code is kept.
func sdkOptionField(t types.Type, field string, x Val, hs []Handle) []Handle {
	pkgPath, name := namedPath(t)
	if pkgPath == "" || !sdkModule(pkgPath) {
		return hs
	}
	for _, r := range optionRows(pkgPath, name, "field") {
		if r.endpoint.field != field {
			continue
		}
		out := make([]Handle, 0, len(hs)+1)
		for _, h := range hs {
			if h.Kind != hSaaSOption {
				out = append(out, h)
			}
		}
		syntax, dest := r.optionDest(orHole(x.Strs))
		return canonHandles(append(out, Handle{Kind: hSaaSOption, Syntax: syntax, Dest: dest}))
	}
	return hs
}

// sdkSite is the candidate of a call of the table that sends or stores.
func (s *pkgState) sdkSite(cs callSite) ([]candidate, bool) {
	f, call, fobj := cs.fn, cs.call, cs.callee
	r, what, ok := s.sdkCallRow(cs)
	if !ok || r.role != "send" && r.role != "store" {
		return nil, false
	}
	ins := s.inputs(f, call, fobj)
	off := 0
	var recv Val
	if isMethod(fobj) && s.receiver(call) != nil {
		off, recv = 1, ins[0]
	}
	arg := argAt(ins, off)
	var data Val
	for _, in := range ins[off:] {
		data = join(data, in.taint())
	}
	for _, v := range s.chanSends[call] {
		data = join(data, s.eval(f, v).taint()) // a channel the call returns, and what is sent on it
	}
	if off == 1 && (fobj.Name() == "Do" || strings.HasSuffix(methodName(fobj), "Request.Execute") || r.endpoint.how == "base" || r.role == "store" && (returnsReceiver(fobj) || r.endpoint.how == "receiver" && r.vendor == "-")) {
		// A request object (a Google API call, an olivere/elastic
		// service) carries what its builder methods were given; an HTTP
		// library's request, or a generated client's request builder
		// (okta's ApiCreateUserRequest), the body it was set; an ORM's
		// statement (gorm's db.Where("email = ?", e).First(&u), xorm's
		// session.Where(...).Get(&u), whose finishers return a count), its
		// conditions.
		data = join(data, recv.taint())
	}
	if r.always {
		data.Personal = true
	}
	if !data.Personal && data.Params == 0 {
		return nil, true
	}
	var dests []Handle
	switch r.endpoint.how {
	case "arg":
		dests = []Handle{r.handle(what, endpointArg(r.endpoint, arg), r.endpoint.syntax)}
	case "receiver", "client":
		c := recv
		if r.endpoint.how == "client" {
			c = arg(r.endpoint.arg)
		}
		dests = clientDests(r, what, c)
	case "request":
		dests = requestDests(what, arg(r.endpoint.arg))
	case "init":
		dests = s.sdkInit(fobj.Pkg().Path(), r, what)
	case "options":
		// An option carried by an argument: the server variables of the
		// request's context (datadog.ContextServerVariables).
		for _, in := range ins {
			for _, o := range in.Handles {
				if o.Kind == hSaaSOption {
					dests = append(dests, r.handle(what, o.Dest, o.Syntax))
				}
			}
		}
	case "base":
		dests = baseDests(r, what, endpointArg(r.endpoint, arg), recv)
	}
	if len(dests) == 0 {
		h := r.handle(what, nil, "")
		switch {
		case r.endpoint.how == "init" && len(r.hosts) == 0:
			h.Unknown = "the " + r.vendor + " host is the one given to " + initName(fobj, r.endpoint.field) + ", which this package does not call"
		case r.endpoint.how == "options" && len(r.hosts) == 0:
			h.Unknown = "no option given to " + what + " names the " + r.vendor + " endpoint"
		}
		dests = []Handle{h}
	}
	kind, client := evidence.Send, hSaaS
	if r.role == "store" {
		kind = evidence.Store
		if r.vendor == "-" {
			// A database the service runs (an ORM's): the statement or
			// the method's name says whether it writes, reads or deletes.
			kind = s.storeVerb(f, call, fobj, ins, off)
			if sig := fobj.Type().(*types.Signature); sig.Recv() != nil && sdkDatabaseType(sig.Recv().Type()) {
				client = hSQL // its handle is a database's, and notes say so
			}
		}
	}
	return []candidate{{kind: kind, what: what, data: data, dests: dests, client: client, net: true}}, true
}

// sdkCallRow is the row of the table a call names, and the call's name
// as the service writes it. A method promoted from a type the receiver's
// type embeds (firebase's messaging.Client.Send, declared on the
// unexported fcmClient that Client embeds) is looked up, and named, as
// the method of the type the call selects it from when the type that
// declares it has no row.
func (s *pkgState) sdkCallRow(cs callSite) (sdkRow, string, bool) {
	fobj := cs.callee
	if r, ok := sdkLookup(fobj.Pkg().Path(), methodName(fobj)); ok {
		return r, calleeName(fobj), true
	}
	sel, ok := ast.Unparen(cs.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return sdkRow{}, "", false
	}
	x := s.info.Selections[sel]
	if x == nil || x.Kind() != types.MethodVal || len(x.Index()) < 2 {
		return sdkRow{}, "", false // not promoted through an embedded field
	}
	pkgPath, name := namedPath(x.Recv())
	if pkgPath == "" || !sdkModule(pkgPath) {
		return sdkRow{}, "", false
	}
	r, ok := sdkLookup(pkgPath, name+"."+fobj.Name())
	return r, typeName(x.Recv()) + "." + fobj.Name(), ok
}

// clientDests are the destinations of a call of the table on a client c
// (the receiver, or for "client N" the argument): where a client call or
// a region setter of the table (or an input, for the callers) decides;
// else none, and the default is the row's. A client written as a literal
// of an option row (gomail.Dialer{Host: ...}) is bound to the endpoint the
// literal names.
func clientDests(r sdkRow, what string, c Val) []Handle {
	var dests, params []Handle
	for _, h := range c.Handles {
		switch {
		case family(h.Kind) == hSaaS:
			dests = append(dests, h)
		case h.Kind == hSaaSOption:
			dests = append(dests, r.handle(what, h.Dest, h.Syntax))
		case h.Kind == hParam:
			params = append(params, h)
		}
	}
	if len(dests) == 0 {
		// Only where what the client is bound to is not known here do
		// the callers decide.
		dests = params
	}
	return withProduct(dests, r)
}

// requestDests are the destinations of the request req a call sends: the
// one a request row built (or an input, for the callers).
func requestDests(what string, req Val) []Handle {
	var dests []Handle
	for _, h := range req.Handles {
		if h.Kind == hRequest || h.Kind == hParam {
			dests = append(dests, h)
		}
	}
	if len(dests) == 0 {
		dests = []Handle{{Kind: hRequest, Origin: what, Unknown: "the request is not built where noticevet can follow it"}}
	}
	return dests
}

// sdkInit is the destination of a call of an SDK configured once for the
// process (sentry.Init(sentry.ClientOptions{Dsn: ...})): the endpoint
// options given to the SDK's init function (in the same SDK package) by
// the calls of this package. None when this package makes no such call
// with an option the table names.
func (s *pkgState) sdkInit(pkgPath string, r sdkRow, what string) []Handle {
	name := r.endpoint.field
	if i := strings.LastIndex(name, "."); i > 0 && strings.Contains(name[:i], "/") {
		pkgPath, name = name[:i], name[i+1:] // a function of another package of the SDK
	}
	var out []Handle
	for _, cs := range s.allCalls {
		g := cs.callee
		if g == nil || g.Pkg() == nil || g.Pkg().Path() != pkgPath || isMethod(g) || g.Name() != name {
			continue
		}
		for _, v := range s.args(cs.fn, cs.call, g) {
			for _, o := range v.Handles {
				if o.Kind == hSaaSOption {
					out = append(out, r.handle(what, o.Dest, o.Syntax))
				}
			}
		}
	}
	return out
}

// initName names the function of an "init FUNC" row as a user reads it:
// pkg.FUNC, of the called function's package or of the one FUNC names.
func initName(fobj *types.Func, field string) string {
	if i := strings.LastIndex(field, "."); i > 0 && strings.Contains(field[:i], "/") {
		return path.Base(field[:i]) + field[i:]
	}
	return fobj.Pkg().Name() + "." + field
}

// baseDests is where a request of an HTTP client library goes: an
// absolute URL (or one not known statically) by itself; a path relative to
// the base URL its client was given (resty's SetBaseURL) by that base.
func baseDests(r sdkRow, what string, urls []Str, recv Val) []Handle {
	var out []Handle
	relative := false
	for _, u := range urls {
		if isRelativeURL(u) {
			relative = true
			continue
		}
		out = append(out, r.handle(what, []Str{u}, sURL))
	}
	if relative {
		var bases []Handle
		for _, h := range recv.Handles {
			if family(h.Kind) == hSaaS || h.Kind == hParam {
				bases = append(bases, h)
			}
		}
		if len(bases) == 0 {
			bases = []Handle{{Kind: hSaaS, Origin: what, Unknown: "the request's URL is a path, and its client's base URL is not known statically"}}
		}
		out = append(out, bases...)
	}
	return out
}

// isRelativeURL reports whether a URL is a path without scheme or host:
// known text first that has no "://" and does not start with "//".
func isRelativeURL(u Str) bool {
	if len(u.Parts) == 0 {
		return true
	}
	p := u.Parts[0]
	if p.Hole != "" || p.Param > 0 {
		return false
	}
	return !strings.Contains(p.Lit, "://") && !strings.HasPrefix(p.Lit, "//")
}

// recordsArgs reports whether a method is a record row of the table: it
// keeps what it is given in its receiver (pgx's Batch.Queue), as a
// setter does.
func recordsArgs(m *types.Func) bool {
	if m.Pkg() == nil || !isMethod(m) {
		return false
	}
	r, ok := sdkLookup(m.Pkg().Path(), methodName(m))
	return ok && r.role == "record"
}

// bindsEndpoint reports whether a method is a base row of the table: it
// binds its receiver to a base URL, and returns the receiver.
func bindsEndpoint(m *types.Func) bool {
	if m.Pkg() == nil {
		return false
	}
	r, ok := sdkLookup(m.Pkg().Path(), methodName(m))
	return ok && r.role == "base"
}

// sdkFieldSite is the candidate of a call of a function-typed field of an
// SDK client: go-elasticsearch's es.Index(...) calls the field Index of
// type esapi.Index, which the table names as it names a method. The
// client the field is selected from is the destination.
func (s *pkgState) sdkFieldSite(cs callSite) ([]candidate, bool) {
	sel, ok := ast.Unparen(cs.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	if x := s.info.Selections[sel]; x == nil || x.Kind() != types.FieldVal {
		return nil, false
	}
	named, ok := types.Unalias(s.info.TypeOf(sel)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil, false
	}
	if _, isFunc := named.Underlying().(*types.Signature); !isFunc {
		return nil, false
	}
	r, ok := sdkLookup(named.Obj().Pkg().Path(), named.Obj().Name())
	if !ok || r.role != "send" && r.role != "store" || r.endpoint.how != "receiver" {
		return nil, false
	}
	var data Val
	for _, a := range cs.call.Args {
		data = join(data, s.eval(cs.fn, a).taint())
	}
	if r.always {
		data.Personal = true
	}
	if !data.Personal && data.Params == 0 {
		return nil, true
	}
	what := named.Obj().Pkg().Name() + "." + named.Obj().Name()
	var dests []Handle
	for _, h := range s.eval(cs.fn, sel.X).Handles {
		if family(h.Kind) == hSaaS || h.Kind == hParam {
			dests = append(dests, h)
		}
	}
	if len(dests) == 0 {
		dests = []Handle{r.handle(what, nil, "")}
	}
	kind := evidence.Send
	if r.role == "store" {
		kind = evidence.Store
	}
	return []candidate{{kind: kind, what: what, data: data, dests: dests, client: hSaaS, net: true}}, true
}

// returnsReceiver reports whether a method returns its receiver's type
// alone: a builder's setter, which sends nothing itself.
func returnsReceiver(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), sig.Recv().Type())
}
