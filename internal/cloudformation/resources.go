package cloudformation

import (
	_ "embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed resources.tsv
var resourcesTSV string

// resourceType is a row of resources.tsv.
type resourceType struct {
	role  string // store, replicas or copies
	name  string // the property naming the store, "" when none
	store string // its store type, "" when none
}

var resourceTypes = func() map[string]resourceType {
	out := map[string]resourceType{}
	for _, r := range tsv.Rows("resources.tsv", resourcesTSV, 6) {
		f := r.Fields
		rt := resourceType{role: f[2], name: f[3], store: f[4]}
		if rt.role != "store" && rt.role != "replicas" && rt.role != "copies" {
			r.Fail("role %q: want store, replicas or copies", rt.role)
		}
		if (rt.name == "-") != (rt.store == "-") {
			r.Fail("a name property and a store type go together")
		}
		if rt.name == "-" {
			rt.name, rt.store = "", ""
		} else if _, ok := evidence.LookupStoreType(rt.store); !ok {
			r.Fail("store type %s is not in internal/evidence/stores.tsv", rt.store)
		}
		out[f[0]] = rt
	}
	return out
}()

// stack is a deployment of a template: its region, and what set it, or
// why it is not known.
type stack struct {
	region     string
	via        string
	unresolved string
}

// collector gathers a template's evidence, each site once however many
// stacks give it (a replica whose region the template names is the same
// in every stack).
type collector struct {
	t     *template
	p     evidence.Placer
	out   *evidence.Found
	seen  map[string]bool
	e     *evaluator
	stack stack
	// buckets are the names of the template's buckets, once known.
	buckets map[string]bool
}

// evidence reads the evidence of a template deployed as each of stacks.
func (t *template) evidence(stacks []stack, p evidence.Placer, out *evidence.Found) error {
	c := &collector{t: t, p: p, out: out, seen: map[string]bool{}}
	for _, st := range stacks {
		c.e = &evaluator{t: t}
		c.stack, c.buckets = st, nil
		switch {
		case strings.ContainsAny(st.region, "\x00\x01"): // not a region, nor to be taken for a mark
			c.e.region = c.e.unknown("region %q is not an AWS region noticevet knows", st.region)
		case st.region != "":
			c.e.region = val{s: st.region}
		default:
			c.e.region = c.e.unknown("%s", st.unresolved)
		}
		for _, r := range t.resources {
			rt, ok := resourceTypes[r.typ]
			if !ok {
				continue
			}
			switch rt.role {
			case "store":
				c.store(r, rt)
			case "replicas":
				c.replicas(r, rt)
			case "copies":
				c.copies(r)
			}
			if c.e.err != nil {
				return c.e.err
			}
		}
	}
	return nil
}

// add appends evidence once, to ByStore when byStore is set.
func (c *collector) add(e evidence.Evidence, byStore bool) {
	k := fmt.Sprintf("%v|%s|%s|%s|%s|%s|%v", e.Pos, e.What, e.Country, e.Region, e.Via, e.Unresolved, byStore)
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	if byStore {
		c.out.ByStore = append(c.out.ByStore, e)
	} else {
		c.out.Evidence = append(c.out.Evidence, e)
	}
}

// inStack places e in the stack's region.
func (c *collector) inStack(e evidence.Evidence) {
	if c.stack.region == "" {
		e.Unresolved = c.stack.unresolved
		c.add(e, false)
		return
	}
	c.inRegion(e, c.stack.region, c.stack.via)
}

// inRegion places e in an AWS region.
func (c *collector) inRegion(e evidence.Evidence, region, via string) {
	pl := c.p.Region("aws", region)
	if !pl.OK() {
		e.Unresolved = fmt.Sprintf("region %q (%s) is not an AWS region noticevet knows", region, via)
		c.add(e, false)
		return
	}
	for _, country := range pl.Countries {
		x := e
		x.Country, x.Region, x.Via = country, pl.Region, via
		c.add(x, false)
	}
}

// name is the store a resource names, if its name property is known.
func (c *collector) name(r *resource, rt resourceType) []evidence.StoreRef {
	if rt.name == "" || r.props == nil {
		return nil
	}
	n := get(r.props, rt.name)
	if n == nil {
		return nil
	}
	if v := c.e.value(n, 0); v.known() && v.s != "" {
		return []evidence.StoreRef{{Type: rt.store, Name: v.s}}
	}
	return nil
}

// store is a resource that is a store in the stack's region, and the
// replicas its replication configuration makes.
func (c *collector) store(r *resource, rt resourceType) {
	c.inStack(evidence.Evidence{Kind: evidence.Store, What: r.what(), Stores: c.name(r, rt), Pos: c.t.pos(r.key)})
	if r.typ == "AWS::S3::Bucket" {
		c.s3Replication(r)
	}
}

// item is an element of a list property: its mapping, or why it cannot be
// told (then at is where it is written).
type item struct {
	m, at *yaml.Node
	why   string
}

// items are the elements of a list property of m, Fn::If decided. A list
// or an element that cannot be told is one item saying why, so that what
// a template may create is never left out without a trace.
func (c *collector) items(m *yaml.Node, key string) []item {
	n, at, why := c.prop(m, key)
	if why != "" {
		return []item{{at: at, why: why}}
	}
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []item
	for _, el := range n.Content {
		x, why := c.e.node(el, 0)
		switch {
		case why != "":
			out = append(out, item{at: el, why: why})
		case x != nil && x.Kind == yaml.MappingNode:
			out = append(out, item{m: x, at: x})
		}
	}
	return out
}

// prop is a property of m with Fn::If decided, the key node where it is
// written, and why it cannot be told when it cannot.
func (c *collector) prop(m *yaml.Node, key string) (n, at *yaml.Node, why string) {
	if m == nil {
		return nil, nil, ""
	}
	v := get(m, key)
	if v == nil {
		return nil, nil, ""
	}
	n, why = c.e.node(v, 0)
	return n, keyOf(m, key), why
}

// keyOf is the key node of a mapping's key, for positions.
func keyOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return m
}

