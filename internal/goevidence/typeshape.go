package goevidence

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// What a type says of the values it holds: strings, URLs, handles of a
// destination, data; and named types by package and name.

// namedPersonal reports whether a variable or parameter is personal by its
// name ("email", "phoneNumber", "userIDs"), for types that carry data and
// for numbers: a user's ID held in an int64 ("userID") or a latitude in a
// float64 identifies or locates a person as the same text would. A
// number computed from personal data (len(email)) is not such a variable
// by its name, and a bool ("emailVerified") is a switch about the data.
func namedPersonal(v *types.Var) bool {
	return (carriesData(v.Type()) || numeric(v.Type())) && strongName(v.Name())
}

// numeric reports whether t is an integer or floating-point type.
func numeric(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat) != 0
}

// carriesData reports whether values of t can carry personal data:
// booleans, numbers, errors, contexts and functions do not (numbers read
// from personal fields still do, through the field; this is for results of
// calls, such as len(email)).
func carriesData(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Signature:
		return false
	case *types.Interface:
		return !isNamed(t, "", "error") && !isNamed(t, "context", "Context")
	}
	return true
}

// stringish reports whether values of t are text the analysis follows:
// strings, []byte, *string and URLs.
func stringish(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
		if isURLType(t) {
			return true
		}
	}
	if isURLType(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// isString reports whether t's underlying type is string.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// handleCapable reports whether values of t can be bound to a destination:
// anything but basic values, errors and functions, and the slices, arrays,
// maps, channels and pointers made only of those (a []string of site
// names read from a struct that also holds a client holds none of it).
func handleCapable(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic, *types.Signature:
		return false
	case *types.Slice, *types.Array, *types.Chan, *types.Pointer, *types.Map:
		return containerCapable(u, 0)
	}
	// A handler's http.ResponseWriter is its reply to whoever made the
	// request, never another party: what is written to it is no export.
	// So is a gRPC server's stream, to the client that called.
	return !isNamed(t, "", "error") && !isNamed(t, "context", "Context") && !isNamed(t, "net/http", "ResponseWriter") && !grpcServerStream(t)
}

// grpcServerStream reports whether t is the gRPC library's server side of
// a stream (ServerStream, or the generic streaming servers of its newer
// API): what a handler sends on it is its reply.
func grpcServerStream(t types.Type) bool {
	for _, name := range []string{"ServerStream", "ServerStreamingServer", "ClientStreamingServer", "BidiStreamingServer"} {
		if isNamed(t, "google.golang.org/grpc", name) {
			return true
		}
	}
	return false
}

// canHold is handleCapable, and not a web framework's response that is an
// http.ResponseWriter (echo's c.Response(), gin's c.Writer): the handler's
// reply too. Only a type of a dependency counts, so that a change to the
// checked code cannot declare a connection's wrapper a reply to hide what
// it sends.
func (s *pkgState) canHold(t types.Type) bool {
	if !handleCapable(t) {
		return false
	}
	n := namedOf(t)
	if n == nil || s.inModule(n.Obj().Pkg(), n.Obj().Pos()) {
		return true
	}
	return !replyWriter(t) && !loggingPkg(n.Obj().Pkg())
}

// loggingPkg reports whether p is a logging library's: its loggers and
// entries write to the process's log, wherever its configuration ships
// that, and hold no client of what the struct they came from is bound to
// (keratin's App beside its Redis and database clients).
func loggingPkg(p *types.Package) bool {
	if p == nil {
		return false
	}
	switch p.Path() {
	case "log", "log/slog", "github.com/sirupsen/logrus", "go.uber.org/zap", "github.com/rs/zerolog",
		"github.com/go-logr/logr", "github.com/hashicorp/go-hclog", "github.com/go-kit/log", "github.com/apex/log":
		return true
	}
	return false
}

// replyWriter reports whether t implements http.ResponseWriter: it has
// Header() http.Header and WriteHeader(int).
func replyWriter(t types.Type) bool {
	m, _, _ := types.LookupFieldOrMethod(t, true, nil, "WriteHeader")
	status, ok := m.(*types.Func)
	if !ok || status.Type().(*types.Signature).Params().Len() != 1 {
		return false
	}
	m, _, _ = types.LookupFieldOrMethod(t, true, nil, "Header")
	header, ok := m.(*types.Func)
	if !ok {
		return false
	}
	sig := header.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && isNamed(sig.Results().At(0).Type(), "net/http", "Header")
}

func isURLType(t types.Type) bool {
	n := namedOf(t)
	return n != nil && isNamed(n, "net/url", "URL")
}

// isNamed reports whether t is the named type pkg.name ("" for universe).
func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Name() != name {
		return false
	}
	if n.Obj().Pkg() == nil {
		return pkg == ""
	}
	return n.Obj().Pkg().Path() == pkg
}

// namedPath returns the package path and name of a named type, through a
// pointer.
func namedPath(t types.Type) (string, string) {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

// namedOf is the named type of t, or of what t points to; nil for none.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// isConstString reports whether e is a constant string.
func isConstString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String
}

// loggerShaped reports whether t is an interface whose every method is a
// logger's: it takes text and values to format (Logf(format string, args
// ...any), Print(v ...any)) and returns nothing. A value held as such an
// interface is a logger, whatever else the struct that holds it is bound
// to: an SQL or SaaS client is none (go-pkgz/auth's logger.L field beside
// its avatar store's database).
func loggerShaped(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	for m := range it.Methods() {
		sig := m.Type().(*types.Signature)
		ps := sig.Params()
		if sig.Results().Len() > 0 || !sig.Variadic() || ps.Len() > 2 {
			return false
		}
		last, _ := ps.At(ps.Len() - 1).Type().(*types.Slice)
		if last == nil {
			return false
		}
		if elem, ok := last.Elem().Underlying().(*types.Interface); !ok || !elem.Empty() {
			return false
		}
		if ps.Len() == 2 && !isString(ps.At(0).Type()) {
			return false
		}
	}
	return true
}

// containerCapable reports whether a slice, array, channel, pointer or
// map type can hold something bound to a destination: whether its
// elements (or keys) can, looking through nested ones of these kinds up
// to a depth, past which it may.
func containerCapable(t types.Type, depth int) bool {
	var parts []types.Type
	switch u := t.Underlying().(type) {
	case *types.Basic, *types.Signature:
		return false
	case *types.Map:
		parts = []types.Type{u.Key(), u.Elem()}
	case *types.Slice, *types.Array, *types.Chan, *types.Pointer:
		parts = []types.Type{u.(interface{ Elem() types.Type }).Elem()}
	default:
		return true
	}
	if depth >= 4 {
		return true
	}
	for _, p := range parts {
		if !isNamed(p, "", "error") && containerCapable(p, depth+1) {
			return true
		}
	}
	return false
}
