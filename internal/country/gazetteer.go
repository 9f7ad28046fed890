package country

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
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
// golang.org/x/text/language/display, through cldr_names.tsv) and the
// aliases of aliases.tsv. The rules:
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
						Code: e.code, Codes: e.codes(),
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
	code  string // "" for a stop
	name  string // as written in the table
	adj   bool
	group bool // code is a group id, which stands for its members
	// kataStart/kataEnd: the name starts/ends with katakana, which must not
	// continue in the text.
	kataStart, kataEnd bool
	latinEnd           bool // the name ends with a letter or digit of a spaced script
	capsUS             bool // the name is "US", see Find
}

// codes returns the countries an entry means, sorted: its code, or the
// members of its group. The slice is the caller's.
func (e *gazEntry) codes() []string {
	if e.group {
		return append([]string(nil), groups[strings.ToUpper(e.code)]...)
	}
	return []string{e.code}
}

// gazetteer is a trie of the folded names (see fold).
//
// Every noticevet process builds it (go vet runs one per Go package), so it
// is laid out to be built quickly: a map per node cost tens of thousands of
// allocations. Nodes live in one slice, numbered in the order they are made
// (the root is 0), and a node's children are a list threaded through it.
// The slice is written in order, never read before it is written: memory a
// process touches for the first time costs it a page fault, and one that is
// read first costs two.
type gazetteer struct {
	entries []gazEntry
	nodes   []trieNode
	// The root's children are the first runes of names, too many to search
	// through a list: those that are ASCII (most words start with one) by
	// rune, the others (kana, kanji, accented letters) in a map.
	rootASCII [0x80]int32
	rootOther map[rune]int32
}

type trieNode struct {
	r       rune  // the rune of the edge from the parent
	entry   int32 // 1 + the index in entries of the name that ends here, or 0
	child   int32 // the first child, or 0: no edge leads to the root
	sibling int32 // the parent's next child, or 0
}

// child returns the node below n under r, or 0 when there is none.
func (g *gazetteer) child(n int32, r rune) int32 {
	if n == 0 {
		if 0 <= r && r < 0x80 {
			return g.rootASCII[r]
		}
		return g.rootOther[r]
	}
	for c := g.nodes[n].child; c != 0; c = g.nodes[c].sibling {
		if g.nodes[c].r == r {
			return c
		}
	}
	return 0
}

