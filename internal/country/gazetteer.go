package country

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"

	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed aliases.tsv
var aliasesTSV string

// Mention is a country, or a group of countries, named in a text.
type Mention struct {
	// Code is the ISO 3166-1 alpha-2 code of the country named ("KR"), or
	// the group id when a group is named ("EU", "EEA", "EFTA").
	Code string
	// Codes are the countries meant, sorted: Code itself for a country, the
	// members (see Members) for a group.
	Codes []string
	// Start and End are the byte offsets of the name in the text searched:
	// text[Start:End] is the name as written ("the" is never part of it).
	Start, End int
	// Adjective is set when the name is an adjective or a demonym
	// ("Japanese", "Korean", "American"). Whether it places anything is for
	// the caller to decide: "Korean servers" does, "the Korean version" and
	// "Japanese yen" do not.
	Adjective bool
	// Group is set when Code is a group id rather than a country.
	Group bool
}

// Find returns the countries and groups named in text, in order and without
// overlaps.
//
// Names are CLDR's English and Japanese short names of every country (from
// golang.org/x/text/language/display) and the aliases of aliases.tsv. The
// rules:
//   - Whole words: "Japan" is not found in "Japanesque", "Niger" not in
//     "Nigeria", "India" not in "Indiana". Japanese names need no spaces
//     around them, but a katakana name is not found inside a longer
//     katakana word (アメリカ in アメリカン).
//   - The longest name wins: "Republic of Korea" is one mention (KR), not
//     "Korea"; "Democratic People's Republic of Korea" is KP; "Papua New
//     Guinea" is PG, not Guinea; "Northern Ireland" is GB, not Ireland;
//     "Hong Kong, China" is HK alone.
//   - Case: a word written with a capital in the table must start with a
//     capital in the text ("china" and "turkey" are not countries; "CHINA"
//     is), and a word in capitals only must match exactly ("US" is found,
//     "us" and "Us" are not; "EU", "UK", "USA", "ROK", "PRC" alike). In a
//     run of words in capitals, "US" is found only after "THE" ("LET US
//     KNOW" names no country, "IN THE US" does).
//   - Accents, curly apostrophes, hyphens and runs of spaces are folded, so
//     "Cote d'Ivoire", "Côte d’Ivoire" and "Guinea Bissau" are found.
//   - Stops: phrases that contain a country's name but name no country
//     ("New Mexico", "New Jersey", "American Express", "North America",
//     日本語) are consumed and not reported.
//
// Decisions taken by the table ("Korea" is KR, "Georgia" is the country,
// "Congo" is CG, "Europe" is nothing) are listed at the top of aliases.tsv.
func Find(text string) []Mention {
	gazOnce.Do(buildGazetteer)
	var out []Mention
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isCJK(r) || (isWordRune(r) && !isWordRune(prev)) || (isLatin(r) && isCJK(prev)) {
			if e, end := gaz.match(text, i, prev); e != nil {
				if e.code != "" {
					out = append(out, Mention{
						Code: e.code, Codes: append([]string(nil), e.codes...),
						Start: i, End: end, Adjective: e.adj, Group: e.group,
					})
				}
				prev, _ = utf8.DecodeLastRuneInString(text[:end])
				i = end
				continue
			}
		}
		prev = r
		i += size
	}
	return out
}

// Canonical returns the alpha-2 code in use for another code of a country:
// a deprecated or reserved one ("GB" for "UK", "MM" for "BU") or an ISO
// 3166-1 alpha-3 one ("JP" for "JPN"). It returns the code itself for a
// valid one, and "" when there is none or for lower case.
func Canonical(code string) string {
	if Valid(code) {
		return code
	}
	r, err := language.ParseRegion(code)
	if err != nil || code != strings.ToUpper(code) {
		return ""
	}
	if c := r.Canonicalize().String(); Valid(c) {
		return c
	}
	if code == "UK" { // CLDR keeps UK as a country of its own.
		return "GB"
	}
	return ""
}

