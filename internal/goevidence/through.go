package goevidence

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// throughFact is the candidates of a call of a function of another
// package that sends inside (the sinks of its fact): every one of a
// function of the module (process decides which destinations are the
// call's, and lends the others to the call inside), those of a
// dependency's API that the call supplies something of (supplies), and
// every one of a dependency's API that ends in a network call.
func (s *pkgState) throughFact(cs callSite) []candidate {
	f, call, fobj := cs.fn, cs.call, cs.callee
	var fact funcFact
	if !s.pass.ImportObjectFact(fobj, &fact) || len(fact.Sinks) == 0 {
		return nil
	}
	ins := s.inputs(f, call, fobj)
	dep := s.dependency(fobj)
	off := 0 // the receiver is the first input
	if s.receiver(call) != nil {
		off = 1
	}
	vals := ins
	if !dep {
		vals = s.services(call, ins, off, nil)
	}
	handed := s.handsOverAt(call, fobj, fact.Sinks)
	var out []candidate
	for _, sk := range fact.Sinks {
		data := sinkData(sk, vals)
		if handed {
			data = join(data, handedArgs(fobj, sk, fact.Sinks, vals))
		}
		if !data.Personal && data.Params == 0 {
			continue
		}
		if dep && !sk.Net && !supplies(sk, ins, s.subst) {
			continue // the call inside reports it, once for all callers
		}
		dests := s.subst(Val{Handles: sk.Dests}, ins).Handles
		if dep {
			// A dependency's API is the site, named as the service
			// calls it: its insides are no site of the service.
			// One that writes (a logger, a hash) is no site by itself.
			// The inside may send through an interface of its own (pop's
			// Query.Exec through its store, Connection.Destroy through its
			// dialect), which says nothing of the kind: a call that ends
			// at a database is a call of a store.
			//
			// Where the call's destination is an input of the function
			// (a connection its callers pass), a method of a type that
			// holds a database (databaseType) is such a call too: what it
			// does is decided here, and its callers are told.
			kind, client := sk.Kind, ""
			if kind == evidence.Send && !concrete(dests) && isMethod(fobj) && s.databaseType(fobj.Type().(*types.Signature).Recv().Type()) {
				kind, client = evidence.Store, hSQL
			}
			if kind == evidence.Send && toStore(dests) {
				kind = evidence.Store
			}
			verb := s.storeVerb(f, call, fobj, ins, off)
			if kind == evidence.Store {
				kind = verb
			}
			if kind != evidence.Send {
				verb = ""
			}
			// A call of a store decided here (client) that sends to the
			// receiver, the database, is a call to it: a network call,
			// whatever the interface inside. One that sends only to
			// another input (a model's validation hook) is not.
			net := sk.Net || client != "" && off == 1 && toReceiver(sk)
			own := !net
			if own {
				// A writer inside (a terminal, a log) whose destination is
				// an input of the dependency's own functions (readline's
				// HandleConn(conn)) is not decided by this call; nor is a
				// method of the very value it sends (hashstructure's
				// Includable.HashInclude on the value it hashes): that is
				// the service's own code, analysed where it is written.
				if kept := notSent(sk, off); len(kept) < len(sk.Dests) {
					dests = s.subst(Val{Handles: kept}, ins).Handles
				}
				dests = slices.DeleteFunc(slices.Clone(dests), func(h Handle) bool { return h.Outside && len(h.Dest) == 0 })
				if len(dests) == 0 {
					continue
				}
			}
			out = append(out, candidate{kind: kind, verb: verb, what: calleeName(fobj), data: data, dests: dests, own: own, client: client, net: net})
			continue
		}
		// A caller that gives the personal data sent (an argument the
		// sink sends that is personal) is the site for every destination;
		// one that gives only where it goes, only for those it decides.
		// The receiver, and an argument bound to a destination (a store,
		// a client), are the service that sends, not its data; so is an
		// argument the sink does not send (a statistics collector whose
		// cache holds user IDs, given to the function that serves the
		// API).
		out = append(out, candidate{kind: s.sinkKind(sk, call, fobj, ins), verb: sk.Verb, what: calleeName(fobj) + " (" + innermost(sk.What) + ")", data: data, dests: dests, origin: sk.Origin,
			through: sk.Always && !s.givesPersonal(f, sentArgs(sk, ins, off)), elsewhere: sk.Elsewhere, net: sk.Net})
	}
	return out
}

// innermost is the call a sink's name ends with: "json.Encoder.Encode"
// of "discord.Controller.Notify (websocket.Conn.WriteJSON
// (json.Encoder.Encode))". A site through helpers of helpers names the
// helper it calls and the call that sends, not every step between, so
// that its message stays one short line.
func innermost(what string) string {
	i := strings.LastIndex(what, " (")
	if i < 0 {
		return what
	}
	inner := what[i+2:]
	if j := strings.IndexByte(inner, ')'); j >= 0 {
		inner = inner[:j]
	}
	return inner
}