// replicas reads a global table: each replica is a store in its Region.
// The replica in the stack's region is the table the stack creates;
// the others are copies.
func (c *collector) replicas(r *resource, rt resourceType) {
	stores := c.name(r, rt)
	items := c.items(r.props, "Replicas")
	if len(items) == 0 {
		c.inStack(evidence.Evidence{Kind: evidence.Store, What: r.what(), Stores: stores, Pos: c.t.pos(r.key)})
		return
	}
	via := "replica of " + r.what()
	for _, it := range items {
		e := evidence.Evidence{Kind: evidence.Store, What: r.what(), Stores: stores, Pos: c.t.pos(it.at)}
		if it.why != "" {
			e.What, e.Replica, e.Stores, e.Via = r.what()+" replica", true, nil, via
			e.Unresolved = "the replica is not known: " + it.why
			c.add(e, false)
			continue
		}
		rn := get(it.m, "Region")
		if rn == nil {
			continue
		}
		if fn, arg, ok := intrinsic(c.e.deref(rn, 0)); ok && fn == "Ref" && arg.Value == "AWS::Region" {
			c.inStack(e)
			continue
		}
		v := c.e.value(rn, 0)
		if c.stack.region != "" && v.s == c.stack.region {
			c.inStack(e)
			continue
		}
		e.What, e.Replica, e.Stores = r.what()+" replica", true, nil
		if !v.known() {
			e.Via, e.Unresolved = via, "the replica's Region is not known: "+c.e.why(v)
			c.add(e, false)
			continue
		}
		c.inRegion(e, v.s, via)
	}
}

// s3Replication reads a bucket's replication rules: each destination
// bucket holds a copy. A destination ARN names no region: a bucket of the
// same template is in the stack's region, and another is placed by the
// resource that defines it elsewhere in the repository (the check joins
// it by name), or left unresolved.
func (c *collector) s3Replication(r *resource) {
	conf, at, why := c.prop(r.props, "ReplicationConfiguration")
	replica := evidence.Evidence{Kind: evidence.Store, What: r.what() + " replica", Replica: true, Via: "replica of " + r.what()}
	if why != "" {
		e := replica
		e.Pos, e.Unresolved = c.t.pos(at), "the replication configuration is not known: "+why
		c.add(e, false)
		return
	}
	for _, rule := range c.items(mapping(conf), "Rules") {
		e := replica
		if rule.why != "" {
			e.Pos, e.Unresolved = c.t.pos(rule.at), "the replication rule is not known: "+rule.why
			c.add(e, false)
			continue
		}
		dest, at, why := c.prop(rule.m, "Destination")
		if why != "" {
			e.Pos, e.Unresolved = c.t.pos(at), "the replication destination is not known: "+why
			c.add(e, false)
			continue
		}
		if dest = mapping(dest); dest == nil || get(dest, "Bucket") == nil {
			continue
		}
		bn := get(dest, "Bucket")
		e.Pos = c.t.pos(keyOf(dest, "Bucket"))
		if local := c.localBucket(bn); local != nil {
			c.inStack(e)
			continue
		}
		c.destination(e, c.e.value(bn, 0))
	}
}

