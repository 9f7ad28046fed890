package goevidence

import "go/types"

// heldBy is what of a struct's handles hs an unexported field of this
// package's type may hold, when the field is of an interface type: what
// the types of the values this package stores into it may hold (fitting
// each), the only values it ever holds. A field set to another package's
// concrete type (an exporter that wraps the module's services) holds no
// client of the struct's other fields (a database, a mail server), as a
// field declared of that type would not. hs is kept whole where some
// value's type is not known or is itself an interface.
func (s *pkgState) heldBy(field *types.Var, hs []Handle) []Handle {
	if !types.IsInterface(field.Type()) || len(hs) == 0 {
		return hs
	}
	ts := s.writtenTypes(field)
	if len(ts) == 0 {
		return hs
	}
	var out []Handle
	for _, t := range ts {
		out = append(out, s.fitting(t, hs)...)
	}
	return canonHandles(out)
}

// writtenTypes is the static types of the values this package stores
// into a field, nil stores left out; none when there is no store, or
// when some value has no known type, is of an interface type (which says
// no more than the field's), or is text a flag sets.
func (s *pkgState) writtenTypes(field *types.Var) []types.Type {
	var out []types.Type
	for _, a := range s.fields[field] {
		if a.region {
			continue // a setter that moves the client the field holds, not another value
		}
		if a.kind == aHole || a.expr == nil {
			return nil
		}
		t := s.info.TypeOf(a.expr)
		if tup, ok := t.(*types.Tuple); ok {
			if a.tuple < 0 || a.tuple >= tup.Len() {
				return nil
			}
			t = tup.At(a.tuple).Type()
		}
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
			continue
		}
		if t == nil || types.IsInterface(t) {
			return nil
		}
		out = append(out, t)
	}
	return out
}
