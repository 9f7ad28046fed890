package goevidence

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// addressDomain reports whether x[index] is the part after the "@" of a
// text split at it: strings.Split(s, "@")[1] or strings.SplitN(s, "@",
// 2)[1].
func (s *pkgState) addressDomain(x, index ast.Expr) bool {
	if tv, ok := s.info.Types[index]; !ok || tv.Value == nil || tv.Value.ExactString() != "1" {
		return false
	}
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		// parts := strings.Split(email, "@"); parts[1]
		v, ok := s.info.Uses[id].(*types.Var)
		if !ok || len(s.assigns[v]) == 0 || len(s.mutations[v]) > 0 {
			return false
		}
		for _, a := range s.assigns[v] {
			if a.kind != aPlain || a.tuple >= 0 || !s.splitsAtSign(a.expr) {
				return false
			}
		}
		return true
	}
	return s.splitsAtSign(x)
}

// splitsAtSign reports whether e is strings.Split(s, "@") or
// strings.SplitN(s, "@", n).
func (s *pkgState) splitsAtSign(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return false
	}
	fobj, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fobj == nil || fobj.Pkg() == nil || fobj.Pkg().Path() != "strings" || fobj.Name() != "Split" && fobj.Name() != "SplitN" {
		return false
	}
	sep, ok := s.constText(call.Args[1])
	return ok && sep == "@"
}
