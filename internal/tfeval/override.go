package tfeval

import (
	"fmt"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/noticevet/noticevet/internal/diag"
)

// isOverride reports whether a file is a Terraform override file:
// override.tf, override.tf.json, or a name ending in _override.tf[.json].
func isOverride(rel string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(path.Base(rel), ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// override merges a block of an override file into the block of the same
// kind and name that the module's other files define, as Terraform does:
// its arguments replace the original's, and its nested blocks of a type
// replace all the original's blocks of that type. An override with
// nothing to override is an error, as it is for Terraform.
func (m *module) override(f *srcFile, b *hcl.Block) error {
	missing := func(what string) error {
		return diag.At(b.DefRange, fmt.Sprintf("override of %s, which no other file of the module defines", what))
	}
	switch b.Type {
	case "resource", "data":
		addr := b.Labels[0] + "." + b.Labels[1]
		if b.Type == "data" {
			addr = "data." + addr
		}
		r := m.byAddr[addr]
		if r == nil {
			return missing(addr)
		}
		r.body = mergedBody{base: r.body, over: b.Body}
		r.count = attr(r.body, "count")
		r.forEach = attr(r.body, "for_each")
		r.provider = attr(r.body, "provider")
	case "provider":
		key := b.Labels[0]
		if a := attr(b.Body, "alias"); a != nil {
			if v, diags := safeValue(a.Expr, nil); !diags.HasErrors() {
				if s, ok := str(v); ok {
					key += "." + s
				}
			}
		}
		p := m.providers[key]
		if p == nil {
			return missing("provider " + key)
		}
		p.body = mergedBody{base: p.body, over: b.Body}
	case "variable":
		v := m.vars[b.Labels[0]]
		if v == nil {
			return missing("variable " + b.Labels[0])
		}
		v.set(b.Body)
	case "locals":
		attrs, diags := b.Body.JustAttributes()
		if err := diagError(f.rel, diags); err != nil {
			return err
		}
		for _, a := range sortedAttrs(attrs) {
			if m.locals[a.Name] == nil {
				return diag.At(a.Range, fmt.Sprintf("override of local.%s, which no other file of the module defines", a.Name))
			}
			m.locals[a.Name] = a
		}
	case "output":
		if _, ok := m.outputs[b.Labels[0]]; !ok {
			return missing("output " + b.Labels[0])
		}
		if a := attr(b.Body, "value"); a != nil {
			m.outputs[b.Labels[0]] = a
		}
	case "module":
		c := m.callByNm[b.Labels[0]]
		if c == nil {
			return missing("module " + b.Labels[0])
		}
		return c.decode(mergedBody{base: c.body, over: b.Body})
	}
	return nil
}

// mergedBody is a block body with an override file's block merged in.
type mergedBody struct {
	base, over hcl.Body
}

func (b mergedBody) Content(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, diags := b.PartialContent(schema)
	return c, diags
}

func (b mergedBody) PartialContent(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	bc, _, d1 := b.base.PartialContent(schema)
	oc, _, d2 := b.over.PartialContent(schema)
	out := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: b.base.MissingItemRange()}
	if bc != nil {
		for n, a := range bc.Attributes {
			out.Attributes[n] = a
		}
	}
	replaced := map[string]bool{}
	if oc != nil {
		for n, a := range oc.Attributes {
			out.Attributes[n] = a
		}
		for _, blk := range oc.Blocks {
			replaced[blk.Type] = true
		}
	}
	if bc != nil {
		for _, blk := range bc.Blocks {
			if !replaced[blk.Type] {
				out.Blocks = append(out.Blocks, blk)
			}
		}
	}
	if oc != nil {
		out.Blocks = append(out.Blocks, oc.Blocks...)
	}
	return out, hcl.EmptyBody(), append(d1, d2...)
}

func (b mergedBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	ba, d1 := b.base.JustAttributes()
	oa, d2 := b.over.JustAttributes()
	out := hcl.Attributes{}
	for n, a := range ba {
		out[n] = a
	}
	for n, a := range oa {
		out[n] = a
	}
	return out, append(d1, d2...)
}

func (b mergedBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }
