package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// candidate is a call that may send personal data: what it sends and
// where, before the function's callers are taken into account.
type candidate struct {
	kind evidence.Kind
	// verb is what a send does where its destination turns out to be a
	// store (storeKind): its SQL text's or its method's name's verb, or
	// Store. "" for other kinds.
	verb   evidence.Kind
	what   string
	data   Val
	dests  []Handle
	origin string
	stores []Handle // hStoreName handles: the stores the call names
	// through is set for a call of a function of another package that
	// sends inside (a sink of its fact) to where this call decides: the
	// call is a site only where it says something of the destination
	// (supplies).
	through bool
	// own is set for a method call on a type or interface of the checked
	// code (not of the standard library or an SDK): what implements it is
	// analysed where it is written, so an input it is bound to is no
	// export site by itself.
	own bool
	// client is the handle kind of the receiver of a method of an SDK
	// client (hSQL, hAWSClient...): what decides where it sends.
	client string
	// forInner marks the notes of a call through a function of another
	// package that does not decide the destination (lend).
	forInner bool
	// elsewhere is set for a method call on an interface of the checked
	// code: what implements it reports its own sites, so a caller that
	// does not decide where it goes has nothing to lend it.
	elsewhere bool
	// ownAPI is set for an operation of a client generated for the
	// service's own API (ownAPI): where its server URL is not written in
	// the code, it is the service calling itself.
	ownAPI bool
	// net is set for a call that sends over the network to a service (a
	// row of the SDK table, an HTTP request, a statement to a database),
	// not to a writer such as a log, a hash or a response: a dependency's
	// API that ends in one is a site even where its destination is not
	// known (Sink.Net).
	net bool
}

// symCandidate is a candidate found in a function, symbolic in its inputs.
// A derived one comes from a call of another function of this package
// that sends what it is given: it tells this function's callers elsewhere
// (through a fact) and is not a site here (the callee reports it).
type symCandidate struct {
	cs      callSite
	c       candidate
	derived bool
}

