package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
)

// Taint field by field. A message value built clean and then given the
// sender's address (m.Sender = ip) is personal, but its topic is not: a
// poll forwarded with the message's topic and ID sends no one's data. A
// value says what taint came into it through one of its own fields only
// (Val.Fielded), and a value read from an input says which fields of the
// input it comes from (Val.ParamVia); a call joins the two (fieldsTaint).

// Fielded is a value's taint split by where it came in: Whole into the
// value as such, Fields through one field each.
type Fielded struct {
	Whole  Val
	Fields []FieldTaint `json:",omitempty"`
}

// FieldTaint is the taint that came into a value through field Name.
type FieldTaint struct {
	Name  string
	Taint Val
}

// ParamField is the fields of input Param (0-based) a value is derived
// from, sorted.
type ParamField struct {
	Param  int
	Fields []string
}

// tainted reports whether v is personal or derived from an input.
func (v Val) tainted() bool { return v.Personal || v.Params != 0 }

// paramFields is the fields of input i that v is derived from; nil is the
// input whole.
func (v Val) paramFields(i int) []string { return paramFieldsOf(v.ParamVia, i) }

// paramFieldsOf is the fields of input i that pfs lists (Val.ParamVia,
// Sink.DataVia); nil is the input whole.
func paramFieldsOf(pfs []ParamField, i int) []string {
	for _, pf := range pfs {
		if pf.Param == i {
			return pf.Fields
		}
	}
	return nil
}

// fieldsTaint is the taint of those fields of v (nil: all of v): what came
// into v as a whole, and through those fields.
func (v Val) fieldsTaint(fields []string) Val {
	if fields == nil || v.Fielded == nil {
		return v.taint()
	}
	t := v.Fielded.Whole
	for _, ft := range v.Fielded.Fields {
		if slices.Contains(fields, ft.Name) {
			t = join(t, ft.Taint)
		}
	}
	return t.taint()
}

// fieldTaint is the taint of field name of v, read from v.
func (v Val) fieldTaint(name string) Val { return v.fieldsTaint([]string{name}) }

// mutationTaint is the taint a mutation m that wrote x brings into the
// variable it is recorded on: into one field only where it wrote into a
// field of the variable itself (m.Sender = ip), not of what wraps it.
func mutationTaint(x Val, m assign, own bool) Val {
	t := x.taint()
	if own && m.via != "" && t.tainted() {
		return inField(m.via, t)
	}
	return t
}

// inField is taint t come into a value through its field name.
func inField(name string, t Val) Val {
	t = t.taint()
	v := t
	v.Fielded = &Fielded{Fields: []FieldTaint{{Name: name, Taint: t}}}
	return v
}

// fielded is v's taint split by field: all of it whole when v says
// nothing of its fields.
func (v Val) fielded() Fielded {
	if v.Fielded != nil {
		return *v.Fielded
	}
	return Fielded{Whole: v.taint()}
}

// joinFielded splits the taint of the join of a and b by field, where
// either says something of its fields; nil otherwise, and where all of it
// came in whole.
func joinFielded(a, b Val) *Fielded {
	if a.Fielded == nil && b.Fielded == nil {
		return nil
	}
	fa, fb := a.fielded(), b.fielded()
	out := &Fielded{Whole: join(fa.Whole, fb.Whole)}
	at := map[string]int{}
	for _, ft := range append(slices.Clone(fa.Fields), fb.Fields...) {
		if i, ok := at[ft.Name]; ok {
			out.Fields[i].Taint = join(out.Fields[i].Taint, ft.Taint)
			continue
		}
		at[ft.Name] = len(out.Fields)
		out.Fields = append(out.Fields, ft)
	}
	sort.Slice(out.Fields, func(i, j int) bool { return out.Fields[i].Name < out.Fields[j].Name })
	return out.orNil()
}

// orNil is nil where no taint came in through a field alone.
func (f *Fielded) orNil() *Fielded {
	for _, ft := range f.Fields {
		if ft.Taint.tainted() {
			return f
		}
	}
	return nil
}

