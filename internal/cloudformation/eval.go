package cloudformation

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxValue bounds the length of a string the evaluator builds (Fn::Join,
// Fn::Sub): names, regions and ARNs are short.
const maxValue = 64 << 10

// val is the value of a template expression: a string or a list. The
// parts of a string that are not known (a parameter without a default, an
// attribute known only once deployed) are marks "\x00N\x01", N indexing
// the evaluator's reasons, so that a string made of known and unknown
// parts (an ARN whose account is not known but whose region is) keeps
// what is known.
type val struct {
	s      string
	list   []val
	isList bool
	none   bool // AWS::NoValue: the property is left out
}

// known reports whether v is a string with no unknown part.
func (v val) known() bool { return !v.isList && !v.none && !strings.Contains(v.s, "\x00") }

// evaluator evaluates a template's expressions for one stack: AWS::Region
// is the stack's region, which may not be known.
type evaluator struct {
	t       *template
	region  val
	reasons []string
	visits  int
	// err is set when a bound is reached; the template is then an error.
	err error
}

// unknown returns a value that is not known, for the reason given.
func (e *evaluator) unknown(format string, args ...any) val {
	e.reasons = append(e.reasons, fmt.Sprintf(format, args...))
	return val{s: "\x00" + strconv.Itoa(len(e.reasons)-1) + "\x01"}
}

// why is the reason of the first unknown part of s.
func (e *evaluator) why(v val) string {
	switch {
	case v.none:
		return "it is AWS::NoValue"
	case v.isList:
		return "it is a list"
	}
	i := strings.IndexByte(v.s, 0)
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(v.s[i:], 1)
	if j < 0 {
		return "not known"
	}
	n, err := strconv.Atoi(v.s[i+1 : i+j])
	if err != nil || n >= len(e.reasons) {
		return "not known"
	}
	return e.reasons[n]
}

// visit counts a node visited; false once the bound is reached.
func (e *evaluator) visit(n *yaml.Node, depth int) bool {
	e.visits++
	if e.err == nil && (e.visits > maxVisits || depth > maxNesting) {
		e.err = e.t.errorAt(n, "expands to more than %d values or %d levels (aliases or functions that refer to each other)", maxVisits, maxNesting)
	}
	return e.err == nil
}

// intrinsic returns the function a node calls, in the short form (a tag:
// !Ref, !Sub, !GetAtt ...) or the long form (a mapping of one key "Ref",
// "Condition" or "Fn::..."), and its argument.
func intrinsic(n *yaml.Node) (string, *yaml.Node, bool) {
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		name := n.Tag[1:]
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		arg := *n
		arg.Tag = ""
		return name, &arg, true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode {
		k := n.Content[0].Value
		if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
			return k, n.Content[1], true
		}
	}
	return "", nil, false
}

// deref follows aliases.
func (e *evaluator) deref(n *yaml.Node, depth int) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && e.visit(n, depth) {
		n = n.Alias
	}
	return n
}

// node returns what a property's node stands for once aliases are
// followed and Fn::If is decided: nil when it is left out (AWS::NoValue,
// or absent), or the reason it cannot be told.
func (e *evaluator) node(n *yaml.Node, depth int) (*yaml.Node, string) {
	for {
		n = e.deref(n, depth)
		if n == nil || e.err != nil {
			return nil, ""
		}
		fn, arg, ok := intrinsic(n)
		if !ok {
			return n, ""
		}
		switch fn {
		case "Ref":
			if arg.Kind == yaml.ScalarNode && arg.Value == "AWS::NoValue" {
				return nil, ""
			}
			return n, ""
		case "Fn::If":
			args := e.args(arg, depth)
			if len(args) != 3 {
				return nil, "Fn::If does not have three arguments"
			}
			c := e.cond(args[0], depth+1)
			switch c {
			case "true":
				n = args[1]
			case "false":
				n = args[2]
			default:
				return nil, c
			}
			depth++
		default:
			return n, ""
		}
	}
}

