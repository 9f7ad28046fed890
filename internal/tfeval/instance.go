package tfeval

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// provConf is a provider configuration as a module instance sees it.
type provConf struct {
	id    string    // identity, for memo keys
	name  string    // as written where it is defined: "aws", "aws.seoul"
	local string    // the provider's local name: "aws"
	in    *instance // the instance that defines it; nil when implicit
	root  *instance // the root module instance it serves (for deploy blocks)
	body  hcl.Body

	done bool
	reg  regionVal
}

// regionVal is a provider configuration's region: val when it is known,
// else why (phrased to follow "region comes from").
type regionVal struct {
	val, why, via string
}

// region evaluates the configuration's region once. Google's provider
// falls back from region to zone.
func (p *provConf) region() regionVal {
	if p.done {
		return p.reg
	}
	p.done = true
	// Seen again while it is being evaluated, the region refers to itself.
	p.reg = regionVal{why: fmt.Sprintf("the region of provider %s, which refers to itself", p.name)}
	if p.in == nil {
		p.reg = p.deployed(fmt.Sprintf("the environment: there is no provider %q block", p.local))
		return p.reg
	}
	names := []string{"region"}
	switch p.local {
	case "google", "google-beta":
		names = append(names, "zone")
	case "cloudfoundry":
		// A Cloud Foundry platform is where its API endpoint is
		// (internal/regions, paas.tsv).
		names = []string{"api_url"}
	}
	for _, n := range names {
		a := attr(p.body, n)
		if a == nil {
			continue
		}
		sc := scope{in: p.in}
		v, reason := sc.eval(a.Expr)
		plain, _ := unmarkDeep(v)
		if plain.IsKnown() && plain.IsNull() {
			continue
		}
		if reason != "" {
			p.reg = regionVal{why: reason}
			return p.reg
		}
		s, ok := str(v)
		if !ok {
			p.reg = regionVal{why: fmt.Sprintf("%s, which is not a string", p.in.r.text(a.Expr.Range()))}
			return p.reg
		}
		via := "provider " + p.name
		if pv := sc.provenance(a.Expr); pv != "" {
			via += ", " + pv
		}
		p.reg = regionVal{val: s, via: via}
		return p.reg
	}
	p.reg = p.deployed(fmt.Sprintf("the environment: provider %s sets no %s", p.name, names[0]))
	return p.reg
}

// deployed is the region a deploy block gives the root module when the
// provider configuration sets none (the pipeline's environment sets it),
// else why, the reason it is unknown.
func (p *provConf) deployed(why string) regionVal {
	if d, ok := p.root.deployment(); ok && d.Region != "" {
		return regionVal{val: d.Region, via: "provider " + p.name + ", region from the " + d.Via()}
	}
	return regionVal{why: why}
}

// rootInstance is the root module instance the instance belongs to.
func (in *instance) rootInstance() *instance {
	for in != nil && in.parent != nil {
		in = in.parent
	}
	return in
}

// deployment is what a deploy block sets for the root module of in.
func (in *instance) deployment() (Deploy, bool) {
	if in == nil || in.r.l.deploy == nil {
		return Deploy{}, false
	}
	return in.rootInstance().r.l.deploy(in.rootInstance().mod.rel)
}

// provider returns the configuration a key ("aws", "aws.seoul") names in
// this instance: the module's own provider block, else what the module
// call passed, else (for a default configuration, when the call passed
// none) the parent's, else an empty configuration.
func (in *instance) provider(key string) *provConf {
	if p := in.provs[key]; p != nil {
		return p
	}
	var p *provConf
	if b := in.mod.providers[key]; b != nil {
		p = &provConf{id: fmt.Sprintf("%d/%s", in.id, key), name: key, local: b.local, in: in, root: in.rootInstance(), body: b.body}
	} else if in.provMap != nil {
		p = in.provMap[key]
	} else if in.inherit && in.parent != nil && !strings.Contains(key, ".") {
		p = in.parent.provider(key)
	}
	if p == nil {
		local, _, _ := strings.Cut(key, ".")
		p = &provConf{id: "implicit/" + key, name: key, local: local, root: in.rootInstance()}
	}
	if in.provs == nil {
		in.provs = map[string]*provConf{}
	}
	in.provs[key] = p
	return p
}

// providerNeeds lists the provider configurations a module uses, directly
// or through the modules it calls without a providers argument.
func (m *module) providerNeeds() map[string]bool {
	if m.needs != nil {
		return m.needs
	}
	n := map[string]bool{}
	for _, r := range m.resources {
		n[r.providerKey()] = true
	}
	for _, r := range m.data {
		n[r.providerKey()] = true
	}
	for _, c := range m.calls {
		if c.target == nil {
			continue
		}
		if c.providers != nil {
			for _, pair := range providerPairs(c.providers) {
				n[pair[1]] = true
			}
			continue
		}
		for k := range c.target.providerNeeds() {
			if !strings.Contains(k, ".") {
				n[k] = true
			}
		}
	}
	m.needs, m.needKeys = n, sortedKeys(n)
	return n
}

// providerPairs reads a module call's providers argument: pairs of the
// child's key and the parent's key.
func providerPairs(a *hcl.Attribute) [][2]string {
	kvs, diags := hcl.ExprMap(a.Expr)
	if diags.HasErrors() {
		return nil
	}
	var out [][2]string
	for _, kv := range kvs {
		k := providerRef(kv.Key)
		v := providerRef(kv.Value)
		if k != "" && v != "" {
			out = append(out, [2]string{k, v})
		}
	}
	return out
}

func providerRef(expr hcl.Expression) string {
	if t, diags := hcl.AbsTraversalForExpr(expr); !diags.HasErrors() {
		return traversalKey(t)
	}
	if v, diags := safeValue(expr, nil); !diags.HasErrors() {
		if s, ok := str(v); ok {
			return s
		}
	}
	return ""
}

