package goevidence

import (
	"encoding/base64"
	"net/netip"
	"strings"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/hosts"
)

// destination is where one possible value of a handle's Dest puts data.
type destination struct {
	host             string            // a host name or IP address
	provider, region string            // a cloud location
	label            string            // " to api.partner.cn", " to bucket media"
	unresolved       string            // why it cannot be decided
	fromInput        bool              // the blocking unknown is an input of the function
	local            bool              // a Unix socket, localhost, an embedded database: not an export
	store            evidence.StoreRef // the store it names, when a resource elsewhere may place it
	// key is the environment variable or configuration key whose value
	// alone is the unknown host, URL or DSN (see keyed): the
	// configuration that sets it places the call.
	key evidence.ConfigKey
	// nowhere: the value names no host by itself (a relative reference,
	// "feed.xml"); it is no site, and says nothing of the call's others.
	nowhere bool
	// open is the exported field of the module whose value at run time
	// is the value's first unknown, when it is one (openFields).
	open []string
	// settings is the setting the value's first unknown is read from,
	// when it is one (settingsOf).
	settings []string
}

// flat is a Str with every hole (and input) replaced by a NUL byte; holes
// lists them in order.
type flat struct {
	text  string
	holes []Part
}

func flatten(s Str) flat {
	var b strings.Builder
	var holes []Part
	for _, p := range s.Parts {
		if p.Hole != "" || p.Param > 0 {
			b.WriteByte(0)
			holes = append(holes, p)
			continue
		}
		b.WriteString(p.Lit)
	}
	return flat{text: b.String(), holes: holes}
}

// holeAt is the hole at byte i of the text (which must be a NUL).
func (f flat) holeAt(i int) Part {
	n := strings.Count(f.text[:i], "\x00")
	if n < len(f.holes) {
		return f.holes[n]
	}
	return Part{Hole: "a value not known statically"}
}

// blocked makes the destination for text that a hole at byte i hides.
func (f flat) blocked(i int, thing string, name func(int) string) destination {
	p := f.holeAt(i)
	// An input of the function, or a parameter of a function that calls
	// it from elsewhere: callers decide, and may say so through facts.
	d := destination{fromInput: p.Param > 0 || p.Outside}
	why := p.Hole
	if p.Param > 0 {
		why = name(p.Param - 1)
		if p.Field != "" {
			why = "field " + p.Field + " of " + why
		}
	}
	d.unresolved = thing + " comes from " + why
	return d
}

// keyed is blocked for a hole that alone is what decides the destination:
// the whole URL, DSN or address, the host of a URL, a DSN's host= value.
// When the hole is read from a configuration key, the destination keeps
// the key, so the value the configuration gives it can place the call. A
// hole that is only part of the host ("api." + os.Getenv("DOMAIN")), or
// the scheme, is not keyed: the key's value alone does not say where.
func (f flat) keyed(i int, thing string, name func(int) string) destination {
	d := f.blocked(i, thing, name)
	if p := f.holeAt(i); p.Param == 0 && !p.Outside {
		d.key = p.Key
	}
	return d
}

// onlyHole reports whether s is one hole, followed by nothing or by a
// port (":5432").
func onlyHole(s string) bool {
	rest, ok := strings.CutPrefix(s, "\x00")
	if !ok {
		return false
	}
	if port, ok := strings.CutPrefix(rest, ":"); ok {
		rest = strings.TrimLeft(port, "0123456789")
	}
	return rest == ""
}

func firstHole(s string) int { return strings.IndexByte(s, 0) }

// decode reads where one value of a destination string puts data. name
// names the function's inputs, for holes that are inputs.
func decode(syntax string, s Str, name func(int) string) destination {
	f := flatten(s)
	switch {
	case syntax == sURL:
		return f.url("the URL", name)
	case syntax == sHostPort:
		return f.hostPort("the address", name)
	case syntax == sDomain:
		if strings.Contains(f.text, "://") || strings.HasPrefix(f.text, "//") {
			return f.url("the domain", name)
		}
		return f.hostPort("the domain", name)
	case syntax == sMailHost:
		return f.hostPort("the mail server's address", name)
	case syntax == sGRPC:
		return f.grpc(name)
	case strings.HasPrefix(syntax, "dsn:"):
		return f.dsn(strings.TrimPrefix(syntax, "dsn:"), name)
	case syntax == sAzureConn:
		return f.azureConn(name)
	case syntax == sAWSRegion || syntax == sGCPRegion:
		provider, thing := "aws", "the region"
		if syntax == sGCPRegion {
			provider, thing = "google", "the location"
		}
		if i := firstHole(f.text); i >= 0 {
			return f.blocked(i, thing, name)
		}
		return destination{provider: provider, region: strings.TrimSpace(f.text)}
	case syntax == sLocal:
		return destination{local: true}
	case syntax == sCloudID:
		return f.cloudID(name)
	}
	return destination{unresolved: "the destination is not known statically"}
}

