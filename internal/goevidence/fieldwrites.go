package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// An exported field of a struct of the module is written where its package
// writes it and wherever another package does; a value read from it at run
// time (a client's BaseURL that its package sets to a known URL, a test
// overrides and the service never does) holds one of those, or a value
// decoded into its struct by reflection. A package says which such fields
// it writes (Result.Writes). A note whose first unknown is such a field,
// written by no package but the one reading it, of a type none decodes,
// is no site where the same call is placed by the values that package
// writes (Writers.Settled): those are the field's values, and sites of
// their own.

// openField names the field a selection reads, when it is an exported
// field of a named struct type of the module, and the package that reads
// it, whose own writes of it are known where it is read:
// "path.Type.Field@reader/path". Other fields are "" (an unexported field
// is written in its package only, whose writes are known where it is
// read).
func (s *pkgState) openField(sel *types.Selection) string {
	if id := s.moduleField(sel); id != "" {
		return id + "@" + s.pass.Pkg.Path()
	}
	return ""
}

// openID is the field an open part names ("path.Type.Field"), without the
// package that read it (openField's "@reader").
func openID(open string) string {
	id, _, _ := strings.Cut(open, "@")
	return id
}

// moduleField names the field a selection reads ("path.Type.Field") when
// it is an exported field of a named struct type of the module; "" for
// others, and in a dependency, whose fields are its users' to write.
func (s *pkgState) moduleField(sel *types.Selection) string {
	f, ok := sel.Obj().(*types.Var)
	if !ok || !f.Exported() || s.inDependency() || !s.inModule(f.Pkg(), f.Pos()) {
		return ""
	}
	return fieldID(sel.Recv(), sel.Index())
}

// fieldID names the field at the end of an index path from a struct type
// (through embedded fields) by the named type that declares it; "" when
// that type has no name.
func fieldID(t types.Type, index []int) string {
	for i, x := range index {
		st, named := structOf(t)
		if st == nil || x >= st.NumFields() {
			return ""
		}
		if i == len(index)-1 {
			if named == nil || named.Obj().Pkg() == nil {
				return ""
			}
			return typeID(named) + "." + st.Field(x).Name()
		}
		t = st.Field(x).Type()
	}
	return ""
}

// typeID names a named type as field IDs begin: "path.Type".
func typeID(named *types.Named) string {
	return named.Obj().Pkg().Path() + "." + named.Obj().Name()
}

// fieldWrites lists, each as "field@this/package", the exported fields
// of types of the module this package writes outside its tests: assigned (x.F = v, x.F++), set in a
// literal (T{F: v}), or given by address (&x.F, to a flag parser); and,
// as "path.Type.*", the struct types of the module it gives by pointer to
// a function of another module taking any value (json.Unmarshal(b, &c),
// viper's Unmarshal), which may set any of their fields, with the struct
// types those hold.
func (s *pkgState) fieldWrites() []string {
	if s.inDependency() {
		return nil
	}
	set := map[string]bool{}
	field := func(x ast.Expr) {
		if se, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
			if sel := s.info.Selections[se]; sel != nil && sel.Kind() == types.FieldVal {
				if id := s.moduleField(sel); id != "" {
					set[id] = true
				}
			}
		}
	}
	for _, file := range s.pass.Files {
		if s.isTestPos(file.Pos()) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					field(l)
				}
			case *ast.IncDecStmt:
				field(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					field(n.X)
				}
			case *ast.CompositeLit:
				s.literalWrites(n, set)
			case *ast.CallExpr:
				s.decodedTypes(n, set)
			}
			return true
		})
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k+"@"+s.pass.Pkg.Path())
	}
	slices.Sort(out)
	return out
}

// literalWrites adds the exported fields a struct literal of a type of
// the module sets.
func (s *pkgState) literalWrites(lit *ast.CompositeLit, set map[string]bool) {
	t := s.info.TypeOf(lit)
	st, named := structOf(t)
	if st == nil || named == nil || !s.inModule(named.Obj().Pkg(), named.Obj().Pos()) {
		return
	}
	for i, elt := range lit.Elts {
		idx := i
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			idx = -1
			for j := 0; j < st.NumFields(); j++ {
				if st.Field(j).Name() == id.Name {
					idx = j
				}
			}
		}
		if idx >= 0 && idx < st.NumFields() && st.Field(idx).Exported() {
			set[fieldID(t, []int{idx})] = true
		}
	}
}

