package terraform

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tfeval"
)

// policyAttrs are the AWS arguments that hold an IAM policy document whose
// Principal elements grant access.
var policyAttrs = []struct{ attr, what string }{
	{"assume_role_policy", "trust policy"},
	{"policy", "policy"},
	{"access_policies", "access policy"},
}

// identityPolicies are the AWS resources whose policy is attached to an
// identity of the account: it has no Principal element, so it grants no
// one outside the account anything.
var identityPolicies = map[string]bool{
	"aws_iam_policy":       true,
	"aws_iam_role_policy":  true,
	"aws_iam_user_policy":  true,
	"aws_iam_group_policy": true,
}

// principalAttrs are AWS arguments that name one principal directly.
var principalAttrs = map[string]string{
	"aws_lambda_permission":         "principal",
	"aws_ram_principal_association": "principal",
	"aws_kms_grant":                 "grantee_principal",
}

// hole is a part of a policy that is not known statically.
type hole struct {
	why string
	own bool // the repository's own account
}

// holeOpen and holeClose bracket the index of a hole written into a
// template's text.
const holeOpen, holeClose = "\uE000", "\uE001"

func (s scope) accessRecs(r tfeval.Resource) []evidence.Evidence {
	var out []evidence.Evidence
	if r.Cloud() == "aws" && !identityPolicies[r.Type()] {
		for _, pa := range policyAttrs {
			if a := tfeval.Attr(r.Body(), pa.attr); a != nil {
				out = append(out, s.policyRecs(r.Addr()+" "+pa.what, a)...)
			}
		}
		if n, ok := principalAttrs[r.Type()]; ok {
			if a := tfeval.Attr(r.Body(), n); a != nil {
				for _, el := range s.elements(a) {
					if el.known && accountOf(el.val) == "" {
						continue // a service or organization, not an account
					}
					out = append(out, s.principalRec(r.Addr()+" "+n, el))
				}
			}
		}
	}
	return append(out, s.ingressRecs(r)...)
}

// elem is one value of an argument that may hold one value or a list.
type elem struct {
	known bool
	val   string
	h     hole
	rng   hcl.Range
	name  hcl.Range
}

// elements evaluates an argument's values, keeping each list element's
// own range when the list is written out.
func (s scope) elements(a *hcl.Attribute) []elem {
	var out []elem
	add := func(v cty.Value, reason string, rng hcl.Range) {
		plain, _ := tfeval.UnmarkDeep(v)
		if !plain.IsKnown() {
			out = append(out, elem{h: hole{why: reason, own: tfeval.OwnAccount(v)}, rng: rng, name: a.NameRange})
			return
		}
		if plain.IsNull() {
			return
		}
		ty := plain.Type()
		if ty.IsPrimitiveType() {
			x, _ := tfeval.Str(plain)
			out = append(out, elem{known: true, val: x, rng: rng, name: a.NameRange})
			return
		}
		if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			pe, _ := tfeval.UnmarkDeep(e)
			switch {
			case !pe.IsKnown():
				out = append(out, elem{h: hole{why: reason, own: tfeval.OwnAccount(e)}, rng: rng, name: a.NameRange})
			case !pe.IsNull() && pe.Type().IsPrimitiveType():
				x, _ := tfeval.Str(pe)
				out = append(out, elem{known: true, val: x, rng: rng, name: a.NameRange})
			}
		}
	}
	if exprs, diags := hcl.ExprList(a.Expr); !diags.HasErrors() {
		for _, e := range exprs {
			v, reason := s.Eval(e)
			add(v, reason, e.Range())
		}
		return out
	}
	v, reason := s.Eval(a.Expr)
	add(v, reason, a.Expr.Range())
	return out
}

var (
	arnAccount  = regexp.MustCompile(`^arn:aws[a-zA-Z-]*:(?:iam|sts)::(\d{12}):`)
	bareAccount = regexp.MustCompile(`^\d{12}$`)
)

// accountOf is the AWS account ID a principal names, or "".
func accountOf(p string) string {
	p = strings.TrimSpace(p)
	if m := arnAccount.FindStringSubmatch(p); m != nil {
		return m[1]
	}
	if bareAccount.MatchString(p) {
		return p
	}
	return ""
}

