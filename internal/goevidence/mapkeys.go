package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// A table of settings is often a map literal of struct literals, one per
// key, read by a constant key:
//
//	options: map[string]*value{
//		"DATABASE_URL": {parsed: "postgres://db.example.kr/app"},
//		"EMBED_URL":    {parsed: "https://www.youtube-nocookie.com/embed/"},
//	}
//	func (o *options) DatabaseURL() string { return o.options["DATABASE_URL"].parsed }
//
// Fields are read field by field, not value by value, so without the key
// the DSN would be every value of the field the package sets: a database
// "to www.youtube-nocookie.com". A read under a constant key takes the
// values set under that key, and those set outside any keyed literal (a
// parser's o.options[k].parsed = os.Getenv(k)), and no other.

// fieldKey is a field read under one map key.
type fieldKey struct {
	field *types.Var
	key   string
}

// recordMapKeys notes the constant key of each composite literal that is
// an element of the map literal lit (as the literal itself or its
// address).
func (s *pkgState) recordMapKeys(lit *ast.CompositeLit) {
	if _, ok := types.Unalias(s.info.TypeOf(lit)).Underlying().(*types.Map); !ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || !isConstString(s.info, kv.Key) {
			continue
		}
		key, ok := s.constText(kv.Key)
		if !ok {
			continue
		}
		v := ast.Unparen(kv.Value)
		if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
			v = ast.Unparen(u.X)
		}
		if cl, ok := v.(*ast.CompositeLit); ok {
			s.litKeys[cl] = key
		}
	}
}

// fieldValAt is fieldVal for the field read from x: when x is a map
// element under a constant key (m["DATABASE_URL"], or *m[...]) and some
// of the field's values were set under keys, only those under that key
// and those set under none.
func (s *pkgState) fieldValAt(field *types.Var, x ast.Expr) Val {
	key, ok := s.mapReadKey(x)
	if !ok || field == nil || field.Pkg() != s.pass.Pkg || !s.hasKeyed(field) {
		return s.fieldVal(field)
	}
	fk := fieldKey{field, key}
	if v, ok := s.keyedMemo[fk]; ok {
		return v
	}
	if s.fieldBusy[field] {
		return Val{}
	}
	out := s.joinFieldAssigns(field, func(a assign) bool { return !a.keyed || a.key == key })
	s.keyedMemo[fk] = out
	return out
}

// hasKeyed reports whether a value of the field was set under a map key.
func (s *pkgState) hasKeyed(field *types.Var) bool {
	return slices.ContainsFunc(s.fields[field], func(a assign) bool { return a.keyed })
}

// mapReadKey is the constant key x reads a map with (m["K"], (*m)["K"]).
func (s *pkgState) mapReadKey(x ast.Expr) (string, bool) {
	x = ast.Unparen(x)
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	ix, ok := x.(*ast.IndexExpr)
	if !ok || !isConstString(s.info, ix.Index) {
		return "", false
	}
	if _, ok := types.Unalias(s.info.TypeOf(ix.X)).Underlying().(*types.Map); !ok {
		return "", false
	}
	return s.constText(ix.Index)
}