// findSites looks at every call of the package: the sites here, and the
// sinks that other packages' calls of this package's functions report.
func (s *pkgState) findSites() {
	fns := []*fn{s.initFn}
	for _, cs := range s.allCalls {
		if len(fns) == 0 || fns[len(fns)-1] != cs.fn {
			fns = append(fns, cs.fn)
		}
	}
	done := map[*fn]bool{}
	for _, f := range fns {
		if done[f] {
			continue
		}
		done[f] = true
		for _, sc := range s.symbolic(f) {
			if !sc.derived {
				s.process(sc.cs, sc.c)
			}
			if f.facts {
				s.addSink(f, sc)
			}
		}
	}
	// Source order is path order, then offset: token.Pos orders files as
	// they were added to the file set, which a loader that parses them
	// concurrently does not fix, and oncePerOrigin keeps the first.
	sort.SliceStable(s.sites, func(i, j int) bool {
		a, b := s.pass.Fset.PositionFor(s.sites[i].Pos, false), s.pass.Fset.PositionFor(s.sites[j].Pos, false)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
	s.sites = oncePerOrigin(mergeChained(mergeCalls(mergeNotes(dedupeSites(s.sites), s.local))))
	for i := range s.sites {
		s.sites[i] = fitNote(s.sites[i])
	}
}

// symbolic lists the candidates of a function: its calls of sinks, of
// clients, and of functions that send what they are given.
func (s *pkgState) symbolic(f *fn) []symCandidate {
	if x, ok := s.symMemo[f]; ok {
		return x
	}
	if s.symBusy[f] {
		return nil
	}
	s.symBusy[f] = true
	var out []symCandidate
	for _, cs := range s.callsIn[f] {
		for _, c := range s.candidates(cs) {
			out = append(out, symCandidate{cs: cs, c: c})
		}
		fobj := cs.callee
		if g := s.fns[fobj]; fobj != nil && g != nil && g != f {
			sinks := s.sinksOf(g)
			var ins []Val
			if len(sinks) > 0 {
				ins = s.inputs(f, cs.call, fobj)
			}
			for _, sk := range sinks {
				if !s.step() {
					break // the sinks left are merged into one by mergeSinks' bound
				}
				if d := sinkData(sk, ins); !d.Personal && d.Params == 0 {
					continue
				}
				out = append(out, symCandidate{cs: cs, derived: true, c: candidate{
					kind: s.sinkKind(sk, cs.call, fobj, ins), verb: sk.Verb, what: calleeName(fobj) + " (" + innermost(sk.What) + ")", origin: sk.Origin,
					data: sinkData(sk, ins), dests: s.subst(Val{Handles: sk.Dests}, ins).Handles, elsewhere: sk.Elsewhere, net: sk.Net,
				}})
			}
		}
	}
	delete(s.symBusy, f)
	s.symMemo[f] = out
	return out
}

// sinkData is what a sink sends, given the inputs of a call.
func sinkData(sk Sink, ins []Val) Val {
	data := Val{Personal: sk.Always}
	if bodiless(sk.What) {
		return join(data, bodilessSinkData(sk, ins))
	}
	for _, i := range sk.Data {
		if i < len(ins) {
			data = join(data, sentTaint(sk, ins, i))
		}
	}
	return data
}

// sentTaint is the taint of input i at a call that a sink sends: of the
// fields of it the sink sends, when it sends only some (Sink.DataVia).
func sentTaint(sk Sink, ins []Val, i int) Val {
	return ins[i].fieldsTaint(paramFieldsOf(sk.DataVia, i))
}

// sinksOf computes what a function sends of what it is given, or to where
// its callers decide.
// Sinks that differ only in where they go are one (mergeSinks): a function
// that calls the next twice, each time with other arguments, has as many
// sinks as that one, not twice as many.
func (s *pkgState) sinksOf(f *fn) []Sink {
	if x, ok := s.sinkMemo[f]; ok {
		return x
	}
	var out []Sink
	for _, sc := range s.symbolic(f) {
		if sk, ok := s.sinkFor(f, sc); ok {
			out = append(out, sk)
		}
	}
	out = mergeSinks(out)
	s.sinkMemo[f] = out
	return out
}

func (s *pkgState) addSink(f *fn, sc symCandidate) {
	if sk, ok := s.sinkFor(f, sc); ok {
		s.sinks[f.obj] = append(s.sinks[f.obj], sk)
	}
}

// sinkFor turns a symbolic candidate into a sink when what it sends, or
// where, depends on the function's inputs. It is symbolic only: what this
// package's own calls pass is handled by process.
func (s *pkgState) sinkFor(f *fn, sc symCandidate) (Sink, bool) {
	c := sc.c
	if !c.data.Personal && c.data.Params == 0 {
		return Sink{}, false
	}
	// Inside a dependency, a send of personal data is told to its callers
	// even where the dependency decides the destination itself (a call
	// of an SDK's table to its vendor, smtppool's pool of connections to
	// the Host of its options): the dependency's API they call is the
	// site. One whose destination is over the evaluation's bounds is not:
	// what the dependency does there is not known.
	inDep := s.inDependency()
	var dests []Handle
	for _, h := range c.dests {
		if !c.data.Personal || h.hasParam() || inDep && !strings.Contains(h.Unknown, tooLarge) {
			dests = append(dests, h)
		}
	}
	if len(c.dests) == 0 && inDep && c.data.Personal {
		dests = []Handle{{Kind: hConn, Unknown: "its destination is not known statically"}}
	}
	if len(dests) == 0 {
		return Sink{}, false
	}
	origin := c.origin
	if origin == "" {
		origin = s.position(sc.cs.call.Pos())
	}
	return Sink{Kind: c.kind, Verb: c.verb, What: c.what, Always: c.data.Personal, Data: bits(c.data.Params),
		DataVia: c.data.ParamVia, Dests: canonHandles(dests), Origin: origin, Elsewhere: c.elsewhere, Net: c.net}, true
}

func dedupeSites(sites []Site) []Site {
	var out []Site
	seen := map[siteID]bool{}
	for _, x := range sites {
		if id := x.id(); !seen[id] {
			seen[id] = true
			out = append(out, x)
		}
	}
	return out
}

// candidates finds what a call may send: a built-in sink (http.Post), a
// function of another package that sends what it is given (a fact), or a
// method of a client or connection given data (db.Exec, conn.Write,
// client.PutObject).
func (s *pkgState) candidates(cs callSite) []candidate {
	f, call, fobj := cs.fn, cs.call, cs.callee
	if fobj == nil {
		c, _ := s.sdkFieldSite(cs)
		return c
	}
	if fobj.Pkg() == nil {
		return nil
	}
	if noDataCall(fobj) || sdkNoData(fobj) {
		return nil
	}
	pkgPath := fobj.Pkg().Path()
	if pkgPath == "net/http" || pkgPath == "net/smtp" || pkgPath == "google.golang.org/grpc" {
		if d, ok := directSinks[funcKey(fobj)]; ok {
			return s.direct(cs, d)
		}
	}
	if c, ok := s.oapiSite(cs); ok {
		// An operation of a generated API client, wherever the generated
		// code is: the call that gives it its arguments is the site.
		return c
	}
	if s.fns[fobj] != nil {
		return nil // this package's own function: its sites are inside it
	}
	if isInfra(fobj.Pkg()) {
		if c, ok := s.sdkSite(cs); ok {
			return c
		}
	}
	if fobj.Pkg() != s.pass.Pkg && !isInfra(fobj.Pkg()) && !isInterfaceMethod(fobj) {
		return s.throughFact(cs)
	}
	// A method of a client or connection (or of what wraps one), given
	// personal data: db.Exec, conn.Write, client.PutObject, enc.Encode.
	// Through an interface of the module: its implementations too (impls.go).
	if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel && isMethod(fobj) {
		own := s.methodCandidates(cs, sel)
		impl := s.implCandidates(cs, sel, own)
		return append(coveredBy(own, impl), impl...)
	}
	// A function given a connection and personal data: fmt.Fprintf(conn, ...),
	// io.Copy(w, r).
	if !isMethod(fobj) && isInfra(fobj.Pkg()) && takesDest(fobj) {
		ins := s.inputs(f, call, fobj)
		var hs []Handle
		var data Val
		var kind evidence.Kind = evidence.Send
		sig := fobj.Type().(*types.Signature)
		for i, in := range ins {
			if i < len(call.Args) && !mayCarryDest(s.info.TypeOf(call.Args[i])) && writerLike(s.info.TypeOf(call.Args[i])) {
				continue // a buffer in memory (bytes.Buffer, strings.Builder): written to, nowhere by itself
			}
			if h := usable(in.Handles); len(h) > 0 && (i < sig.Params().Len() && destParam(sig.Params().At(i).Type()) || concrete(h)) {
				hs = append(hs, h...)
				if i < len(call.Args) {
					kind = kindOfType(s.info.TypeOf(call.Args[i]))
				}
				continue
			}
			data = join(data, in.taint())
		}
		if len(hs) == 0 {
			return nil
		}
		// A writer that is an input of the function (an io.Writer, an
		// http.ResponseWriter parameter) is no destination by itself: a
		// caller that passes a connection reports it, as through a
		// function that wraps fmt.Fprintf; one that passes a terminal or
		// a response to the request does not. An input declared as a
		// connection (net.Conn) is one whatever the callers pass.
		conn := false
		for _, a := range call.Args {
			conn = conn || connType(s.info.TypeOf(a))
		}
		net := networkCall(calleeName(fobj))
		return []candidate{{kind: kind, what: calleeName(fobj), data: data, dests: hs, own: !conn && !net, net: net}}
	}
	return nil
}

// argAt gives a call's argument i of the inputs ins, which hold the
// receiver first when off is 1; past the end it is the empty value.
func argAt(ins []Val, off int) func(int) Val {
	return func(i int) Val {
		if off+i < len(ins) {
			return ins[off+i]
		}
		return Val{}
	}
}

// direct is the candidate of a built-in sink (http.Post, client.Do(req),
// smtp.SendMail, conn.Invoke).
func (s *pkgState) direct(cs callSite, d directSink) []candidate {
	f, call, fobj := cs.fn, cs.call, cs.callee
	ins := s.inputs(f, call, fobj)
	off := 0
	if isMethod(fobj) {
		off = 1
	}
	arg := argAt(ins, off)
	var data Val
	for _, i := range d.data {
		if i == d.dest && bodiless(d.what) {
			data = join(data, urlData(arg(i)))
			continue
		}
		data = join(data, arg(i).taint())
	}
	for _, i := range d.recipients {
		if !constantText(arg(i)) {
			data.Personal = true
		}
	}
	var dests []Handle
	switch {
	case d.recvDest && off == 1:
		dests = destHandles(ins[0].Handles)
	case d.req >= 0:
		req := arg(d.req)
		data = join(data, req.taint())
		for _, h := range req.Handles {
			if h.Kind == hRequest || h.Kind == hParam {
				dests = append(dests, h)
			}
		}
		if len(dests) == 0 {
			dests = []Handle{{Kind: hRequest, Unknown: "the request is not built with http.NewRequest where noticevet can follow it"}}
		}
	default:
		dests = []Handle{{Kind: "http", Origin: d.what, Syntax: d.syntax, Dest: orHole(arg(d.dest).Strs)}}
	}
	return []candidate{{kind: evidence.Send, what: d.what, data: data, dests: dests, net: networkCall(d.what)}}
}

func isMethod(f *types.Func) bool {
	sig, ok := f.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// typeName names a type as a user reads it: "sql.DB", "pb.UserServiceClient".
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// calleeName names a function as a user reads it: "partner.PostJSON",
// "store.Store.Save".
func calleeName(f *types.Func) string {
	if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil {
		return typeName(sig.Recv().Type()) + "." + f.Name()
	}
	if f.Pkg() == nil {
		return f.Name()
	}
	return f.Pkg().Name() + "." + f.Name()
}

// process decides what a candidate is once the function's callers in this
// package are known: sites here, and a sink fact for callers elsewhere when
// what is sent or where it goes is theirs to decide.
func (s *pkgState) process(cs callSite, c candidate) {
	f := cs.fn
	data := s.close(f, c.data, true)
	if !data.Personal && data.Params == 0 {
		return
	}
	dests := s.close(f, Val{Handles: c.dests}, true).Handles
	name := func(i int) string { return inputName(f, i) }
	if len(dests) == 0 && c.client == hSaaS {
		dests = unboundClient(c.dests, name)
	}
	c.kind = storeKind(c.kind, c.verb, dests)
	if c.through {
		// Through a function of another package: a site here only for
		// the destinations this call decides; the call inside reports the
		// others, once for all its callers, and is told what this call
		// gives it (lend).
		var kept, lent []Handle
		for _, h := range dests {
			if h.Param > 0 {
				kept = append(kept, h)
				continue
			}
			decided, rest := splitDecided(h)
			if len(decided.Dest) > 0 {
				kept = append(kept, decided)
			}
			if len(rest.Dest) > 0 || len(h.Dest) == 0 {
				lent = append(lent, rest)
			}
		}
		dests = kept
		if data.Personal && !c.elsewhere {
			s.lend(cs, c, lent, name)
		}
	}
	if len(dests) == 0 {
		return
	}
	named := s.storeRefs(f, c.stores)
	var forCallers []Handle
	for _, h := range dests {
		if h.Param > 0 {
			// An input of the function: a connection its caller passes.
			forCallers = append(forCallers, h)
			// The call that sends is the site while its callers in other
			// packages do not decide where it goes (supplies); a call found
			// through such a function leaves the note to the call inside.
			if data.Personal && !f.generated && c.origin == "" && !c.own && h.Param-1 < len(f.ins) {
				kind := h.Only
				if !typedKind(kind) {
					kind = c.client
				}
				s.emitUnresolved(cs, c, named, h, kindThing(kind)+" comes from "+name(h.Param-1), true)
			}
			continue
		}
		if h.Syntax == sLocal {
			s.local[cs.call.Pos()] = true
			continue
		}
		if len(h.Dest) == 0 {
			if data.Personal {
				s.emitUnresolved(cs, c, named, h, h.Unknown, h.Outside)
			}
			continue
		}
		var rest []Str
		for _, d := range h.Dest {
			dst := s.decide(h, d, name)
			if dst.fromInput {
				rest = append(rest, d)
				// Through a function that reads the data itself, the
				// call inside says where the input leads, once.
				if data.Personal && !f.generated && !c.through {
					s.emitDest(cs, c, named, h, dst, true)
				}
				continue
			}
			if data.Personal {
				s.emitDest(cs, c, named, h, dst, false)
			}
		}
		if len(rest) > 0 {
			g := h
			g.Dest = rest
			forCallers = append(forCallers, g)
		}
	}
	// Sites whose destination the callers elsewhere decide are deferred to
	// them (a fact tells them).
	if f.facts && len(forCallers) > 0 {
		for i := range s.sites {
			if s.sites[i].Pos == cs.call.Pos() && s.sites[i].fromInput {
				s.sites[i].Deferred = true
			}
		}
	}
}

// decide reads one destination value of a handle.
func (s *pkgState) decide(h Handle, d Str, name func(int) string) destination {
	switch h.Syntax {
	case sBucketName, sDataset:
		return s.located(h, d, name)
	}
	dst := decode(h.Syntax, d, name)
	if dst.unresolved != "" {
		dst.open, dst.settings = openFields(d), settingsOf(d)
	}
	if rest, ok := strings.CutPrefix(dst.unresolved, "the address "); ok {
		dst.unresolved = endpointWord(h, "address") + " " + rest
	} else if rest, ok := strings.CutPrefix(dst.unresolved, "the URL "); ok {
		dst.unresolved = endpointWord(h, "URL") + " " + rest
	}
	return dst
}

func (s *pkgState) emitUnresolved(cs callSite, c candidate, named []evidence.StoreRef, h Handle, why string, fromInput bool) {
	if why == "" {
		why = "the destination is not known statically"
	}
	s.emitDest(cs, c, named, h, destination{unresolved: why, fromInput: fromInput}, fromInput)
}

// emitDest records a site; named are the stores the call's inputs name
// (storeRefs of the candidate).
func (s *pkgState) emitDest(cs callSite, c candidate, named []evidence.StoreRef, h Handle, d destination, fromInput bool) {
	if d.nowhere {
		return
	}
	if d.local {
		s.local[cs.call.Pos()] = true
		return
	}
	if d.unresolved != "" && c.ownAPI {
		// A client of the service's own API bound to the URL it is
		// configured with (a CLI calling its server): not an export. A
		// host written in the code is still reported; a self block
		// names the service's domains.
		return
	}
	if d.unresolved != "" && cs.fn.generated {
		// Generated code (protocol buffer stubs) gets its destinations from
		// its callers; a note there could not be acted on.
		return
	}
	if strings.HasSuffix(s.pass.Fset.File(cs.call.Pos()).Name(), "_test.go") {
		return // tests send their fixtures to test servers
	}
	site := Site{
		Pos:        cs.call.Pos(),
		Kind:       kindOf(h, c.kind),
		What:       c.what,
		Host:       d.host,
		Provider:   d.provider,
		Region:     d.region,
		Unresolved: d.unresolved,
		Origin:     c.origin,
		ForInner:   c.forInner,
		fromInput:  fromInput,
		remote:     fromInput && strings.HasPrefix(h.Syntax, "dsn:") && !localDriver(h),
		cloud:      cloudOf(h),
	}
	if d.unresolved != "" && d.key != (evidence.ConfigKey{}) {
		site.Keys = []evidence.ConfigKey{d.key}
	}
	if d.unresolved != "" {
		site.Open, site.Settings = d.open, d.settings
	}
	if d.label != "" && !strings.Contains(site.What, d.label) {
		site.What += d.label
	}
	names := named
	if d.store != (evidence.StoreRef{}) {
		names = append(slices.Clip(names), d.store)
	}
	if len(names) == 0 {
		s.sites = append(s.sites, site)
		return
	}
	for _, st := range names {
		x := site
		if l := storeLabel(st); !strings.Contains(x.What, l) {
			x.What += l
		}
		// The resource that defines the store places the call when the
		// code cannot, or when the store's name holds in every region
		// (a bucket is where it is, whatever region the client is set to).
		if t, _ := evidence.LookupStoreType(st.Type); d.unresolved != "" || t.Global && d.provider != "" {
			x.Store = st
		}
		s.sites = append(s.sites, x)
	}
}

// storeRefs are the stores a call's inputs name, where the name is known.
func (s *pkgState) storeRefs(f *fn, hs []Handle) []evidence.StoreRef {
	var out []evidence.StoreRef
	for _, h := range s.close(f, Val{Handles: hs}, true).Handles {
		if h.Kind != hStoreName {
			continue
		}
		for _, d := range h.Dest {
			if name, ok := storeName(h, d); ok {
				out = append(out, evidence.StoreRef{Type: h.Service, Name: name})
			}
		}
	}
	slices.SortFunc(out, evidence.StoreRef.Compare)
	return slices.Compact(out)
}

// registration is a bucket or dataset created in this package, with its
// location.
type registration struct {
	syntax    string // sBucketName or sDataset
	names     []Str
	locations []Str // nil: no location given
	defaulted string
}

// located places a Cloud Storage bucket or a BigQuery dataset by the
// location it is created with in this package.
func (s *pkgState) located(h Handle, d Str, name func(int) string) destination {
	thing := "the bucket name"
	noun := "bucket"
	if h.Syntax == sDataset {
		thing, noun = "the dataset name", "dataset"
	}
	f := flatten(d)
	if i := firstHole(f.text); i >= 0 {
		return f.blocked(i, thing, name)
	}
	id := f.text
	label := " to " + noun + " " + id
	var store evidence.StoreRef
	if t, ok := storeNames.googleCalls[h.Origin]; ok {
		store = evidence.StoreRef{Type: t, Name: id}
	}
	for _, r := range s.registrations() {
		if r.syntax != h.Syntax {
			continue
		}
		for _, n := range r.names {
			if l, ok := n.literal(); !ok || l != id {
				continue
			}
			if len(r.locations) == 0 {
				if r.defaulted != "" {
					return destination{provider: "google", region: r.defaulted, label: label}
				}
				return destination{label: label, store: store, unresolved: noun + " " + quote(clip(id)) + " is created with no location, and the default is not known"}
			}
			loc := flatten(r.locations[0])
			if i := firstHole(loc.text); i >= 0 {
				dd := loc.blocked(i, "its location", name)
				dd.label = label
				dd.fromInput = false
				return dd
			}
			return destination{provider: "google", region: loc.text, label: label}
		}
	}
	return destination{label: label, store: store, unresolved: noun + " " + quote(clip(id)) + " is not created in this package: its location is unknown"}
}

// registrations evaluates the bucket and dataset creations of the package.
func (s *pkgState) registrations() []registration {
	if s.regDone {
		return s.regMemo
	}
	s.regDone = true
	for _, cs := range s.creates {
		fobj := cs.callee
		if fobj == nil {
			continue
		}
		ins := s.inputs(cs.fn, cs.call, fobj)
		r := registration{syntax: sBucketName}
		attrs := 3 // (*BucketHandle).Create(ctx, projectID, attrs)
		if fobj.Pkg().Path() == "cloud.google.com/go/bigquery" {
			r.syntax, attrs = sDataset, 2 // (*Dataset).Create(ctx, md)
		} else {
			r.defaulted = "US" // "Location ... defaults to US"
		}
		recv := s.close(cs.fn, ins[0], false)
		for _, h := range recv.Handles {
			if h.Syntax == r.syntax {
				r.names = append(r.names, h.Dest...)
			}
		}
		if attrs < len(ins) {
			for _, h := range s.close(cs.fn, ins[attrs], false).Handles {
				if h.Kind == hGCPLocation {
					r.locations = append(r.locations, h.Dest...)
				}
			}
		}
		s.regMemo = append(s.regMemo, r)
	}
	return s.regMemo
}

// position is a token.Pos as "file:line:col".
func (s *pkgState) position(p token.Pos) string {
	return s.pass.Fset.Position(p).String()
}

// unboundClient is the destination of a call of the SDK table whose
// client is an input of the function that no caller here binds to one (a
// mail sender returned by an interface of the module): a destination not
// known, naming the input, rather than none — the call sends all the same.
func unboundClient(dests []Handle, name func(int) string) []Handle {
	for _, h := range dests {
		if h.Param > 0 {
			return []Handle{{Kind: hSaaS, Unknown: "its client comes from " + name(h.Param-1) + ", which no caller binds to a server noticevet can read"}}
		}
	}
	return nil
}