// principalRec places one AWS principal.
func (s scope) principalRec(what string, el elem) evidence.Evidence {
	base := evidence.Evidence{Kind: evidence.Access, What: what}
	if !el.known {
		base.Pos = s.Pos(el.name)
		base.Unresolved = "the principal comes from " + el.h.why
		return base
	}
	acct := accountOf(el.val)
	if acct == "" {
		base.Pos = s.FindPos(el.rng, el.val, el.name)
		base.Unresolved = fmt.Sprintf("the principal %q names no AWS account", el.val)
		return base
	}
	base.Pos = s.FindPos(el.rng, acct, el.name)
	pl := s.places.Account(acct)
	if pl.OK() {
		base.Country = pl.Countries[0]
		base.Via = fmt.Sprintf("%s, AWS account %s", pl.Via, acct)
		return base
	}
	base.Unresolved = pl.Unresolved
	return base
}

// principalRecs places the principals found in a policy.
func (s scope) principalRecs(what string, ps []elem) []evidence.Evidence {
	var out []evidence.Evidence
	for _, p := range ps {
		if !p.known && p.h.own {
			continue
		}
		if p.known && p.val == "*" {
			continue
		}
		out = append(out, s.principalRec(what, p))
	}
	return out
}

// policyRecs reads the AWS principals of a policy argument: a reference to
// an aws_iam_policy_document, a JSON string (heredoc, template or
// constant), or jsonencode of an object.
func (s scope) policyRecs(what string, a *hcl.Attribute) []evidence.Evidence {
	if doc, ok := s.policyDocRef(a.Expr); ok {
		return s.docRecs(what, doc, map[tfeval.Resource]bool{})
	}
	v, reason := s.Eval(a.Expr)
	if reason == "" {
		x, ok := tfeval.Str(v)
		if !ok {
			return nil
		}
		return s.principalRecs(what, s.jsonPrincipals(x, nil, a.Expr.Range(), a.NameRange))
	}
	if fc, ok := hcl.UnwrapExpression(a.Expr).(*hclsyntax.FunctionCallExpr); ok && fc.Name == "jsonencode" && len(fc.Args) == 1 {
		av, areason := s.Eval(fc.Args[0])
		doc := toAny(av, areason)
		return s.principalRecs(what, principalsIn(doc, a.Expr.Range(), a.NameRange))
	}
	if te, ok := hcl.UnwrapExpression(a.Expr).(*hclsyntax.TemplateExpr); ok {
		if text, holes, ok := s.templateHoles(te); ok {
			return s.principalRecs(what, s.jsonPrincipals(text, holes, a.Expr.Range(), a.NameRange))
		}
	}
	if tfeval.OwnAccount(v) {
		return nil
	}
	return []evidence.Evidence{{Kind: evidence.Access, What: what, Pos: s.Pos(a.NameRange),
		Unresolved: a.Name + " comes from " + reason}}
}

// templateHoles renders a template, writing a marker for each part that
// is not known.
func (s scope) templateHoles(te *hclsyntax.TemplateExpr) (string, []hole, bool) {
	var b strings.Builder
	var holes []hole
	for _, part := range te.Parts {
		v, reason := s.Eval(part)
		if reason == "" {
			x, ok := tfeval.Str(v)
			if !ok {
				return "", nil, false
			}
			b.WriteString(x)
			continue
		}
		b.WriteString(holeOpen + strconv.Itoa(len(holes)) + holeClose)
		holes = append(holes, hole{why: reason, own: tfeval.OwnAccount(v)})
	}
	return b.String(), holes, true
}

// jsonPrincipals parses a JSON policy and returns its AWS principals. A
// string holding a hole marker is that hole.
func (s scope) jsonPrincipals(text string, holes []hole, rng, name hcl.Range) []elem {
	var doc any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		return nil
	}
	if len(holes) > 0 {
		doc = fillHoles(doc, holes)
	}
	return principalsIn(doc, rng, name)
}

func fillHoles(v any, holes []hole) any {
	switch t := v.(type) {
	case string:
		if i := strings.Index(t, holeOpen); i >= 0 {
			j := strings.Index(t[i:], holeClose)
			if j > 0 {
				if n, err := strconv.Atoi(t[i+len(holeOpen) : i+j]); err == nil && n >= 0 && n < len(holes) {
					return holes[n]
				}
			}
		}
		return t
	case []any:
		for i := range t {
			t[i] = fillHoles(t[i], holes)
		}
		return t
	case map[string]any:
		for k := range t {
			t[k] = fillHoles(t[k], holes)
		}
		return t
	}
	return v
}

