package goevidence

import (
	"go/ast"
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
func (s *pkgState) pluginCandidates(cs callSite, sel *ast.SelectorExpr) []candidate {
	k, _, ok := s.implKeyOf(cs.callee, sel)
	if !ok || s.impls == nil {
		return nil
	}
	ms := s.impls.many[k]
	if len(ms) == 0 {
		return nil
	}
	ins := s.inputs(cs.fn, cs.call, cs.callee)
	var data Val
	kind := evidence.Send
	found := false
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
					d = join(d, sent[i].taint())
				}
			}
			if !d.Personal && d.Params == 0 {
				continue
			}
			found = true
			data = join(data, d)
			if sk.Kind == evidence.Store {
				kind = evidence.Store
			}
		}
	}
	if !found {
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

// onlyText reports whether a method of the standard library or an SDK
// returns only text and takes no context: it builds a string in memory
// (oauth2.Config.AuthCodeURL, a URL's String). A call that talks to a
// server can fail, and says so with an error; one that cannot is no send.
func onlyText(fobj *types.Func) bool {
	sig, ok := fobj.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isNamed(sig.Params().At(i).Type(), "context", "Context") {
			return false
		}
	}
	return true
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
	if stringish(t) {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Read")
	_, reader := obj.(*types.Func)
	return types.IsInterface(t) && reader
}