// destination places a replica in the bucket an ARN names. Only the
// bucket name needs to be known: "arn:${AWS::Partition}:s3:::media-dr"
// names the bucket whatever the partition.
func (c *collector) destination(e evidence.Evidence, v val) {
	i := strings.Index(v.s, ":::")
	name := ""
	if i >= 0 && strings.HasPrefix(v.s, "arn:") && !v.isList {
		name = v.s[i+3:]
	}
	switch {
	case name != "" && !(val{s: name}).known():
		e.Unresolved = "the destination bucket is not known: " + c.e.why(val{s: name})
		c.add(e, false)
	case name == "" && !v.known():
		e.Unresolved = "the destination bucket is not known: " + c.e.why(v)
		c.add(e, false)
	case name == "":
		e.Unresolved = fmt.Sprintf("the destination %q is not an S3 bucket ARN", v.s)
		c.add(e, false)
	case c.localName(name):
		c.inStack(e)
	default:
		e.Stores = []evidence.StoreRef{{Type: "s3-bucket", Name: name}}
		e.Unresolved = fmt.Sprintf("the destination bucket %s is not defined in the repository, so its region is not known", name)
		c.add(e, true)
	}
}

// localBucket is the bucket of the same template a destination refers
// to: !GetAtt B.Arn, !Ref B, or !Sub "arn:aws:s3:::${B}".
func (c *collector) localBucket(n *yaml.Node) *resource {
	fn, arg, ok := intrinsic(c.e.deref(n, 0))
	if !ok || arg == nil {
		return nil
	}
	var id string
	switch fn {
	case "Fn::GetAtt":
		if arg.Kind == yaml.ScalarNode {
			id, _, _ = strings.Cut(arg.Value, ".")
		} else if len(arg.Content) == 2 {
			id = arg.Content[0].Value
		}
	case "Ref":
		id = arg.Value
	case "Fn::Sub":
		if arg.Kind == yaml.ScalarNode {
			if a, ok := strings.CutPrefix(arg.Value, "arn:${AWS::Partition}:s3:::${"); ok {
				id = strings.TrimSuffix(a, "}")
			} else if a, ok := strings.CutPrefix(arg.Value, "arn:aws:s3:::${"); ok {
				id = strings.TrimSuffix(a, "}")
			}
		}
	}
	if b := c.t.byID[id]; b != nil && b.typ == "AWS::S3::Bucket" {
		return b
	}
	return nil
}

// localName reports whether a bucket of the template has the name.
func (c *collector) localName(name string) bool {
	if c.buckets == nil {
		c.buckets = map[string]bool{}
		for _, b := range c.t.resources {
			if b.typ == "AWS::S3::Bucket" {
				if s := c.name(b, resourceTypes[b.typ]); len(s) == 1 {
					c.buckets[s[0].Name] = true
				}
			}
		}
	}
	return c.buckets[name]
}

// copies reads a backup plan's copy actions: each copies the backups to
// the vault its ARN names, in the ARN's region.
func (c *collector) copies(r *resource) {
	copied := evidence.Evidence{Kind: evidence.Store, What: r.what() + " copy", Replica: true, Via: "backup copy by " + r.what()}
	plan, at, why := c.prop(r.props, "BackupPlan")
	if why != "" {
		e := copied
		e.Pos, e.Unresolved = c.t.pos(at), "the backup plan is not known: "+why
		c.add(e, false)
		return
	}
	for _, rule := range c.items(mapping(plan), "BackupPlanRule") {
		actions := []item{rule}
		if rule.why == "" {
			actions = c.items(rule.m, "CopyActions")
		}
		for _, a := range actions {
			e := copied
			if a.why != "" {
				e.Pos, e.Unresolved = c.t.pos(a.at), "the copy action is not known: "+a.why
				c.add(e, false)
				continue
			}
			arn := get(a.m, "DestinationBackupVaultArn")
			if arn == nil {
				continue
			}
			e.Pos = c.t.pos(keyOf(a.m, "DestinationBackupVaultArn"))
			v := c.e.value(arn, 0)
			parts := strings.SplitN(v.s, ":", 6)
			switch {
			case len(parts) < 6 || parts[0] != "arn":
				if v.known() {
					e.Unresolved = fmt.Sprintf("the destination %q is not a vault ARN", v.s)
				} else {
					e.Unresolved = "the destination vault is not known: " + c.e.why(v)
				}
				c.add(e, false)
			case !(val{s: parts[3]}).known():
				e.Unresolved = "the destination vault's region is not known: " + c.e.why(val{s: parts[3]})
				c.add(e, false)
			default:
				c.inRegion(e, parts[3], e.Via)
			}
		}
	}
}
