package goevidence

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// Val is what the analysis knows about a Go value: whether it is derived
// from personal data, which strings it may hold, and which destinations
// (connections, clients, requests) it is bound to.
//
// Within a function, a Val is symbolic in the function's inputs (the
// receiver first, then the parameters): Params, Part.Param and
// Handle.Param refer to them, and a call site substitutes its arguments.
// Vals travel between packages inside facts, so every field is exported,
// gob-encodable and kept in a canonical (sorted) order.
type Val struct {
	// Personal is set when the value is derived from personal data.
	Personal bool `json:",omitempty"`
	// Params has bit i set when the value is derived from input i (and so
	// is personal when that input is).
	Params uint64 `json:",omitempty"`
	// Strs are the strings the value may hold, when it is a string (or a
	// URL, a *string, a []byte built from strings).
	Strs []Str `json:",omitempty"`
	// Handles are the destinations the value is bound to.
	Handles []Handle `json:",omitempty"`
	// Fields are the strings a struct value's fields may hold, by name,
	// sorted (a client built with New(baseURL) keeps its base URL).
	Fields []FieldStrs `json:",omitempty"`
	// Fielded, when set, splits the value's taint by where it came in:
	// a message built clean and then given the sender's address
	// (m.Sender = ip) is personal in that field only, and a read of
	// another field carries none of it. It describes this very value, so
	// only expressions that are the value (a variable, *p, &v) keep it
	// (eval); Personal, Params and ParamVia are always the whole.
	Fielded *Fielded `json:",omitempty"`
	// ParamVia narrows Params: for an input listed, the value is derived
	// only from these fields of it (m.Topic of input m). An input in
	// Params and not listed is the input as a whole.
	ParamVia []ParamField `json:",omitempty"`
}

// FieldStrs is what one string field of a struct value may hold.
type FieldStrs struct {
	Name string
	Strs []Str
}

// Str is a string known in parts: literal text and holes.
type Str struct {
	Parts []Part
}

// Part is literal text, a hole (text not known statically, with the
// reason), or the text of an input of the function (Param > 0 names input
// Param-1).
type Part struct {
	Lit   string `json:",omitempty"`
	Hole  string `json:",omitempty"`
	Param int    `json:",omitempty"`
	// Field, with Param, is a field of the input: "base" of c in c.base.
	Field string `json:",omitempty"`
	// Outside marks a hole that is a parameter of a function called from
	// elsewhere: following the value itself may do better.
	Outside bool `json:",omitempty"`
	// Key, on a hole, is the environment variable or configuration key
	// the text is read from (os.Getenv("DATABASE_URL")), when a known API
	// reads it with a constant name: a check places the call by the value
	// the repository's configuration gives it.
	Key evidence.ConfigKey `json:",omitzero"`
	// Open, on an input's field (Param and Field) or on the hole it
	// becomes, names the exported field of a type of the module it reads
	// ("example.com/m/server.Config.BaseURL"): what its package writes
	// into it is known, and a check that finds no other package writing
	// it knows every value it may hold (Site.Open).
	Open string `json:",omitempty"`
}

// Handle is a destination a value is bound to: a database opened with a
// DSN, a gRPC connection to a target, an AWS client in a region.
type Handle struct {
	Kind    string // hSQL, hGRPC, hConn, ...
	Origin  string `json:",omitempty"` // the call that created it: "sql.Open"
	Param   int    `json:",omitempty"` // > 0: the handle is input Param-1 (symbolic)
	Syntax  string `json:",omitempty"` // how Dest reads: sURL, sHostPort, "dsn:<driver>", ...
	Dest    []Str  `json:",omitempty"` // what decides where it goes
	Service string `json:",omitempty"` // AWS service ("s3"), Google product ("storage")
	Unknown string `json:",omitempty"` // why the destination is not known, when Dest is empty
	// Outside marks an unknown destination that is a parameter of a
	// function called from elsewhere: the callers may know it.
	Outside bool `json:",omitempty"`
	// URL marks a store name given as a URL (hStoreName): the name is its
	// last path segment.
	URL bool `json:",omitempty"`
	// Only, on an input (Param > 0), keeps of what the input is bound to
	// the handles of one kind (a *sql.DB field of a struct input holds
	// its database, not its S3 client), or with onlyUntyped those of no
	// client kind (a *websocket.Conn field holds a connection).
	Only string `json:",omitempty"`
	// NoRequest, on an input (Param > 0), leaves out of what the input is
	// bound to the HTTP requests it holds: the input is the receiver or
	// writer of a call that is no client's Do (usable), and a request goes
	// only where the call that sends it takes it. What usable drops where
	// the value is known, substitution drops where a caller elsewhere
	// gives it (a builder holding its request beside a template engine
	// whose method it calls).
	NoRequest bool `json:",omitempty"`
	// Noun, on an SDK client's handle, is what its endpoint is, for
	// messages: "broker" (a queue), "endpoint" (an object store); ""
	// keeps the word of its syntax (the DSN, the URL, the address).
	Noun string `json:",omitempty"`
}