type gazEntry struct {
	code  string   // "" for a stop
	codes []string // the countries meant
	adj   bool
	group bool
	words []string // the name as written, split at spaces and hyphens
	// kataStart/kataEnd: the name starts/ends with katakana, which must not
	// continue in the text.
	kataStart, kataEnd bool
	latinEnd           bool // the name ends with a letter or digit of a spaced script
	capsUS             bool // the name is "US", see Find
}

type trieNode struct {
	next    map[rune]*trieNode
	entries []*gazEntry
}

type gazetteer struct {
	root      *trieNode
	rootASCII [0x80]*trieNode      // root.next for ASCII, where most words start
	keys      map[string]*gazEntry // folded name → entry, for duplicate checks
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
	// diacritics maps a precomposed Latin letter to its base letter.
	diacritics map[rune]rune
	// parenthetical matches a parenthesised part of a CLDR name:
	// "Myanmar (Burma)", "コンゴ民主共和国(キンシャサ)".
	parenthetical = regexp.MustCompile(`\s*[(（][^)）]*[)）]`)
)

func buildGazetteer() {
	diacritics = map[rune]rune{}
	for _, rng := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := rng[0]; r <= rng[1]; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) < 2 || d[0] >= 0x80 {
				continue
			}
			marks := true
			for _, m := range d[1:] {
				marks = marks && unicode.Is(unicode.Mn, m)
			}
			if marks {
				diacritics[r] = d[0]
			}
		}
	}
	g := &gazetteer{root: &trieNode{}, keys: map[string]*gazEntry{}}
	// The aliases come first: where a CLDR name folds to the same key, the
	// table's reading of it stands.
	for _, r := range tsv.Rows("aliases.tsv", aliasesTSV, 3) {
		f := r.Fields
		name, code, kind := f[0], f[1], f[2]
		switch kind {
		case "name", "adj":
		case "stop":
			code = ""
		default:
			panic(fmt.Sprintf("country: aliases.tsv: %q: unknown kind %q", name, kind))
		}
		g.add(name, code, kind == "adj", true)
	}
	for _, code := range codes() {
		r := language.MustParseRegion(code)
		for _, n := range cldrVariants(display.English.Regions().Name(r), Name(code)) {
			g.add(n, code, false, false)
		}
		for _, n := range cldrVariants(JapaneseName(code)) {
			g.add(n, code, false, false)
		}
	}
	for r, c := range g.root.next {
		if r < 0x80 {
			g.rootASCII[r] = c
		}
	}
	gaz = g
}

// codes returns the valid country codes, sorted.
func codes() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if code := string([]rune{a, b}); Valid(code) {
				out = append(out, code)
			}
		}
	}
	return out
}

// cldrVariants returns the forms in which a CLDR name is written in prose:
// as is, without its parenthesised part, with "and" for "&", and with
// "Saint" or "St" for "St.".
func cldrVariants(names ...string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, n := range names {
		for _, base := range []string{n, parenthetical.ReplaceAllString(n, "")} {
			add(base)
			and := strings.ReplaceAll(base, "&", "and")
			add(and)
			if strings.HasPrefix(base, "St. ") {
				add("Saint " + and[4:])
				add("St " + and[4:])
			}
		}
	}
	return out
}

