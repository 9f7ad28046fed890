package goevidence

import (
	"go/token"
	"slices"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// sortedKeys sorts keys and drops repeats.
func sortedKeys(keys []evidence.ConfigKey) []evidence.ConfigKey {
	out := slices.Clone(keys)
	slices.SortFunc(out, evidence.ConfigKey.Compare)
	return slices.Compact(out)
}

// sortedStrings sorts ss and drops repeats.
func sortedStrings(ss []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(ss)))
}

// siteID is a site as a map key: every field of Site, its keys as one
// text.
type siteID struct {
	pos                                      token.Pos
	kind                                     evidence.Kind
	what, host, provider, region, unresolved string
	keys, reasons                            string
	store                                    evidence.StoreRef
	deferred, forInner                       bool
	origin, cloud                            string
	fromInput, remote                        bool
	open, settings                           string
}

func (x Site) id() siteID {
	var keys strings.Builder
	for _, k := range x.Keys {
		keys.WriteString(k.Kind)
		keys.WriteByte(0)
		keys.WriteString(k.Name)
		keys.WriteByte(0)
	}
	return siteID{pos: x.Pos, kind: x.Kind, what: x.What, host: x.Host, provider: x.Provider, region: x.Region,
		unresolved: x.Unresolved, keys: keys.String(), reasons: strings.Join(x.reasons, "\x00"), store: x.Store, deferred: x.Deferred, forInner: x.ForInner, origin: x.Origin, cloud: x.cloud, fromInput: x.fromInput, remote: x.remote, open: strings.Join(x.Open, "\x00"), settings: strings.Join(x.Settings, "\x00")}
}