// onlyUntyped is Handle.Only for handles of no client kind.
const onlyUntyped = "untyped"

// typedKind reports whether handles of a kind belong to one client type.
func typedKind(kind string) bool {
	switch kind {
	case hSQL, hSMTP, hGRPC, hAWSConfig, hAWSClient, hGCPClient, hGCS, hBigQuery, hAzure, hSaaS, hSaaSStore:
		return true
	}
	return false
}

// fits reports whether a handle an input is bound to passes a filter.
func fits(only string, h Handle) bool {
	switch {
	case only == "" || h.Kind == hParam:
		return true
	case only == onlyUntyped:
		return !typedKind(h.Kind)
	}
	return family(h.Kind) == family(only)
}

// family groups the handle kinds of one SDK: an s3manager.Downloader is
// bound to the AWS session or client it is made from, never to a database.
func family(kind string) string {
	switch kind {
	case hAWSConfig, hAWSClient:
		return "aws"
	case hGCPClient, hGCS, hBigQuery:
		return "google"
	case hSaaS, hSaaSStore:
		return hSaaS
	}
	return kind
}

// cloudOf is the cloud whose client a handle is, "" for other kinds.
func cloudOf(h Handle) string {
	switch f := family(h.Kind); f {
	case "aws", "google", hAzure:
		return f
	}
	return ""
}

// Handle kinds.
const (
	hRequest   = "http-request"
	hSQL       = "sql"
	hGRPC      = "grpc"
	hConn      = "conn"
	hSMTP      = "smtp"
	hAWSConfig = "aws-config"
	hAWSClient = "aws-client"
	hAWSRegion = "aws-region-option" // config.WithRegion: not a destination by itself
	hGCPClient = "gcp-client"
	hGCPOption = "gcp-endpoint-option" // option.WithEndpoint
	hGCS       = "gcs-bucket"
	hBigQuery  = "bigquery-dataset"
	hAzure     = "azure"
	hParam     = "param" // a symbolic input, replaced at call sites
)

// Destination syntaxes.
const (
	sURL        = "url"
	sHostPort   = "hostport"
	sDomain     = "domain"   // a host name, or a URL whose host is the domain (auth0's management.New)
	sMailHost   = "mailhost" // a mail server's host[:port]
	sGRPC       = "grpc"
	sAWSRegion  = "aws-region"
	sGCPRegion  = "google-location"
	sAzureConn  = "azure-connection-string"
	sBucketName = "bucket"
	sDataset    = "dataset"
	sLocal      = "local"   // a Unix socket, an embedded database: not an export
	sCloudID    = "cloudid" // an Elastic Cloud ID: NAME:base64("DOMAIN$ID$...")
)

// Caps keep joins of many strings or handles from growing without bound
// (see budget.go).
const (
	maxStrs    = 16
	maxHandles = 16
	maxParts   = 24
)

// tooMany stands for the values of a set past maxStrs.
const tooMany = "one of a set of values too large to evaluate statically"

func lit(s string) Str { return Str{Parts: []Part{{Lit: s}}} }

// hole is text not known statically; why is said in messages, so it is
// kept short (a call's description quotes its first argument).
func hole(why string) Str {
	return Str{Parts: []Part{{Hole: clipTo(why, maxHoleBytes)}}}
}

// keyedHole is text read from a configuration value, named by its key; a
// key too long to be one names nothing.
func keyedHole(why string, key evidence.ConfigKey) Str {
	s := hole(why)
	if len(key.Name) <= maxKeyBytes {
		s.Parts[0].Key = key
	}
	return s
}

// maxKeyBytes bounds the name of a configuration key a hole keeps.
const maxKeyBytes = 256

// maxHoleBytes bounds the reason of a hole.
const maxHoleBytes = 100

func paramStr(i int) Str { return Str{Parts: []Part{{Param: i + 1}}} }

