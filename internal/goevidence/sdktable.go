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

// The table of SDKs (sdks.tsv): its rows, how they are read and checked,
// and the lookups by package and call.

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
	// regionCalls are the calls of its region rows ("RestClient.SetRegion").
	regionCalls map[string]bool
	// regionFields are its region rows that name a struct field
	// (RequestHandler's Region).
	regionFields []sdkRow
	// builders are its builder rows: types whose methods run nothing
	// (gorm's Statement).
	builders []sdkRow
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
		case "builder":
			if strings.Count(row.call, ".") != 1 {
				r.Fail("a builder row's call is Type.* or Type.Method")
			}
			t.builders = append(t.builders, row)
			continue
		case "send", "store", "client", "client-store", "base", "record", "nodata":
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
			r.Fail("role %q: want module, send, store, client, client-store, base, request, option, record, region, builder or nodata", row.role)
		}
		name := row.call[strings.LastIndexByte(row.call, '.')+1:]
		t.byName[name] = append(t.byName[name], row)
	}
	for _, rows := range t.byName {
		for _, r := range rows {
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
	case strings.HasPrefix(s, "dsn:@"):
		if n, err := strconv.Atoi(s[len("dsn:@"):]); err != nil || n < 0 {
			return "syntax " + quote(s) + ": dsn:@N names the argument that is the driver"
		}
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

// sdkNoData reports whether a call is one of the table's nodata rows:
// it carries none of the users' data (a mail client's MAIL FROM).
func sdkNoData(fobj *types.Func) bool {
	if fobj.Pkg() == nil || !sdkModule(fobj.Pkg().Path()) {
		return false
	}
	r, ok := sdkLookup(fobj.Pkg().Path(), methodName(fobj))
	return ok && r.role == "nodata"
}

// sdkBuilder reports whether method of a named type is one of the
// table's builders, which run nothing: every method of the type (gorm's
// Statement.*) or this one (xorm's Engine.Where, which starts a session).
func sdkBuilder(t types.Type, method string) bool {
	pkgPath, name := namedPath(t)
	for _, r := range sdks.builders {
		if ok, _ := path.Match(r.pkg, pkgPath); ok && (r.call == name+".*" || r.call == name+"."+method) {
			return true
		}
	}
	return false
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
