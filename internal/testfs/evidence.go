package testfs

import (
	"fmt"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// View writes files into a new temporary folder (Dir) and returns the
// view of that folder as a repository of its own.
func View(t testing.TB, files map[string]string) *repo.View {
	t.Helper()
	dir := Dir(t, files)
	v, err := repo.NewView(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A Field prints one part of an evidence line, or "" when the evidence
// has nothing to show there.
type Field func(evidence.Evidence) string

// Show prints evidence one per line, for exact comparison: the fields of
// each that are not empty, in order, separated by spaces. Each source's
// tests pick the fields that matter to them.
func Show(es []evidence.Evidence, fields ...Field) string {
	var b strings.Builder
	for _, e := range es {
		sep := ""
		for _, f := range fields {
			if s := f(e); s != "" {
				b.WriteString(sep + s)
				sep = " "
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Fields of an evidence line: each is the value alone or name=value,
// left out when the value is empty (but for Pos, Kind, What and Name).
var (
	// Pos is path:line:column.
	Pos Field = func(e evidence.Evidence) string { return e.Pos.String() }
	// Kind is store, send or access.
	Kind Field = func(e evidence.Evidence) string { return string(e.Kind) }
	// What is what the site is, quoted.
	What Field = func(e evidence.Evidence) string { return fmt.Sprintf("%q", e.What) }
	// Name is what the site is, unquoted.
	Name Field = func(e evidence.Evidence) string { return e.What }
	// Country is the country code.
	Country Field = func(e evidence.Evidence) string { return e.Country }
	// Region is region=R.
	Region Field = func(e evidence.Evidence) string { return ifSet("region=", e.Region) }
	// Via is via="how the country was decided".
	Via Field = func(e evidence.Evidence) string { return ifSet("via=", quoteSet(e.Via)) }
	// Placed is the country, region=R and via="…", all three (even when
	// empty) when there is a country.
	Placed Field = func(e evidence.Evidence) string {
		if e.Country == "" {
			return ""
		}
		return fmt.Sprintf("%s region=%s via=%q", e.Country, e.Region, e.Via)
	}
	// Replica is "replica" for a copy of data elsewhere.
	Replica Field = func(e evidence.Evidence) string {
		if e.Replica {
			return "replica"
		}
		return ""
	}
	// Unresolved is unresolved="why the country is not known".
	Unresolved Field = func(e evidence.Evidence) string { return ifSet("unresolved=", quoteSet(e.Unresolved)) }
	// Instances is in=A,B.
	Instances Field = func(e evidence.Evidence) string { return ifSet("in=", strings.Join(e.Instances, ",")) }
	// Stores is store=type/name for each store.
	Stores Field = func(e evidence.Evidence) string {
		var s []string
		for _, st := range e.Stores {
			s = append(s, "store="+st.Type+"/"+st.Name)
		}
		return strings.Join(s, " ")
	}
	// Defined is (what placed the site), with empty parentheses when
	// nothing did.
	Defined Field = func(e evidence.Evidence) string { return "(" + e.Defined + ")" }
)

// ifSet returns prefix+value, or "" when value is empty.
func ifSet(prefix, value string) string {
	if value == "" {
		return ""
	}
	return prefix + value
}

// quoteSet quotes a value that is not empty.
func quoteSet(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("%q", s)
}
