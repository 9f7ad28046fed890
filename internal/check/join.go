package check

import (
	"fmt"

	"github.com/noticevet/noticevet/internal/evidence"
)

// placeByStore places Go sites, and other sources' sites that name a
// store defined elsewhere (an S3 replication destination), by the
// Terraform and CloudFormation resources that define the stores they
// write to: a call that puts data in bucket "media" puts it where
// aws_s3_bucket.media is. A site is placed so when its own code could not
// decide where it goes, or when the store's name holds in every region
// (evidence.StoreType.Global), whatever region the client is set to; it
// becomes one site per country the resource is in. Copies that
// replication makes are the resource's evidence, not the call's.
func placeByStore(tf, goEv []evidence.Evidence) []evidence.Evidence {
	defs := map[evidence.StoreRef][]evidence.Evidence{}
	for _, e := range tf {
		if e.Country == "" || e.Replica {
			continue
		}
		for _, st := range e.Stores {
			defs[st] = append(defs[st], e)
		}
	}
	if len(defs) == 0 {
		return goEv
	}
	// A site the code placed in several countries (a multi-region
	// location) is placed once by the resource.
	type key struct {
		pos           evidence.Pos
		kind          evidence.Kind
		what, country string
	}
	seen := map[key]bool{}
	out := make([]evidence.Evidence, 0, len(goEv))
	for _, e := range goEv {
		placed := storePlaces(e, defs)
		if len(placed) == 0 {
			out = append(out, e)
			continue
		}
		for _, p := range placed {
			if k := (key{p.Pos, p.Kind, p.What, p.Country}); !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// storePlaces is the site placed by the resources of its stores, one per
// country, or nothing when no resource places it.
func storePlaces(e evidence.Evidence, defs map[evidence.StoreRef][]evidence.Evidence) []evidence.Evidence {
	var out []evidence.Evidence
	seen := map[string]bool{}
	for _, st := range e.Stores {
		t, _ := evidence.LookupStoreType(st.Type)
		if e.Country != "" && !t.Global {
			continue
		}
		// Terraform evidence is sorted by position: the first resource of
		// a country names it.
		for _, d := range defs[st] {
			if seen[d.Country] {
				continue
			}
			seen[d.Country] = true
			x := e
			x.Country, x.Region, x.Via, x.Unresolved = d.Country, d.Region, "", ""
			x.Defined = fmt.Sprintf("%s at %s:%d", d.What, d.Pos.Path, d.Pos.Line)
			out = append(out, x)
		}
	}
	return out
}