func (f flat) url(thing string, name func(int) string) destination {
	t := f.text
	start := 0
	if i := strings.Index(t, "://"); i >= 0 {
		if h := firstHole(t[:i]); h >= 0 {
			return f.blocked(h, thing, name)
		}
		scheme := strings.ToLower(t[:i])
		if scheme == "unix" || scheme == "file" {
			return destination{local: true}
		}
		start = i + 3
	} else if strings.HasPrefix(t, "//") {
		start = 2
	} else if h := firstHole(t); h >= 0 && !strings.ContainsAny(t[:h], "/") {
		if h == 0 && (len(t) == 1 || strings.IndexByte("/?#", t[1]) >= 0) {
			// The whole URL, or its base before a path: os.Getenv("API_URL") + "/v1".
			return f.keyed(h, thing, name)
		}
		return f.blocked(h, thing, name)
	} else if seg := firstSegment(t); t != "" && firstHole(seg) < 0 && !schemelessHost(seg) {
		// Known text without "//" whose first segment is no host name: a
		// path ("/v1"), a reference relative to some base ("feed.xml",
		// "feed/", "api/v1"), or a scheme with no authority ("https:./").
		// It goes nowhere by itself: a request needs a host (a client's
		// base URL is read where the client is, baseDests).
		return destination{nowhere: true}
	}
	authority := firstSegment(t[start:])
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
		start += at + 1
	}
	if h := firstHole(authority); h >= 0 {
		if onlyHole(authority) {
			return f.keyed(start+h, thing, name)
		}
		return f.blocked(start+h, thing, name)
	}
	if i := strings.LastIndexByte(authority, ':'); i >= 0 && !strings.HasSuffix(authority, "]") && strings.Trim(authority[i+1:], "0123456789") != "" {
		// A port that is no number ("https://https:./"): no host a
		// request could reach.
		return destination{unresolved: thing + " " + quote(clip(t)) + " names no host"}
	}
	return hostDest(authority)
}

func (f flat) hostPort(thing string, name func(int) string) destination {
	t := f.text
	if strings.HasPrefix(t, "/") {
		// A path is a Unix socket's (redis.Options{Network: "unix", Addr:
		// "/var/run/redis.sock"}): no host name starts with '/'.
		return destination{local: true}
	}
	host := t
	if strings.HasPrefix(t, "[") {
		if i := strings.IndexByte(t, ']'); i >= 0 {
			host = t[1:i]
		}
	} else if i := strings.LastIndexByte(t, ':'); i >= 0 {
		host = t[:i]
	}
	if h := firstHole(host); h >= 0 {
		if host == "\x00" {
			return f.keyed(h, thing, name)
		}
		return f.blocked(h, thing, name)
	}
	if host == "" {
		return destination{local: true} // ":8080" dials this machine
	}
	return hostDest(host)
}

// cloudID reads the Elasticsearch host of an Elastic Cloud ID: after the
// deployment's name and a colon, base64 of "DOMAIN$ES-ID$KIBANA-ID"; the
// host is ES-ID.DOMAIN (go-elasticsearch's addrFromCloudID).
func (f flat) cloudID(name func(int) string) destination {
	if i := firstHole(f.text); i >= 0 {
		return f.keyed(i, "the Cloud ID", name)
	}
	_, enc, ok := strings.Cut(f.text, ":")
	if !ok {
		return destination{unresolved: "the Cloud ID " + quote(clip(f.text)) + " has no ':'"}
	}
	dec, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return destination{unresolved: "the Cloud ID " + quote(clip(f.text)) + " is not base64 after ':'"}
	}
	parts := strings.Split(string(dec), "$")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return destination{unresolved: "the Cloud ID " + quote(clip(f.text)) + " names no host"}
	}
	domain, _, _ := strings.Cut(parts[0], ":") // a port may follow the domain
	return hostDest(parts[1] + "." + domain)
}

