package goevidence

import (
	"fmt"
	"go/types"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// funcFact tells the packages that call a function what it returns and
// where it sends what it is given. Results and Sinks are symbolic in the
// function's inputs (the receiver first, then the parameters).
type funcFact struct {
	Results   []Val
	Sinks     []Sink
	Callbacks []Callback
	// Writes, when WritesKnown, says for each input (the receiver
	// first) which inputs the function writes into it (writesInto): a
	// method that hands its arguments on to a connection keeps none of
	// them in its receiver.
	Writes      []uint64
	WritesKnown bool
}

// Callback is what a function passes to one of its inputs that is a
// function when it calls it (db.InTx calls f(tx) with the transaction it
// began): the arguments, joined over its calls of that input, symbolic in
// the function's inputs. A function literal given there has them as its
// parameters (importedCallbackVal).
type Callback struct {
	Input int // the input called (the receiver first)
	Args  []Val
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	for i, r := range f.Results {
		parts = append(parts, fmt.Sprintf("result %d: %s", i, r))
	}
	for _, s := range f.Sinks {
		parts = append(parts, "sink: "+s.String())
	}
	return strings.Join(parts, "; ")
}

// valueFact tells other packages what a package-level variable or a struct
// field may hold.
type valueFact struct {
	Val Val
}

func (*valueFact) AFact() {}

func (f *valueFact) String() string { return f.Val.String() }

// Sink is a call inside a function that sends what the function is given,
// or sends to where its caller decides: the caller reports the site.
type Sink struct {
	Kind evidence.Kind
	// Verb is, for a send, what it does where the callers' destination
	// is a store (candidate.verb).
	Verb   evidence.Kind
	What   string // the call inside: "http.Post"
	Always bool   // the data sent is personal whatever the arguments
	Data   []int  // otherwise: the inputs whose personal data is sent
	// DataVia narrows Data to fields of inputs (the message's topic,
	// not the sender written beside it), as Val.ParamVia.
	DataVia []ParamField
	Dests   []Handle // where it goes, symbolic in the inputs
	Origin  string   // the position of the call inside ("file:line:col")
	// Elsewhere is set when the call inside is a method of an interface
	// of the checked code, whose implementations report their own sites.
	Elsewhere bool
	// Net is set when the call inside sends over the network to a service
	// (candidate.net), not to a writer (a log, a hash): a dependency's API
	// that ends in one is a site for every caller.
	Net bool
}

func (s Sink) String() string {
	var ds []string
	for _, d := range s.Dests {
		ds = append(ds, d.String())
	}
	return fmt.Sprintf("%s %s always=%v data=%v to [%s]", s.Kind, s.What, s.Always, s.Data, strings.Join(ds, ", "))
}

func (s Sink) key() string {
	var b strings.Builder
	b.WriteString(s.headKey())
	for _, d := range s.Dests {
		b.WriteString("\x02" + d.key())
	}
	return b.String()
}

func (v Val) String() string {
	var parts []string
	if v.Personal {
		parts = append(parts, "personal")
	}
	if v.Params != 0 {
		parts = append(parts, fmt.Sprintf("from inputs %v", bits(v.Params)))
	}
	for _, s := range v.Strs {
		parts = append(parts, fmt.Sprintf("%q", s.String()))
	}
	for _, h := range v.Handles {
		parts = append(parts, h.String())
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " ")
}

func (s Str) String() string {
	var b strings.Builder
	for _, p := range s.Parts {
		switch {
		case p.Param > 0 && p.Field != "":
			fmt.Fprintf(&b, "{input %d field %s}", p.Param-1, p.Field)
		case p.Param > 0:
			fmt.Fprintf(&b, "{input %d}", p.Param-1)
		case p.Hole != "":
			fmt.Fprintf(&b, "{%s}", p.Hole)
		default:
			b.WriteString(p.Lit)
		}
	}
	return b.String()
}

func (h Handle) String() string {
	if h.Param > 0 {
		return fmt.Sprintf("<input %d>", h.Param-1)
	}
	var ds []string
	for _, d := range h.Dest {
		ds = append(ds, d.String())
	}
	s := "<" + h.Kind
	if h.Service != "" {
		s += " " + h.Service
	}
	if len(ds) > 0 {
		s += " " + h.Syntax + " " + strings.Join(ds, "|")
	}
	if h.Unknown != "" {
		s += " unknown"
	}
	return s + ">"
}

// exportFacts exports what other packages need: function summaries and
// sinks, and what exported variables and fields hold.
func (s *pkgState) exportFacts() {
	// In source order: a summary computed inside a cycle of calls is
	// memoized as far as the cycle lets it be, so the order in which the
	// functions are summarized must not be a map's.
	objs := make([]*types.Func, 0, len(s.fns))
	for obj := range s.fns {
		objs = append(objs, obj)
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Pos() < objs[j].Pos() })
	for _, obj := range objs {
		f := s.fns[obj]
		if !f.facts {
			continue
		}
		fact := &funcFact{}
		sig := obj.Type().(*types.Signature)
		if resultsCarry(sig) {
			fact.Results = s.summary(f)
		} else {
			fact.Results = make([]Val, sig.Results().Len())
		}
		for i := range fact.Results {
			fact.Results[i] = s.forFact(fact.Results[i])
		}
		fact.Sinks = mergeSinks(s.sinks[obj])
		fact.Callbacks = s.callbacks(f)
		if ws, ok := s.writesInto(obj); ok && writesMatter(obj) && !s.inDependency() {
			fact.Writes, fact.WritesKnown = ws, true
		}
		interesting := len(fact.Sinks) > 0 || len(fact.Callbacks) > 0 || fact.WritesKnown
		for i, r := range fact.Results {
			interesting = interesting || s.worthTelling(r, sig.Results().At(i).Type())
		}
		if interesting {
			s.pass.ExportObjectFact(obj, fact)
		}
	}
	scope := s.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && v.Exported() {
			if x := s.forFact(s.varVal(v)); s.worthTelling(x, v.Type()) {
				s.pass.ExportObjectFact(v, &valueFact{Val: x})
			}
		}
	}
	var fields []*types.Var
	for field := range s.fields {
		if field.Exported() {
			fields = append(fields, field)
		}
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].Pos() < fields[j].Pos() })
	for _, field := range fields {
		if x := s.forFact(s.fieldVal(field)); s.worthTelling(x, field.Type()) {
			s.pass.ExportObjectFact(field, &valueFact{Val: x})
		}
	}
}