// toAny converts a cty value to the shape encoding/json gives, with holes
// for its unknown parts.
func toAny(v cty.Value, reason string) any {
	plain, _ := v.Unmark()
	if !plain.IsKnown() {
		w := reason
		if fw := tfeval.Why(v); fw != "" {
			w = fw
		}
		return hole{why: w, own: tfeval.OwnAccount(v)}
	}
	if plain.IsNull() {
		return nil
	}
	ty := plain.Type()
	switch {
	case ty == cty.String:
		return plain.AsString()
	case ty.IsPrimitiveType():
		x, _ := tfeval.Str(plain)
		return x
	case ty.IsObjectType() || ty.IsMapType():
		m := map[string]any{}
		for it := plain.ElementIterator(); it.Next(); {
			k, e := it.Element()
			m[k.AsString()] = toAny(e, reason)
		}
		return m
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var l []any
		for it := plain.ElementIterator(); it.Next(); {
			_, e := it.Element()
			l = append(l, toAny(e, reason))
		}
		return l
	}
	return nil
}

// principalsIn walks a policy document for the AWS principals of its
// Allow statements.
func principalsIn(doc any, rng, name hcl.Range) []elem {
	var out []elem
	add := func(v any) {
		switch t := v.(type) {
		case string:
			out = append(out, elem{known: true, val: t, rng: rng, name: name})
		case hole:
			out = append(out, elem{h: t, rng: rng, name: name})
		}
	}
	if h, ok := doc.(hole); ok {
		add(h)
		return out
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	var stmts []any
	switch st := m["Statement"].(type) {
	case []any:
		stmts = st
	case map[string]any:
		stmts = []any{st}
	case hole:
		add(st)
	}
	for _, st := range stmts {
		sm, ok := st.(map[string]any)
		if !ok {
			if h, ok := st.(hole); ok {
				add(h)
			}
			continue
		}
		if eff, ok := sm["Effect"].(string); ok && strings.EqualFold(eff, "Deny") {
			continue
		}
		switch p := sm["Principal"].(type) {
		case hole:
			add(p)
		case map[string]any:
			switch aws := p["AWS"].(type) {
			case string, hole:
				add(aws)
			case []any:
				for _, x := range aws {
					add(x)
				}
			}
		}
	}
	return out
}

// policyDocRef is the aws_iam_policy_document an expression reads the
// JSON of; ok is false when it reads none.
func (s scope) policyDocRef(expr hcl.Expression) (doc tfeval.Resource, ok bool) {
	ts := s.Module().Variables(expr)
	if len(ts) != 1 {
		return tfeval.Resource{}, false
	}
	t := ts[0]
	if t.RootName() != "data" || len(t) < 4 {
		return tfeval.Resource{}, false
	}
	typ, ok1 := t[1].(hcl.TraverseAttr)
	name, ok2 := t[2].(hcl.TraverseAttr)
	if !ok1 || !ok2 || typ.Name != "aws_iam_policy_document" {
		return tfeval.Resource{}, false
	}
	last := t[3]
	if _, ok := last.(hcl.TraverseIndex); ok && len(t) > 4 {
		last = t[4]
	}
	if a, ok := last.(hcl.TraverseAttr); !ok || (a.Name != "json" && a.Name != "minified_json") {
		return tfeval.Resource{}, false
	}
	return s.Module().Resource("data.aws_iam_policy_document." + name.Name)
}

// docRecs reads the principals of an aws_iam_policy_document, pointing at
// each identifier in it, and of the documents it merges.
func (s scope) docRecs(what string, doc tfeval.Resource, seen map[tfeval.Resource]bool) []evidence.Evidence {
	if seen[doc] {
		return nil
	}
	seen[doc] = true
	var out []evidence.Evidence
	for _, es := range s.Instances(doc) {
		ds := scope{es, s.places}
		for _, st := range ds.Blocks(doc.Body(), "statement") {
			if !ds.is(st.Body, "effect", "Allow", "Allow") {
				continue
			}
			for _, pb := range ds.Blocks(st.Body, "principals") {
				if !ds.is(pb.Body, "type", "AWS", "") {
					continue
				}
				if a := tfeval.Attr(pb.Body, "identifiers"); a != nil {
					out = append(out, ds.principalRecs(what, ds.elements(a))...)
				}
			}
		}
		for _, n := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
			a := tfeval.Attr(doc.Body(), n)
			if a == nil {
				continue
			}
			exprs, diags := hcl.ExprList(a.Expr)
			if diags.HasErrors() {
				exprs = []hcl.Expression{a.Expr}
			}
			for _, e := range exprs {
				if d, ok := ds.policyDocRef(e); ok {
					out = append(out, ds.docRecs(what, d, seen)...)
					continue
				}
				v, reason := ds.Eval(e)
				if reason != "" {
					out = append(out, ds.principalRecs(what, []elem{{h: hole{why: reason, own: tfeval.OwnAccount(v)}, rng: e.Range(), name: a.NameRange}})...)
					continue
				}
				if x, ok := tfeval.Str(v); ok {
					out = append(out, ds.principalRecs(what, ds.jsonPrincipals(x, nil, e.Range(), a.NameRange))...)
				}
			}
		}
	}
	return out
}