func (f flat) grpc(name func(int) string) destination {
	t := f.text
	lower := strings.ToLower(t)
	switch {
	case strings.HasPrefix(lower, "unix:") || strings.HasPrefix(lower, "unix-abstract:"):
		return destination{local: true}
	case strings.HasPrefix(lower, "xds:"):
		return destination{unresolved: "the target is an xDS name, resolved at run time"}
	}
	for _, scheme := range []string{"dns:", "passthrough:", "ipv4:", "ipv6:"} {
		if strings.HasPrefix(lower, scheme) {
			rest := t[len(scheme):]
			off := len(scheme)
			if strings.HasPrefix(rest, "//") {
				// dns://authority/host:port: skip the resolver's authority.
				i := strings.IndexByte(rest[2:], '/')
				if i < 0 {
					return destination{unresolved: "the target " + quote(clip(t)) + " names no host"}
				}
				off += 2 + i + 1
			}
			g := flat{text: t[off:], holes: f.holes[strings.Count(t[:off], "\x00"):]}
			return g.hostPort("the target", name)
		}
	}
	return f.hostPort("the target", name)
}

// dsn reads the host of a database DSN: a URL ("postgres://u@host/db"),
// key=value pairs ("host=db.example.kr port=5432", "server=...;"), or the
// MySQL driver's "user:pass@tcp(host:3306)/db".
func (f flat) dsn(driver string, name func(int) string) destination {
	t := f.text
	d := strings.ToLower(driver)
	lower := asciiLower(t) // its indexes are t's
	switch {
	case localSQLDriver(d) || strings.HasPrefix(lower, "file:") || lower == ":memory:":
		return destination{local: true}
	case strings.Contains(t, "://"):
		return f.url("the DSN", name)
	}
	if i := strings.Index(lower, "@tcp("); i >= 0 || strings.HasPrefix(lower, "tcp(") {
		start := i + len("@tcp(")
		if i < 0 {
			start = len("tcp(")
		}
		end := strings.IndexByte(t[start:], ')')
		if end < 0 {
			end = len(t) - start
		}
		g := flat{text: t[start : start+end], holes: f.holes[strings.Count(t[:start], "\x00"):]}
		return g.hostPort("the DSN", name)
	}
	if strings.Contains(lower, "@unix(") {
		return destination{local: true}
	}
	for _, key := range []string{"host=", "hostaddr=", "server=", "data source=", "address="} {
		i := indexKey(lower, key)
		if i < 0 {
			continue
		}
		start := i + len(key)
		end := strings.IndexAny(t[start:], " ;\t\n")
		if end < 0 {
			end = len(t) - start
		}
		v := t[start : start+end]
		if h := firstHole(v); h >= 0 {
			if v == "\x00" {
				return f.keyed(start+h, "the DSN", name)
			}
			return f.blocked(start+h, "the DSN", name)
		}
		v = strings.Trim(v, `'"`)
		v, _, _ = strings.Cut(v, ",") // several hosts: the first is tried first
		v = strings.TrimPrefix(strings.TrimPrefix(v, "tcp:"), "TCP:")
		if strings.HasPrefix(v, "/") {
			return destination{local: true} // a Unix socket folder
		}
		g := flat{text: v}
		return g.hostPort("the DSN", name)
	}
	if h := firstHole(t); h >= 0 {
		if t == "\x00" {
			return f.keyed(h, "the DSN", name) // the whole DSN
		}
		return f.blocked(h, "the DSN", name)
	}
	if d == "mysql" && strings.Contains(t, "@/") || d != "mysql" {
		// No host: the driver's default, this machine or a local socket.
		return destination{local: true}
	}
	return destination{unresolved: "the DSN " + quote(clip(t)) + " names no host"}
}

// asciiLower lower-cases the ASCII letters of s and leaves every other
// byte as it is, so that an index into the result is one into s
// (strings.ToLower turns an invalid byte into three).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// indexKey finds key at the start of t or after a separator.
func indexKey(t, key string) int {
	for i := 0; ; {
		j := strings.Index(t[i:], key)
		if j < 0 {
			return -1
		}
		j += i
		if j == 0 || strings.ContainsRune(" ;\t\n", rune(t[j-1])) {
			return j
		}
		i = j + 1
	}
}

