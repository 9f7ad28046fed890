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
// one line of about 200 characters whatever the code holds. noteRunes is
// how long a site's name and reason may be together: the message of a
// site in code adds at most 48 runes of its own ("X: cannot decide where
// it deletes personal data: Y").
const (
	maxReasons  = 3
	reasonRunes = 100
	noteRunes   = 200 - 48
)

// fitNote keeps an unresolved site's name and reason within noteRunes: a
// long name leaves less room for the list of unknowns (the rest are
// counted), and a name through a function of another package that is
// still too long names the types without their packages
// ("Store.Save (DB.Exec)" for "store.Store.Save (sql.DB.Exec)"): the
// caller is at the line the finding points to.
func fitNote(s Site) Site {
	if s.Unresolved == "" {
		return s
	}
	if utf8.RuneCountInString(s.What)+utf8.RuneCountInString(s.Unresolved) <= noteRunes {
		return s
	}
	if len(s.reasons) > 1 {
		s.Unresolved = joinReasons(s.reasons, min(reasonRunes, noteRunes-utf8.RuneCountInString(s.What)))
	}
	s.What = fitName(s.What, s.Unresolved)
	return s
}

// fitName shortens the name of a site through a function of another
// package whose note would be longer than noteRunes (fitNote): first the
// packages of the caller's method and of the call inside go, then, where
// that is not enough, the caller's package or type and the call inside's
// type. The caller is at the line the finding points to.
func fitName(what, why string) string {
	for _, step := range []struct {
		inner bool
		dots  int
	}{{false, 2}, {true, 2}, {false, 1}, {true, 1}} {
		if utf8.RuneCountInString(what)+utf8.RuneCountInString(why) > noteRunes {
			what = unqualify(what, step.inner, step.dots)
		}
	}
	return what
}

// unqualify drops the first element of the caller's name ("store.Store.Save
// (sql.DB.Exec)" is "Store.Save (sql.DB.Exec)"), or of the call inside's
// when inner is set ("Store.Save (DB.Exec and 2 more)"), where it has at
// least dots dots.
func unqualify(what string, inner bool, dots int) string {
	outer, rest, ok := strings.Cut(what, " (")
	if !ok {
		return what
	}
	if !inner {
		if strings.Count(outer, ".") >= dots {
			_, outer, _ = strings.Cut(outer, ".")
		}
		return outer + " (" + rest
	}
	in, tail, _ := strings.Cut(rest, ")")
	name, more, _ := strings.Cut(in, " ")
	if strings.Count(name, ".") >= dots {
		_, name, _ = strings.Cut(name, ".")
	}
	if more != "" {
		name += " " + more
	}
	return outer + " (" + name + ")" + tail
}

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
		k.What, k.Origin, k.ForInner, k.Open, k.Settings = outer+"\x00"+label, "", false, nil, nil
		if g, ok := groups[k.id()]; ok {
			g.inner = append(g.inner, inner)
			g.origins = append(g.origins, x.Origin)
			// A note lent to a call inside (ForInner) that says what a
			// finding of the same call says is part of it: one line, one
			// destination, one row. Its open fields (and settings) are
			// known only when every part's are.
			out[g.at].ForInner = out[g.at].ForInner && x.ForInner
			out[g.at].Open = bothKnown(out[g.at].Open, x.Open)
			out[g.at].Settings = bothKnown(out[g.at].Settings, x.Settings)
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

// mergeChained makes one site of the calls of one chain that start at the
// same position and go to the same destination in the same way (gorm's
// db.Find(&us).Count(&n), two statements on one line): "gorm.DB.Count
// and 1 more", one finding for the line.
func mergeChained(sites []Site) []Site {
	type group struct {
		at    int
		names []string
	}
	groups := map[siteID]*group{}
	var out []Site
	for _, x := range sites {
		if strings.Contains(x.What, " (") || x.Origin != "" {
			out = append(out, x)
			continue
		}
		k := x
		k.What = ""
		if g, ok := groups[k.id()]; ok {
			g.names = append(g.names, x.What)
			continue
		}
		groups[k.id()] = &group{at: len(out), names: []string{x.What}}
		out = append(out, x)
	}
	for _, g := range groups {
		if names := sortedStrings(g.names); len(names) > 1 {
			out[g.at].What = fmt.Sprintf("%s and %d more", names[0], len(names)-1)
		}
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
	return strings.Join([]string{s.Origin, string(s.Kind), s.Host, s.Provider, s.Region, s.Unresolved, fmt.Sprint(s.ForInner)}, "\x00"), true
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
// constructor opens an SQLite file), unless the note is of a database
// kept elsewhere that the call may reach instead (a DSN for MySQL or
// PostgreSQL beside the SQLite file, as the configuration chooses). Sites that name a store (a resource
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
		unkeyed bool  // some value is not read from a key
		open    allOf // the values' open fields (Site.Open)
		// settings are the values' settings (Site.Settings), inSettings
		// the inputs'.
		settings, inSettings allOf
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
		if x.fromInput && (known[call{x.Pos, x.Kind}] || local[x.Pos] && !x.remote) {
			continue
		}
		k := x
		k.Unresolved, k.fromInput, k.Keys, k.Deferred, k.cloud, k.Open, k.Settings, k.remote = "", false, nil, false, "", nil, nil, false
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
			g.inSettings.add(x.Settings)
			continue
		}
		if len(g.reasons) == 0 {
			out[g.at] = x // the site says what is unknown, not an input
		}
		g.reasons = append(g.reasons, x.Unresolved)
		g.keys = append(g.keys, x.Keys...)
		g.unkeyed = g.unkeyed || len(x.Keys) == 0
		g.open.add(x.Open)
		g.settings.add(x.Settings)
	}
	all := slices.Collect(maps.Values(groups))
	for _, cs := range clouds {
		all = slices.AppendSeq(all, maps.Values(cs))
	}
	for _, g := range all {
		out[g.at].Deferred = g.deferred
		if len(g.reasons) == 0 {
			out[g.at].Unresolved, out[g.at].reasons = joinReasons(g.inputs, reasonRunes), g.inputs
			out[g.at].Keys, out[g.at].Open, out[g.at].Settings = nil, nil, g.inSettings.all()
			continue
		}
		out[g.at].Unresolved, out[g.at].reasons = joinReasons(g.reasons, reasonRunes), g.reasons
		out[g.at].Keys, out[g.at].Open, out[g.at].Settings = nil, g.open.all(), g.settings.all()
		if !g.unkeyed {
			out[g.at].Keys = sortedKeys(g.keys)
		}
	}
	return out
}

