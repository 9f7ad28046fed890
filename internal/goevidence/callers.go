package goevidence

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/evidence"
)

// Which call reports a site, and in what words: the call closest to the
// one that sends, a caller only where it supplies something of the data
// or the destination, a dependency's API as the service calls it, and one
// site per call and destination.

// maxReasons is how many unknowns one note names, and reasonRunes how
// long their list may be: the rest are counted, so that a note stays on
// one line of about 200 characters whatever the code holds.
const (
	maxReasons  = 3
	reasonRunes = 100
)

// mergeCalls makes one site of those of one call that go to the same
// destination through different calls inside a function of another
// package: "repo.Save (sql.DB.Exec and 2 more)", one finding for the line,
// whose Origin lists the calls inside (one per line).
func mergeCalls(sites []Site) []Site {
	type group struct {
		at      int
		key     Site
		inner   []string
		origins []string
	}
	groups := map[siteID]*group{}
	var out []Site
	for _, x := range sites {
		outer, rest, ok := strings.Cut(x.What, " (")
		inner, label, ok2 := strings.Cut(rest, ")")
		if !ok || !ok2 || x.Origin == "" {
			out = append(out, x)
			continue
		}
		k := x
		k.What, k.Origin = outer+"\x00"+label, ""
		if g, ok := groups[k.id()]; ok {
			g.inner = append(g.inner, inner)
			g.origins = append(g.origins, x.Origin)
			continue
		}
		groups[k.id()] = &group{at: len(out), key: k, inner: []string{inner}, origins: []string{x.Origin}}
		out = append(out, x)
	}
	for _, g := range groups {
		if len(g.inner) == 1 {
			continue
		}
		outer, label, _ := strings.Cut(g.key.What, "\x00")
		slices.Sort(g.inner)
		inner := slices.Compact(g.inner)
		what := outer + " (" + inner[0]
		if len(inner) > 1 {
			what += fmt.Sprintf(" and %d more", len(inner)-1)
		}
		slices.Sort(g.origins)
		out[g.at].What = what + ")" + label
		out[g.at].Origin = strings.Join(slices.Compact(g.origins), "\n")
	}
	return out
}

