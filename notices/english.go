package notices

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
)

//go:embed english.tsv
var englishTSV string

// english reads notices written in English, with the words of english.tsv.
// It is built on first use: a process that never reads a notice (go vet
// runs the tool once per package, dependencies included) does not pay for
// it.
var english = sync.OnceValue(func() *englishLang { return newEnglish(englishTSV) })

// cls is a set of word classes (see english.tsv).
type cls uint64

const (
	cStore cls = 1 << iota
	cTransfer
	cAccess
	cNeedTo
	cNeedWith
	cLeave
	cLeaveHome
	cRemain
	cNeg
	cInert
	cOnly
	cCond
	cVague
	cOutsideHome
	cOutside
	cIn
	cTo
	cFrom
	cVia
	cSkip
	cPerson
	cEntity
	cLocated
	cGlue
	cBreak
	cIntro
	cIgnore
	cAbbr
	cAbbrEnd
	cStarter
	cObject
	cOption
	cOrigin
	cDenied
	cLaw
	cPublic
	cOffice

	cKinds = cStore | cTransfer | cAccess
	cPrep  = cIn | cTo | cFrom | cVia
)

var clsNames = map[string]cls{
	"store": cStore, "transfer": cTransfer, "access": cAccess,
	"need-to": cNeedTo, "need-with": cNeedWith,
	"leave": cLeave, "leave-home": cLeaveHome, "remain": cRemain,
	"neg": cNeg, "inert": cInert, "only": cOnly, "cond": cCond,
	"vague": cVague, "outside-home": cOutsideHome, "outside": cOutside,
	"in": cIn, "to": cTo, "from": cFrom, "via": cVia,
	"skip": cSkip, "person": cPerson, "entity": cEntity, "located": cLocated,
	"glue": cGlue, "break": cBreak, "intro": cIntro, "ignore": cIgnore,
	"abbr": cAbbr, "abbr-end": cAbbrEnd, "starter": cStarter,
	"object": cObject, "option": cOption, "origin": cOrigin, "denied": cDenied, "law": cLaw, "public": cPublic, "office": cOffice,
}

// englishLang implements language for English.
type englishLang struct {
	// phrases by their first word, longest first.
	phrases map[string][]phrase
	split   splitRules
}

type phrase struct {
	words []string
	cls   cls
}

// newEnglish reads the word table. A malformed table is a defect of the
// build, so it panics; the tests load it.
func newEnglish(tsv string) *englishLang {
	e := &englishLang{
		phrases: map[string][]phrase{},
		split:   splitRules{neverEnd: map[string]bool{}, mayEnd: map[string]bool{}, starters: map[string]bool{}},
	}
	merged := map[string]cls{}
	var order []string
	header := true
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		names, text, ok := strings.Cut(line, "\t")
		if !ok || text == "" {
			panic(fmt.Sprintf("notices: english.tsv:%d: want classes<TAB>phrase", n+1))
		}
		var c cls
		for _, name := range strings.Split(names, ",") {
			b, ok := clsNames[name]
			if !ok {
				panic(fmt.Sprintf("notices: english.tsv:%d: unknown class %q", n+1, name))
			}
			c |= b
		}
		switch {
		case c&cAbbr != 0:
			e.split.neverEnd[text] = true
		case c&cAbbrEnd != 0:
			e.split.mayEnd[text] = true
		case c&cStarter != 0:
			e.split.starters[text] = true
		default:
			if _, seen := merged[text]; !seen {
				order = append(order, text)
			}
			merged[text] |= c
		}
	}
	for _, text := range order {
		var words []string
		for _, t := range tokenize(text, nil) {
			words = append(words, t.low)
		}
		if len(words) == 0 {
			panic(fmt.Sprintf("notices: english.tsv: phrase %q has no words", text))
		}
		e.phrases[words[0]] = append(e.phrases[words[0]], phrase{words, merged[text]})
	}
	for _, ps := range e.phrases {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return e
}

func (e *englishLang) sentences(text []byte) []span { return splitSentences(text, &e.split) }

// countryColumn: a header cell with one of these words heads a column of
// countries ("Country", "Location of processing", "Where", "Region",
// "Destination").
func (e *englishLang) countryColumn(header string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(header), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "country", "countries", "location", "locations", "where", "region", "regions", "destination", "destinations":
			return true
		}
	}
	return false
}

// tok is a word, a punctuation mark, a country named, or (after
// phrases are found) a phrase of english.tsv.
type tok struct {
	low        string // lower case, straight apostrophes; "" for a country
	cap        bool   // starts with a capital letter
	word       bool   // a word rather than punctuation or a country
	m          *country.Mention
	cls        cls
	start, end int // byte offsets in the sentence
}

// tokenize splits s into words, punctuation marks and the countries of
// mentions (which must be sorted and not overlap).
func tokenize(s string, mentions []country.Mention) []tok {
	var out []tok
	mi := 0
	for i := 0; i < len(s); {
		for mi < len(mentions) && mentions[mi].Start < i {
			mi++
		}
		if mi < len(mentions) && mentions[mi].Start == i {
			out = append(out, tok{m: &mentions[mi], start: i, end: mentions[mi].End})
			i = mentions[mi].End
			mi++
			continue
		}
		stop := len(s)
		if mi < len(mentions) {
			stop = mentions[mi].Start
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < stop {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+n2 < stop && !possessive(s[j+n2:]) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			out = append(out, tok{
				low: strings.ReplaceAll(strings.ToLower(w), "’", "'"), cap: unicode.IsUpper(r), word: true,
				start: i, end: j,
			})
			i = j
		default:
			low := string(r)
			if r == '’' || r == '‘' {
				low = "'"
			}
			out = append(out, tok{low: low, start: i, end: i + n})
			i += n
		}
	}
	return out
}

// possessive reports whether s, which follows an apostrophe, is the "s" of
// a possessive ("affiliate's"): the word before it stands on its own.
func possessive(s string) bool {
	if !strings.HasPrefix(s, "s") && !strings.HasPrefix(s, "S") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return len(s) == 1 || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// units tokenizes a sentence and joins the phrases of the table into one
// token each, with the phrase's classes.
func (e *englishLang) units(s string) []tok {
	raw := tokenize(s, findPlaces(s))
	var out []tok
	for i := 0; i < len(raw); {
		if raw[i].m == nil {
			if p := e.longest(raw, i); p != nil {
				n := len(p.words)
				out = append(out, tok{
					low: joinLow(raw[i : i+n]), cap: raw[i].cap, word: raw[i].word, cls: p.cls,
					start: raw[i].start, end: raw[i+n-1].end,
				})
				i += n
				continue
			}
		}
		out = append(out, raw[i])
		i++
	}
	return out
}

func (e *englishLang) longest(raw []tok, i int) *phrase {
	for k, p := range e.phrases[raw[i].low] {
		if i+len(p.words) > len(raw) {
			continue
		}
		ok := true
		for j, w := range p.words[1:] {
			if t := raw[i+1+j]; t.m != nil || t.low != w {
				ok = false
				break
			}
		}
		if ok {
			return &e.phrases[raw[i].low][k]
		}
	}
	return nil
}

func joinLow(ts []tok) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.low
	}
	return strings.Join(parts, " ")
}