// concat joins strings part by part, merging adjacent literals. A string
// with more than maxStrBytes of known text is too large: a hole.
func concat(a, b Str) Str {
	if a.litLen()+b.litLen() > maxStrBytes {
		if a.litLen() <= maxStrBytes && len(a.Parts) > 0 {
			// What decides a destination or a verb is at the start (the
			// scheme and host, SELECT): keep it, and what follows is unknown.
			return Str{Parts: append(slices.Clone(a.Parts), Part{Hole: tooLarge})}
		}
		return hole(tooLarge)
	}
	parts := make([]Part, 0, len(a.Parts)+len(b.Parts))
	for _, p := range append(append([]Part(nil), a.Parts...), b.Parts...) {
		if n := len(parts); n > 0 && p.Lit != "" && parts[n-1].Lit != "" {
			parts[n-1].Lit += p.Lit
			continue
		}
		if p == (Part{}) {
			continue
		}
		parts = append(parts, p)
	}
	if len(parts) > maxParts {
		parts = append(parts[:maxParts-1], Part{Hole: "a long string"})
	}
	return Str{Parts: parts}
}

// knownStart is the known text of a string that was cut for being too
// large (concat): its literal start, before the hole that says so.
func (s Str) knownStart() (string, bool) {
	n := len(s.Parts)
	if n < 2 || s.Parts[n-1].Hole != tooLarge {
		return "", false
	}
	var b strings.Builder
	for _, p := range s.Parts[:n-1] {
		if p.Lit == "" {
			return "", false
		}
		b.WriteString(p.Lit)
	}
	return b.String(), true
}

// litLen is the length of a string's known text.
func (s Str) litLen() int {
	n := 0
	for _, p := range s.Parts {
		n += len(p.Lit)
	}
	return n
}

// concatAll is the cross product of concatenations, of which at most
// maxStrs are kept (canonStrs); past that, it stops building them.
func concatAll(as, bs []Str) []Str {
	var work int64
	return concatAllW(as, bs, &work)
}

// concatAllW is concatAll that adds to *work the size of what it builds.
func concatAllW(as, bs []Str, work *int64) []Str {
	if len(as) == 0 || len(bs) == 0 {
		return nil
	}
	out := make([]Str, 0, min(len(as)*len(bs), 2*maxStrs))
	for _, a := range as {
		for _, b := range bs {
			if len(out) == 2*maxStrs {
				// Enough to fill maxStrs unless most are duplicates.
				return canonStrs(append(out, hole(tooMany)))
			}
			c := concat(a, b)
			*work += int64(c.litLen() + len(c.Parts))
			out = append(out, c)
		}
	}
	return canonStrs(out)
}

// key is a canonical text for sorting and de-duplication.
func (s Str) key() string {
	if len(s.Parts) == 1 && s.Parts[0].Lit != "" {
		return s.Parts[0].Lit
	}
	var b strings.Builder
	for _, p := range s.Parts {
		switch {
		case p.Param > 0:
			b.WriteString("\x00p")
			b.WriteString(strconv.Itoa(p.Param))
			b.WriteByte('.')
			b.WriteString(p.Field)
			if p.Open != "" {
				b.WriteString("\x00f" + p.Open)
			}
			b.WriteByte(0)
		case p.Hole != "":
			b.WriteString("\x00h")
			b.WriteString(p.Hole)
			if p.Outside {
				b.WriteString("\x00o")
			}
			if p.Open != "" {
				b.WriteString("\x00f" + p.Open)
			}
			if p.Key != (evidence.ConfigKey{}) {
				b.WriteString("\x00k")
				b.WriteString(p.Key.Kind)
				b.WriteByte('=')
				b.WriteString(p.Key.Name)
			}
			b.WriteByte(0)
		default:
			b.WriteString(p.Lit)
		}
	}
	return b.String()
}

// literal returns the whole string when it has no holes.
func (s Str) literal() (string, bool) {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Hole != "" || p.Param > 0 {
			return "", false
		}
		b.WriteString(p.Lit)
	}
	return b.String(), true
}

func (s Str) hasParam() bool {
	for _, p := range s.Parts {
		if p.Param > 0 {
			return true
		}
	}
	return false
}

func (h Handle) key() string {
	var b strings.Builder
	b.WriteString(h.headKey())
	for _, d := range h.Dest {
		b.WriteString(d.key())
		b.WriteByte(2)
	}
	return b.String()
}

// headKey is the key of everything but the destinations (and whether
// there are any).
func (h Handle) headKey() string {
	var b strings.Builder
	for _, x := range []string{h.Kind, h.Origin, strconv.Itoa(h.Param), h.Syntax, h.Service, h.Unknown, strconv.FormatBool(h.Outside), strconv.FormatBool(h.URL), h.Only, strconv.FormatBool(h.NoRequest), strconv.FormatBool(len(h.Dest) > 0)} {
		b.WriteString(x)
		b.WriteByte(1)
	}
	return b.String()
}

