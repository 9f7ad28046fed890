package goevidence

import (
	_ "embed"
	"go/ast"
	"go/types"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tsv"
)

// SaaS and datastore SDKs as data (sdks.tsv): which of their calls send
// or store, which bind a client to an endpoint, and which modules are
// built in rather than followed. A call of the table is the site, named as
// the service calls it; the SDK's insides never are.

//go:embed sdks.tsv
var sdksTSV string

// Handle kinds of SDK clients: one that sends (a queue, an API), one that
// stores (a database, an object store), and an option naming an endpoint.
const (
	hSaaS       = "saas"
	hSaaSStore  = "saas-store"
	hSaaSOption = "saas-endpoint-option"
)

// sdkRow is one row of sdks.tsv.
type sdkRow struct {
	pkg, call string // path.Match patterns
	role      string
	vendor    string
	hosts     []string
	endpoint  sdkEndpoint
	data      string
	always    bool
	line      int
}

// sdkEndpoint is how code sets where an SDK call or client goes.
type sdkEndpoint struct {
	how    string // "", "arg", "field", "key", "options", "receiver", "client", "init", "base", "request"
	arg    int    // for "arg", "client", "base" and "request"
	field  string // for "arg" (a field of the argument) and "field"; for "init" the function; for "key" the map key
	syntax string // sURL, sHostPort, sMailHost, "dsn:DRIVER"; for region rows also sMap, "var:NAME"
}

// Syntaxes of the argument of a region row besides sURL: a value the
// hosts column maps to a host ("eu=api.eu.sendgrid.com"), or a variable
// of the host template the hosts column holds ("var:region").
const (
	sMap      = "map"
	sVarPrefx = "var:"
)

// sdkTable is sdks.tsv: the module patterns, and the other rows by the
// last element of their call (the function or method name).
type sdkTable struct {
	modules []string
	byName  map[string][]sdkRow
	// clients are the module patterns of self-hosted software (vendor
	// "-") with a client row: their clients are bound to an endpoint, and
	// a method of one not in the table is followed as a client's method
	// is (a database's or a queue's). The methods of a vendor's API (its
	// host fixed, or set by an option) are sites only by their rows: a
	// read or a deletion of the vendor's is no export.
	clients map[string]bool
	// stores are the module patterns with a client-store row: a method of
	// their clients stores, reads or deletes (refineKind says which).
	stores map[string]bool
	// siteNames are the names its send and store rows give their sites
	// ("discordgo.Session.ChannelMessageSend", "*.Client.New"), as
	// path.Match patterns.
	siteNames []string
	// regionCalls are the calls of its region rows ("RestClient.SetRegion").
	regionCalls map[string]bool
	// regionFields are its region rows that name a struct field
	// (RequestHandler's Region).
	regionFields []sdkRow
}

var sdks = loadSDKs(sdksTSV)

