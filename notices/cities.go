package notices

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed cities.tsv
var citiesTSV string

// city is a row of cities.tsv.
type city struct {
	name  string
	codes []string
}

// cities are the rows of cities.tsv by their first rune, longest name
// first; read once, when a notice is first read.
var cities = sync.OnceValue(func() map[rune][]city {
	out := map[rune][]city{}
	for _, r := range tsv.Rows("cities.tsv", citiesTSV, 3) {
		if !country.Valid(r.Fields[1]) {
			r.Fail("country %q is no ISO 3166-1 code", r.Fields[1])
		}
		first, _ := utf8.DecodeRuneInString(r.Fields[0])
		out[first] = append(out[first], city{r.Fields[0], []string{r.Fields[1]}})
	}
	for _, cs := range out {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].name) > len(cs[j].name) })
	}
	return out
})

// findPlaces returns the countries named in s (country.Find) and the
// cities of cities.tsv, as mentions of their countries, sorted and not
// overlapping: "stored in Frankfurt" names Germany. An English city name
// counts as a whole word with its capital (a city's mention has no Code,
// see isCity); a Japanese one as written, but
// not inside a longer katakana word.
func findPlaces(s string) []country.Mention {
	ms := country.Find(s)
	table := cities()
	var extra []country.Mention
	next := 0 // the next mention of ms not yet passed
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		for next < len(ms) && ms[next].End <= i {
			next++
		}
		if next < len(ms) && ms[next].Start <= i {
			i = ms[next].End
			continue
		}
		if cs, ok := table[r]; ok && wordStart(s, i) {
			for _, c := range cs {
				end := i + len(c.name)
				if strings.HasPrefix(s[i:], c.name) && wordEnd(s, end) && (next >= len(ms) || end <= ms[next].Start) {
					extra = append(extra, country.Mention{Codes: c.codes, Start: i, End: end})
					i = end - n
					break
				}
			}
		}
		i += n
	}
	if len(extra) == 0 {
		return ms
	}
	out := append(ms[:len(ms):len(ms)], extra...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// isCity reports whether a mention of findPlaces is a city: it has no
// Code, as it names no country itself.
func isCity(m *country.Mention) bool { return m.Code == "" }

// wordStart reports whether a Latin word does not go on before i (a
// Japanese name needs no boundary).
func wordStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	p, _ := utf8.DecodeLastRuneInString(s[:i])
	if r >= 0x80 {
		return i == 0 || !(isKatakanaRune(r) && isKatakanaRune(p)) // not 「ニューロンドン」
	}
	return i == 0 || !(unicode.IsLetter(p) || unicode.IsDigit(p))
}

// wordEnd reports whether a Latin word does not go on at end.
func wordEnd(s string, end int) bool {
	p, _ := utf8.DecodeLastRuneInString(s[:end])
	r, _ := utf8.DecodeRuneInString(s[end:])
	if p >= 0x80 {
		return end == len(s) || !(isKatakanaRune(p) && isKatakanaRune(r)) // not 「パリティ」
	}
	return end == len(s) || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}
