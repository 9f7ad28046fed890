package rules

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/tsv"
	"github.com/noticevet/noticevet/notices"
)

//go:embed datanames.tsv
var dataNamesTable string

// dataNames maps a word of a name to the kind of personal data it says
// the named thing holds (datanames.tsv), read once, when first needed.
var dataNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range tsv.Rows("datanames.tsv", dataNamesTable, 2) {
		if !evidence.IsDataKind(r.Fields[0]) {
			r.Fail("kind %q is not in internal/evidence/datakinds.tsv", r.Fields[0])
		}
		if _, dup := m[r.Fields[1]]; dup {
			r.Fail("%q twice", r.Fields[1])
		}
		m[r.Fields[1]] = r.Fields[0]
	}
	return m
})

// dataHeld returns the kinds of personal data the names of a piece of
// evidence say it holds (the resource, its module instances, the stores
// it writes to, the host): none when they say nothing.
func dataHeld(e evidence.Evidence) []string {
	names := append([]string{e.What}, e.Instances...)
	for _, s := range e.Stores {
		names = append(names, s.Name)
	}
	var kinds []string
	for _, n := range names {
		for _, w := range nameWords(n) {
			if k, ok := dataNames()[w]; ok && !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	return kinds
}

// nameWords splits a name into lower-case words at anything but letters
// and digits, and where a lower-case letter meets an upper-case one
// ("userPhotos" is "user", "photos").
func nameWords(name string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, strings.ToLower(b.String()))
			b.Reset()
		}
	}
	prevLower := false
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			prevLower = false
			continue
		case unicode.IsUpper(r) && prevLower:
			flush()
		}
		b.WriteRune(r)
		prevLower = unicode.IsLower(r)
	}
	flush()
	return out
}

// speaksOf reports whether claim c speaks of evidence whose names say it
// holds the kinds held (dataHeld): a statement limited to some kinds of
// personal data does not speak of a store whose names say it holds other
// kinds only. Evidence whose names say nothing may hold anything, so every
// statement speaks of it.
func speaksOf(c *notices.Claim, held []string) bool {
	if len(c.Data) == 0 || len(held) == 0 {
		return true
	}
	for _, k := range held {
		if slices.Contains(c.Data, k) {
			return true
		}
	}
	return false
}