// oncePerOrigin keeps one of the sites that callers report of the same
// calls inside another package with the same destination (they supply
// the data, not where it goes): the first, in source order. One export
// site and destination is one finding, not one per caller.
func oncePerOrigin(sites []Site) []Site {
	seen := map[string]bool{}
	var out []Site
	for _, x := range sites {
		if k, ok := x.OriginKey(); ok {
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		out = append(out, x)
	}
	return out
}

// OriginKey is, for a site reported through a function of another
// package, what makes two such sites at different callers one finding:
// the calls inside, the kind and the destination (or why it is not
// known). ok is false for other sites.
func (s Site) OriginKey() (key string, ok bool) {
	if s.Origin == "" || s.Store != (evidence.StoreRef{}) {
		return "", false
	}
	return strings.Join([]string{s.Origin, string(s.Kind), s.Host, s.Provider, s.Region, s.Unresolved}, "\x00"), true
}

// mergeNotes makes one site of the unresolved ones of a call that differ
// only in why: a URL that is one of several values not known statically
// is one note naming each unknown once ("the URL comes from
// os.Getenv("A") or flag -url"), not a note per value. Where some of the
// reasons are the function's own inputs (its receiver or a parameter,
// which its callers may decide) and others are values known to be
// unknown (the DSN a constructor read from os.Getenv("DSN")), the note
// names the latter: the inputs hold the same values, and a caller that
// decides reports its own site. A note of inputs at a call that also
// has a known destination of the same kind goes too: the inputs are those
// of a constructor of another package that this package calls with the
// known value (a field of the client that orm.Connect(dsn) returns), or
// whose destination is the local machine (local: a repository whose
// constructor opens an SQLite file). Sites that name a store (a resource
// elsewhere places them) stay apart. Nor do the parts that the function's
// callers elsewhere decide (Deferred) make a second note beside the parts
// known here. Back ends of different clouds (a call through an interface
// of the module whose implementation is an S3 or a Cloud Storage client,
// by configuration) are a note each, in the words of each: one is not an
// "other value" of the other.
func mergeNotes(sites []Site, local map[token.Pos]bool) []Site {
	type call struct {
		pos  token.Pos
		kind evidence.Kind
	}
	known := map[call]bool{}
	for _, x := range sites {
		if x.Unresolved == "" {
			known[call{x.Pos, x.Kind}] = true
		}
	}
	type group struct {
		at      int
		reasons []string // of values not known statically
		inputs  []string // of the function's inputs
		keys    []evidence.ConfigKey
		unkeyed bool // some value is not read from a key
		// deferred: every part is one that callers elsewhere decide; a
		// part decided here keeps the note here.
		deferred bool
		cloud    string // of the first reason on a cloud's client
	}
	groups := map[siteID]*group{}
	clouds := map[siteID]map[string]*group{} // the groups of other clouds' reasons
	var out []Site
	for _, x := range sites {
		if x.Unresolved == "" || x.Store != (evidence.StoreRef{}) {
			out = append(out, x)
			continue
		}
		if x.fromInput && (known[call{x.Pos, x.Kind}] || local[x.Pos]) {
			continue
		}
		k := x
		k.Unresolved, k.fromInput, k.Keys, k.Deferred, k.cloud = "", false, nil, false, ""
		id := k.id()
		g, ok := groups[id]
		if !ok {
			g = &group{at: len(out), deferred: true}
			groups[id] = g
			out = append(out, x)
		}
		if !x.fromInput && x.cloud != "" {
			if g.cloud == "" {
				g.cloud = x.cloud
			} else if g.cloud != x.cloud {
				if clouds[id] == nil {
					clouds[id] = map[string]*group{}
				}
				if g, ok = clouds[id][x.cloud]; !ok {
					g = &group{at: len(out), deferred: true, cloud: x.cloud}
					clouds[id][x.cloud] = g
					out = append(out, x)
				}
			}
		}
		g.deferred = g.deferred && x.Deferred
		if x.fromInput {
			g.inputs = append(g.inputs, x.Unresolved)
			continue
		}
		if len(g.reasons) == 0 {
			out[g.at] = x // the site says what is unknown, not an input
		}
		g.reasons = append(g.reasons, x.Unresolved)
		g.keys = append(g.keys, x.Keys...)
		g.unkeyed = g.unkeyed || len(x.Keys) == 0
	}
	all := slices.Collect(maps.Values(groups))
	for _, cs := range clouds {
		all = slices.AppendSeq(all, maps.Values(cs))
	}
	for _, g := range all {
		out[g.at].Deferred = g.deferred
		if len(g.reasons) == 0 {
			out[g.at].Unresolved = joinReasons(g.inputs)
			out[g.at].Keys = nil
			continue
		}
		out[g.at].Unresolved = joinReasons(g.reasons)
		out[g.at].Keys = nil
		if !g.unkeyed {
			out[g.at].Keys = sortedKeys(g.keys)
		}
	}
	return out
}

// joinReasons says several reasons once each: those of the form "the URL
// comes from X" as one sentence, "the URL comes from X, Y or Z".
func joinReasons(rs []string) string {
	var uniq []string
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			uniq = append(uniq, r)
		}
	}
	if len(uniq) == 1 {
		return uniq[0]
	}
	const from = " comes from "
	prefix, _, ok := strings.Cut(uniq[0], from)
	var whats []string
	for _, r := range uniq {
		p, what, found := strings.Cut(r, from)
		if !found || p != prefix {
			ok = false
			break
		}
		whats = append(whats, what)
	}
	if !ok {
		prefix, whats = "", uniq
	}
	head := ""
	if prefix != "" {
		head = prefix + from
	}
	n := len(whats)
	k := min(n, maxReasons-1)
	if n <= maxReasons {
		k = n
	}
	for ; k > 1 && utf8.RuneCountInString(head+listOr(whats, k)) > reasonRunes; k-- {
	}
	return head + listOr(whats, k)
}

// listOr lists the first k of whats as "A, B or C", and counts the rest:
// "A, B or 3 other values".
func listOr(whats []string, k int) string {
	shown := slices.Clone(whats[:k])
	switch n := len(whats) - k; {
	case n == 1:
		shown = append(shown, "1 other value")
	case n > 1:
		shown = append(shown, fmt.Sprintf("%d other values", n))
	}
	if len(shown) == 1 {
		return shown[0]
	}
	return strings.Join(shown[:len(shown)-1], ", ") + " or " + shown[len(shown)-1]
}

// networkCall reports whether a call sends over the network to a
// service (not to a writer such as a log, a hash or a response): a
// dependency's API that ends in one is a site even where its destination
// is not known.
func networkCall(what string) bool {
	// stripe-go sends every request through its Backend interface.
	for _, p := range []string{"http.Client.", "http.Post", "http.Get", "http.Head", "smtp.", "grpc.", "sql.", "websocket.", "stripe.Backend."} {
		if strings.HasPrefix(what, p) {
			return true
		}
	}
	return sdkSiteName(what)
}

