package check

import (
	"github.com/noticevet/noticevet/internal/evidence"
)

// site is a resource as both readers name it: the file and line the
// Terraform reader points at, and the resource's address in its module.
type site struct {
	path string
	line int
	what string
}

func siteOf(e evidence.Evidence) site { return site{e.Pos.Path, e.Pos.Line, e.What} }

// joinPlan joins the evidence a plan gives with the Terraform source's.
// The plan knows what the configuration leaves open (a region the
// pipeline sets, a data source's location), so at a site the plan places,
// the Terraform source's unresolved evidence goes. The plan's evidence
// that the Terraform source already gives (the same site in the same
// country) goes, as does the plan's unresolved evidence at a site the
// Terraform source reports: it says nothing more. Evidence the plan places
// in another country than the Terraform source stays beside it: what the
// repository says and what the plan will do are both where data goes.
func joinPlan(tf, plan []evidence.Evidence) []evidence.Evidence {
	if len(plan) == 0 {
		return tf
	}
	placed := map[site]bool{}
	for _, e := range plan {
		if e.Country != "" {
			placed[siteOf(e)] = true
		}
	}
	type inCountry struct {
		site
		country string
	}
	tfSites := map[site]bool{}
	tfPlaced := map[inCountry]bool{}
	out := make([]evidence.Evidence, 0, len(tf)+len(plan))
	for _, e := range tf {
		s := siteOf(e)
		tfSites[s] = true
		if e.Country == "" && e.Kind == evidence.Store && placed[s] {
			continue
		}
		if e.Country != "" && !e.Replica {
			tfPlaced[inCountry{s, e.Country}] = true
		}
		out = append(out, e)
	}
	for _, e := range plan {
		s := siteOf(e)
		if e.Country == "" && tfSites[s] {
			continue
		}
		if e.Country != "" && tfPlaced[inCountry{s, e.Country}] {
			continue
		}
		out = append(out, e)
	}
	return out
}