// policyDocJSON is the JSON an aws_iam_policy_document produces, as far as
// principals go: its Allow statements with their AWS principals. The
// repository's own account is left out; any other unknown principal makes
// the whole document unknown.
func (s scope) policyDocJSON(doc tfeval.Resource, seen map[tfeval.Resource]bool) cty.Value {
	var stmts []any
	for _, es := range s.Instances(doc) {
		ds := scope{es, s.places}
		for _, st := range ds.Blocks(doc.Body(), "statement") {
			if !ds.is(st.Body, "effect", "Allow", "Allow") {
				continue
			}
			var ids []any
			for _, pb := range ds.Blocks(st.Body, "principals") {
				if !ds.is(pb.Body, "type", "AWS", "") {
					continue
				}
				if a := tfeval.Attr(pb.Body, "identifiers"); a != nil {
					for _, el := range ds.elements(a) {
						switch {
						case el.known:
							ids = append(ids, el.val)
						case !el.h.own:
							return tfeval.Unknown(el.h.why)
						}
					}
				}
			}
			stmt := map[string]any{"Effect": "Allow"}
			if len(ids) > 0 {
				stmt["Principal"] = map[string]any{"AWS": ids}
			}
			stmts = append(stmts, stmt)
		}
	}
	b, err := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": stmts})
	if err != nil {
		return tfeval.Unknown("data." + doc.Type() + "." + doc.Name() + ".json, which cannot be built")
	}
	return cty.StringVal(string(b))
}

// is tells whether an argument equals want (ignoring case); def stands in
// when it is not set. An unknown value counts as a match, so that a rule
// that may grant access is not passed over.
func (s scope) is(body hcl.Body, name, want, def string) bool {
	a := tfeval.Attr(body, name)
	if a == nil {
		return strings.EqualFold(def, want)
	}
	v, reason := s.Eval(a.Expr)
	if reason != "" {
		return true
	}
	x, ok := tfeval.Str(v)
	if !ok {
		return strings.EqualFold(def, want)
	}
	return strings.EqualFold(x, want)
}

