package goevidence

import (
	"go/ast"
	"go/types"
)

// grow adds to what a string variable holds (base, with out the value
// it has before any assignment) the values of the
// assignments that build on its own value (q = fmt.Sprintf("%s LIMIT
// %d", q, n); u = u + "/v1"). Each is evaluated with the variable
// standing for what is stored into it so far, not for a value not known
// statically, as a variable read while it is being evaluated is.
func (s *pkgState) grow(v *types.Var, out, base Val, grows []assign, pkgLevel bool) Val {
	if len(grows) == 0 {
		return base
	}
	delete(s.varBusy, v)
	for _, a := range grows {
		s.varMemo[v] = join(out, base)
		x := s.assignVal(a)
		if pkgLevel {
			x = s.close(a.fn, x, false)
		}
		base = join(base, x)
	}
	delete(s.varMemo, v)
	s.varBusy[v] = true
	return base
}

// mentions reports whether an expression reads variable v, outside the
// function literals it holds.
func mentions(info *types.Info, e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if info.Uses[n] == v {
				found = true
			}
		}
		return !found
	})
	return found
}