func loadSDKs(text string) sdkTable {
	t := sdkTable{byName: map[string][]sdkRow{}, clients: map[string]bool{}, stores: map[string]bool{}, regionCalls: map[string]bool{}}
	kinds := map[string]bool{"personal": true}
	for _, k := range evidence.DataKinds() {
		kinds[k] = true
	}
	for _, r := range tsv.Rows("sdks.tsv", text, 9) {
		f := r.Fields
		if _, err := path.Match(f[0], ""); err != nil {
			r.Fail("package pattern %q: %v", f[0], err)
		}
		row := sdkRow{pkg: f[0], call: f[1], role: f[2], vendor: f[3], data: f[6], line: r.Line}
		if f[4] != "-" {
			row.hosts = strings.Fields(f[4])
		}
		if !kinds[row.data] {
			r.Fail("data %q: want personal or a kind of internal/evidence/datakinds.tsv", row.data)
		}
		switch f[7] {
		case "yes":
			row.always = true
		case "no":
		default:
			r.Fail("always %q: want yes or no", f[7])
		}
		ep, err := parseEndpoint(f[5])
		if err != "" {
			r.Fail("endpoint %q: %s", f[5], err)
		}
		row.endpoint = ep
		if row.role != "region" && (ep.syntax == sMap || strings.HasPrefix(ep.syntax, sVarPrefx)) {
			r.Fail("only a region row's argument is map or var:NAME")
		}
		switch row.role {
		case "module":
			if row.call != "-" {
				r.Fail("a module row has call -")
			}
			t.modules = append(t.modules, row.pkg)
			continue
		case "send", "store", "client", "client-store", "base", "record":
		case "request":
			if ep.how != "arg" || ep.syntax != sURL {
				r.Fail("a request row says which argument is the URL (arg N url)")
			}
		case "option":
			switch {
			case ep.how == "" && len(row.hosts) == 0:
				r.Fail("an option row names its hosts, or which field or argument names the endpoint")
			case ep.how != "" && ep.how != "field" && ep.how != "arg" && ep.how != "key":
				r.Fail("an option row says which field or argument names the endpoint")
			}
			if ep.syntax == sChoice && choices(row.hosts) == nil {
				r.Fail("a choice names its hosts as VALUE=HOST pairs")
			}
			if ep.syntax == sNRLicense && len(row.hosts) != 1 {
				r.Fail("a license key names the one host a key without a region goes to")
			}
		case "region":
			if msg := checkRegion(row); msg != "" {
				r.Fail("%s", msg)
			}
			if ep.how == "field" {
				t.regionFields = append(t.regionFields, row)
				continue
			}
			t.regionCalls[row.call] = true
		default:
			r.Fail("role %q: want module, send, store, client, client-store, base, request, option, record or region", row.role)
		}
		name := row.call[strings.LastIndexByte(row.call, '.')+1:]
		t.byName[name] = append(t.byName[name], row)
	}
	for _, rows := range t.byName {
		for _, r := range rows {
			if r.role == "send" || r.role == "store" {
				t.siteNames = append(t.siteNames, path.Base(r.pkg)+"."+r.call)
			}
			if (r.role == "client" || r.role == "client-store") && r.vendor == "-" {
				if m, ok := t.module(r.pkg); ok {
					t.clients[m] = true
					t.stores[m] = t.stores[m] || r.role == "client-store"
				}
			}
		}
	}
	return t
}

// parseEndpoint reads the endpoint column.
func parseEndpoint(s string) (sdkEndpoint, string) {
	f := strings.Fields(s)
	switch {
	case s == "-":
		return sdkEndpoint{}, ""
	case s == "options" || s == "receiver":
		return sdkEndpoint{how: s}, ""
	case len(f) == 2 && f[0] == "client":
		i, err := strconv.Atoi(f[1])
		if err != nil || i < 0 {
			return sdkEndpoint{}, "the argument is a number"
		}
		return sdkEndpoint{how: "client", arg: i}, ""
	case len(f) == 2 && (f[0] == "base" || f[0] == "request"):
		i, err := strconv.Atoi(f[1])
		if err != nil || i < 0 {
			return sdkEndpoint{}, "the argument is a number"
		}
		return sdkEndpoint{how: f[0], arg: i, syntax: sURL}, ""
	case len(f) == 2 && f[0] == "init":
		return sdkEndpoint{how: "init", field: f[1]}, ""
	case len(f) == 3 && f[0] == "key":
		return sdkEndpoint{how: "key", field: f[1], syntax: f[2]}, validSyntax(f[2])
	case len(f) == 3 && f[0] == "field":
		return sdkEndpoint{how: "field", field: f[1], syntax: f[2]}, validSyntax(f[2])
	case len(f) == 3 && f[0] == "arg":
		n, field, _ := strings.Cut(f[1], ".")
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 {
			return sdkEndpoint{}, "the argument is a number"
		}
		return sdkEndpoint{how: "arg", arg: i, field: field, syntax: f[2]}, validSyntax(f[2])
	}
	return sdkEndpoint{}, "want -, options, receiver, client N, init FUNC, arg N SYNTAX, field NAME SYNTAX, base N, request N or key NAME SYNTAX"
}

func validSyntax(s string) string {
	switch {
	case s == sURL || s == sHostPort || s == sMailHost || s == sCloudID || s == sDomain || s == sChoice || s == sNRLicense:
		return ""
	case strings.HasPrefix(s, "dsn:") && len(s) > len("dsn:"):
		return ""
	case s == sMap || strings.HasPrefix(s, sVarPrefx) && len(s) > len(sVarPrefx):
		return "" // region rows
	}
	return "syntax " + quote(s) + ": want url, hostport, mailhost, cloudid, domain, choice, newrelic-license, dsn:DRIVER, map or var:NAME"
}