// dependency reports whether a function is of another module than the
// package analysed (a library it depends on). Drivers that say which
// module a package is in (go vet, go/packages) set pass.Module; for
// others, a function whose file lies in the module cache or a vendor
// folder is a dependency's.
func (s *pkgState) dependency(fobj *types.Func) bool {
	if m := s.pass.Module; m != nil && m.Path != "" {
		p := fobj.Pkg().Path()
		return p != m.Path && !strings.HasPrefix(p, m.Path+"/")
	}
	name := "/" + filepath.ToSlash(s.pass.Fset.Position(fobj.Pos()).Filename)
	return strings.Contains(name, "/pkg/mod/") || strings.Contains(name, "/vendor/")
}

// inDependency reports whether the package analysed is of a module the
// checked code depends on (its sites are not reported; its callers'
// calls of its API are), as dependency decides it for a function.
func (s *pkgState) inDependency() bool {
	if m := s.pass.Module; m != nil && m.Path != "" {
		return m.Version != ""
	}
	if len(s.pass.Files) == 0 {
		return false
	}
	name := "/" + filepath.ToSlash(s.pass.Fset.Position(s.pass.Files[0].Pos()).Filename)
	return strings.Contains(name, "/pkg/mod/") || strings.Contains(name, "/vendor/")
}

// supplies reports whether a call of a function of another package
// supplies what decides a sink of it: the personal data it sends, or
// something known of where it goes (text of a URL, host, bucket or region;
// or the name of what holds it, such as os.Getenv("HOOK_URL")). A call that
// supplies nothing is not a site: the call inside the function is, once
// for all callers. A destination the caller only passes on from its own
// inputs is supplied (its own callers may decide it).
func supplies(sk Sink, ins []Val, subst func(Val, []Val) Val) bool {
	if !sk.Always {
		return true // the caller's data decides whether it is personal
	}
	for _, d := range sk.Dests {
		if !d.hasParam() {
			continue
		}
		for _, x := range subst(Val{Handles: []Handle{d}}, ins).Handles {
			if informs(x) {
				return true
			}
		}
	}
	return false
}

// informs reports whether a destination says something of where data
// goes: an input passed on, known text that decides (a host, a region,
// a bucket; not "host=" of a DSN whose host is unknown), or a named
// unknown such as flag -url or os.Getenv("API_URL"); not a value past the
// analysis' bounds nor a parameter of a function called from elsewhere
// (the caller knows no more than the call inside).
func informs(h Handle) bool {
	if h.hasParam() {
		return true
	}
	for _, d := range h.Dest {
		if h.Syntax == sBucketName || h.Syntax == sDataset {
			if strings.TrimSpace(flatten(d).text) != "" {
				return true
			}
		} else if dst := decode(h.Syntax, d, func(int) string { return "" }); dst.host != "" || dst.provider != "" || dst.local {
			return true // known text that decides (not "host=" of a DSN)
		}
		for _, p := range d.Parts {
			if p.Hole != "" && !p.Outside && !vagueHole(p.Hole) {
				return true
			}
		}
	}
	return false
}

// vagueHole reports whether a hole's reason names nothing a user could
// look up: a bound of the analysis, or a value not known at all.
func vagueHole(why string) bool {
	return why == tooLarge || why == tooMany || strings.Contains(why, "not known statically") || strings.Contains(why, "too large to evaluate")
}

// clientKind is the handle kind of an SDK client type, "" for others.
func clientKind(t types.Type) string {
	if !sdkHandleType(t) {
		return ""
	}
	return handleKindOf(t)
}

// kindThing names what decides where a client of a handle kind sends, in
// the words of its kind: a database for SQL, a region or bucket for cloud
// clients, a connection else.
func kindThing(kind string) string {
	switch kind {
	case hSQL:
		return "its database"
	case hSMTP:
		return "its mail server"
	case hGRPC:
		return "its gRPC target"
	case hAWSConfig, hAWSClient:
		return "the region of its AWS client"
	case hGCPClient, hGCS, hBigQuery:
		return "the bucket or location of its Google Cloud client"
	case hAzure:
		return "the account of its Azure client"
	case hSaaS, hSaaSStore:
		return "the endpoint of its client"
	case hHTTPClient:
		return "the server URL of its client"
	}
	return "its destination"
}
