package appconfig

import (
	"net/netip"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/hosts"
	"github.com/noticevet/noticevet/internal/place"
)

// Words of keys. A key is split into words at every character that is not
// a letter or digit and at lower-to-upper case changes: "DATABASE_URL",
// "databaseUrl" and "database-url" are all "database url".
var (
	// docWords name documentation, not a destination: a value under such
	// a key is never evidence, whatever it is.
	docWords = set("homepage", "docs", "doc", "documentation", "license", "licence", "schema", "$schema",
		"repository", "repo", "issues", "bugs", "changelog", "help", "support", "terms", "privacy", "tos",
		"redirect", "callback", "logo", "icon", "avatar", "image", "link", "links", "website", "site",
		"cors", "origin", "origins", "frontend", "public", "example", "sample")
	// hostWords say that a value is a place data goes to, when the key
	// ends with one: "DATABASE_URL", "s3.eu.endpoint", "kafka.brokers"
	// (not "DB_USER" nor "endpoint_timeout").
	hostWords = set("endpoint", "endpoints", "url", "urls", "uri", "host", "hosts", "hostname", "dsn",
		"broker", "brokers", "bootstrap", "server", "servers", "addr", "address", "api", "webhook",
		"connection", "conn")
	// strongWords say so strongly enough that a destination no rule
	// places, or made of a variable, is still reported, as unresolved.
	strongWords = set("endpoint", "endpoints", "dsn", "broker", "brokers", "bootstrap", "database", "db", "s3", "bucket", "storage", "webhook")
	// storeWords, in any key of the path, say the destination keeps data.
	storeWords = set("s3", "bucket", "buckets", "storage", "minio", "blob", "objectstore", "database", "db", "datastore",
		"postgres", "postgresql", "pg", "mysql", "mariadb", "mongo", "mongodb", "redis", "replica", "replicas", "dsn")
	// storeSchemes are URL schemes of databases. (s3:// and gs:// name a
	// bucket, not a host: the bucket's name places nothing.)
	storeSchemes = set("postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss",
		"sqlserver", "mssql", "oracle", "cockroachdb", "mysql+pymysql", "postgresql+psycopg2", "postgresql+asyncpg", "clickhouse", "cassandra", "elasticsearch", "neo4j", "neo4j+s")
	// sendSchemes are URL schemes of services data is sent to.
	sendSchemes = set("http", "https", "amqp", "amqps", "kafka", "nats", "tls", "mqtt", "mqtts", "grpc", "grpcs", "ws", "wss", "tcp", "smtp", "smtps")
	// The words bucket looks for: in the key, in the path, and in the
	// keys beside it.
	bucketWords   = set("bucket")
	awsWords      = set("s3", "aws")
	locationWords = set("endpoint", "endpoints", "url", "uri", "host", "hostname")
	regionWords   = set("region")
)

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// words splits a key into lower-case words.
func words(key string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(key)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$':
			if i > 0 && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// hostKey reports whether the last word of a key is a host word.
func hostKey(ws []string) bool { return len(ws) > 0 && hostWords[ws[len(ws)-1]] }

func hasAny(ws []string, in map[string]bool) bool {
	for _, w := range ws {
		if in[w] {
			return true
		}
	}
	return false
}

// dest is a destination a value names.
type dest struct {
	host string   // as written, without port or user
	vars []string // the variables the host is made of, when it is
	// store is set when the value's form is a data store's (a database
	// DSN); form when the form alone (a DSN) makes it a destination.
	store, form bool
}

var (
	varRef      = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
	mysqlTCP    = regexp.MustCompile(`^[^@\s]*@tcp6?\(([^)]*)\)`)
	mysqlUnix   = regexp.MustCompile(`^[^@\s]*@unix\(`)
	schemeRe    = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.\-]*)://(.*)$`)
	hostChars   = regexp.MustCompile(`^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*\.?$|^[0-9A-Fa-f:.]+$`)
	hostListRe  = regexp.MustCompile(`^[A-Za-z0-9.\-_:\[\]${}]+(\s*,\s*[A-Za-z0-9.\-_:\[\]${}]+)*$`)
	kvDSNFields = set("dbname", "user", "port", "sslmode", "password", "database", "initial catalog", "user id", "uid", "pwd")
)