// Syntaxes of the table's endpoints that only option rows read: the
// value is not itself an address, the row's hosts column says which
// address it stands for.
const (
	// sChoice: the value is one of the VALUE=HOST pairs of the hosts
	// column (amplitude's ServerZone "EU").
	sChoice = "choice"
	// sNRLicense: a New Relic license key, whose text before the first
	// "x" names the region of the collector (collector.eu01.nr-data.net);
	// a key without one goes to the hosts column's collector.
	sNRLicense = "newrelic-license"
)

// choices reads VALUE=HOST pairs; nil when one is not a pair.
func choices(hosts []string) map[string]string {
	m := map[string]string{}
	for _, h := range hosts {
		v, host, ok := strings.Cut(h, "=")
		if !ok || v == "" || host == "" {
			return nil
		}
		m[v] = host
	}
	return m
}

// optionDest is the address an option row's value names: the value
// itself, or for a choice or a license key the host it stands for. A
// value not known statically stays a hole, whose reason says what the
// value is.
func (r sdkRow) optionDest(ss []Str) (string, []Str) {
	syntax := r.endpoint.syntax
	if syntax != sChoice && syntax != sNRLicense {
		return syntax, ss
	}
	out := make([]Str, 0, len(ss))
	for _, s := range ss {
		f := flatten(s)
		if firstHole(f.text) >= 0 {
			if syntax == sNRLicense {
				s = hole(r.vendor + " license key (its prefix names the region), from " + f.holeAt(firstHole(f.text)).Hole)
			}
			out = append(out, s)
			continue
		}
		switch syntax {
		case sChoice:
			host, ok := choices(r.hosts)[f.text]
			if !ok {
				out = append(out, hole(r.endpoint.field+" "+quote(clip(f.text))+", which names no host the table knows"))
				continue
			}
			out = append(out, lit(host))
		case sNRLicense:
			region, _, ok := strings.Cut(f.text, "x")
			if !ok || region == "" {
				out = append(out, lit(r.hosts[0]))
				continue
			}
			out = append(out, lit("collector."+region+".nr-data.net"))
		}
	}
	return sHostPort, out
}

// sdkModule reports whether an import path is in a module of the table.
func sdkModule(pkgPath string) bool {
	_, ok := sdkModuleOf(pkgPath)
	return ok
}

// sdkFixedHost reports whether an import path is in a module of the
// table that is a vendor's API, not self-hosted software a client row
// binds to an endpoint: only the table's rows are sites.
func sdkFixedHost(pkgPath string) bool {
	m, ok := sdkModuleOf(pkgPath)
	return ok && !sdks.clients[m]
}

// sdkStoreModule reports whether an import path is in a module of the
// table whose clients store (a database, an object store): a call of one
// of their methods is a write, read or delete by what it is given.
func sdkStoreModule(pkgPath string) bool {
	m, ok := sdkModuleOf(pkgPath)
	return ok && sdks.stores[m]
}

// sdkModuleCache is keyed by import path: every method call on a type of
// another package asks.
var sdkModuleCache sync.Map // import path → module pattern, "" for none

func sdkModuleOf(pkgPath string) (string, bool) {
	if v, ok := sdkModuleCache.Load(pkgPath); ok {
		return v.(string), v.(string) != ""
	}
	m, _ := sdks.module(pkgPath)
	sdkModuleCache.Store(pkgPath, m)
	return m, m != ""
}

// module is the module pattern an import path (or a row's package
// pattern) is in.
func (t sdkTable) module(pkgPath string) (string, bool) {
	for _, m := range t.modules {
		n := strings.Count(m, "/") + 1
		els := strings.SplitN(pkgPath, "/", n+1)
		if len(els) < n {
			continue
		}
		if ok, _ := path.Match(m, strings.Join(els[:n], "/")); ok {
			return m, true
		}
	}
	return "", false
}

// sdkLookup finds the row of a function of an SDK package: its package
// path and its call ("Type.Method" or "Func"; for option rows the type).
func sdkLookup(pkgPath, call string) (sdkRow, bool) {
	name := call[strings.LastIndexByte(call, '.')+1:]
	for _, r := range sdks.byName[name] {
		if ok, _ := path.Match(r.pkg, pkgPath); !ok {
			continue
		}
		if ok, _ := path.Match(r.call, call); ok {
			return r, true
		}
	}
	return sdkRow{}, false
}