// decodedTypes adds, for a call of a function of another module given a
// pointer to a struct of this module where it takes any value, that
// struct's type and the struct types it holds, as "path.Type.*"; and so
// for the type of a conversion. A function that only reads what it is
// given (readsOnly) writes nothing.
func (s *pkgState) decodedTypes(call *ast.CallExpr, set map[string]bool) {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		// A conversion (AuthenticatorConfig(cfg.Remote)) copies every
		// field from a value of another type, decoded or written
		// anywhere; the struct types the fields hold are the same in
		// both.
		if st, named := structOf(tv.Type); st != nil && named != nil && s.inModule(named.Obj().Pkg(), named.Obj().Pos()) {
			set[typeID(named)+".*"] = true
		}
		return
	}
	fobj, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fobj == nil || fobj.Pkg() == nil || s.inModule(fobj.Pkg(), fobj.Pos()) {
		return
	}
	if readsOnly(fobj) {
		return
	}
	sig, ok := fobj.Type().(*types.Signature)
	if !ok {
		return
	}
	for i, a := range call.Args {
		pt := paramTypeAt(sig, i)
		if pt == nil {
			continue
		}
		if iface, ok := types.Unalias(pt).Underlying().(*types.Interface); !ok || !iface.Empty() {
			continue // a decoder takes any value; an io.Reader is read
		}
		if p, ok := types.Unalias(s.info.TypeOf(a)).(*types.Pointer); ok {
			s.decodable(p.Elem(), set, 0)
		}
	}
}

// decodable adds t, when it is a struct type of the module, and the struct
// types of the module its fields hold, as "path.Type.*".
func (s *pkgState) decodable(t types.Type, set map[string]bool, depth int) {
	if depth > 8 {
		return
	}
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		s.decodable(u.Elem(), set, depth+1)
		return
	case *types.Slice:
		s.decodable(u.Elem(), set, depth+1)
		return
	case *types.Map:
		s.decodable(u.Elem(), set, depth+1)
		return
	}
	st, named := structOf(t)
	if st == nil {
		return
	}
	if named != nil {
		if !s.inModule(named.Obj().Pkg(), named.Obj().Pos()) {
			return
		}
		id := typeID(named) + ".*"
		if set[id] {
			return
		}
		set[id] = true
	}
	for i := 0; i < st.NumFields(); i++ {
		s.decodable(st.Field(i).Type(), set, depth+1)
	}
}

// Writers indexes the packages' Result.Writes: for each field (or
// "path.Type.*"), the packages that write it.
type Writers map[string][]string

// Add records a package's Result.Writes.
func (w Writers) Add(writes []string) {
	for _, e := range writes {
		if i := strings.LastIndexByte(e, '@'); i > 0 {
			w[e[:i]] = append(w[e[:i]], e[i+1:])
		}
	}
}

// Settled reports whether every open field of an unresolved site
// (Site.Open, the first unknown of each value it stands for) is written
// by no package but the one reading it, of a type no package decodes by
// reflection, where the same call has a destination that is decided
// (known is set: the values that package writes were followed to a
// place). Then the note says nothing a site of the call does not.
func (w Writers) Settled(x Site, known bool) bool {
	if !known || x.Unresolved == "" || len(x.Open) == 0 {
		return false
	}
	for _, o := range x.Open {
		i := strings.LastIndexByte(o, '@')
		if i < 0 {
			return false
		}
		field, reader := o[:i], o[i+1:]
		typ := field[:strings.LastIndexByte(field, '.')]
		if len(w[typ+".*"]) > 0 || slices.ContainsFunc(w[field], func(p string) bool { return p != reader }) {
			return false
		}
	}
	return true
}

// openFields is the open field of a destination's first unknown, when
// it is one: the other values of that field are alternatives of their
// own (what its package writes, in place of the hole), so when no other
// package writes it this alternative names no destination, whatever
// follows it (an account's ID in the path).
func openFields(d Str) []string {
	for _, p := range d.Parts {
		if p.Hole == "" && p.Param == 0 {
			continue
		}
		if p.Open == "" || p.Param > 0 {
			return nil
		}
		return []string{p.Open}
	}
	return nil
}

// settingsOf is the setting a destination's first unknown is read from,
// when it is one: an environment variable or configuration key a known
// API reads by a constant name ("env:NTFY_HOST", "config:server.url"), or
// an exported field of a type of the module ("field:path.Type.Field"),
// read in the function or from one of its inputs. A self block may name it
// as the service's own address (Site.Settings).
func settingsOf(d Str) []string {
	for _, p := range d.Parts {
		if p.Hole == "" && p.Param == 0 {
			continue
		}
		switch {
		case p.Key.Name != "":
			return []string{p.Key.Kind + ":" + p.Key.Name}
		case p.Open != "":
			return []string{"field:" + openID(p.Open)}
		}
		return nil
	}
	return nil
}

// readsOnlyPrefixes begin the names of functions that take any value to
// read it: print, log, encode, render. Any other function given a pointer
// may fill it (json.Unmarshal, viper's Unmarshal, rows.Scan, env.Parse).
var readsOnlyPrefixes = []string{"Marshal", "Encode", "Execute", "Print", "Sprint", "Fprint", "Write", "Log", "Debug", "Info", "Warn", "Error", "Fatal", "Panic", "Trace"}

// readsOnly reports whether a function given any value only reads it: one
// of fmt, log, log/slog or errors, or one whose name says so.
func readsOnly(f *types.Func) bool {
	switch f.Pkg().Path() {
	case "fmt", "log", "log/slog", "errors":
		return true
	}
	for _, p := range readsOnlyPrefixes {
		if strings.HasPrefix(f.Name(), p) {
			return true
		}
	}
	return false
}
