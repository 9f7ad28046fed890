package terraform

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// firstWhy returns the first (in sorted order) reason marked anywhere in v.
func firstWhy(v cty.Value) string {
	_, marks := v.UnmarkDeep()
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
	_, marks := v.UnmarkDeep()
	_, ok := marks[ownAccount{}]
	return ok
}

func hasStoreAttr(v cty.Value) bool {
	_, marks := v.UnmarkDeep()
	_, ok := marks[storeAttr{}]
	return ok
}

// explain marks the unknown parts of v that carry no reason with one.
func explain(v cty.Value, reason string) cty.Value {
	if reason == "" || v.IsWhollyKnown() || firstWhy(v) != "" {
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
	n, bytes := 0, 0
	var walk func(v cty.Value) bool
	walk = func(v cty.Value) bool {
		n++
		if n > maxValueNodes {
			return true
		}
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() {
			return false
		}
		ty := v.Type()
		switch ty {
		case cty.String:
			bytes += len(v.AsString())
			return bytes > maxValueBytes || numericCost(v.AsString()) >= costCap
		case cty.Number:
			return numberCost(v.AsBigFloat()) >= costCap
		}
		if !(ty.IsCollectionType() || ty.IsObjectType() || ty.IsTupleType()) {
			return false
		}
		for it := v.ElementIterator(); it.Next(); {
			if _, e := it.Element(); walk(e) {
				return true
			}
		}
		return false
	}
	return walk(v)
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
	v, _ = v.UnmarkDeep()
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

// canonVars is a stable text form of variable values, for memo keys.
func canonVars(vars map[string]varVal) string {
	var b strings.Builder
	for _, n := range sortedKeys(vars) {
		b.WriteString(n)
		b.WriteByte('=')
		canon(&b, vars[n].v)
		b.WriteByte('@')
		b.WriteString(vars[n].src)
		b.WriteByte(';')
	}
	return b.String()
}

func canon(b *strings.Builder, v cty.Value) {
	v, marks := v.Unmark()
	if len(marks) > 0 {
		var ms []string
		for m := range marks {
			ms = append(ms, fmt.Sprintf("%T:%v", m, m))
		}
		sort.Strings(ms)
		b.WriteString("<" + strings.Join(ms, ",") + ">")
	}
	if !v.IsKnown() {
		b.WriteString("?" + v.Type().FriendlyName())
		return
	}
	if v.IsNull() {
		b.WriteString("null")
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		b.WriteString(strconv.Quote(v.AsString()))
	case ty == cty.Number:
		b.WriteString(v.AsBigFloat().Text('g', -1))
	case ty == cty.Bool:
		b.WriteString(strconv.FormatBool(v.True()))
	case ty.IsObjectType() || ty.IsMapType():
		b.WriteByte('{')
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			b.WriteString(strconv.Quote(k.AsString()) + ":")
			canon(b, e)
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		b.WriteByte('[')
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			canon(b, e)
			b.WriteByte(',')
		}
		b.WriteByte(']')
	default:
		b.WriteString(ty.FriendlyName())
	}
}