// destinations returns what a value names, given the words of its key.
func destinations(v string, keyWords []string) []dest {
	v = strings.TrimSpace(v)
	if v == "" || mysqlUnix.MatchString(v) || strings.HasPrefix(v, "unix:") || strings.HasPrefix(v, "/") {
		return nil
	}
	if rest, ok := strings.CutPrefix(v, "jdbc:"); ok {
		v = rest // JDBC URLs: jdbc:postgresql://host:5432/db
	}
	if m := schemeRe.FindStringSubmatch(v); m != nil {
		scheme := strings.ToLower(m[1])
		store := storeSchemes[scheme]
		if !store && !sendSchemes[scheme] {
			return nil
		}
		if !store && !hostKey(keyWords) {
			return nil
		}
		auth := m[2]
		if i := strings.IndexAny(auth, "/?#"); i >= 0 {
			auth = auth[:i]
		}
		if i := strings.LastIndex(auth, "@"); i >= 0 {
			auth = auth[i+1:]
		}
		return hostList(auth, store, store)
	}
	if m := mysqlTCP.FindStringSubmatch(v); m != nil {
		return hostList(m[1], true, true)
	}
	if ds := kvDSN(v); ds != nil {
		return ds
	}
	if !hostKey(keyWords) {
		return nil
	}
	if refs := varRef.FindAllStringSubmatch(v, -1); refs != nil && varRef.ReplaceAllString(v, "") == "" {
		return []dest{{host: v, vars: varNames(refs)}}
	}
	if hostListRe.MatchString(v) {
		var out []dest
		for _, d := range hostList(v, false, false) {
			if d.vars != nil || hostLike(d.host) {
				out = append(out, d)
			}
		}
		return out
	}
	return nil
}

// kvDSN reads a key=value DSN: libpq's "host=db.example.com dbname=app"
// or ADO.NET's "Server=tcp:db.example.com,1433;Database=app".
func kvDSN(v string) []dest {
	sep := " "
	if strings.Contains(v, ";") {
		sep = ";"
	}
	var host string
	other := false
	for _, f := range strings.Split(v, sep) {
		k, val, ok := strings.Cut(strings.TrimSpace(f), "=")
		if !ok {
			continue
		}
		switch k = strings.ToLower(strings.TrimSpace(k)); {
		case k == "host" || k == "server" || k == "data source" || k == "hostaddr":
			host = strings.Trim(strings.TrimSpace(val), `'"`)
			host = strings.TrimPrefix(strings.TrimPrefix(host, "tcp:"), "TCP:")
			if i := strings.Index(host, ","); i >= 0 && sep == ";" {
				host = host[:i] // ADO.NET's host,port
			}
		case kvDSNFields[k]:
			other = true
		}
	}
	if host == "" || !other || strings.HasPrefix(host, "/") {
		return nil
	}
	return hostList(host, true, true)
}

// hostList splits a comma-separated list of hosts with ports.
func hostList(s string, store, form bool) []dest {
	var out []dest
	for _, h := range strings.Split(s, ",") {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		d := dest{host: stripPort(h), store: store, form: form}
		if refs := varRef.FindAllStringSubmatch(d.host, -1); refs != nil {
			d.vars = varNames(refs)
		} else if !hostChars.MatchString(d.host) {
			continue // a pattern or a template, not a host
		}
		out = append(out, d)
	}
	return out
}

func varNames(refs [][]string) []string {
	var out []string
	for _, r := range refs {
		n := r[1]
		if n == "" {
			n = r[2]
		}
		out = append(out, n)
	}
	return out
}

// stripPort removes a port and IPv6 brackets.
func stripPort(h string) string {
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i > 0 {
			return h[1:i]
		}
		return h
	}
	if strings.Count(h, ":") == 1 {
		h, _, _ = strings.Cut(h, ":")
	}
	return h
}

