package tfeval

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// unmarkDeep is v.UnmarkDeep(), without its allocations for an unmarked
// value of a primitive type, which has no marks to remove: most values
// read are such strings. The marks may be nil.
func unmarkDeep(v cty.Value) (cty.Value, cty.ValueMarks) {
	if !v.IsMarked() && v.Type().IsPrimitiveType() {
		return v, nil
	}
	return v.UnmarkDeep()
}

// eachAttr calls f with the attribute values of a known, non-null,
// unmarked object until f returns false, in no particular order. The
// element iterator of cty would sort the names and make a string value of
// each, and objects (tags, each, module outputs) are walked several times
// over as they are evaluated, sized and converted.
func eachAttr(v cty.Value, f func(name string, e cty.Value) bool) {
	for name := range v.Type().AttributeTypes() {
		if !f(name, v.GetAttr(name)) {
			return
		}
	}
}

// isObject reports whether v, unmarked, is a known, non-null object,
// which eachAttr can walk.
func isObject(v cty.Value) bool {
	return !v.IsMarked() && v.Type().IsObjectType() && v.IsKnown() && !v.IsNull()
}

// whollyKnown is v.IsWhollyKnown() without walking objects through
// cty's element iterator.
func whollyKnown(v cty.Value) bool {
	v, _ = v.Unmark()
	if !isObject(v) {
		return v.IsWhollyKnown()
	}
	known := true
	eachAttr(v, func(_ string, e cty.Value) bool {
		known = whollyKnown(e)
		return known
	})
	return known
}

// containsMarked is v.ContainsMarked() without walking objects through
// cty's element iterator.
func containsMarked(v cty.Value) bool {
	if !isObject(v) {
		return v.ContainsMarked()
	}
	marked := false
	eachAttr(v, func(_ string, e cty.Value) bool {
		marked = containsMarked(e)
		return !marked
	})
	return marked
}

// firstWhy returns the first (in sorted order) reason marked anywhere in v.
func firstWhy(v cty.Value) string {
	_, marks := unmarkDeep(v)
	var ws []string
	for m := range marks {
		if w, ok := m.(why); ok {
			ws = append(ws, string(w))
		}
	}
	if len(ws) == 0 {
		return ""
	}
	sort.Strings(ws)
	return ws[0]
}

func hasOwnAccount(v cty.Value) bool {
	_, marks := unmarkDeep(v)
	_, ok := marks[ownAccount{}]
	return ok
}

// explain marks the unknown parts of v that carry no reason with one.
func explain(v cty.Value, reason string) cty.Value {
	if reason == "" || whollyKnown(v) || firstWhy(v) != "" {
		return v
	}
	return markLeaves(v, why(reason))
}

func markLeaves(v cty.Value, w why) (out cty.Value) {
	defer func() {
		if recover() != nil {
			out = v
		}
	}()
	if v.IsMarked() {
		return v
	}
	if !v.IsKnown() {
		return v.Mark(w)
	}
	if v.IsNull() {
		return v
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType():
		m := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			m[k.AsString()] = markLeaves(e, w)
		}
		return cty.ObjectVal(m)
	case ty.IsTupleType():
		var l []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			l = append(l, markLeaves(e, w))
		}
		return cty.TupleVal(l)
	case ty.IsMapType() && v.LengthInt() > 0:
		m := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			m[k.AsString()] = markLeaves(e, w)
		}
		return cty.MapVal(m)
	case ty.IsListType() && v.LengthInt() > 0:
		var l []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			l = append(l, markLeaves(e, w))
		}
		return cty.ListVal(l)
	}
	return v
}

// tooLarge reports whether a value has more than maxValueNodes parts or
// more than maxValueBytes of strings, or holds a number too large to write
// out (see numberCost). Values built by doubling
// (l2 = [l1, l1], s2 = "${s1}${s1}") grow exponentially while their source
// stays small; each named value is checked so that such a chain stops at
// the first value that is too large.
func tooLarge(v cty.Value) bool {
	var s valueSize
	return s.over(v)
}

// valueSize counts what tooLarge has seen so far.
type valueSize struct{ nodes, bytes int }

func (s *valueSize) over(v cty.Value) bool {
	s.nodes++
	if s.nodes > maxValueNodes {
		return true
	}
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return false
	}
	ty := v.Type()
	switch ty {
	case cty.String:
		s.bytes += len(v.AsString())
		return s.bytes > maxValueBytes || numericCost(v.AsString()) >= costCap
	case cty.Number:
		return numberCost(v.AsBigFloat()) >= costCap
	}
	if !(ty.IsCollectionType() || ty.IsObjectType() || ty.IsTupleType()) {
		return false
	}
	if ty.IsObjectType() {
		over := false
		eachAttr(v, func(_ string, e cty.Value) bool {
			over = s.over(e)
			return !over
		})
		return over
	}
	for it := v.ElementIterator(); it.Next(); {
		if _, e := it.Element(); s.over(e) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// str returns a known string (or number, or bool) value as a string.
func str(v cty.Value) (string, bool) {
	v, _ = unmarkDeep(v)
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	if v.Type() != cty.String {
		c, err := convert.Convert(v, cty.String)
		if err != nil || !c.IsKnown() || c.IsNull() {
			return "", false
		}
		v = c
	}
	return v.AsString(), true
}

// appendVars appends a stable text form of variable values to b, for
// memo keys.
func appendVars(b []byte, vars map[string]varVal) []byte {
	for _, n := range sortedKeys(vars) {
		b = append(b, n...)
		b = append(b, '=')
		b = appendCanon(b, vars[n].v)
		b = append(b, '@')
		b = append(b, vars[n].src...)
		b = append(b, ';')
	}
	return b
}

func appendCanon(b []byte, v cty.Value) []byte {
	v, marks := v.Unmark()
	if len(marks) > 0 {
		var ms []string
		for m := range marks {
			ms = append(ms, fmt.Sprintf("%T:%v", m, m))
		}
		sort.Strings(ms)
		b = append(b, '<')
		b = append(b, strings.Join(ms, ",")...)
		b = append(b, '>')
	}
	if !v.IsKnown() {
		b = append(b, '?')
		return append(b, v.Type().FriendlyName()...)
	}
	if v.IsNull() {
		return append(b, "null"...)
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return strconv.AppendQuote(b, v.AsString())
	case ty == cty.Number:
		return v.AsBigFloat().Append(b, 'g', -1)
	case ty == cty.Bool:
		return strconv.AppendBool(b, v.True())
	case ty.IsObjectType() || ty.IsMapType():
		b = append(b, '{')
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			b = strconv.AppendQuote(b, k.AsString())
			b = append(b, ':')
			b = appendCanon(b, e)
			b = append(b, ',')
		}
		return append(b, '}')
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		b = append(b, '[')
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			b = appendCanon(b, e)
			b = append(b, ',')
		}
		return append(b, ']')
	}
	return append(b, ty.FriendlyName()...)
}
