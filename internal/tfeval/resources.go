package tfeval

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Resources as values: their expansion (count, for_each) and the
// objects other expressions read from them.

// expansion is the instances of a resource or module call.
type expansion struct {
	kind   int // single, counted, keyed or unknownCount
	scopes []scope
	keys   []string // instance keys as Terraform writes them: "[0]", `["kr"]`
	why    string   // for unknownCount: why the instances are not known
}

const (
	single = iota
	counted
	keyed
	unknownCount
)

// expand evaluates count or for_each. An unknown or too large count or
// for_each gives one instance whose count.index or each is unknown: the
// resource is taken to exist.
func (s scope) expand(count, forEach *hcl.Attribute) *expansion {
	unknown := func(reason string, countIdx bool) *expansion {
		sc := scope{in: s.in}
		u := unknownBecause(reason)
		if countIdx {
			sc.count = cty.ObjectVal(map[string]cty.Value{"index": u})
		} else {
			sc.each = cty.ObjectVal(map[string]cty.Value{"key": u, "value": u})
		}
		return &expansion{kind: unknownCount, scopes: []scope{sc}, keys: []string{""}, why: reason}
	}
	switch {
	case count != nil:
		v, reason := s.eval(count.Expr)
		v, _ = unmarkDeep(v)
		if !v.IsKnown() {
			return unknown(reason, true)
		}
		if v.IsNull() {
			return s.in.singleExpansion()
		}
		n, err := convert.Convert(v, cty.Number)
		if err != nil || !n.IsKnown() || n.IsNull() {
			return unknown(fmt.Sprintf("count = %s, which is not a number", s.in.r.text(count.Expr.Range())), true)
		}
		bf := n.AsBigFloat()
		if !bf.IsInt() {
			return unknown(fmt.Sprintf("count = %s, which is not a whole number", s.in.r.text(count.Expr.Range())), true)
		}
		i, _ := bf.Int64()
		if bf.Cmp(big.NewFloat(maxExpand)) > 0 {
			return unknown(fmt.Sprintf("count = %s, which has too many instances to expand", s.in.r.text(count.Expr.Range())), true)
		}
		e := &expansion{kind: counted}
		for k := int64(0); k < i; k++ {
			e.scopes = append(e.scopes, scope{in: s.in, count: cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(k)})})
			e.keys = append(e.keys, "["+strconv.FormatInt(k, 10)+"]")
		}
		return e
	case forEach != nil:
		v, reason := s.eval(forEach.Expr)
		v, _ = v.Unmark()
		if !v.IsKnown() {
			return unknown(reason, false)
		}
		e := &expansion{kind: keyed}
		if v.IsNull() {
			return e
		}
		ty := v.Type()
		if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType() || ty.IsListType() || ty.IsTupleType()) {
			return unknown(fmt.Sprintf("for_each = %s, which is not a map or set", s.in.r.text(forEach.Expr.Range())), false)
		}
		if v.LengthInt() > maxExpand {
			return unknown(fmt.Sprintf("for_each = %s, which has too many instances to expand", s.in.r.text(forEach.Expr.Range())), false)
		}
		isMap := ty.IsMapType() || ty.IsObjectType()
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if !isMap {
				k = val
			}
			ks, ok := str(k)
			if !ok {
				return unknown(fmt.Sprintf("for_each = %s, whose keys are not known strings", s.in.r.text(forEach.Expr.Range())), false)
			}
			e.scopes = append(e.scopes, scope{in: s.in, each: cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(ks), "value": val})})
			e.keys = append(e.keys, "["+strconv.Quote(ks)+"]")
		}
		return e
	}
	return s.in.singleExpansion()
}

func (in *instance) expansion(r *resource) *expansion {
	if r.count == nil && r.forEach == nil {
		return in.singleExpansion()
	}
	if e := in.exps[r]; e != nil {
		if e == expanding {
			// A for_each that refers to its own resource.
			return &expansion{kind: unknownCount, scopes: []scope{{in: in}}, keys: []string{""}, why: r.addr() + ", whose count or for_each refers to itself"}
		}
		return e
	}
	if in.exps == nil {
		in.exps = map[*resource]*expansion{}
	}
	in.exps[r] = expanding
	e := scope{in: in}.expand(r.count, r.forEach)
	in.exps[r] = e
	return e
}