// addChild makes a node below n under r, which must not be there yet.
func (g *gazetteer) addChild(n int32, r rune) int32 {
	c := int32(len(g.nodes))
	g.nodes = append(g.nodes, trieNode{r: r})
	switch {
	case n == 0 && 0 <= r && r < 0x80:
		g.rootASCII[r] = c
	case n == 0:
		g.rootOther[r] = c
	default:
		g.nodes[c].sibling = g.nodes[n].child
		g.nodes[n].child = c
	}
	return c
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

func buildGazetteer() {
	loadOnce.Do(load)
	// The sizes fit today's tables (about 750 names, 4,500 nodes, 70 first
	// runes not ASCII) with room to spare, and grow past them if need be.
	g := &gazetteer{
		entries:   make([]gazEntry, 0, 1024),
		nodes:     make([]trieNode, 1, 6144),
		rootOther: make(map[rune]int32, 128),
	}
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
	var variants []string
	// cldrNames holds every valid code, sorted (TestCLDRNamesTable).
	for _, n := range cldrNames {
		short := n.english // Name(n.code), without looking the code up again
		if s, ok := shortNames[n.code]; ok {
			short = s
		}
		variants = cldrVariants(variants[:0], n.english, short)
		for _, v := range variants {
			g.add(v, n.code, false, false)
		}
		variants = cldrVariants(variants[:0], n.japanese)
		for _, v := range variants {
			g.add(v, n.code, false, false)
		}
	}
	gaz = g
}

// cldrVariants appends to out the forms in which a CLDR name is written in
// prose: as is, without its parenthesised part, with "and" for "&", and with
// "Saint" or "St" for "St.". Each is appended once.
func cldrVariants(out []string, names ...string) []string {
	add := func(s string) {
		s = trimSpace(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, n := range names {
		if plain(n) {
			add(n) // most names: the other forms would all be n
			continue
		}
		for _, base := range [2]string{n, withoutParenthetical(n)} {
			add(base)
			and := base
			if strings.IndexByte(base, '&') >= 0 {
				and = strings.ReplaceAll(base, "&", "and")
			}
			add(and)
			if strings.HasPrefix(base, "St. ") {
				add("Saint " + and[4:])
				add("St " + and[4:])
			}
		}
	}
	return out
}

// plain reports whether a name has nothing cldrVariants varies: no "&", no
// bracket and no leading "St. ". A full-width bracket, like every rune from
// U+F000 to U+FFFF, starts with the byte 0xEF in UTF-8; a byte search is
// quicker than strings.ContainsAny.
func plain(n string) bool {
	return strings.IndexByte(n, '&') < 0 && strings.IndexByte(n, '(') < 0 &&
		strings.IndexByte(n, 0xEF) < 0 && !strings.HasPrefix(n, "St. ")
}

// trimSpace is strings.TrimSpace with a quick way out for the usual name,
// which has no space at either end: strings.TrimSpace takes its slow path
// whenever the first or last rune is not ASCII, as in every Japanese name.
func trimSpace(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return strings.TrimSpace(s)
	}
	return s
}

// withoutParenthetical removes the parenthesised parts of a CLDR name and
// the ASCII spaces before them: "Myanmar (Burma)" and
// "コンゴ民主共和国(キンシャサ)" lose "(Burma)" and "(キンシャサ)". A part runs
// from an opening bracket, ASCII or full-width, to the first closing one; an
// opening bracket never closed is kept. (It is the regular expression
// \s*[(（][^)）]*[)）] replaced by "", which TestWithoutParenthetical
// checks, written out because the regexp package costs a microsecond a
// name.)
func withoutParenthetical(s string) string {
	var b strings.Builder
	for {
		open := indexEither(s, '(', "（")
		if open < 0 {
			break
		}
		size := indexEither(s[open:], ')', "）")
		if size < 0 {
			break
		}
		_, closeSize := utf8.DecodeRuneInString(s[open+size:])
		start := open
		for start > 0 && strings.IndexByte("\t\n\f\r ", s[start-1]) >= 0 {
			start--
		}
		b.WriteString(s[:start])
		s = s[open+size+closeSize:]
	}
	if b.Len() == 0 { // nothing removed, or nothing before what was
		return s
	}
	b.WriteString(s)
	return b.String()
}

// indexEither returns the index of the first a or b in s, or -1.
// (strings.IndexAny looks a rune at a time when one of them is not ASCII.)
func indexEither(s string, a byte, b string) int {
	i, j := strings.IndexByte(s, a), strings.Index(s, b)
	if i < 0 || 0 <= j && j < i {
		return j
	}
	return i
}

// add puts a name in the trie. A name already there for the same code is
// skipped; one already there for another code is a defect of the alias
// table when both come from it, and otherwise the earlier reading stands.
// The name has no spaces around it (tsv.Rows refuses them, cldrVariants
// trims them).
func (g *gazetteer) add(name, code string, adj, fromTable bool) {
	n := int32(0)
	space := false
	for _, r := range name {
		f := fold(r)
		if f == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		c := g.child(n, f)
		if c == 0 {
			c = g.addChild(n, f)
		}
		n = c
	}
	if old := g.nodes[n].entry; old != 0 {
		if oldCode := g.entries[old-1].code; oldCode != code && fromTable {
			panic(fmt.Sprintf("country: aliases.tsv: %q is both %q and %q", name, oldCode, code))
		}
		return
	}
	e := gazEntry{code: code, name: name, adj: adj}
	if code != "" {
		if _, ok := groups[strings.ToUpper(code)]; ok {
			e.group = true
		} else if !assigned[code] {
			panic(fmt.Sprintf("country: aliases.tsv: %q: %q is neither a country code nor a group", name, code))
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	e.kataStart, e.kataEnd = isKatakana(first), isKatakana(last)
	e.latinEnd = isWordRune(last) && !isCJK(last)
	e.capsUS = name == "US"
	g.entries = append(g.entries, e)
	g.nodes[n].entry = int32(len(g.entries))
}

// match returns the longest entry that the text at i spells and whose rules
// hold there, and where it ends. prev is the rune before i (-1 at the start).
func (g *gazetteer) match(text string, i int, prev rune) (*gazEntry, int) {
	var best *gazEntry
	bestEnd := 0
	n := int32(0)
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
		c := g.child(n, f)
		if c == 0 {
			break
		}
		n = c
		j += size
		if k := g.nodes[n].entry; k != 0 && g.fits(&g.entries[k-1], text, i, j, prev) {
			best, bestEnd = &g.entries[k-1], j
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
	var buf, ebuf [8]string
	words, ewords := appendWords(buf[:0], text[i:j]), appendWords(ebuf[:0], e.name)
	if len(words) != len(ewords) {
		return false
	}
	for k, w := range ewords {
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
	if 0x3040 <= r && r <= 0x9FFF {
		// Kana and kanji, the runes of Japanese names: no case, no accents,
		// no spaces (TestFold).
		return r
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return baseLetter(unicode.ToLower(r))
}

// baseLetter returns the ASCII letter that a precomposed Latin letter is
// made of when the rest of its canonical decomposition is nonspacing marks
// ('é' → 'e', 'ǖ' → 'u', 'ḑ' → 'd'), and r otherwise ('ø', 'ł', 'æ' have
// no decomposition). Only the Latin blocks are looked at (Latin-1,
// Extended-A and -B, Extended Additional): a Japanese name has no accents to
// drop, and 'が' must stay 'が'. The decomposition is looked up on every
// call, a few nanoseconds, rather than kept in a table that every process
// would have to build.
func baseLetter(r rune) rune {
	if !(0xC0 <= r && r <= 0x24F || 0x1E00 <= r && r <= 0x1EFF) {
		return r
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition()
	if len(d) < 2 || d[0] >= utf8.RuneSelf {
		return r
	}
	for _, m := range string(d[1:]) {
		if !unicode.Is(unicode.Mn, m) {
			return r
		}
	}
	return rune(d[0])
}

// appendWords appends to dst the words of s: the runs of runes that do not
// fold to a space.
func appendWords(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		switch {
		case fold(r) != ' ':
			if start < 0 {
				start = i
			}
		case start >= 0:
			dst = append(dst, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
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
