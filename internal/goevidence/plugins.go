package goevidence

import (
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// A call through an interface of the module with more implementations
// than maxImpls (a storage back end, a driver) is not followed to each of
// them: the one that runs is chosen at run time. Each implementation
// reports the calls inside it whose data and destination it decides
// itself; what it sends of what the call gives it (the file a caller
// exports, to whichever blob store is configured) has no site of its
// own, neither inside, where the data is only an input, nor at the call,
// which decides no destination. Such a call that gives personal data to
// what an implementation sends is a note: the destination is whichever
// implementation runs. Nothing is passed over in silence.

// maxPluginImpls bounds the implementations looked at for one such call.
const maxPluginImpls = 32

// pluginCandidates is the note of a call of an interface method with more
// implementations than maxImpls, where the call supplies data that one of
// them sends: one candidate, of the strongest kind among those sinks,
// whose destination is the implementation chosen at run time.
// k is the interface method's key (implementations).
func (s *pkgState) pluginCandidates(cs callSite, k implKey) []candidate {
	if s.impls == nil || len(s.impls.many[k]) == 0 {
		return nil
	}
	ms := s.impls.many[k]
	ins := s.inputs(cs.fn, cs.call, cs.callee)
	var data Val
	kind := evidence.Send
	for _, m := range ms {
		for _, sk := range s.implSinks(m) {
			if sk.Always {
				// Personal whatever it is given: the implementation
				// reports it itself, where it is written.
				continue
			}
			// What the call's arguments give the sink, not what the
			// implementation holds or sends by itself: the receiver at
			// the call is any of them.
			sent := s.services(cs.call, ins, 1, &sk)
			var d Val
			for _, i := range sk.Data {
				if i > 0 && i < len(sent) && contentInput(m, i) {
					d = join(d, sentTaint(sk, sent, i))
				}
			}
			if !d.Personal && d.Params == 0 {
				continue
			}
			data = join(data, d)
			if sk.Kind == evidence.Store {
				kind = evidence.Store
			}
		}
	}
	if !data.Personal && data.Params == 0 {
		return nil
	}
	return []candidate{{kind: kind, what: calleeName(cs.callee), data: data, own: true,
		dests: []Handle{{Kind: hParam, Unknown: pluginReason(k, ms)}}}}
}

// implSinks is the sinks of an implementation: its own package's, or
// another package's fact.
func (s *pkgState) implSinks(m *types.Func) []Sink {
	if g := s.fns[m]; g != nil {
		if s.symBusy[g] {
			// A wrapper calling the interface it implements (a
			// decorator): its sinks are being found, and asking now
			// would keep none of them.
			return nil
		}
		return s.sinksOf(g)
	}
	var fact funcFact
	if s.pass.ImportObjectFact(m, &fact) {
		return fact.Sinks
	}
	return nil
}

// pluginReason says where such a call sends: "it goes where the
// implementation of Blobstore chosen at run time sends it (one of 6:
// storage.AWSS3, storage.AzureBlobstore, storage.FilesystemStorage and 3
// more)".
func pluginReason(k implKey, ms []*types.Func) string {
	var names []string
	for _, m := range ms {
		names = append(names, m.Pkg().Name()+"."+recvTypeName(m.Type().(*types.Signature).Recv().Type()))
	}
	slices.Sort(names)
	list := strings.Join(names, ", ")
	if len(names) > 3 {
		list = strings.Join(names[:3], ", ") + " and " + strconv.Itoa(len(names)-3) + " more"
	}
	return "it goes where the implementation of " + k.iface.Name() + " chosen at run time sends it (one of " + strconv.Itoa(len(ms)) + ": " + list + ")"
}

// contentInput reports whether input i (the receiver first) of m is of a
// type that is content given to send (text, bytes, a reader), not a value
// that holds the service's own state beside the data.
func contentInput(m *types.Func, i int) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok || i < 1 {
		return false
	}
	t := paramTypeAt(sig, i-1)
	if t == nil {
		return false
	}
	return stringish(t) || types.IsInterface(t) && readMethod(t) != nil
}