// resultsCarry reports whether some result of a function can carry data,
// text or a destination (not only errors, booleans and numbers).
func resultsCarry(sig *types.Signature) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if carriesData(t) || handleCapable(t) {
			return true
		}
	}
	return false
}

// worthTelling reports whether a value says more than its type: text,
// destinations, derivation from inputs, or personal data a type that is
// not personal carries.
func (s *pkgState) worthTelling(v Val, t types.Type) bool {
	return v.Params != 0 || len(v.Handles) > 0 || len(v.Fields) > 0 || hasLiteral(v.Strs) ||
		v.Personal && !s.pt.personal(t)
}

// hasLiteral reports whether some string has known text, or is read from
// a configuration key (a package that reads its settings for the others
// tells them which key: os.Getenv("DATABASE_URL")).
func hasLiteral(ss []Str) bool {
	for _, x := range ss {
		for _, p := range x.Parts {
			if p.Lit != "" || p.Param > 0 || p.Key != (evidence.ConfigKey{}) {
				return true
			}
		}
	}
	return false
}

// forFact keeps what callers can use: a value that is personal only by its
// type needs no fact (the caller sees the type).
func (s *pkgState) forFact(v Val) Val {
	v.Strs = canonStrs(v.Strs)
	v.Handles = canonHandles(v.Handles)
	return v
}

// headKey is the key of everything but the destinations.
func (s Sink) headKey() string {
	return fmt.Sprintf("%s\x01%s\x01%s\x01%v\x01%v\x01%v\x01%s", s.Kind, s.Verb, s.What, s.Always, s.Data, s.DataVia, s.Origin)
}

// mergeSinks makes one sink of those that differ only in where they go,
// with the destinations of all (canonHandles bounds them), in key order.
// Past maxSinks, the rest are one sink whose destination is too large to
// evaluate statically, so that callers still report the call.
func mergeSinks(sinks []Sink) []Sink {
	var out []Sink
	at := map[string]int{}
	for _, sk := range sinks {
		k := sk.headKey()
		if i, ok := at[k]; ok {
			out[i].Dests = append(out[i].Dests, sk.Dests...)
			out[i].Net = out[i].Net || sk.Net
			continue
		}
		at[k] = len(out)
		sk.Dests = append([]Handle(nil), sk.Dests...)
		out = append(out, sk)
	}
	for i := range out {
		out[i].Dests = canonHandles(out[i].Dests)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	if len(out) > maxSinks {
		rest := out[maxSinks-1:]
		m := Sink{Kind: rest[0].Kind, Verb: rest[0].Verb, What: rest[0].What, Origin: rest[0].Origin}
		var data uint64
		for _, r := range rest {
			m.Always = m.Always || r.Always
			m.Net = m.Net || r.Net
			for _, i := range r.Data {
				data |= bit(i)
			}
		}
		m.Data = bits(data)
		m.Dests = []Handle{{Kind: hConn, Unknown: "its destination is one of more than can be evaluated statically: " + tooLarge}}
		out = append(out[:maxSinks-1], m)
	}
	return out
}