func (h Handle) hasParam() bool {
	if h.Param > 0 {
		return true
	}
	for _, d := range h.Dest {
		if d.hasParam() {
			return true
		}
	}
	return false
}

func canonStrs(ss []Str) []Str {
	switch len(ss) {
	case 0:
		return nil
	case 1:
		return ss
	}
	keys := make([]string, len(ss))
	for i, s := range ss {
		keys[i] = s.key()
	}
	idx := sortedUnique(keys)
	out := make([]Str, len(idx))
	for i, j := range idx {
		out[i] = ss[j]
	}
	if len(out) > maxStrs {
		// Keep the strings known best: those with no hole first.
		slices.SortStableFunc(out, func(a, b Str) int { return cmp.Compare(a.holes(), b.holes()) })
		out = append(out[:maxStrs-1], hole(tooMany))
		sort.SliceStable(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	}
	return out
}

// holes is 1 when a string has a hole, else 0.
func (s Str) holes() int {
	for _, p := range s.Parts {
		if p.Hole != "" {
			return 1
		}
	}
	return 0
}

func canonHandles(hs []Handle) []Handle {
	switch len(hs) {
	case 0:
		return nil
	case 1:
		if len(hs[0].Dest) > 1 {
			h := hs[0]
			h.Dest = canonStrs(h.Dest)
			return []Handle{h}
		}
		return hs
	}
	// Handles that differ only in their destinations are one, with the
	// destinations of all (a set canonStrs bounds).
	var merged []Handle
	at := map[string]int{}
	for _, h := range hs {
		k := h.headKey()
		if i, ok := at[k]; ok && len(h.Dest) > 0 {
			merged[i].Dest = append(merged[i].Dest, h.Dest...)
			continue
		}
		at[k] = len(merged)
		h.Dest = append([]Str(nil), h.Dest...)
		merged = append(merged, h)
	}
	keys := make([]string, len(merged))
	for i := range merged {
		merged[i].Dest = canonStrs(merged[i].Dest)
		keys[i] = merged[i].key()
	}
	idx := sortedUnique(keys)
	out := make([]Handle, len(idx))
	for i, j := range idx {
		out[i] = merged[j]
	}
	if len(out) > maxHandles {
		// Kinds of destinations past the bound: one whose place is not
		// known, rather than none.
		out = append(out[:maxHandles-1], Handle{Kind: out[maxHandles-1].Kind, Unknown: "its destination is " + tooMany})
	}
	return out
}

// sortedUnique returns the indexes of keys in key order, one per distinct
// key.
func sortedUnique(keys []string) []int {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := idx[:0]
	for i, j := range idx {
		if i > 0 && keys[j] == keys[out[len(out)-1]] {
			continue
		}
		out = append(out, j)
	}
	return out
}

// join is the union of what two values may be.
func join(a, b Val) Val {
	if b.empty() {
		return a
	}
	if a.empty() {
		return b
	}
	return Val{
		Personal: a.Personal || b.Personal,
		Params:   a.Params | b.Params,
		Strs:     canonStrs(append(append([]Str(nil), a.Strs...), b.Strs...)),
		Handles:  canonHandles(append(append([]Handle(nil), a.Handles...), b.Handles...)),
		Fields:   joinFields(a.Fields, b.Fields),
		Fielded:  joinFielded(a, b),
		ParamVia: joinParamVia(a, b),
	}
}

func joinFields(a, b []FieldStrs) []FieldStrs {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	m := map[string][]Str{}
	for _, f := range append(append([]FieldStrs(nil), a...), b...) {
		m[f.Name] = append(m[f.Name], f.Strs...)
	}
	out := make([]FieldStrs, 0, len(m))
	for name, ss := range m {
		out = append(out, FieldStrs{Name: name, Strs: canonStrs(ss)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// field is what a struct value's field may hold.
func (v Val) field(name string) []Str {
	for _, f := range v.Fields {
		if f.Name == name {
			return f.Strs
		}
	}
	return nil
}

func (v Val) empty() bool {
	return !v.Personal && v.Params == 0 && len(v.Strs) == 0 && len(v.Handles) == 0 && len(v.Fields) == 0
}

// taint keeps only whether the value is personal (and from which inputs
// and fields of them). What it says of the value's own fields (Fielded)
// is left: taint goes on into other values.
func (v Val) taint() Val { return Val{Personal: v.Personal, Params: v.Params, ParamVia: v.ParamVia} }

// hasOutside reports whether a string has a hole that is a parameter of a
// function called from elsewhere.
func (s Str) hasOutside() bool {
	for _, p := range s.Parts {
		if p.Outside {
			return true
		}
	}
	return false
}

// hasParams reports whether anything in v still refers to inputs.
func (v Val) hasParams() bool {
	if v.Params != 0 {
		return true
	}
	for _, s := range v.Strs {
		if s.hasParam() {
			return true
		}
	}
	for _, h := range v.Handles {
		if h.hasParam() {
			return true
		}
	}
	for _, f := range v.Fields {
		for _, s := range f.Strs {
			if s.hasParam() {
				return true
			}
		}
	}
	return false
}

func bit(i int) uint64 {
	if i < 0 || i >= 64 {
		return 0
	}
	return 1 << uint(i)
}

// bits lists the inputs of a mask, in order.
func bits(m uint64) []int {
	var out []int
	for i := 0; i < 64; i++ {
		if m&(1<<uint(i)) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// substW replaces references to inputs in v by what the arguments are,
// adding to *work the size of the strings it builds (pkgState.subst keeps
// that count against the budget). args[i] is the value of input i at the
// call; a missing argument stands for nothing known.
func substW(v Val, args []Val, work *int64) Val {
	arg := argAt(args, 0)
	out := substTaint(v.taint(), arg)
	if v.Fielded != nil {
		// What came in through one field of v is, at the call, what the
		// inputs it came from are there.
		fd := &Fielded{Whole: substTaint(v.Fielded.Whole, arg)}
		for _, ft := range v.Fielded.Fields {
			fd.Fields = append(fd.Fields, FieldTaint{Name: ft.Name, Taint: substTaint(ft.Taint, arg)})
		}
		out.Fielded = fd.orNil()
	}
	for _, s := range v.Strs {
		out.Strs = append(out.Strs, substStr(s, arg, work)...)
	}
	out.Strs = canonStrs(out.Strs)
	for _, h := range v.Handles {
		if h.Param > 0 {
			for _, x := range arg(h.Param - 1).Handles {
				if h.NoRequest && x.Kind == hRequest {
					continue
				}
				if fits(h.Only, x) {
					if x.Kind == hParam && x.Only == "" {
						x.Only = h.Only
					}
					x.NoRequest = x.NoRequest || h.NoRequest && x.Kind == hParam
					out.Handles = append(out.Handles, x)
				}
			}
			continue
		}
		h.Dest = substStrs(h.Dest, arg, work)
		out.Handles = append(out.Handles, h)
	}
	out.Handles = canonHandles(out.Handles)
	for _, f := range v.Fields {
		out.Fields = append(out.Fields, FieldStrs{Name: f.Name, Strs: substStrs(f.Strs, arg, work)})
	}
	return out
}

func substStrs(ss []Str, arg func(int) Val, work *int64) []Str {
	var out []Str
	for _, s := range ss {
		out = append(out, substStr(s, arg, work)...)
	}
	return canonStrs(out)
}

// substStr expands the input parts of s; an input with no known strings
// becomes a hole.
func substStr(s Str, arg func(int) Val, work *int64) []Str {
	acc := []Str{{}}
	for _, p := range s.Parts {
		var next []Str
		switch {
		case p.Param == 0:
			next = []Str{{Parts: []Part{p}}}
		case p.Field != "":
			a := arg(p.Param - 1)
			next = a.field(p.Field)
			for _, h := range a.Handles {
				if h.Kind == hParam {
					// Still an input of the enclosing function: its field.
					next = append(next, Str{Parts: []Part{{Param: h.Param, Field: p.Field, Open: p.Open}}})
				}
			}
			if len(next) == 0 {
				h := hole("field " + p.Field + " of a runtime value")
				h.Parts[0].Open = p.Open
				next = []Str{h}
			}
		default:
			next = arg(p.Param - 1).Strs
			if len(next) == 0 {
				next = []Str{hole("a value not known statically")}
			}
		}
		acc = concatAllW(acc, next, work)
		if len(acc) == 0 {
			return nil
		}
	}
	return acc
}

// constantText reports whether every value a string (or a list of
// strings) may have is text known statically.
func constantText(v Val) bool {
	if len(v.Strs) == 0 {
		return false
	}
	for _, s := range v.Strs {
		if _, ok := s.literal(); !ok {
			return false
		}
	}
	return true
}
