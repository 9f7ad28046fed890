package goevidence

import (
	"go/ast"
	"go/types"
	"strings"
)

// Credentials a request carries to authenticate to its destination (an
// account the user holds there: a feed's user name and password, an API
// key) are not data exported to it: the destination issued them. A
// request's Basic authentication and its Authorization headers are not
// read as what it sends; the body, the URL and other headers still are.

// authHeaders are the request headers that carry credentials for the
// destination (RFC 9110 11.6.2 and 11.7.2), lower case.
var authHeaders = map[string]bool{"authorization": true, "proxy-authorization": true}

// credentialSetter reports whether a method call sets credentials on its
// receiver: req.SetBasicAuth(user, pass), or Set/Add of an Authorization
// header whose name is a constant (req.Header.Set("Authorization", ...),
// a resty request's SetHeader, an http.Header map of the code's own).
func (s *pkgState) credentialSetter(call *ast.CallExpr, method string) bool {
	switch method {
	case "SetBasicAuth":
		return true
	case "Set", "Add", "SetHeader":
		return authHeaders[s.headerName(call)]
	}
	return false
}

// headerName is, for a call given a header's name and value (Set, Add,
// SetHeader), the name when it is a constant, lower case; "" otherwise.
func (s *pkgState) headerName(call *ast.CallExpr) string {
	if len(call.Args) != 2 || !isConstString(s.info, call.Args[0]) {
		return ""
	}
	name, _ := s.constText(call.Args[0])
	return strings.ToLower(name)
}

// The User-Agent header of a request names the client software that sends
// it: a value the code sets there (its own name and version, or the agent
// a user configured for a feed it fetches) is how the service presents
// itself, not data about a person, whatever the variable holding it is
// called. A request that forwards the agent of an incoming request (a
// call of its UserAgent method, or a read of its User-Agent header) still
// sends the browser's agent, which is personal.

// agentHeader is the request header that names the client, lower case.
const agentHeader = "user-agent"

// agentSetter reports whether a method call sets the User-Agent header of
// a request (req.Header.Set("User-Agent", ua), a resty request's
// SetHeader). Set and Add count only on headers: url.Values' Set of a
// "user-agent" parameter puts the value in the URL, as data.
func (s *pkgState) agentSetter(call *ast.CallExpr, sel *ast.SelectorExpr) bool {
	switch sel.Sel.Name {
	case "Set", "Add":
		if !headerType(s.info.TypeOf(sel.X)) {
			return false
		}
	case "SetHeader":
	default:
		return false
	}
	return s.headerName(call) == agentHeader
}

// headerType reports whether t (or what it points to) is a type named
// Header that is a map of strings to lists of strings, as http.Header is.
func headerType(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Name() != "Header" {
		return false
	}
	m, ok := n.Underlying().(*types.Map)
	if !ok {
		return false
	}
	sl, ok := m.Elem().Underlying().(*types.Slice)
	return ok && isString(m.Key()) && isString(sl.Elem())
}

// maxAgentHops bounds how many variables forwardsAgent follows back.
const maxAgentHops = 4

// forwardsAgent reports whether the value e of a User-Agent header is read
// from an incoming request's agent: r.UserAgent(), r.Header.Get("User-Agent"),
// or a variable of this package assigned one of those (followed back up to
// maxAgentHops variables).
func (s *pkgState) forwardsAgent(e ast.Expr, hops int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "UserAgent" && len(x.Args) == 0 {
				found = true
			}
		case *ast.BasicLit:
			if name, ok := s.constText(x); ok && strings.ToLower(name) == agentHeader {
				found = true
			}
		case *ast.Ident:
			if name, ok := s.constText(x); ok && strings.ToLower(name) == agentHeader {
				found = true
			} else if v, ok := s.info.Uses[x].(*types.Var); ok && hops < maxAgentHops && !v.IsField() {
				for _, a := range s.assigns[v] {
					if a.expr != nil && s.forwardsAgent(a.expr, hops+1) {
						found = true
						break
					}
				}
			}
		}
		return !found
	})
	return found
}