// args are the elements of a function's list argument.
func (e *evaluator) args(n *yaml.Node, depth int) []*yaml.Node {
	n = e.deref(n, depth)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = e.deref(c, depth)
		if out[i] == nil {
			return nil
		}
	}
	return out
}

// value evaluates a node.
func (e *evaluator) value(n *yaml.Node, depth int) val {
	n = e.deref(n, depth)
	if n == nil || !e.visit(n, depth) {
		return e.unknown("not evaluated")
	}
	if fn, arg, ok := intrinsic(n); ok {
		return e.call(fn, arg, depth+1)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return val{none: true}
		}
		return val{s: strings.ToValidUTF8(strings.ReplaceAll(strings.ReplaceAll(n.Value, "\x00", "\uFFFD"), "\x01", "\uFFFD"), "\uFFFD")}
	case yaml.SequenceNode:
		v := val{isList: true}
		for _, c := range n.Content {
			x := e.value(c, depth+1)
			if !x.none {
				v.list = append(v.list, x)
			}
		}
		return v
	}
	return e.unknown("a mapping, not a value")
}

// call evaluates an intrinsic function.
func (e *evaluator) call(fn string, arg *yaml.Node, depth int) val {
	switch fn {
	case "Ref":
		if arg = e.deref(arg, depth); arg == nil || arg.Kind != yaml.ScalarNode {
			return e.unknown("Ref of something that is not a name")
		}
		return e.ref(arg.Value, depth)
	case "Fn::Sub":
		return e.sub(arg, depth)
	case "Fn::Join":
		return e.join(arg, depth)
	case "Fn::Select":
		args := e.args(arg, depth)
		if len(args) != 2 {
			return e.unknown("Fn::Select does not have two arguments")
		}
		i, l := e.value(args[0], depth), e.value(args[1], depth)
		idx, err := strconv.Atoi(i.s)
		switch {
		case !i.known():
			return e.unknown("Fn::Select's index is not known: %s", e.why(i))
		case !l.isList:
			return e.unknown("Fn::Select from a list that is not known: %s", e.why(l))
		case err != nil || idx < 0 || idx >= len(l.list):
			return e.unknown("Fn::Select index %s is outside the list", i.s)
		}
		return l.list[idx]
	case "Fn::Split":
		args := e.args(arg, depth)
		if len(args) != 2 {
			return e.unknown("Fn::Split does not have two arguments")
		}
		d, s := e.value(args[0], depth), e.value(args[1], depth)
		if !d.known() || d.s == "" || s.isList || s.none {
			return e.unknown("Fn::Split of values not known")
		}
		v := val{isList: true}
		for _, p := range strings.Split(s.s, d.s) {
			v.list = append(v.list, val{s: p})
		}
		return v
	case "Fn::If":
		n, why := e.node(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: fn}, arg}}, depth)
		if n == nil {
			if why == "" {
				return val{none: true}
			}
			return e.unknown("%s", why)
		}
		return e.value(n, depth)
	case "Fn::FindInMap":
		return e.findInMap(arg, depth)
	case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
		c := e.condCall(fn, arg, depth)
		if c == "true" || c == "false" {
			return val{s: c}
		}
		return e.unknown("%s", c)
	case "Fn::GetAtt":
		a := e.deref(arg, depth)
		name := "an attribute"
		if a != nil && a.Kind == yaml.ScalarNode {
			name = a.Value
		} else if args := e.args(a, depth); len(args) == 2 && args[0].Kind == yaml.ScalarNode && args[1].Kind == yaml.ScalarNode {
			name = args[0].Value + "." + args[1].Value
		}
		return e.unknown("%s is known only once the stack is deployed", name)
	case "Fn::ImportValue":
		return e.unknown("it is imported from another stack (Fn::ImportValue)")
	}
	return e.unknown("%s is not evaluated", fn)
}