// storeKind is the kind of a call that sends (through an interface, or a
// function whose callers decide where) once its destinations are known:
// where one is a store, the call inside is one of that store, and does
// there what its verb says (storeVerb: a key-value store's Delete
// deletes, an INSERT stores). Other kinds are left as they are.
func storeKind(kind, verb evidence.Kind, dests []Handle) evidence.Kind {
	if kind != evidence.Send || !toStore(dests) {
		return kind
	}
	if verb != "" {
		return verb
	}
	return evidence.Store
}

// storeVerb is what a call does if it is one of a store: its SQL text's
// verb when it takes one (refineKind), or the text of the query it runs
// (builtKind: db.Raw("INSERT ... RETURNING id").Scan(&id) stores, though
// Scan reads by its name), else its method's name's, else Store.
func (s *pkgState) storeVerb(f *fn, call *ast.CallExpr, fobj *types.Func, ins []Val, off int) evidence.Kind {
	if queryParam(fobj) < 0 {
		if k := s.builtKind(f, call); k != "" {
			return k
		}
	}
	return refineKind(evidence.Store, fobj, ins, off)
}

// sentArgs is the arguments of a call that a sink sends (its Data), the
// receiver left out.
func sentArgs(sk Sink, ins []Val, off int) []Val {
	var out []Val
	for _, i := range sk.Data {
		if i >= off && i < len(ins) {
			out = append(out, ins[i])
		}
	}
	return out
}

// services is the inputs of a call with its arguments that are services
// emptied: bound to a destination (a client, a store, a service holding
// one) and of a type that holds no personal data (an interface of a
// service). Such an argument is the service that sends, not the data it
// sends, whatever it was built with (givesPersonal): a secret derived
// from it is no user's data. One whose type holds personal data (a struct
// of a connection and users) is still data. The receiver stays: its
// fields are what a method sends.
//
// Given the sink of an implementation of an interface (impl, for
// implCandidates), an argument it sends through (one of its
// destinations) is a service too, though the call does not see its
// clients: the context a dispatcher runs every implementation in (an
// operation that holds the stores its handlers use), whose other
// contents (the principal it names for an authorization) are not what
// the implementation's call inside sends. A function called by name is
// not read so: the connection it is given may carry, in its chain, what
// its sink does not list (a model created through it), and that
// connection's data is then what makes its caller the site.
func (s *pkgState) services(call *ast.CallExpr, ins []Val, off int, impl *Sink) []Val {
	out := slices.Clone(ins)
	for i := off; i < len(ins) && i-off < len(call.Args); i++ {
		bound := boundToDest(ins[i]) || impl != nil && sendsThrough(*impl, i)
		if bound && !s.pt.personal(s.info.TypeOf(call.Args[i-off])) {
			out[i] = Val{}
		}
	}
	return out
}

// sendsThrough reports whether input i is itself a destination of a sink
// (a value that holds the client the call inside uses).
func sendsThrough(sk Sink, i int) bool {
	return slices.ContainsFunc(sk.Dests, func(h Handle) bool { return h.Param == i+1 })
}

// boundToDest reports whether a value is bound to a destination (it
// holds a client, a connection or a store that is not an input).
func boundToDest(v Val) bool {
	return slices.ContainsFunc(v.Handles, func(h Handle) bool { return h.Param == 0 })
}

// sinkKind is what a call of a function of the module does through one
// of its sinks: the sink's kind, except that a store whose SQL text the
// function takes as a parameter (a wrapper's SelectContext(ctx, dest,
// query, args...)) is what the text this call gives says, as for the
// client's own method.
func (s *pkgState) sinkKind(sk Sink, call *ast.CallExpr, fobj *types.Func, ins []Val) evidence.Kind {
	if sk.Kind != evidence.Store || queryParam(fobj) < 0 {
		return sk.Kind
	}
	off := 0
	if s.receiver(call) != nil {
		off = 1
	}
	return refineKind(sk.Kind, fobj, ins, off)
}

// toReceiver reports whether a destination of a method's sink is its
// receiver (input 0).
func toReceiver(sk Sink) bool {
	return slices.ContainsFunc(sk.Dests, func(h Handle) bool { return h.Param == 1 })
}

// notSent is the destinations of a sink that are not one of the
// arguments it sends (off is 1 where input 0 is the receiver, which holds
// both a builder's data and its connection): a destination that is the
// data itself is a method of the value sent (a callback its type
// implements), not where it goes.
func notSent(sk Sink, off int) []Handle {
	var out []Handle
	for _, h := range sk.Dests {
		if h.Param-1 >= off && slices.Contains(sk.Data, h.Param-1) {
			continue
		}
		out = append(out, h)
	}
	return out
}
