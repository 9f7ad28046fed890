package goevidence

import (
	"fmt"
	"slices"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
)

// Placer is the placing interface every evidence source shares.
type Placer = evidence.Placer

// Evidence places a site: one Evidence per country it puts data in (a
// multi-region location puts it in several), or one with Unresolved set.
// p (place.New of the configuration) places hosts and regions; nil places
// by the public rules only. Pos is left for the caller to fill in.
func Evidence(s Site, p Placer) []evidence.Evidence {
	if p == nil {
		p = place.Public
	}
	e := evidence.Evidence{Kind: s.Kind, What: s.What}
	if s.Store != (evidence.StoreRef{}) {
		e.Stores = []evidence.StoreRef{s.Store}
	}
	switch {
	case s.Unresolved != "":
		if selfSettings(p, s.Settings) {
			return nil // the service calling itself at the address it is given
		}
		e.Unresolved = s.Unresolved
		e.Keys = slices.Clone(s.Keys)
	case s.Host != "":
		pl := p.Host(s.Host)
		if pl.Self {
			return nil // the service calling itself: not an export
		}
		if pl.OK() {
			e.Country, e.Region, e.Via = pl.Countries[0], pl.Region, pl.Via
			break
		}
		e.Unresolved = pl.Unresolved
		if st, ok := evidence.HostStore(s.Host); ok && len(e.Stores) == 0 {
			e.Stores = []evidence.StoreRef{st}
		}
	case s.Provider != "":
		pl := p.Region(s.Provider, s.Region)
		if !pl.OK() {
			e.Unresolved = fmt.Sprintf("%s location %q is not known to noticevet", providerName(s.Provider), s.Region)
			break
		}
		out := make([]evidence.Evidence, 0, len(pl.Countries))
		for _, c := range pl.Countries {
			x := e
			x.Country, x.Region = c, pl.Region
			out = append(out, x)
		}
		return out
	default:
		e.Unresolved = "the destination is not known statically"
	}
	// A host no rule places has its reason only now (fitNote saw none);
	// the message calls the host its name ends with "the host".
	why := e.Unresolved
	if s.Host != "" && strings.HasSuffix(e.What, " to "+s.Host) {
		why = strings.Replace(why, s.Host, "the host", 1)
	}
	e.What = fitName(e.What, why)
	return []evidence.Evidence{e}
}

func providerName(p string) string {
	switch p {
	case "aws":
		return "AWS"
	case "google":
		return "Google Cloud"
	}
	return p
}

// selfPlacer is a Placer that knows the settings holding the service's own
// address (place.Placer).
type selfPlacer interface {
	SelfSetting(setting string) (string, bool)
}

// selfSettings reports whether every setting a note's values are read
// from is one of the service's own address.
func selfSettings(p Placer, settings []string) bool {
	sp, ok := p.(selfPlacer)
	if !ok || len(settings) == 0 {
		return false
	}
	for _, st := range settings {
		if _, ok := sp.SelfSetting(st); !ok {
			return false
		}
	}
	return true
}
