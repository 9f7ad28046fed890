package goevidence

import (
	_ "embed"
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
	how    string // "", "arg", "field", "options", "receiver", "client", "init", "base"
	arg    int    // for "arg" and "client"
	field  string // for "arg" (a field of the argument) and "field"; for "init" the function
	syntax string // sURL, sHostPort, "dsn:DRIVER"; for region rows also sMap, "var:NAME"
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
	// clients are the module patterns with a client row: their clients
	// are bound to an endpoint, and a method of one not in the table is
	// followed as a client's method is. The methods of the others (a
	// vendor's fixed host) are sites only by their rows.
	clients map[string]bool
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
	t := sdkTable{byName: map[string][]sdkRow{}, clients: map[string]bool{}, regionCalls: map[string]bool{}}
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
		case "send", "store", "client", "client-store", "base":
		case "option":
			if ep.how != "field" && ep.how != "arg" {
				r.Fail("an option row says which field or argument names the endpoint")
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
			r.Fail("role %q: want module, send, store, client, client-store, base, option or region", row.role)
		}
		name := row.call[strings.LastIndexByte(row.call, '.')+1:]
		t.byName[name] = append(t.byName[name], row)
	}
	for _, rows := range t.byName {
		for _, r := range rows {
			if r.role == "send" || r.role == "store" {
				t.siteNames = append(t.siteNames, path.Base(r.pkg)+"."+r.call)
			}
			// A client row whose endpoint is the vendor's host ("-") makes
			// a client of a fixed host: its other methods stay no sites.
			if (r.role == "client" || r.role == "client-store") && r.endpoint.how != "" {
				if m, ok := t.module(r.pkg); ok {
					t.clients[m] = true
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
	case len(f) == 2 && f[0] == "base":
		i, err := strconv.Atoi(f[1])
		if err != nil || i < 0 {
			return sdkEndpoint{}, "the argument is a number"
		}
		return sdkEndpoint{how: "base", arg: i, syntax: sURL}, ""
	case len(f) == 2 && f[0] == "init":
		return sdkEndpoint{how: "init", field: f[1]}, ""
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
	return sdkEndpoint{}, "want -, options, receiver, client N, init FUNC, arg N SYNTAX or field NAME SYNTAX"
}

func validSyntax(s string) string {
	if s == sURL || s == sHostPort || s == sMap || strings.HasPrefix(s, "dsn:") && len(s) > len("dsn:") ||
		strings.HasPrefix(s, sVarPrefx) && len(s) > len(sVarPrefx) {
		return ""
	}
	return "syntax " + quote(s) + ": want url, hostport, dsn:DRIVER, map or var:NAME"
}

// sdkModule reports whether an import path is in a module of the table.
func sdkModule(pkgPath string) bool {
	_, ok := sdkModuleOf(pkgPath)
	return ok
}

// sdkFixedHost reports whether an import path is in a module of the
// table whose clients no client row binds to an endpoint: the vendor's
// host is fixed, and only the table's rows are sites.
func sdkFixedHost(pkgPath string) bool {
	m, ok := sdkModuleOf(pkgPath)
	return ok && !sdks.clients[m]
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
	h := Handle{Kind: kind, Service: r.vendor, Origin: origin}
	switch {
	case dest != nil:
		h.Syntax, h.Dest = syntax, dest
	case len(r.hosts) > 0:
		h.Syntax = sHostPort
		for _, host := range r.hosts {
			h.Dest = append(h.Dest, lit(host))
		}
	case r.vendor != "-":
		h.Unknown = "the " + r.vendor + " host is not set in this call (it is set where the client is configured)"
	default:
		h.Unknown = origin + " is given no endpoint noticevet can read"
	}
	return h
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
	if !ok || r.role != "client" && r.role != "client-store" && r.role != "base" && r.role != "option" && r.role != "region" {
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
	case r.role == "region":
		// A function that returns what it is given, moved
		// (req, _ = sendgrid.SetDataResidency(req, "eu")); a method moves
		// its receiver instead (recordBinds).
		if off == 1 {
			return Handle{}, false
		}
		return regionHandles([]regionSet{{row: r, origin: origin, val: arg(ep.arg)}})[0], true
	case r.role == "option":
		return Handle{Kind: hSaaSOption, Syntax: ep.syntax, Dest: endpointArg(ep, arg)}, true
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

// sdkOption reads a struct literal of an option row (redis.Options{Addr: ...}).
func (s *pkgState) sdkOption(pkgPath, name string, field func(...string) (Val, bool)) ([]Handle, bool) {
	r, ok := sdkLookup(pkgPath, name)
	if !ok || r.role != "option" || r.endpoint.how != "field" {
		return nil, false
	}
	v, ok := field(r.endpoint.field)
	if !ok {
		return nil, true
	}
	return []Handle{{Kind: hSaaSOption, Syntax: r.endpoint.syntax, Dest: orHole(v.Strs)}}, true
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
	if off == 1 && (strings.HasSuffix(methodName(fobj), "Call.Do") || r.endpoint.how == "base") {
		// A Google API call object carries what its service method was
		// given; an HTTP library's request the body it was set.
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
		// the callers) decides; else the default.
		c := recv
		if r.endpoint.how == "client" {
			c = arg(r.endpoint.arg)
		}
		var params []Handle
		for _, h := range c.Handles {
			switch {
			case family(h.Kind) == hSaaS:
				dests = append(dests, h)
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
	case "init":
		dests = s.sdkInit(fobj.Pkg().Path(), r, what)
	case "base":
		dests = baseDests(r, what, endpointArg(r.endpoint, arg), recv)
	}
	if len(dests) == 0 {
		h := r.handle(what, nil, "")
		if r.endpoint.how == "init" {
			h.Unknown = "the " + r.vendor + " host is the one given to " + fobj.Pkg().Name() + "." + r.endpoint.field + ", which this package does not call"
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

// bindsEndpoint reports whether a method is a base row of the table: it
// binds its receiver to a base URL, and returns the receiver.
func bindsEndpoint(m *types.Func) bool {
	if m.Pkg() == nil {
		return false
	}
	r, ok := sdkLookup(m.Pkg().Path(), methodName(m))
	return ok && r.role == "base"
}
