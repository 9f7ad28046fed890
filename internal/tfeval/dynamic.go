package tfeval

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// Dynamic blocks: the nested blocks of a body, as Terraform would see
// them once their dynamic blocks are expanded in a scope.

// blocks returns the nested blocks of one type, with dynamic blocks
// expanded.
func (s scope) blocks(body hcl.Body, typ string) []*hcl.Block {
	return blocksOf(s.expandBody(body), typ)
}

// bodies returns the bodies at the end of a path of nested block types
// (the body itself for an empty path), with dynamic blocks expanded.
func (s scope) bodies(body hcl.Body, path []string) []hcl.Body {
	cur := []hcl.Body{body}
	if len(path) > 0 {
		cur = []hcl.Body{s.expandBody(body)}
	}
	for _, typ := range path {
		var next []hcl.Body
		for _, b := range cur {
			for _, blk := range blocksOf(b, typ) {
				next = append(next, blk.Body)
			}
		}
		cur = next
	}
	return cur
}

// expandBody expands the dynamic blocks of a body, evaluating their
// for_each in this scope.
func (s scope) expandBody(body hcl.Body) (out hcl.Body) {
	defer func() {
		if recover() != nil {
			out = body
		}
	}()
	if !mayHaveDynamic(body) {
		return body
	}
	ctx := s.ctx(s.in.mod.allTraversals(body))
	if !dynamicAffordable(body, ctx) {
		return body
	}
	s.in.r.spent = 0
	made := 0
	return dynblock.Expand(body, ctx, dynblock.OptCheckForEach(func(v cty.Value, _ hcl.Expression, _ *hcl.EvalContext) hcl.Diagnostics {
		if v, _ := v.Unmark(); v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
			made += v.LengthInt()
			if made > maxValueNodes {
				return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: tooLargeSummary}}
			}
		}
		return nil
	}))
}

// mayHaveDynamic reports whether a body may hold a dynamic block, at any
// depth: most hold none, and need no expanding.
func mayHaveDynamic(body hcl.Body) bool {
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, blk := range b.Blocks {
			if blk.Type == "dynamic" || mayHaveDynamic(blk.Body) {
				return true
			}
		}
		return false
	case mergedBody:
		return mayHaveDynamic(b.base) || mayHaveDynamic(b.over)
	}
	return true
}

// dynamicAffordable reports whether the for_each of every dynamic block in
// a body can be evaluated within maxCost: dynamic blocks whose for_each
// cannot are not expanded. Nested dynamic blocks are checked with their
// outer iterators bounded as any named value is.
func dynamicAffordable(body hcl.Body, ctx *hcl.EvalContext) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, blk := range b.Blocks {
			if a := blk.Body.Attributes["for_each"]; blk.Type == "dynamic" && a != nil && exprCost(a.Expr, ctx) > maxCost {
				return false
			}
			if !dynamicAffordable(blk.Body, ctx) {
				return false
			}
		}
		return true
	case mergedBody:
		return dynamicAffordable(b.base, ctx) && dynamicAffordable(b.over, ctx)
	}
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "dynamic", LabelNames: []string{"type"}}}}
	if hcljson.IsJSONBody(body) {
		// In a .tf.json file any property may be a block (without a schema
		// JSON does not say which), holding dynamic blocks that dynblock
		// would expand, unchecked, once the outer block is read: every
		// property is asked for as a block too, as native syntax finds
		// every nested block above. A body dynblock made is not walked so:
		// its dynamic blocks were checked with the body they came from,
		// and asking for their type would expand them.
		attrs, _ := body.JustAttributes()
		for _, a := range sortedAttrs(attrs) {
			if a.Name != "dynamic" {
				schema.Blocks = append(schema.Blocks, hcl.BlockHeaderSchema{Type: a.Name})
			}
		}
	}
	content, _, _ := body.PartialContent(schema)
	if content == nil {
		return true
	}
	for _, blk := range content.Blocks {
		if blk.Type != "dynamic" {
			if !dynamicAffordable(blk.Body, ctx) {
				return false
			}
			continue
		}
		if a := attr(blk.Body, "for_each"); a != nil && exprCost(a.Expr, ctx) > maxCost {
			return false
		}
		for _, c := range blocksOf(blk.Body, "content") {
			if !dynamicAffordable(c.Body, ctx) {
				return false
			}
		}
	}
	return true
}

// allTraversals lists the references made anywhere in a body.
func (m *module) allTraversals(body hcl.Body) []hcl.Traversal {
	var out []hcl.Traversal
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		for _, a := range b.Attributes {
			out = append(out, m.variables(a.Expr)...)
		}
		for _, blk := range b.Blocks {
			walk(blk.Body)
		}
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		walk(sb)
		return out
	}
	if mb, ok := body.(mergedBody); ok {
		return append(m.allTraversals(mb.base), m.allTraversals(mb.over)...)
	}
	attrs, _ := body.JustAttributes()
	for _, a := range attrs {
		out = append(out, a.Expr.Variables()...)
	}
	return out
}
