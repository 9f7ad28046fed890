package terraform

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tfeval"
)

// extractor is what the evaluator runs (tfeval.Extractor): it finds the
// evidence in each evaluated resource instance and places it.
type extractor struct {
	places evidence.Placer
}

// scope is a resource instance's scope, with the placer that places what
// is found in it.
type scope struct {
	tfeval.Scope
	places evidence.Placer
}

// Prepare finds, once per module, the stores its replication arguments
// copy into (replicaDests); Module.Prepared gives them back.
func (x extractor) Prepare(m tfeval.Module) any { return replicaDests(m) }

// Evidence is all the evidence one resource instance gives.
func (x extractor) Evidence(s tfeval.Scope, r tfeval.Resource) []evidence.Evidence {
	return scope{s, x.places}.resourceRecs(r)
}

// Computed knows two things of what resources compute: the JSON of an
// aws_iam_policy_document (as far as its principals go), and that what a
// data-holding resource computes (its arn or id) is that store's, so that
// a copy sent to it is the store's own evidence (storeAttr).
func (x extractor) Computed(s tfeval.Scope, r tfeval.Resource, key, name string) (cty.Value, bool) {
	switch {
	case r.Mode() == "data" && r.Type() == "aws_iam_policy_document" && (name == "json" || name == "minified_json"):
		return scope{s, x.places}.policyDocJSON(r, map[tfeval.Resource]bool{}), true
	case r.Mode() == "resource":
		if _, ok := datastores[r.Type()]; ok {
			return tfeval.Unknown(r.Addr()+key+"."+name+", which is known only after apply", storeAttr{}), true
		}
	}
	return cty.NilVal, false
}

// storeAttr marks a value computed by a data-holding resource of the
// repository (its arn or id): a copy sent to it is that resource's own
// evidence.
type storeAttr struct{}

func hasStoreAttr(v cty.Value) bool {
	_, marks := tfeval.UnmarkDeep(v)
	_, ok := marks[storeAttr{}]
	return ok
}
