package goevidence

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// methodCandidates is the candidate of a method call of a client or
// connection (or of what wraps one) given personal data: db.Exec,
// conn.Write, client.PutObject, enc.Encode.
func (s *pkgState) methodCandidates(cs callSite, sel *ast.SelectorExpr) []candidate {
	f, call, fobj := cs.fn, cs.call, cs.callee
	if x := s.info.Selections[sel]; x == nil || x.Kind() != types.MethodVal {
		return nil
	}
	recvType := s.info.TypeOf(sel.X)
	if inbound(fobj.Name()) || len(call.Args) == 0 || !mayCarryDest(recvType) {
		return nil
	}
	pkgPath, _ := namedPath(recvType)
	if pkgPath == "" {
		// A method promoted from a field embedded in a struct type with
		// no name (a cache the package sets up once) is of the type that
		// declares it: a dependency's or the module's method, whose
		// receiver its callers decide, as through a named struct, and
		// not a method of the standard library's.
		pkgPath, _ = namedPath(fobj.Type().(*types.Signature).Recv().Type())
	}
	if pkgPath == "database/sql" && sqlNoData[fobj.Name()] {
		return nil
	}
	if isInfra(fobj.Pkg()) && onlyText(fobj) || presigns(pkgPath, fobj.Name()) {
		return nil // builds text in memory (oauth2.Config.AuthCodeURL), signs a URL
	}
	if sdkFixedHost(pkgPath) {
		return nil // a vendor's API: its sites are its table rows
	}
	if sdkModule(pkgPath) && (returnsReceiver(fobj) || sdkBuilder(recvType, fobj.Name())) {
		// A builder's setter (olivere/elastic's IndexService.BodyJson),
		// or a method of a type that only builds (gorm's Statement),
		// only records what the call ending the chain (Do) sends.
		return nil
	}
	if returnsReceiver(fobj) && s.buildsOnly(fobj, sel) {
		return nil // the module's own builder over an ORM (db.Where(q, email) of its Database)
	}
	var data Val
	var stores []Handle
	args := s.args(f, call, fobj)
	query := queryParam(fobj)
	for i, in := range args {
		if i == query && statementOnly(in) {
			continue // the statement names what it reads or writes; its values are the other arguments
		}
		if i < len(call.Args) && len(args) == len(call.Args) && isNamed(s.info.TypeOf(call.Args[i]), "context", "Context") {
			continue // a context carries deadlines and cancellation, not data
		}
		data = join(data, in.taint())
		for _, h := range in.Handles {
			if h.Kind == hStoreName {
				stores = append(stores, h)
			}
		}
	}
	if !data.Personal && data.Params == 0 {
		return nil
	}
	hs := usable(s.eval(f, sel.X).Handles)
	if len(hs) == 0 {
		return nil
	}
	if decl := fobj.Type().(*types.Signature).Recv().Type(); loggerShaped(decl) {
		// A logger's method, perhaps promoted from an embedded field
		// (provider.Params' logger.L): the logger, not the struct.
		if hs = s.fitting(decl, hs); len(hs) == 0 {
			return nil
		}
	}
	if sdkHandleType(recvType) {
		// A client of an SDK sends where it is bound, not where every
		// other client of the value it came from is.
		if hs = s.fitting(recvType, hs); len(hs) == 0 {
			return nil
		}
	}
	// SQL text given by this function's callers in the package (a
	// helper's query parameter) decides the kind as a literal would.
	kindArgs := args
	if query >= 0 && query < len(args) && args[query].hasParams() {
		kindArgs = slices.Clone(args)
		kindArgs[query] = s.close(f, args[query], false)
	}
	// A method of an interface or type of the module that reaches a
	// store (a storage driver wrapping an S3 client) is a call of that
	// store, whose verb its name says as a client's does (DeleteObject).
	kind := kindOfType(recvType)
	verb := s.storeVerb(f, call, fobj, kindArgs, 0)
	if kind == evidence.Store || kind == evidence.Send && toStore(hs) {
		kind = verb
	}
	if kind != evidence.Send {
		verb = ""
	}
	own := pkgPath != "" && !isInfraPath(pkgPath) || s.givenStdWriter(f, sel.X, recvType)
	what := typeName(recvType) + "." + fobj.Name()
	return []candidate{{kind: kind, verb: verb, what: what, data: data, dests: hs, stores: stores,
		own: own, client: clientKind(recvType), net: networkCall(what),
		elsewhere: pkgPath != "" && !isInfraPath(pkgPath) && types.IsInterface(recvType)}}
}

// givenStdWriter reports whether x is a parameter of the function whose
// type is one of the standard library's encoders or writers (an
// *xml.Encoder given to MarshalXML, an *bufio.Writer): like an io.Writer
// given to fmt.Fprintf, it is no destination by itself; a caller that
// passes a connection says where it goes. A connection type is one
// whatever the callers pass.
func (s *pkgState) givenStdWriter(f *fn, x ast.Expr, t types.Type) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || connType(t) {
		return false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || !slices.Contains(f.ins, v) {
		return false
	}
	return stdWriter(namedPath(t))
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

// buildsOnly reports whether a call of fobj, a method of an interface the
// module declares, runs only implementations that send nothing: a
// wrapper of an ORM whose Where returns the wrapper again records the
// condition, and the call that ends the chain (Find) sends it.
func (s *pkgState) buildsOnly(fobj *types.Func, sel *ast.SelectorExpr) bool {
	ms, _ := s.implementations(fobj, sel)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if g := s.fns[m]; g != nil && s.symBusy[g] || len(s.implSinks(m)) > 0 {
			return false
		}
	}
	return true
}

// presigns reports whether a method of a cloud SDK signs a request or URL
// in memory, for someone else to send: the AWS SDKs' presign clients and
// requests (PresignGetObject, Request.Presign), Cloud Storage's
// BucketHandle.SignedURL. The signature is computed locally; no object is
// read or written by the call.
func presigns(pkgPath, name string) bool {
	switch {
	case strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go"):
		return strings.HasPrefix(name, "Presign")
	case pkgPath == "cloud.google.com/go/storage":
		return name == "SignedURL" || name == "GenerateSignedPostPolicyV4"
	}
	return false
}
