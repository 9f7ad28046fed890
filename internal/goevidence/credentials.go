package goevidence

import (
	"go/ast"
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
		if len(call.Args) != 2 || !isConstString(s.info, call.Args[0]) {
			return false
		}
		name, ok := s.constText(call.Args[0])
		return ok && authHeaders[strings.ToLower(name)]
	}
	return false
}
