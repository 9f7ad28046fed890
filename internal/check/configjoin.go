package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// joinSources is the evidence of a check: ev, placed by its sources;
// byStore, the sites that write to named stores defined elsewhere
// (evidence.Found.ByStore); conf, the configuration source's values.
// The Go sites that read a configured value are placed by it first (a
// value that places a call is named by the call's finding, not reported
// again); then the sites of byStore by the resources and values that
// define their stores (placeByStore), a value that placed a call
// included. The result is sorted.
func joinSources(ev, byStore, conf []evidence.Evidence) []evidence.Evidence {
	evidence.Sort(conf)
	cj := newConfigJoin(conf)
	ev, byStore = cj.place(ev), cj.place(byStore)
	ev = append(ev, cj.rest()...)
	evidence.Sort(ev)
	defs := append(slices.Clone(ev), cj.usedValues()...)
	evidence.Sort(defs)
	ev = append(ev, placeByStore(defs, byStore)...)
	evidence.Sort(ev)
	return ev
}

// configJoin places Go sites by the configuration values they read: a call
// whose DSN is os.Getenv("DATABASE_URL") stores data where the
// DATABASE_URL of a .env file or a Compose environment says. The values
// are the configuration source's evidence; each names its key
// (Evidence.Keys) and the site the keys its destination is read from.
//
// Keys match as the code reads them: an environment variable by its exact
// name (DATABASE_URL), a configuration key by its path, nested keys
// joined with '.', whatever the case (viper.GetString("S3.Endpoint")
// reads s3.endpoint of a YAML file). An environment variable never
// matches a key of a configuration file, nor the reverse: viper's
// AutomaticEnv, which reads s3.endpoint from S3_ENDPOINT, is not followed.
type configJoin struct {
	conf []evidence.Evidence
	// byKey are the placed values of each key (matchKey), in the order
	// of conf (sorted by position).
	byKey map[evidence.ConfigKey][]keyedValue
	// used marks the values that placed a site: the site's finding, at
	// the call, names the value, so the value is not a finding of its own.
	used []bool
}

// keyedValue is a value of conf and its key as its file writes it.
type keyedValue struct {
	at  int
	key string
}

// newConfigJoin indexes the configuration source's evidence, sorted.
func newConfigJoin(conf []evidence.Evidence) *configJoin {
	j := &configJoin{conf: conf, byKey: map[evidence.ConfigKey][]keyedValue{}, used: make([]bool, len(conf))}
	for i, e := range conf {
		if e.Country == "" {
			continue // a value made of a variable places nothing
		}
		for _, k := range e.Keys {
			mk := matchKey(k)
			j.byKey[mk] = append(j.byKey[mk], keyedValue{at: i, key: k.Name})
		}
	}
	return j
}

// matchKey is the form in which keys are compared.
func matchKey(k evidence.ConfigKey) evidence.ConfigKey {
	if k.Kind == evidence.KeyConfig {
		k.Name = strings.ToLower(k.Name)
	}
	return k
}

// place returns sites with those that read a configured value placed by
// it: one site per country the values of its keys are in, each naming the
// value it comes from (Defined), and a store when the value is one (an
// object store's endpoint posted to with http.Post). A value that two files give in the same
// country places the site once, named by the first. A site stays as it
// was when no value of its keys is placed (the configuration gives none,
// or only local ones: a Compose service, localhost); it is kept, as well,
// beside the places when a key of it has no placed value, since the call
// may go where that key says.
func (j *configJoin) place(sites []evidence.Evidence) []evidence.Evidence {
	if len(j.byKey) == 0 {
		return sites
	}
	out := make([]evidence.Evidence, 0, len(sites))
	for _, e := range sites {
		if e.Country != "" || e.Unresolved == "" || len(e.Keys) == 0 {
			out = append(out, e)
			continue
		}
		seen := map[string]bool{}
		all := true
		var placed []evidence.Evidence
		for _, k := range e.Keys {
			vals := j.byKey[matchKey(k)]
			if len(vals) == 0 {
				all = false
				continue
			}
			for _, v := range vals {
				j.used[v.at] = true
				d := j.conf[v.at]
				if seen[d.Country] {
					continue
				}
				seen[d.Country] = true
				x := e
				x.Country, x.Region, x.Via, x.Unresolved = d.Country, d.Region, d.Via, ""
				x.Defined = fmt.Sprintf("%s at %s:%d", v.key, d.Pos.Path, d.Pos.Line)
				if d.Kind == evidence.Store && e.Kind == evidence.Send {
					// What the value is (a database, an object store)
					// says the data rests there, whatever the call
					// (a read or a delete stays one).
					x.Kind = evidence.Store
				}
				placed = append(placed, x)
			}
		}
		if len(placed) == 0 || !all {
			out = append(out, e)
		}
		out = append(out, placed...)
	}
	return out
}

// usedValues are the values that placed a site.
func (j *configJoin) usedValues() []evidence.Evidence {
	var out []evidence.Evidence
	for i, e := range j.conf {
		if j.used[i] {
			out = append(out, e)
		}
	}
	return out
}

// rest are the values that placed no site: evidence of their own.
func (j *configJoin) rest() []evidence.Evidence {
	out := make([]evidence.Evidence, 0, len(j.conf))
	for i, e := range j.conf {
		if !j.used[i] {
			out = append(out, e)
		}
	}
	return out
}
