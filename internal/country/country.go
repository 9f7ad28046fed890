// Package country is noticevet's knowledge of countries: which ISO 3166-1
// alpha-2 codes exist, what they are called, and which groups ("the European
// Union", "the EEA") stand for which members.
//
// Names come from CLDR: cldr_names.tsv is generated from
// golang.org/x/text/language/display (see cldr_names_test.go), because
// noticevet runs once per Go package and initialising display's tables of
// every language would cost each run more than the rest of its country
// knowledge. The package adds only what CLDR lacks, from the embedded tables
// beside it.
package country

//go:generate go test -run TestCLDRNamesTable -update

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed groups.tsv
var groupsTSV string

//go:embed short_names.tsv
var shortNamesTSV string

//go:embed iso3166.tsv
var isoTSV string

//go:embed article.tsv
var articleTSV string

//go:embed cldr_names.tsv
var cldrNamesTSV string

var (
	loadOnce   sync.Once
	groups     map[string][]string // group id (upper case) → member codes, sorted
	shortNames map[string]string   // code → English short name overriding CLDR
	assigned   map[string]bool     // ISO 3166-1 alpha-2 codes that are countries
	article    map[string]bool     // codes whose English name takes "the"
	cldrNames  []cldrName          // sorted by code
)

// cldrName is a row of cldr_names.tsv.
type cldrName struct {
	code, english, japanese string
}

func load() {
	groups = map[string][]string{}
	for _, r := range tsv.Rows("groups.tsv", groupsTSV, 2) {
		f := r.Fields
		id := strings.ToUpper(f[0])
		members := strings.Split(f[1], ",")
		for i, m := range members {
			members[i] = strings.TrimSpace(m)
		}
		groups[id] = append(groups[id], members...)
		sort.Strings(groups[id])
	}
	// The maps are made to size: this runs in every noticevet process.
	rows := tsv.Rows("iso3166.tsv", isoTSV, 1)
	assigned = make(map[string]bool, len(rows))
	for _, r := range rows {
		f := r.Fields
		assigned[f[0]] = true
	}
	rows = tsv.Rows("article.tsv", articleTSV, 1)
	article = make(map[string]bool, len(rows))
	for _, r := range rows {
		f := r.Fields
		article[f[0]] = true
	}
	rows = tsv.Rows("short_names.tsv", shortNamesTSV, 2)
	shortNames = make(map[string]string, len(rows))
	for _, r := range rows {
		f := r.Fields
		shortNames[f[0]] = f[1]
	}
	rows = tsv.Rows("cldr_names.tsv", cldrNamesTSV, 3)
	cldrNames = make([]cldrName, len(rows))
	for i, r := range rows {
		f := r.Fields
		cldrNames[i] = cldrName{f[0], f[1], f[2]}
	}
}

// cldrNameOf returns the CLDR names of a valid country code.
func cldrNameOf(code string) cldrName {
	i, ok := slices.BinarySearchFunc(cldrNames, code, func(n cldrName, code string) int {
		return strings.Compare(n.code, code)
	})
	if !ok {
		// TestCLDRNamesTable keeps the table in step with iso3166.tsv.
		panic("country: cldr_names.tsv has no row for " + code)
	}
	return cldrNames[i]
}

// Valid reports whether code is an ISO 3166-1 alpha-2 country code, in upper
// case. Group codes such as "EU" are not countries.
func Valid(code string) bool {
	loadOnce.Do(load)
	return assigned[code]
}

// Name returns the English short name of a country code ("South Korea" for
// "KR"), or the code itself when it is not a country.
func Name(code string) string {
	loadOnce.Do(load)
	if n, ok := shortNames[code]; ok {
		return n
	}
	if !Valid(code) {
		return code
	}
	return cldrNameOf(code).english
}

// JapaneseName returns the Japanese name of a country code ("韓国" for "KR").
func JapaneseName(code string) string {
	if !Valid(code) {
		return code
	}
	return cldrNameOf(code).japanese
}

// Members returns the member countries of a group id such as "EU" or
// "EEA", sorted, and whether the group is known.
func Members(group string) ([]string, bool) {
	loadOnce.Do(load)
	m, ok := groups[strings.ToUpper(group)]
	return append([]string(nil), m...), ok
}

// Expand replaces each group id in codes by its members and returns the
// result sorted and without duplicates.
func Expand(codes []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, c := range codes {
		if m, ok := Members(c); ok {
			for _, x := range m {
				add(x)
			}
			continue
		}
		add(c)
	}
	sort.Strings(out)
	return out
}

// InText returns the English name of a country as it reads in a
// sentence: "the United States", "South Korea".
func InText(code string) string {
	loadOnce.Do(load)
	if article[code] {
		return "the " + Name(code)
	}
	return Name(code)
}

// Names joins the English names of codes for a message: "South Korea",
// "South Korea and China", "South Korea, China and the United States".
func Names(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = InText(c)
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