// hostLike reports whether a bare value is a host name with a top-level
// domain of letters, or an IP address: not a version ("1.2.3") nor a
// file name without a folder ("app.log" is the risk this takes).
func hostLike(h string) bool {
	if _, err := netip.ParseAddr(h); err == nil {
		return true
	}
	i := strings.LastIndex(h, ".")
	if i <= 0 || i == len(h)-1 {
		return false
	}
	for _, c := range h[i+1:] {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

// local reports whether a host stays on the machine or the private
// network, or is reserved for documentation: it is not an export.
func (r *reader) local(h string) bool {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()
	}
	if r.services[h] || place.Internal(h) {
		return true // a Compose service, or a name on a private network
	}
	for _, s := range []string{"localhost", "home.arpa", "example", "example.com", "example.org", "example.net", "test", "invalid"} {
		if h == s || strings.HasSuffix(h, "."+s) {
			return true
		}
	}
	return false
}

// reader turns entries into evidence.
type reader struct {
	places   evidence.Placer
	services map[string]bool
	seen     map[seenKey]bool
	out      []evidence.Evidence
}

// seenKey is one site in one country: two brokers of a list in the same
// country are one site.
type seenKey struct {
	pos     evidence.Pos
	country string
}

// bucketKeys are the keys that name a bucket beside an endpoint.
var bucketKeys = []string{"bucket", "bucket_name", "bucketname", "bucket-name"}

// entry adds the evidence of one value.
func (r *reader) entry(e entry) {
	key := e.path[len(e.path)-1]
	kw := words(key)
	if hasAny(kw, docWords) {
		return
	}
	var pathWords []string
	for _, p := range e.path {
		pathWords = append(pathWords, words(p)...)
	}
	for _, d := range destinations(e.value, kw) {
		r.dest(e, kw, pathWords, d)
	}
	r.bucket(e, kw, pathWords)
}

// bucketName is an S3 bucket name as AWS allows it.
var bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$`)

// bucket places an AWS S3 bucket that a configuration names with its
// region and no endpoint: {s3: {bucket: media, region: ap-northeast-2}},
// or S3_BUCKET beside AWS_REGION. The path or the key must say S3 or AWS,
// the region must be an AWS region, and no endpoint, URL or host may be
// beside it (then the endpoint decides): an S3-compatible store's region
// alone says nothing.
func (r *reader) bucket(e entry, kw, pathWords []string) {
	if !hasAny(kw, bucketWords) || !bucketName.MatchString(e.value) {
		return
	}
	if !hasAny(pathWords, awsWords) && !strings.EqualFold(e.siblings["service"], "s3") {
		return // Rails' storage.yml says service: S3
	}
	region := ""
	for k, v := range e.siblings {
		ws := words(k)
		if hasAny(ws, locationWords) && v != "" {
			return
		}
		if hasAny(ws, regionWords) && (region == "" || k < region) {
			region = k
		}
	}
	if region == "" {
		return
	}
	pl := r.places.Region("aws", e.siblings[region])
	if !pl.OK() {
		return
	}
	for _, c := range pl.Countries {
		r.add(evidence.Evidence{Kind: evidence.Store, What: e.what(), Country: c, Region: pl.Region,
			Via: "region " + pl.Region + " beside it", Stores: []evidence.StoreRef{{Type: "s3-bucket", Name: e.value}},
			Pos: evidence.Pos{Path: e.file, Line: e.line, Column: e.col}})
	}
}

// dest adds the evidence of one destination of an entry. kw are the
// words of the entry's key, pathWords those of its whole path.
func (r *reader) dest(e entry, kw, pathWords []string, d dest) {
	// For an environment variable, the words of its name only (not the
	// Compose service's).
	if e.env {
		pathWords = kw
	}
	// The key names the value for Go code that reads it (a check places
	// the call by it).
	ev := evidence.Evidence{Kind: evidence.Send, What: e.what(), Keys: []evidence.ConfigKey{e.key()},
		Pos: evidence.Pos{Path: e.file, Line: e.line, Column: e.col}}
	bucket := ""
	for _, k := range bucketKeys {
		if b := e.siblings[k]; b != "" && !strings.Contains(b, "$") {
			bucket = b
			break
		}
	}
	if d.store || bucket != "" || hasAny(pathWords, storeWords) {
		ev.Kind = evidence.Store
	}
	strong := d.form || hasAny(kw, strongWords) || ev.Kind == evidence.Store
	if d.vars != nil {
		if !strong {
			return // a metrics or tracing address set at deployment: not worth a note
		}
		ev.Unresolved = "the host comes from " + refList(d.vars) + ", set outside the repository"
		r.add(ev)
		return
	}
	h := hosts.Normalize(d.host)
	if h == "" || r.local(h) {
		return
	}
	if ev.Kind == evidence.Store {
		if st, ok := evidence.HostStore(h); ok {
			ev.Stores = []evidence.StoreRef{st}
		} else if bucket != "" {
			ev.Stores = []evidence.StoreRef{{Type: "s3-bucket", Name: bucket}}
		}
	}
	pl := r.places.Host(h)
	if pl.Self {
		return // the service's own domain: not an export
	}
	if !pl.OK() {
		if reg := e.siblings["region"]; reg != "" && (h == "s3.amazonaws.com" || strings.HasSuffix(h, ".s3.amazonaws.com")) {
			if p := r.places.Region("aws", reg); p.OK() {
				pl, pl.Via = p, "region "+p.Region+" beside it"
			}
		}
	}
	if !pl.OK() {
		if !strong {
			return
		}
		ev.Unresolved = pl.Unresolved
		if ev.Unresolved == "" {
			ev.Unresolved = "no rule places " + h
		}
		r.add(ev)
		return
	}
	for _, c := range pl.Countries {
		x := ev
		x.Country, x.Region, x.Via = c, pl.Region, pl.Via
		r.add(x)
	}
}

func refList(vars []string) string {
	var b []string
	for _, v := range vars {
		b = append(b, "${"+v+"}")
	}
	sort.Strings(b)
	return strings.Join(b, ", ")
}

func (r *reader) add(ev evidence.Evidence) {
	k := seenKey{ev.Pos, ev.Country}
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.out = append(r.out, ev)
}