// add puts a name in the trie. A name already there for the same code is
// skipped; one already there for another code is a defect of the alias
// table when both come from it, and otherwise the earlier reading stands.
func (g *gazetteer) add(name, code string, adj, fromTable bool) {
	key := foldString(name)
	if old, ok := g.keys[key]; ok {
		if old.code != code && fromTable {
			panic(fmt.Sprintf("country: aliases.tsv: %q is both %q and %q", name, old.code, code))
		}
		return
	}
	e := &gazEntry{code: code, adj: adj, words: splitWords(name)}
	if code != "" {
		if members, ok := Members(code); ok {
			e.group, e.codes = true, members
		} else if Valid(code) {
			e.codes = []string{code}
		} else {
			panic(fmt.Sprintf("country: aliases.tsv: %q: %q is neither a country code nor a group", name, code))
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	e.kataStart, e.kataEnd = isKatakana(first), isKatakana(last)
	e.latinEnd = isWordRune(last) && !isCJK(last)
	e.capsUS = name == "US"
	g.keys[key] = e
	n := g.root
	for _, r := range key {
		if n.next == nil {
			n.next = map[rune]*trieNode{}
		}
		c, ok := n.next[r]
		if !ok {
			c = &trieNode{}
			n.next[r] = c
		}
		n = c
	}
	n.entries = append(n.entries, e)
}

// match returns the longest entry that the text at i spells and whose rules
// hold there, and where it ends. prev is the rune before i (-1 at the start).
func (g *gazetteer) match(text string, i int, prev rune) (*gazEntry, int) {
	var best *gazEntry
	bestEnd := 0
	n := g.root
	space := false
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		f := fold(r)
		if f == ' ' {
			if space {
				j += size
				continue
			}
			space = true
		} else {
			space = false
		}
		var c *trieNode
		if n == g.root && f < 0x80 {
			c = g.rootASCII[f]
		} else {
			c = n.next[f]
		}
		if c == nil {
			break
		}
		n = c
		j += size
		for _, e := range n.entries {
			if g.fits(e, text, i, j, prev) {
				best, bestEnd = e, j
				break
			}
		}
	}
	return best, bestEnd
}

// fits checks an entry's boundary and case rules on text[i:j].
func (g *gazetteer) fits(e *gazEntry, text string, i, j int, prev rune) bool {
	next, _ := utf8.DecodeRuneInString(text[j:])
	if j == len(text) {
		next = -1
	}
	if e.latinEnd && isWordRune(next) && !isCJK(next) {
		return false
	}
	if (e.kataStart && isKatakana(prev)) || (e.kataEnd && isKatakana(next)) {
		return false
	}
	words := splitWords(text[i:j])
	if len(words) != len(e.words) {
		return false
	}
	for k, w := range e.words {
		switch {
		case isAcronym(w):
			if words[k] != w {
				return false
			}
		case startsUpper(w):
			if !startsUpper(words[k]) {
				return false
			}
		}
	}
	if e.capsUS {
		before := lastWord(text[:i])
		after := firstWord(text[j:])
		if (isCapsWord(before) || isCapsWord(after)) && before != "THE" {
			return false
		}
	}
	return true
}

// fold maps a rune to the form names are compared in: lower case, without
// accents, one apostrophe, and a space for every space or hyphen.
func fold(r rune) rune {
	if r < 0x80 {
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '-' || r == ' ' || '\t' <= r && r <= '\r':
			return ' '
		case r == '`':
			return '\''
		}
		return r
	}
	switch r {
	case '’', '‘', 'ʼ', '`', '´', '\'':
		return '\''
	case '-', '‐', '‑', '‒', '–', '—':
		return ' '
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	r = unicode.ToLower(r)
	if b, ok := diacritics[r]; ok {
		return b
	}
	return r
}

func foldString(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		f := fold(r)
		if f == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(f)
	}
	return b.String()
}

func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return fold(r) == ' ' })
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLatin(r rune) bool { return isWordRune(r) && !isCJK(r) }

// isCJK reports whether r is written without spaces between words: kanji,
// kana and their marks.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || isKatakana(r))
}

func isKatakana(r rune) bool {
	return r >= 0x30A0 && (unicode.Is(unicode.Katakana, r) || r == 'ー') && r != '・'
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAcronym reports whether w is written in capitals only ("US", "U.S.",
// "EEA"), with at least two letters.
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// isCapsWord reports whether w is a word of two or more letters, all
// capitals.
func isCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// lastWord returns the run of letters that ends s after at most one
// separator ("LET " → "LET").
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsLetter(r) {
			break
		}
		end -= size
	}
	return s[end:]
}

// firstWord returns the run of letters that starts s after spaces.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}