// callSet is the expanded instances of one module call.
type callSet struct {
	busy  bool
	exp   *expansion
	items []callItem
}

type callItem struct {
	name  string // "module.media", `module.media["kr"]`
	key   string // the for_each key
	child *instance
	why   string // why this instance was not evaluated
}

// callSetOf expands a local module call and evaluates each instance's
// inputs, sharing an instance with every call that passes the same inputs
// and provider configurations.
func (in *instance) callSetOf(c *call) *callSet {
	if cs := in.calls[c]; cs != nil {
		return cs
	}
	cs := &callSet{busy: true}
	if in.calls == nil {
		in.calls = map[*call]*callSet{}
	}
	in.calls[c] = cs
	defer func() { cs.busy = false }()
	if c.target == nil {
		return cs
	}
	e := scope{in: in}.expand(c.count, c.forEach)
	cs.exp = e
	for i, sc := range e.scopes {
		it := callItem{name: "module." + c.name + e.keys[i]}
		if e.kind == keyed {
			it.key, _ = str(sc.each.GetAttr("key"))
		}
		it.child, it.why = in.r.instantiate(c, in, sc)
		cs.items = append(cs.items, it)
	}
	return cs
}

// instantiate evaluates a module call's inputs in the caller's scope and
// returns the child instance for them.
func (r *reader) instantiate(c *call, parent *instance, sc scope) (*instance, string) {
	m := c.target
	vars := map[string]varVal{}
	for _, n := range m.varNames {
		v := m.vars[n]
		a := c.inputs[n]
		if a == nil {
			vars[n] = defaultVar(v)
			continue
		}
		val, reason := sc.eval(a.Expr)
		val = explain(val, reason)
		if tooLarge(val) {
			val = unknownBecause("var." + n + ", which is too large to evaluate statically")
		}
		src := "module argument"
		if pv, ok := parent.vars[r.soleVar(a.Expr)]; ok && pv.src != "" {
			src = pv.src
		}
		vars[n] = varVal{v: convertVar(v, val), src: src}
	}
	var provMap map[string]*provConf
	if c.providers != nil {
		provMap = map[string]*provConf{}
		for _, pair := range providerPairs(c.providers) {
			provMap[pair[0]] = parent.provider(pair[1])
		}
	}
	inherit := c.providers == nil

	key := append(r.key[:0], m.dir...)
	key = append(key, 0)
	key = append(key, parent.rootDir...)
	key = append(key, 0)
	key = appendVars(key, vars)
	key = append(key, 0)
	m.providerNeeds()
	for _, k := range m.needKeys {
		id := "implicit/" + k
		switch {
		case m.providers[k] != nil:
			id = "self/" + k
		case provMap != nil:
			if p := provMap[k]; p != nil {
				id = p.id
			}
		case inherit && !strings.Contains(k, "."):
			id = parent.provider(k).id
		}
		key = append(key, k...)
		key = append(key, '=')
		key = append(key, id...)
		key = append(key, ';')
	}
	r.key = key
	if in := r.memo[string(key)]; in != nil {
		return in, ""
	}
	if r.nextID >= maxInstances {
		return nil, fmt.Sprintf("not evaluated: the configuration has more than %d distinct module instances", maxInstances)
	}
	in := r.newInstance(m, parent, vars, parent.rootDir)
	in.provMap, in.inherit = provMap, inherit
	r.memo[string(key)] = in
	return in, ""
}

// moduleValue is what module.NAME refers to: the outputs of the call's
// instances (an object, a tuple for count, an object of objects for
// for_each).
func (in *instance) moduleValue(name string) cty.Value {
	c := in.mod.callByNm[name]
	if c == nil {
		return unknownBecause("module." + name + ", which is not declared")
	}
	if !c.local {
		return unknownBecause(fmt.Sprintf("module.%s, which comes from a module that is not read (source %q)", name, c.source))
	}
	if cs := in.calls[c]; cs != nil && cs.busy {
		return unknownBecause("module." + name + ", whose inputs refer to its own outputs")
	}
	if !in.r.enter() {
		return unknownBecause("module." + name + ", which is nested too deeply")
	}
	defer in.r.leave()
	cs := in.callSetOf(c)
	if cs.exp == nil {
		return unknownBecause("module." + name + ", which is not read")
	}
	out := func(it callItem) cty.Value {
		if it.child == nil {
			return unknownBecause(it.name + ", which is " + it.why)
		}
		return it.child.outputsValue(it.name)
	}
	switch cs.exp.kind {
	case counted:
		var l []cty.Value
		for _, it := range cs.items {
			l = append(l, out(it))
		}
		if len(l) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(l)
	case keyed:
		m := map[string]cty.Value{}
		for _, it := range cs.items {
			m[it.key] = out(it)
		}
		return cty.ObjectVal(m)
	case unknownCount:
		return unknownBecause(cs.exp.why)
	}
	return out(cs.items[0])
}

// outputsValue is an object of all the instance's outputs.
func (in *instance) outputsValue(name string) cty.Value {
	obj := map[string]cty.Value{}
	for _, n := range sortedKeys(in.mod.outputs) {
		a := in.mod.outputs[n]
		sl := in.outputs[n]
		if sl == nil {
			sl = &slot{}
			if in.outputs == nil {
				in.outputs = map[string]*slot{}
			}
			in.outputs[n] = sl
		}
		obj[n] = in.fill(sl, name+"."+n, func() cty.Value {
			v, reason := scope{in: in}.eval(a.Expr)
			return explain(v, reason)
		})
	}
	return cty.ObjectVal(obj)
}