// ref is the value of Ref name: a pseudo parameter, a parameter's
// default, or a resource's name property.
func (e *evaluator) ref(name string, depth int) val {
	switch name {
	case "AWS::Region":
		return e.region
	case "AWS::NoValue":
		return val{none: true}
	case "AWS::Partition", "AWS::URLSuffix":
		if !e.region.known() {
			return e.unknown("%s depends on the stack's region: %s", name, e.why(e.region))
		}
		part, suffix := "aws", "amazonaws.com"
		switch {
		case strings.HasPrefix(e.region.s, "cn-"):
			part, suffix = "aws-cn", "amazonaws.com.cn"
		case strings.HasPrefix(e.region.s, "us-gov-"):
			part = "aws-us-gov"
		}
		if name == "AWS::Partition" {
			return val{s: part}
		}
		return val{s: suffix}
	}
	if strings.HasPrefix(name, "AWS::") {
		return e.unknown("%s is known only when the stack is deployed", name)
	}
	if p := e.t.parameters; p != nil {
		if def := mapping(e.deref(get(p, name), depth)); def != nil {
			d := get(def, "Default")
			if d == nil {
				return e.unknown("parameter %s has no default", name)
			}
			v := e.value(d, depth+1)
			if ty := get(def, "Type"); ty != nil && v.known() &&
				(ty.Value == "CommaDelimitedList" || strings.HasPrefix(ty.Value, "List<")) {
				l := val{isList: true}
				for _, s := range strings.Split(v.s, ",") {
					l.list = append(l.list, val{s: strings.TrimSpace(s)})
				}
				return l
			}
			return v
		}
	}
	if r := e.t.byID[name]; r != nil {
		if row, ok := resourceTypes[r.typ]; ok && row.name != "" && r.props != nil {
			if n := get(r.props, row.name); n != nil {
				return e.value(n, depth+1)
			}
		}
		return e.unknown("the name of %s is chosen by CloudFormation", r.id)
	}
	return e.unknown("%s is neither a parameter nor a resource of the template", name)
}

// sub evaluates Fn::Sub: "text ${Name} ${Res.Attr} ${!Literal}", with an
// optional mapping of variables.
func (e *evaluator) sub(arg *yaml.Node, depth int) val {
	arg = e.deref(arg, depth)
	var vars *yaml.Node
	if arg != nil && arg.Kind == yaml.SequenceNode {
		args := e.args(arg, depth)
		if len(args) != 2 || args[0].Kind != yaml.ScalarNode {
			return e.unknown("Fn::Sub does not have a string and a mapping")
		}
		arg, vars = args[0], mapping(args[1])
	}
	if arg == nil || arg.Kind != yaml.ScalarNode {
		return e.unknown("Fn::Sub of something that is not a string")
	}
	s := e.value(arg, depth)
	if s.isList || s.none {
		return e.unknown("Fn::Sub of something that is not a string")
	}
	var b strings.Builder
	rest := s.s
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		rest = rest[i+2:]
		if strings.HasPrefix(rest, "!") {
			b.WriteString("${")
			rest = rest[1:]
			continue
		}
		j := strings.IndexByte(rest, '}')
		if j < 0 {
			return e.unknown("Fn::Sub with an unclosed ${")
		}
		name := strings.TrimSpace(rest[:j])
		rest = rest[j+1:]
		var v val
		switch {
		case vars != nil && get(vars, name) != nil:
			v = e.value(get(vars, name), depth+1)
		case strings.Contains(name, ".") && !strings.HasPrefix(name, "AWS::"):
			v = e.unknown("%s is known only once the stack is deployed", name)
		default:
			v = e.ref(name, depth+1)
		}
		if v.isList || v.none {
			v = e.unknown("${%s} is not a string", name)
		}
		b.WriteString(v.s)
		if b.Len() > maxValue {
			return e.unknown("Fn::Sub makes a string longer than %d bytes", maxValue)
		}
	}
	return val{s: b.String()}
}