// substTaint is taint t, symbolic in a function's inputs, at a call whose
// inputs are arg: of an input t comes from only some fields of, what the
// argument holds in them.
func substTaint(t Val, arg func(int) Val) Val {
	out := Val{Personal: t.Personal}
	for _, i := range bits(t.Params) {
		out = join(out, arg(i).fieldsTaint(t.paramFields(i)))
	}
	return out
}

// narrowInput is the taint of input i's field name read from the input:
// derived from that field only.
func narrowInput(in Val, i int, name string) Val {
	t := in.taint()
	if t.Params&bit(i) != 0 && t.paramFields(i) == nil {
		t.ParamVia = append(slices.Clone(t.ParamVia), ParamField{Param: i, Fields: []string{name}})
		slices.SortFunc(t.ParamVia, func(a, b ParamField) int { return a.Param - b.Param })
	}
	return t
}

// joinParamVia: per input of either value, the fields both are derived
// from, or the input whole if either is derived from all of it.
func joinParamVia(a, b Val) []ParamField {
	if len(a.ParamVia) == 0 && len(b.ParamVia) == 0 {
		return nil
	}
	var out []ParamField
	for _, i := range bits(a.Params | b.Params) {
		var fields []string
		whole := false
		for _, v := range []Val{a, b} {
			if v.Params&bit(i) == 0 {
				continue
			}
			fs := v.paramFields(i)
			if fs == nil {
				whole = true
				break
			}
			fields = append(fields, fs...)
		}
		if !whole {
			out = append(out, ParamField{Param: i, Fields: sortedSet(fields)})
		}
	}
	return out
}

// sortedSet sorts names and drops repeats.
func sortedSet(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	ss = slices.Clone(ss)
	sort.Strings(ss)
	return slices.Compact(ss)
}

// firstField is the field of the value a field selection starts with: the
// embedded field a promoted one is read through (Base of m.ID, where ID
// is Base's), or the field itself.
func firstField(sel *types.Selection) string {
	if sel == nil || sel.Kind() != types.FieldVal {
		return ""
	}
	if len(sel.Index()) == 1 {
		return sel.Obj().Name()
	}
	t := sel.Recv()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || sel.Index()[0] >= st.NumFields() {
		return ""
	}
	return st.Field(sel.Index()[0]).Name()
}

// fieldBaseTaint is the taint that field name read from x (whose value is
// base) may carry. Read from an input of f directly (m.Topic), it is that
// field of the input; what f itself writes into the input is weighed by
// the fields it wrote.
func (s *pkgState) fieldBaseTaint(f *fn, x ast.Expr, base Val, name string) Val {
	x = ast.Unparen(x)
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	if id, ok := x.(*ast.Ident); ok && f != nil {
		if v, ok := s.info.Uses[id].(*types.Var); ok {
			if i, ok := f.index[v]; ok {
				return join(narrowInput(s.input(f, i), i, name), s.varVal(v).fieldTaint(name))
			}
		}
	}
	return base.fieldTaint(name)
}

// sameValue reports whether an expression is the value its operand is
// (a variable, *p, &v, x.(T)), which keeps what is known of the value's
// own fields (Val.Fielded); any other expression makes another value.
func sameValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.ParenExpr, *ast.StarExpr, *ast.TypeAssertExpr:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.AND
	}
	return false
}

// topField is the field of root that a selector chain ending in sel
// reads or writes (Header of m.Header.X, of (*m).Header.X), or "" when an
// index or a call comes between (m.items[i].X).
func (s *pkgState) topField(sel *ast.SelectorExpr, root *types.Var) string {
	for {
		x := ast.Unparen(sel.X)
		if st, ok := x.(*ast.StarExpr); ok {
			x = ast.Unparen(st.X)
		}
		switch x := x.(type) {
		case *ast.Ident:
			if s.info.Uses[x] == root {
				return firstField(s.info.Selections[sel])
			}
			return ""
		case *ast.SelectorExpr:
			if xs := s.info.Selections[x]; xs == nil || xs.Kind() != types.FieldVal {
				return ""
			}
			sel = x
		default:
			return ""
		}
	}
}