// sdkSiteName reports whether a site's name ("discordgo.Session.ChannelMessageSend")
// is that of a call of the table that sends or stores: a dependency that
// ends in one sends over the network.
func sdkSiteName(what string) bool {
	name := what
	if i := strings.IndexByte(name, ' '); i >= 0 {
		name = name[:i]
	}
	for _, p := range sdks.siteNames {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
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
		return r.handle(origin, endpointArg(ep, arg), ep.syntax), true
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
	found := false
	for _, r := range sdks.byName[name] {
		if ok, _ := path.Match(r.pkg, pkgPath); !ok || r.role != "option" || r.endpoint.how != "field" {
			continue
		}
		if ok, _ := path.Match(r.call, name); !ok {
			continue
		}
		found = true
		if v, ok := field(r.endpoint.field); ok {
			syntax, dest := r.optionDest(orHole(v.Strs))
			return []Handle{{Kind: hSaaSOption, Syntax: syntax, Dest: dest}}, true
		}
	}
	return nil, found
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
	var row sdkRow
	found := false
	for _, r := range sdks.byName[v.Name()] {
		if ok, _ := path.Match(r.pkg, v.Pkg().Path()); ok && r.role == "option" && r.endpoint.how == "key" && r.call == v.Name() {
			row, found = r, true
			break
		}
	}
	if !found {
		return Handle{}, false
	}
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
	for _, r := range sdks.byName[name] {
		if r.role != "option" || r.endpoint.how != "field" || r.endpoint.field != field || r.call != name {
			continue
		}
		if ok, _ := path.Match(r.pkg, pkgPath); !ok {
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
	r, ok := sdkLookup(fobj.Pkg().Path(), methodName(fobj))
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
	if off == 1 && (fobj.Name() == "Do" || strings.HasSuffix(methodName(fobj), "Request.Execute") || r.endpoint.how == "base") {
		// A request object (a Google API call, an olivere/elastic
		// service) carries what its builder methods were given; an HTTP
		// library's request, or a generated client's request builder
		// (okta's ApiCreateUserRequest), the body it was set.
		data = join(data, recv.taint())
	}
	if r.always {
		data.Personal = true
	}
	if !data.Personal && data.Params == 0 {
		return nil, true
	}
	what := calleeName(fobj)
	var dests []Handle
	switch r.endpoint.how {
	case "arg":
		dests = []Handle{r.handle(what, endpointArg(r.endpoint, arg), r.endpoint.syntax)}
	case "receiver", "client":
		// The client it is called on (or, for "client N", is given), where
		// a client call or a region setter of the table (or an input, for
		// the callers) decides; else the default. A client written as a
		// literal of an option row (gomail.Dialer{Host: ...}) is bound to
		// the endpoint the literal names.
		c := recv
		if r.endpoint.how == "client" {
			c = arg(r.endpoint.arg)
		}
		var params []Handle
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
			// Only where what the client is bound to is not known here
			// do the callers decide.
			dests = params
		}
		dests = withProduct(dests, r)
	case "request":
		// The request it is given, built by a request row (or an input,
		// for the callers).
		for _, h := range arg(r.endpoint.arg).Handles {
			if h.Kind == hRequest || h.Kind == hParam {
				dests = append(dests, h)
			}
		}
		if len(dests) == 0 {
			dests = []Handle{{Kind: hRequest, Origin: what, Unknown: "the request is not built where noticevet can follow it"}}
		}
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
			h.Unknown = "the " + r.vendor + " host is the one given to " + fobj.Pkg().Name() + "." + r.endpoint.field + ", which this package does not call"
		case r.endpoint.how == "options" && len(r.hosts) == 0:
			h.Unknown = "no option given to " + what + " names the " + r.vendor + " endpoint"
		}
		dests = []Handle{h}
	}
	kind := evidence.Send
	if r.role == "store" {
		kind = evidence.Store
	}
	return []candidate{{kind: kind, what: what, data: data, dests: dests, client: hSaaS}}, true
}

// sdkInit is the destination of a call of an SDK configured once for the
// process (sentry.Init(sentry.ClientOptions{Dsn: ...})): the endpoint
// options given to the SDK's init function (in the same SDK package) by
// the calls of this package. None when this package makes no such call
// with an option the table names.
func (s *pkgState) sdkInit(pkgPath string, r sdkRow, what string) []Handle {
	var out []Handle
	for _, cs := range s.allCalls {
		g := cs.callee
		if g == nil || g.Pkg() == nil || g.Pkg().Path() != pkgPath || isMethod(g) || g.Name() != r.endpoint.field {
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
	return []candidate{{kind: kind, what: what, data: data, dests: dests, client: hSaaS}}, true
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