// join evaluates Fn::Join [delimiter, list].
func (e *evaluator) join(arg *yaml.Node, depth int) val {
	args := e.args(arg, depth)
	if len(args) != 2 {
		return e.unknown("Fn::Join does not have two arguments")
	}
	d, l := e.value(args[0], depth), e.value(args[1], depth)
	if !d.known() {
		return e.unknown("Fn::Join's delimiter is not known")
	}
	if !l.isList {
		return e.unknown("Fn::Join of a list that is not known: %s", e.why(l))
	}
	var b strings.Builder
	for i, x := range l.list {
		if x.isList {
			return e.unknown("Fn::Join of a list of lists")
		}
		if i > 0 {
			b.WriteString(d.s)
		}
		b.WriteString(x.s)
		if b.Len() > maxValue {
			return e.unknown("Fn::Join makes a string longer than %d bytes", maxValue)
		}
	}
	return val{s: b.String()}
}

// findInMap evaluates Fn::FindInMap [map, top key, second key].
func (e *evaluator) findInMap(arg *yaml.Node, depth int) val {
	args := e.args(arg, depth)
	if len(args) < 3 {
		return e.unknown("Fn::FindInMap does not have three arguments")
	}
	n := e.t.mappings
	for i, a := range args[:3] {
		k := e.value(a, depth)
		if !k.known() {
			return e.unknown("Fn::FindInMap key is not known: %s", e.why(k))
		}
		if n = mapping(e.deref(n, depth)); n == nil {
			break
		}
		if n = get(n, k.s); n == nil && i == 0 {
			return e.unknown("no mapping %s in Mappings", k.s)
		}
	}
	if n == nil {
		if len(args) == 4 { // the language extensions' {DefaultValue: ...}
			if d := mapping(args[3]); d != nil && get(d, "DefaultValue") != nil {
				return e.value(get(d, "DefaultValue"), depth)
			}
		}
		return e.unknown("Fn::FindInMap names a key that is not in the mapping")
	}
	return e.value(n, depth)
}

// cond evaluates a condition named by an Fn::If: "true", "false", or the
// reason it cannot be told.
func (e *evaluator) cond(n *yaml.Node, depth int) string {
	if n.Kind != yaml.ScalarNode {
		return "Fn::If's condition is not a name"
	}
	return e.condCall("Condition", n, depth)
}

// condCall evaluates a condition function: "true", "false", or the reason
// it cannot be told.
func (e *evaluator) condCall(fn string, arg *yaml.Node, depth int) string {
	if !e.visit(arg, depth) {
		return "not evaluated"
	}
	switch fn {
	case "Condition":
		arg = e.deref(arg, depth)
		if arg == nil || arg.Kind != yaml.ScalarNode {
			return "a condition that is not a name"
		}
		var def *yaml.Node
		if e.t.conditions != nil {
			def = get(e.t.conditions, arg.Value)
		}
		if def == nil {
			return fmt.Sprintf("no condition %s in Conditions", arg.Value)
		}
		c := e.value(def, depth+1)
		if c.s == "true" || c.s == "false" {
			return c.s
		}
		return fmt.Sprintf("it depends on condition %s, which the parameters' defaults do not decide", arg.Value)
	case "Fn::Equals":
		args := e.args(arg, depth)
		if len(args) != 2 {
			return "Fn::Equals does not have two arguments"
		}
		a, b := e.value(args[0], depth), e.value(args[1], depth)
		if !a.known() || !b.known() {
			return "Fn::Equals of values not known"
		}
		return strconv.FormatBool(a.s == b.s)
	case "Fn::Not":
		args := e.args(arg, depth)
		if len(args) != 1 {
			return "Fn::Not does not have one argument"
		}
		switch c := e.value(args[0], depth); c.s {
		case "true":
			return "false"
		case "false":
			return "true"
		}
		return "Fn::Not of a condition not known"
	}
	// Fn::And, Fn::Or: decided by one false (true) operand, else by all.
	stop := "false"
	if fn == "Fn::Or" {
		stop = "true"
	}
	all := true
	for _, a := range e.args(arg, depth) {
		c := e.value(a, depth)
		if c.s == stop {
			return stop
		}
		all = all && (c.s == "true" || c.s == "false")
	}
	if !all {
		return fn + " of conditions not known"
	}
	return strconv.FormatBool(stop == "false")
}