// ingressRecs is the evidence of network ranges allowed in by firewall and
// security group rules.
func (s scope) ingressRecs(r tfeval.Resource) []evidence.Evidence {
	what := r.Addr() + " ingress"
	var out []evidence.Evidence
	cidrs := func(body hcl.Body, names ...string) {
		for _, n := range names {
			if a := tfeval.Attr(body, n); a != nil {
				for _, el := range s.elements(a) {
					if rc, ok := s.cidrRec(what, el); ok {
						out = append(out, rc)
					}
				}
			}
		}
	}
	switch r.Type() {
	case "aws_security_group":
		for _, b := range s.Blocks(r.Body(), "ingress") {
			cidrs(b.Body, "cidr_blocks", "ipv6_cidr_blocks")
		}
		if a := tfeval.Attr(r.Body(), "ingress"); a != nil {
			// The attribute form: ingress = [{ cidr_blocks = [...] }].
			v, reason := s.Eval(a.Expr)
			for _, rule := range asList(toAny(v, reason)) {
				m, ok := rule.(map[string]any)
				if !ok {
					continue
				}
				for _, k := range []string{"cidr_blocks", "ipv6_cidr_blocks"} {
					for _, x := range asList(m[k]) {
						el := elem{rng: a.Expr.Range(), name: a.NameRange}
						switch t := x.(type) {
						case string:
							el.known, el.val = true, t
						case hole:
							el.h = t
						default:
							continue
						}
						if rc, ok := s.cidrRec(what, el); ok {
							out = append(out, rc)
						}
					}
				}
			}
		}
	case "aws_security_group_rule":
		if s.is(r.Body(), "type", "ingress", "") {
			cidrs(r.Body(), "cidr_blocks", "ipv6_cidr_blocks")
		}
	case "aws_vpc_security_group_ingress_rule":
		cidrs(r.Body(), "cidr_ipv4", "cidr_ipv6")
	case "azurerm_network_security_group":
		for _, b := range s.Blocks(r.Body(), "security_rule") {
			if s.is(b.Body, "direction", "Inbound", "") && s.is(b.Body, "access", "Allow", "") {
				cidrs(b.Body, "source_address_prefix", "source_address_prefixes")
			}
		}
	case "azurerm_network_security_rule":
		if s.is(r.Body(), "direction", "Inbound", "") && s.is(r.Body(), "access", "Allow", "") {
			cidrs(r.Body(), "source_address_prefix", "source_address_prefixes")
		}
	case "google_compute_firewall":
		if s.is(r.Body(), "direction", "INGRESS", "INGRESS") && len(s.Blocks(r.Body(), "allow")) > 0 {
			cidrs(r.Body(), "source_ranges")
		}
	case "alicloud_security_group_rule":
		if s.is(r.Body(), "type", "ingress", "") && s.is(r.Body(), "policy", "accept", "accept") {
			cidrs(r.Body(), "cidr_ip", "ipv6_cidr_ip")
		}
	case "tencentcloud_security_group_rule":
		if s.is(r.Body(), "type", "ingress", "") && s.is(r.Body(), "policy", "accept", "") {
			cidrs(r.Body(), "cidr_ip")
		}
	case "huaweicloud_networking_secgroup_rule":
		if s.is(r.Body(), "direction", "ingress", "") && s.is(r.Body(), "action", "allow", "allow") {
			cidrs(r.Body(), "remote_ip_prefix")
		}
	case "oci_core_security_list":
		for _, b := range s.Blocks(r.Body(), "ingress_security_rules") {
			if s.is(b.Body, "source_type", "CIDR_BLOCK", "CIDR_BLOCK") {
				cidrs(b.Body, "source")
			}
		}
	case "oci_core_network_security_group_security_rule":
		if s.is(r.Body(), "direction", "INGRESS", "") && s.is(r.Body(), "source_type", "CIDR_BLOCK", "CIDR_BLOCK") {
			cidrs(r.Body(), "source")
		}
	}
	return out
}

func asList(v any) []any {
	switch t := v.(type) {
	case []any:
		return t
	case nil:
		return nil
	}
	return []any{v}
}

// internal are ranges that do not reach the Internet: private, shared
// (CGNAT), loopback, link-local, "this network".
var internal = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "0.0.0.0/8", "fc00::/7", "fe80::/10", "::1/128"} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// anywhere are the values that open a rule to the whole Internet, which
// is the public web rather than a place.
var anywhere = map[string]bool{"*": true, "internet": true, "any": true, "0.0.0.0/0": true, "::/0": true}

// cidrRec places one ingress source. It reports false for the whole
// Internet, internal ranges, and values that are not addresses (Azure
// service tags).
func (s scope) cidrRec(what string, el elem) (evidence.Evidence, bool) {
	base := evidence.Evidence{Kind: evidence.Access, What: what}
	if !el.known {
		base.Pos = s.Pos(el.name)
		base.Unresolved = "the ingress source comes from " + el.h.why
		return base, true
	}
	x := strings.TrimSpace(el.val)
	if anywhere[strings.ToLower(x)] {
		return evidence.Evidence{}, false
	}
	p, err := netip.ParsePrefix(x)
	if err != nil {
		addr, err := netip.ParseAddr(x)
		if err != nil {
			return evidence.Evidence{}, false
		}
		p = netip.PrefixFrom(addr, addr.BitLen())
	}
	if p.Addr().Is4In6() {
		p = netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, 0))
	}
	p = p.Masked()
	if p.Bits() == 0 {
		return evidence.Evidence{}, false
	}
	base.Pos = s.FindPos(el.rng, x, el.name)
	if pl := s.places.CIDR(p); pl.OK() {
		base.Country = pl.Countries[0]
		base.Via = fmt.Sprintf("%s, CIDR %s", pl.Via, x)
		return base, true
	}
	for _, q := range internal {
		if q.Bits() <= p.Bits() && q.Contains(p.Addr()) {
			return evidence.Evidence{}, false
		}
	}
	base.Unresolved = fmt.Sprintf("CIDR %s is not placed by any entity", x)
	return base, true
}
