package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A table of functions (ntfy's migrations = map[int]func(db *sql.DB)
// error{1: migrateFrom1, ...}) that the package only indexes to call
// (fn, ok := migrations[i]; fn(db)) is a list of callees: each call of an
// element is a call of every function of the table, with its arguments,
// and those functions are not called from elsewhere (their database is
// the one the caller gives, a local SQLite file, not "a parameter").

// dispatchCalls records, for every unexported package-level variable
// whose value is a literal of this package's functions and whose every use
// is an index that is called at once or stored in a local variable that
// is only called, those calls as calls of each of its functions
// (s.calls), and the functions' names in the literal as no escape.
func (s *pkgState) dispatchCalls() {
	tables := map[*types.Var][]*ast.Ident{} // the table and the names of its functions
	var order []*types.Var                  // the tables in source order
	for _, file := range s.pass.Files {
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					v, ok := s.info.Defs[name].(*types.Var)
					if !ok || v.Exported() || i >= len(vs.Values) {
						continue
					}
					if ids, ok := s.funcTable(vs.Values[i]); ok {
						tables[v] = ids
						order = append(order, v)
					}
				}
			}
		}
	}
	if len(tables) == 0 {
		return
	}
	// A local variable given an element of a table (fn, ok := table[i]).
	aliases := map[*types.Var]*types.Var{}
	indexed := map[*types.Var]int{} // the table's uses found as an index
	for l, as := range s.assigns {
		if len(as) != 1 || as[0].tuple > 0 {
			continue
		}
		if ix, ok := ast.Unparen(as[0].expr).(*ast.IndexExpr); ok {
			if t := s.tableOf(ix, tables); t != nil {
				aliases[l] = t
				indexed[t]++
			}
		}
	}
	// The calls of an element, in source order: table[i](...) or fn(...).
	type dispatch struct {
		fn   *fn
		call *ast.CallExpr
	}
	calls := map[*types.Var][]dispatch{}
	called := map[*types.Var]int{} // an alias's uses as a callee
	for _, cs := range s.allCalls {
		switch fun := ast.Unparen(cs.call.Fun).(type) {
		case *ast.IndexExpr:
			if t := s.tableOf(fun, tables); t != nil {
				calls[t] = append(calls[t], dispatch{cs.fn, cs.call})
				indexed[t]++
			}
		case *ast.Ident:
			if l, ok := s.info.Uses[fun].(*types.Var); ok && aliases[l] != nil {
				calls[aliases[l]] = append(calls[aliases[l]], dispatch{cs.fn, cs.call})
				called[l]++
			}
		}
	}
	uses := map[*types.Var]int{} // of the tables and the aliases
	for _, obj := range s.info.Uses {
		if v, ok := obj.(*types.Var); ok && (tables[v] != nil || aliases[v] != nil) {
			uses[v]++
		}
	}
	// A table passed on, ranged over or changed, or an element kept for
	// other uses than calls, lets its functions be called from elsewhere.
	open := map[*types.Var]bool{}
	for t := range tables {
		open[t] = indexed[t] != uses[t]
	}
	for l, t := range aliases {
		open[t] = open[t] || called[l] != uses[l]
	}
	for _, t := range order {
		if open[t] {
			continue
		}
		for _, id := range tables[t] {
			g := s.info.Uses[id].(*types.Func)
			s.called[id] = true
			for _, d := range calls[t] {
				if s.record(g) {
					s.calls[g] = append(s.calls[g], callSite{d.fn, d.call, g})
				}
			}
		}
	}
}

// funcTable reports the names of a literal map or slice whose elements
// are all functions of this package named by an identifier.
func (s *pkgState) funcTable(e ast.Expr) ([]*ast.Ident, bool) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return nil, false
	}
	var ids []*ast.Ident
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		id, ok := ast.Unparen(elt).(*ast.Ident)
		if !ok {
			return nil, false
		}
		g, ok := s.info.Uses[id].(*types.Func)
		if !ok || g.Pkg() != s.pass.Pkg || s.fns[g] == nil {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}

// tableOf is the table an index expression reads, or nil.
func (s *pkgState) tableOf(ix *ast.IndexExpr, tables map[*types.Var][]*ast.Ident) *types.Var {
	id, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || tables[v] == nil {
		return nil
	}
	return v
}