// joinReasons says several reasons once each: those of the form "the URL
// comes from X" as one sentence, "the URL comes from X, Y or Z", listed
// while the list stays within budget runes (the others are counted).
func joinReasons(rs []string, budget int) string {
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
	for ; k > 1 && utf8.RuneCountInString(head+listOr(whats, k)) > budget; k-- {
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

// networkCall reports whether a call of the standard library or of a
// client that is no row of the SDK table, named as candidates name it
// ("sql.DB.Exec"), sends over the network to a service (not to a writer
// such as a log, a hash or a response). The table's rows are such calls
// by being rows (candidate.net).
func networkCall(what string) bool {
	// stripe-go sends every request through its Backend interface.
	for _, p := range []string{"http.Client.", "http.Post", "http.Get", "http.Head", "smtp.", "grpc.", "sql.", "websocket.", "stripe.Backend."} {
		if strings.HasPrefix(what, p) {
			return true
		}
	}
	return false
}

// dependency reports whether a function is of another module than the
// package analysed (a library it depends on). Drivers that say which
// module a package is in (go vet, go/packages) set pass.Module; for
// others, a function whose file lies in the module cache or a vendor
// folder is a dependency's.
func (s *pkgState) dependency(fobj *types.Func) bool {
	if in, ok := s.moduleHas(fobj.Pkg().Path()); ok {
		return !in
	}
	return s.dependencyFolder(fobj.Pos())
}

// inDependency reports whether the package analysed is of a module the
// checked code depends on (its sites are not reported; its callers'
// calls of its API are), as dependency decides it for a function.
func (s *pkgState) inDependency() bool {
	if m := s.pass.Module; m != nil && m.Path != "" {
		return m.Version != ""
	}
	return len(s.pass.Files) > 0 && s.dependencyFolder(s.pass.Files[0].Pos())
}

// moduleHas reports whether an import path is of the module the driver
// says the package analysed is in; ok is false when it says none.
func (s *pkgState) moduleHas(path string) (in, ok bool) {
	m := s.pass.Module
	if m == nil || m.Path == "" {
		return false, false
	}
	return path == m.Path || strings.HasPrefix(path, m.Path+"/"), true
}

// dependencyFolder reports whether the file at pos lies in the module
// cache or a vendor folder: a dependency's, where the driver does not say
// (moduleHas).
func (s *pkgState) dependencyFolder(pos token.Pos) bool {
	name := "/" + filepath.ToSlash(s.pass.Fset.Position(pos).Filename)
	return strings.Contains(name, "/pkg/mod/") || strings.Contains(name, "/vendor/")
}

// supplies reports whether a call of a function of another package
// supplies what decides a sink of it: the personal data it sends, or
// where it goes (text of a URL, host, bucket or region). A destination
// the caller only passes on from its own inputs is supplied (its own
// callers may decide it). A caller that gives only another unknown (an
// environment variable, a configuration key, a value not known
// statically) decides nothing: the call inside is the site, once for all
// callers, and is told what they give it (lend).
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

// informs reports whether a destination decides where data goes: an
// input passed on, or known text that decides (a host, a region, a
// bucket; not "host=" of a DSN whose host is unknown). An unknown, even
// one that is named (flag -url, os.Getenv("API_URL"), a configuration
// key), decides nothing the call inside does not already say: the value
// the configuration gives it is one more value of the same unknown.
func informs(h Handle) bool {
	if h.Param > 0 {
		return true
	}
	for _, d := range h.Dest {
		if decides(h, d) {
			return true
		}
	}
	return false
}

// decides reports whether one value of a destination decides where data
// goes (informs).
func decides(h Handle, d Str) bool {
	if d.hasParam() {
		return true
	}
	if h.Syntax == sBucketName || h.Syntax == sDataset {
		return strings.TrimSpace(strings.ReplaceAll(flatten(d).text, "\x00", "")) != "" // some text of the name is known
	}
	dst := decode(h.Syntax, d, func(int) string { return "" })
	return dst.host != "" || dst.provider != "" || dst.local // known text (not "host=" of a DSN)
}

// splitDecided splits the values of a destination into those that decide
// where data goes and the others.
func splitDecided(h Handle) (decided, rest Handle) {
	decided, rest = h, h
	decided.Dest, rest.Dest = nil, nil
	for _, d := range h.Dest {
		if decides(h, d) {
			decided.Dest = append(decided.Dest, d)
		} else {
			rest.Dest = append(rest.Dest, d)
		}
	}
	return decided, rest
}

// Vague reports whether an unresolved site's reason names nothing a user
// could look up (vagueReason): a caller's note of that kind that no site
// inside takes is no finding of its own.
func (s Site) Vague() bool { return vagueReason(s.Unresolved) }

// vagueReason reports whether a note's reason names nothing a user could
// look up: a bound of the analysis, or a value not known at all.
func vagueReason(why string) bool {
	return strings.Contains(why, tooLarge) || strings.Contains(why, tooMany) || strings.Contains(why, "not known statically") || strings.Contains(why, "too large to evaluate")
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

// FromCallers is a deferred site as its callers in other packages leave
// it when none of them decides where it sends: the notes they lend it
// (Site.ForInner) name what they give it, an environment variable or a
// configuration key, instead of the function's own input. A caller that
// gives a value not known statically names nothing the input does not:
// the site's own reason stays for it. The keys are kept when every caller
// gives one, so that the value the configuration sets places the call.
func FromCallers(s Site, callers []Site) Site {
	var reasons []string
	var keys []evidence.ConfigKey
	var settings []string
	keyed, set, own := true, true, false
	for _, c := range callers {
		if c.Unresolved == "" || vagueReason(c.Unresolved) {
			own = true
			continue
		}
		reasons = append(reasons, c.Unresolved)
		keys = append(keys, c.Keys...)
		keyed = keyed && len(c.Keys) > 0
		settings = append(settings, c.Settings...)
		set = set && len(c.Settings) > 0
	}
	if len(reasons) == 0 {
		return s
	}
	slices.Sort(reasons)
	if own {
		reasons = append(reasons, s.Unresolved)
	}
	s.Unresolved, s.reasons = joinReasons(reasons, reasonRunes), reasons
	s.Keys, s.Open, s.Settings = nil, nil, nil
	if keyed && !own {
		s.Keys = sortedKeys(keys)
	}
	if set && !own {
		s.Settings = sortedStrings(settings)
	}
	return fitNote(s)
}

// givesPersonal reports whether some of the arguments of a call in f is
// personal data, not bound to a destination (a store that holds its
// database is the service, not its data; an input of f may be either):
// what f's inputs are is decided by its callers (an input named email is
// personal).
func (s *pkgState) givesPersonal(f *fn, args []Val) bool {
	for _, a := range args {
		if boundToDest(a) {
			continue
		}
		if a.Personal || a.Params != 0 && s.close(f, a.taint(), true).Personal {
			return true
		}
	}
	return false
}

// lend records, for destinations a call of a function of another package
// gives the call inside without deciding them (an environment variable, a
// configuration key, a value not known statically), why they are not
// known: no site of its own, but what the deferred site inside says of
// its callers (Site.ForInner, FromCallers).
func (s *pkgState) lend(cs callSite, c candidate, hs []Handle, name func(int) string) {
	c.forInner = true
	for _, h := range hs {
		if len(h.Dest) == 0 {
			s.emitUnresolved(cs, c, nil, h, h.Unknown, false)
			continue
		}
		for _, d := range h.Dest {
			if dst := s.decide(h, d, name); dst.unresolved != "" {
				dst.fromInput = false
				s.emitDest(cs, c, nil, h, dst, false)
			}
		}
	}
}

// bothKnown merges what two parts of one note know of their values (open
// fields, settings): nil unless both know it.
func bothKnown(a, b []string) []string {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	return sortedStrings(append(slices.Clone(a), b...))
}

// allOf gathers what each value of a note knows of itself (its open
// field, its setting): the note knows it only when every value does.
type allOf struct {
	items   []string
	missing bool // some value knows none
}

func (a *allOf) add(x []string) {
	a.items = append(a.items, x...)
	a.missing = a.missing || len(x) == 0
}

// all is what every value knows, sorted; nil when some value knows none.
func (a allOf) all() []string {
	if a.missing || len(a.items) == 0 {
		return nil
	}
	return sortedStrings(a.items)
}
