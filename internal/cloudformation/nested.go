package cloudformation

import (
	"fmt"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/evidence"
)

// reading is what Read knows across templates: the stacks each template
// names for itself, and which templates nest which.
type reading struct {
	out        evidence.Found
	samconfigs map[string]bool // the SAM configurations named in out.Read
	// own are the stacks each template's deploy block or SAM
	// configuration gives it, by path.
	own map[string][]stack
	// parents are the templates that nest a template, by its path, in
	// the order they were read.
	parents  map[string][]string
	resolved map[string][]stack
}

// nestings are the resource types that deploy another template as a
// nested stack, and the property that names it: a local path before
// `aws cloudformation package` or `sam deploy` uploads it.
var nestings = map[string]string{
	"AWS::CloudFormation::Stack":   "TemplateURL",
	"AWS::Serverless::Application": "Location",
}

// nest records the templates t nests by a relative path.
func (r *reading) nest(t *template) {
	for _, res := range t.resources {
		prop, ok := nestings[res.typ]
		if !ok || res.props == nil {
			continue
		}
		n := get(res.props, prop)
		if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "") {
			continue // an application of the Serverless Application Repository, or a computed URL
		}
		loc := n.Value
		if loc == "" || strings.Contains(loc, "://") || strings.HasPrefix(loc, "/") {
			continue
		}
		child := path.Clean(path.Join(path.Dir(t.rel), loc))
		r.parents[child] = append(r.parents[child], t.rel)
	}
}

// unresolved reports whether stacks are the one stack whose region is not
// known.
func unresolved(stacks []stack) bool { return len(stacks) == 1 && stacks[0].region == "" }

// resolve returns the stacks of a template: its own, or else the regions
// of the stacks of the templates that nest it (a nested stack is deployed
// where its parent is), each region once.
func (r *reading) resolve(rel string, visiting map[string]bool) []stack {
	own := r.own[rel]
	if !unresolved(own) || visiting[rel] {
		return own
	}
	if got, ok := r.resolved[rel]; ok {
		return got
	}
	visiting[rel] = true
	var out []stack
	seen := map[string]bool{}
	for _, parent := range r.parents[rel] {
		for _, st := range r.resolve(parent, visiting) {
			if st.region == "" || seen[st.region] {
				continue
			}
			seen[st.region] = true
			out = append(out, stack{region: st.region, via: fmt.Sprintf("nested in %s, %s", parent, st.via)})
		}
	}
	delete(visiting, rel)
	if len(out) == 0 {
		out = own
	}
	r.resolved[rel] = out
	return out
}