// expanding marks a resource whose count or for_each is being evaluated.
var expanding = &expansion{}

// singleExpansion is the expansion of a resource or module call without
// count or for_each, the same for all of an instance's: expansions are
// not changed once made.
func (in *instance) singleExpansion() *expansion {
	if in.single == nil {
		in.single = &expansion{kind: single, scopes: []scope{{in: in}}, keys: []string{""}}
	}
	return in.single
}

// resourceValue is what a reference to a resource or data source sees:
// the arguments it sets, evaluated; what Terraform computes (arn, id...)
// is unknown.
func (in *instance) resourceValue(mode, typ, name string, attrs []string) cty.Value {
	addr := typ + "." + name
	if mode == "data" {
		addr = "data." + addr
	}
	r := in.mod.byAddr[addr]
	if r == nil {
		return unknownBecause(addr + ", which is not declared")
	}
	e := in.expansion(r)
	switch e.kind {
	case single:
		return in.resourceObject(r, e.scopes[0], e.keys[0], attrs)
	case counted:
		if len(e.scopes) == 0 {
			return cty.EmptyTupleVal
		}
		var l []cty.Value
		for i, sc := range e.scopes {
			l = append(l, in.resourceObject(r, sc, e.keys[i], attrs))
		}
		return cty.TupleVal(l)
	case keyed:
		m := map[string]cty.Value{}
		for i, sc := range e.scopes {
			k, _ := str(sc.each.GetAttr("key"))
			m[k] = in.resourceObject(r, sc, e.keys[i], attrs)
		}
		return cty.ObjectVal(m)
	}
	return unknownBecause(e.why)
}

func (in *instance) resourceObject(r *resource, sc scope, key string, attrs []string) cty.Value {
	obj := map[string]cty.Value{}
	for _, a := range attrs {
		obj[a] = in.resourceAttr(r, sc, key, a)
	}
	return cty.ObjectVal(obj)
}

// resourceAttr evaluates one attribute of one resource instance.
func (in *instance) resourceAttr(r *resource, sc scope, key, name string) cty.Value {
	id := r.addr() + key + "." + name
	sl := in.attrs[id]
	if sl == nil {
		sl = &slot{}
		if in.attrs == nil {
			in.attrs = map[string]*slot{}
		}
		in.attrs[id] = sl
	}
	return in.fill(sl, id, func() cty.Value {
		if a := attr(r.body, name); a != nil && !(r.mode == "data" && r.typ == "aws_iam_policy_document") {
			v, reason := sc.eval(a.Expr)
			return explain(v, reason)
		}
		return sc.computedAttr(r, key, name)
	})
}

// computedAttr is an attribute the configuration does not set. A few are
// known statically: the region of an AWS resource or data.aws_region, and
// what the extractor knows (Extractor.Computed).
func (s scope) computedAttr(r *resource, key, name string) cty.Value {
	addr := r.addr() + key + "." + name
	switch {
	case r.mode == "data" && r.typ == "aws_region" && (name == "name" || name == "region" || name == "id"):
		for _, n := range []string{"region", "name"} {
			if a := attr(r.body, n); a != nil {
				v, reason := s.eval(a.Expr)
				return explain(v, reason)
			}
		}
		return s.providerRegionValue(r)
	case r.mode == "resource" && typePrefix(r.typ) == "aws" && name == "region":
		return s.providerRegionValue(r)
	case r.mode == "data" && typePrefix(r.typ) == "azurerm" && name == "location":
		if d, ok := s.in.deployment(); ok && d.Location != "" {
			return cty.StringVal(d.Location)
		}
	case r.mode == "data" && r.typ == "aws_caller_identity" && name == "account_id":
		return cty.DynamicVal.WithMarks(cty.NewValueMarks(why(addr+", which is the account Terraform runs in"), ownAccount{}))
	}
	if v, ok := s.in.r.ext.Computed(Scope{s}, Resource{r}, key, name); ok {
		return v
	}
	if r.mode == "data" {
		return unknownBecause(addr + ", which is read from the cloud when Terraform runs")
	}
	return unknownBecause(addr + ", which is known only after apply")
}

func (s scope) providerRegionValue(r *resource) cty.Value {
	p := s.in.provider(r.providerKey())
	rv := p.region()
	if rv.why != "" {
		return unknownBecause(rv.why)
	}
	return cty.StringVal(rv.val)
}
