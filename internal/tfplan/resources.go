package tfplan

import (
	"encoding/json"
	"slices"
	"strings"
)

// instance is one resource instance that will exist (a plan) or exists
// (a state), with its attribute values.
type instance struct {
	addr   string   // the full address: module.media["kr"].aws_s3_bucket.this[0]
	module string   // its module instance: module.media["kr"]; "" for the root
	calls  []string // the module calls on the way, without keys: [media]
	typ    string
	name   string
	values map[string]json.RawMessage
	prior  map[string]json.RawMessage // its values before the change, if any
}

// local is the resource's address inside its module: aws_s3_bucket.this.
func (in instance) local() string { return in.typ + "." + in.name }

// instances lists the managed resources the document says will exist
// after the plan is applied, or that the state holds. Data sources are
// read, not written, and hold no personal data; a resource the plan only
// deletes is not where data will be.
func (d *document) instances() []instance {
	prior := map[string]map[string]json.RawMessage{}
	if d.PriorState != nil && d.PriorState.Values != nil {
		walkModule(d.PriorState.Values.RootModule, func(r resource) {
			prior[r.Address] = r.Values
		})
	}
	var out []instance
	add := func(addr, typ, name string, vals map[string]json.RawMessage) {
		in := instance{addr: addr, typ: typ, name: name, values: vals, prior: prior[addr]}
		in.module, in.calls = moduleOf(addr, typ, name)
		out = append(out, in)
	}
	switch {
	case d.PlannedValues != nil:
		walkModule(d.PlannedValues.RootModule, func(r resource) {
			if r.Mode == "managed" {
				add(r.Address, r.Type, r.Name, r.Values)
			}
		})
	case len(d.ResourceChanges) > 0:
		for _, c := range d.ResourceChanges {
			if c.Mode == "managed" && !slices.Equal(c.Change.Actions, []string{"delete"}) {
				add(c.Address, c.Type, c.Name, c.Change.After)
			}
		}
	case d.Values != nil:
		walkModule(d.Values.RootModule, func(r resource) {
			if r.Mode == "managed" {
				add(r.Address, r.Type, r.Name, r.Values)
			}
		})
	}
	return out
}

// walkModule calls f for each resource of a module and its children,
// depth first in the document's order.
func walkModule(m *module, f func(resource)) {
	if m == nil {
		return
	}
	stack := []*module{m}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, r := range cur.Resources {
			f(r)
		}
		for i := len(cur.ChildModules) - 1; i >= 0; i-- {
			stack = append(stack, &cur.ChildModules[i])
		}
	}
}

// moduleOf splits a resource address into its module instance and the
// names of the module calls on the way: module.a["x"].module.b.aws_s3_bucket.c[0]
// is in module.a["x"].module.b, through calls a and b.
func moduleOf(addr, typ, name string) (string, []string) {
	end := strings.LastIndex(addr, typ+"."+name)
	if end < 0 {
		return "", nil
	}
	mod := strings.TrimSuffix(addr[:end], ".")
	return mod, callNames(mod)
}

// callNames are the module call names of a module instance address,
// without their keys. A key is a number or a quoted string, which may hold
// dots and brackets; it is skipped as JSON would read it.
func callNames(mod string) []string {
	var out []string
	for rest := mod; rest != ""; {
		var ok bool
		rest, ok = strings.CutPrefix(rest, "module.")
		if !ok {
			return out
		}
		i := strings.IndexAny(rest, ".[")
		if i < 0 {
			return append(out, rest)
		}
		out = append(out, rest[:i])
		rest = rest[i:]
		if rest[0] == '[' {
			rest = skipKey(rest)
		}
		rest = strings.TrimPrefix(rest, ".")
	}
	return out
}

// skipKey returns what follows an instance key: `["a.b"]` or `[0]`.
func skipKey(s string) string {
	if strings.HasPrefix(s, `["`) {
		dec := json.NewDecoder(strings.NewReader(s[1:]))
		var k string
		if dec.Decode(&k) == nil {
			rest := s[1+int(dec.InputOffset()):]
			return strings.TrimPrefix(rest, "]")
		}
		return ""
	}
	if i := strings.IndexByte(s, ']'); i >= 0 {
		return s[i+1:]
	}
	return ""
}

// value decodes a top-level attribute of an instance: its planned value,
// else its value before the change. Null and unknown values are absent.
func (in instance) value(name string) (any, bool) {
	for _, vals := range []map[string]json.RawMessage{in.values, in.prior} {
		raw, ok := vals[name]
		if !ok {
			continue
		}
		var v any
		if json.Unmarshal(raw, &v) == nil && v != nil {
			return v, true
		}
	}
	return nil, false
}

// strings reads the strings at a path of attribute names (block.name):
// nested blocks are lists of objects, each giving its own.
func (in instance) strings(path string) []string {
	parts := strings.Split(path, ".")
	v, ok := in.value(parts[0])
	if !ok {
		return nil
	}
	cur := []any{v}
	for _, p := range parts[1:] {
		var next []any
		for _, c := range cur {
			for _, o := range elems(c) {
				if m, ok := o.(map[string]any); ok && m[p] != nil {
					next = append(next, m[p])
				}
			}
		}
		cur = next
	}
	var out []string
	for _, c := range cur {
		for _, e := range elems(c) {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// elems is a list's elements, or the value itself.
func elems(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

// kind is what the document is, for messages: "plan" or "state".
func (d *document) kind() string {
	if d.PlannedValues == nil && len(d.ResourceChanges) == 0 && d.Values != nil {
		return "state"
	}
	return "plan"
}