// azureConn reads an Azure connection string: an explicit endpoint, or the
// account name and endpoint suffix.
func (f flat) azureConn(name func(int) string) destination {
	t := f.text
	kv := map[string]string{}
	before := map[string]int{} // the holes before each value
	off := 0
	for _, pair := range strings.Split(t, ";") {
		k, v, ok := strings.Cut(pair, "=")
		if ok {
			key := strings.ToLower(strings.TrimSpace(k))
			kv[key] = strings.TrimSpace(v)
			before[key] = strings.Count(t[:off+len(k)], "\x00")
		}
		off += len(pair) + 1
	}
	if strings.EqualFold(kv["usedevelopmentstorage"], "true") {
		return destination{local: true}
	}
	for _, k := range []string{"blobendpoint", "accountendpoint", "queueendpoint", "tableendpoint", "fileendpoint", "endpoint"} {
		if v, ok := kv[k]; ok {
			return flat{text: v, holes: f.holes[min(before[k], len(f.holes)):]}.url("the connection string", name)
		}
	}
	acct, ok := kv["accountname"]
	if !ok {
		if h := firstHole(t); h >= 0 {
			if t == "\x00" {
				return f.keyed(h, "the connection string", name) // the whole string
			}
			return f.blocked(h, "the connection string", name)
		}
		return destination{unresolved: "the connection string names no account"}
	}
	suffix := kv["endpointsuffix"]
	if suffix == "" {
		suffix = "core.windows.net"
	}
	host := acct + ".blob." + suffix
	if h := firstHole(host); h >= 0 {
		return f.blocked(strings.Index(t, "\x00"), "the connection string", name)
	}
	return hostDest(host)
}

// schemelessHost reports whether a URL written without a scheme starts
// with a host name, as many SDKs take an endpoint ("api.example.kr/x"):
// an IP address, or a name of two labels or more under a top-level
// domain (hosts.TopLevel). "feed.xml" and "index.rss" are file names,
// "feed/" a folder.
func schemelessHost(t string) bool {
	if i := strings.IndexByte(t, ':'); i > 0 && isScheme(t[:i]) && (i+1 == len(t) || t[i+1] < '0' || t[i+1] > '9') {
		return false // a scheme, and no "//" after it: no authority
	}
	host := t
	if i := strings.LastIndexByte(host, ':'); i >= 0 && strings.Trim(host[i+1:], "0123456789") == "" {
		host = host[:i] // a port
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	i := strings.LastIndexByte(host, '.')
	return i > 0 && hosts.TopLevel(host[i+1:])
}

// firstSegment is a URL's text up to its first '/', '?' or '#'.
func firstSegment(t string) string {
	if end := strings.IndexAny(t, "/?#"); end >= 0 {
		return t[:end]
	}
	return t
}

// isScheme reports whether s has the syntax of a URL scheme (RFC 3986
// 3.1): a letter, then letters, digits, '+', '-' or '.'.
func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// hostDest makes the destination of a host, dropping a port; this machine
// is not an export.
func hostDest(hostport string) destination {
	h := hosts.Normalize(hostport)

	if h == "" || isLocalHost(h) {
		return destination{local: true}
	}
	if len(h) > maxHostBytes {
		return destination{unresolved: "the host " + quote(clip(h)) + " is longer than a host name can be"}
	}
	return destination{host: h, label: " to " + h}
}

// maxHostBytes is the longest a host name is (RFC 1035).
const maxHostBytes = 253

// maxQuoted is the most of a text from the code that a message quotes.
const maxQuoted = 60

// clip shortens text from the code quoted in a message to maxQuoted bytes.
func clip(s string) string { return clipTo(s, maxQuoted) }

// clipTo shortens s to max bytes (at a character boundary), marking the
// cut with "...".
func clipTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

func isLocalHost(h string) bool {
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "0.0.0.0" {
		return true
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	return false
}

// endpointWord names an address or URL in the words of the destination's
// kind: a mail server's, a queue's broker's, an object store's endpoint
// (an AWS client's URL is always its endpoint).
func endpointWord(h Handle, what string) string {
	switch {
	case h.Kind == hSMTP || strings.HasPrefix(h.Origin, "smtp."):
		return "the mail server's " + what
	case h.Noun == "broker":
		return "the broker's " + what
	case h.Noun == "endpoint", (h.Kind == hAWSClient || h.Kind == hAWSConfig) && what == "URL":
		return "the endpoint"
	}
	return "the " + what
}
