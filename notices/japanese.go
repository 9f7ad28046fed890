package notices

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/tsv"
	"golang.org/x/text/width"
)

//go:embed japanese.tsv
var japaneseTSV string

// japanese reads notices written in Japanese, with the words of
// japanese.tsv. It has patterns of its own rather than a translation of
// english.tsv: particles (「に保管」「へ移転」「から」) take the place of
// prepositions, the verb comes last, and 「国外」 speaks of outside the home
// country, Japan (see japanese_clause.go). It is built on first use, as
// english is.
var japanese = sync.OnceValue(func() *japaneseLang { return newJapanese(japaneseTSV) })

// jcls is a set of Japanese word classes (see japanese.tsv).
type jcls uint64

const (
	jStore jcls = 1 << iota
	jTransfer
	jAccess
	jToOnly
	jOrigin
	jLeave
	jRemain
	jNeg
	jDenied
	jOnly
	jInert
	jVague
	jOutsideHome
	jDomestic
	jBoth
	jOutsideSuffix
	jInsideSuffix
	jPerson
	jPersonAt
	jEntity
	jData
	jLaw
	jSystem
	jMisc
	jCompare
	jRelation
	jBe
	jAt
	jTo
	jFrom
	jOf
	jConn
	jBreak
	jCopula
	jIgnore
	jAgent
	jLabel

	jKinds     = jStore | jTransfer | jAccess
	jPlaceWord = jVague | jOutsideHome | jDomestic | jBoth
	jParticle  = jAt | jTo | jFrom
)

var jclsNames = map[string]jcls{
	"store": jStore, "transfer": jTransfer, "access": jAccess, "to-only": jToOnly,
	"origin": jOrigin, "leave": jLeave, "remain": jRemain, "neg": jNeg, "denied": jDenied,
	"only": jOnly, "inert": jInert, "vague": jVague, "outside-home": jOutsideHome,
	"domestic": jDomestic, "both": jBoth, "outside-suffix": jOutsideSuffix,
	"inside-suffix": jInsideSuffix, "person": jPerson, "person-at": jPersonAt,
	"entity": jEntity, "data": jData, "law": jLaw, "system": jSystem, "misc": jMisc,
	"compare": jCompare, "relation": jRelation, "be": jBe, "at": jAt, "to": jTo,
	"from": jFrom, "of": jOf, "conn": jConn, "break": jBreak, "copula": jCopula,
	"ignore": jIgnore, "agent": jAgent, "label": jLabel,
}

// japaneseLang implements language for Japanese.
type japaneseLang struct {
	// phrases by their first rune, longest first.
	phrases map[rune][]jphrase
}

type jphrase struct {
	text string
	cls  jcls
}

// newJapanese reads the word table. A malformed table is a defect of the
// build, so it panics; the tests load it.
func newJapanese(table string) *japaneseLang {
	j := &japaneseLang{phrases: map[rune][]jphrase{}}
	merged := map[string]jcls{}
	var order []string
	for _, row := range tsv.Rows("japanese.tsv", table, 2) {
		names, text := row.Fields[0], row.Fields[1]
		if text != width.Fold.String(text) {
			row.Fail("%q is not width-folded", text)
		}
		var c jcls
		for _, name := range strings.Split(names, ",") {
			b, ok := jclsNames[name]
			if !ok {
				row.Fail("unknown class %q", name)
			}
			c |= b
		}
		if _, seen := merged[text]; !seen {
			order = append(order, text)
		}
		merged[text] |= c
	}
	for _, text := range order {
		r, _ := utf8.DecodeRuneInString(text)
		j.phrases[r] = append(j.phrases[r], jphrase{text, merged[text]})
	}
	for _, ps := range j.phrases {
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].text) > len(ps[b].text) })
	}
	return j
}

// brackets are the pairs that keep a sentence together: "。" inside them
// ends no sentence (「Supabase Inc.（米国。ただし保管場所は東京）」).
var brackets = map[rune]rune{
	'(': ')', '（': '）', '「': '」', '『': '』', '【': '】', '〈': '〉', '《': '》', '[': ']', '［': '］',
}

// maxBracket is the longest bracketed text, in bytes, that keeps its
// sentence enders; a longer one is prose in brackets and is split.
const maxBracket = 600

// sentences cuts a block's text into sentences: a sentence ends at
// 「。」「！」「？」「．」 (with the closing brackets that follow), and at "?"
// or "!" before a space or the end, unless inside brackets. An English
// period does not end a sentence of a Japanese notice: "Pte. Ltd." and
// "Inc." are common in them.
func (*japaneseLang) sentences(text []byte) []span {
	// depth[i] > 0 inside a matched pair of brackets.
	depth := make([]int, len(text)+1)
	type open struct {
		close rune
		at    int
	}
	var stack []open
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if c, ok := brackets[r]; ok {
			stack = append(stack, open{c, i})
		} else if len(stack) > 0 {
			// A closer matches the nearest opener of its kind within a few
			// levels; deeper ones are left open (keeps this linear).
			for k := len(stack) - 1; k >= 0 && k >= len(stack)-8; k-- {
				if stack[k].close == r {
					if i-stack[k].at <= maxBracket {
						depth[stack[k].at+1]++
						depth[i]--
					}
					stack = stack[:k]
					break
				}
			}
		}
		i += n
	}
	for i := 1; i < len(depth); i++ {
		depth[i] += depth[i-1]
	}
	var out []span
	emit := func(s span) {
		if s = trimSpan(text, s); s.end > s.start {
			out = append(out, s)
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		end := false
		switch r {
		case '。', '！', '？':
			end = true
		case '．':
			next, _ := utf8.DecodeRune(text[i+n:])
			end = !unicode.IsDigit(next)
		case '?', '!':
			next, _ := utf8.DecodeRune(text[i+n:])
			end = i+n == len(text) || unicode.IsSpace(next) || isJapaneseRune(next)
		}
		if end && depth[i] == 0 {
			j := skipSet(text, i+n, closers)
			emit(span{start, j})
			start, i = j, j
			continue
		}
		i += n
	}
	emit(span{start, len(text)})
	return out
}

func isJapaneseRune(r rune) bool {
	return r >= 0x3000 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// countryColumn: 「国」「国名」「所在国」「移転先」「地域」「所在地」「保管場所」
// and the English headers.
func (*japaneseLang) countryColumn(header string) bool {
	for _, w := range []string{"国", "移転先", "地域", "所在", "保管場所", "保存場所"} {
		if strings.Contains(header, w) {
			return true
		}
	}
	return english().countryColumn(header)
}

// jtok is a word of a Japanese sentence: a phrase of japanese.tsv, a
// country named, a run of Latin letters and digits, or one character.
type jtok struct {
	text string
	cls  jcls
	m    *country.Mention
	// pair is the index of the matching bracket of "(" or ")", or -1.
	pair   int
	clause int
}

func (t *jtok) opens() bool {
	return t.pair >= 0 && (t.text == "(" || t.text == "〈" || t.text == "【" || t.text == "[")
}

// verb reports whether the token is a verb or verbal noun of a kind (not
// an entity such as サーバー, which places data by being somewhere).
func (t *jtok) verb() bool { return t.cls&jKinds != 0 && t.cls&(jEntity|jIgnore) == 0 }

// placeStart reports whether a place starts at the token: a country, or a
// word for abroad or home.
func (t *jtok) placeStart() bool { return t.m != nil || t.cls&jPlaceWord != 0 }

// tokenize cuts a width-folded sentence into tokens and gives each the
// clause it belongs to. A phrase of the table is a token only where it is
// a word of the sentence (w); the zero wordBounds takes every match.
func (j *japaneseLang) tokenize(s string, w wordBounds) []jtok {
	ms := findPlaces(s)
	var out []jtok
	mi := 0
	for i := 0; i < len(s); {
		for mi < len(ms) && ms[mi].Start < i {
			mi++
		}
		mlen := 0
		if mi < len(ms) && ms[mi].Start == i {
			mlen = ms[mi].End - i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var best *jphrase
		for k, p := range j.phrases[r] {
			if strings.HasPrefix(s[i:], p.text) && (w.word(i, i+len(p.text)) || p.cls&(jOutsideSuffix|jInsideSuffix) != 0 && w.suffix(i+len(p.text))) {
				best = &j.phrases[r][k]
				break
			}
		}
		switch {
		case mlen > 0 && (best == nil || mlen >= len(best.text)):
			out = append(out, jtok{text: s[i : i+mlen], m: &ms[mi], pair: -1})
			i += mlen
		case best != nil:
			out = append(out, jtok{text: best.text, cls: best.cls, pair: -1})
			i += len(best.text)
		case unicode.IsSpace(r):
			i += n
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			k := i + n
			for k < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[k:])
				if r2 >= 0x80 || !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '.' || r2 == '-') {
					break
				}
				if mi < len(ms) && ms[mi].Start == k {
					break
				}
				k += n2
			}
			out = append(out, jtok{text: s[i:k], pair: -1})
			i = k
		default:
			out = append(out, jtok{text: s[i : i+n], pair: -1})
			i += n
		}
	}
	// Match brackets, then number the clauses: a break or "。" starts a new
	// clause; bracketed text is a clause of its own, inside the one around
	// it, which goes on after the closing bracket.
	var stack []int
	for i := range out {
		switch out[i].text {
		case "(", "〈", "【", "[":
			stack = append(stack, i)
		case ")", "〉", "】", "]":
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				if closeOf(out[o].text) == out[i].text {
					out[o].pair, out[i].pair = i, o
					stack = stack[:len(stack)-1]
				}
			}
		}
	}
	cur, next := 0, 1
	var encl []int
	for i := range out {
		t := &out[i]
		switch {
		case t.opens():
			t.clause = cur
			encl = append(encl, cur)
			cur, next = next, next+1
		case t.pair >= 0 && len(encl) > 0:
			cur = encl[len(encl)-1]
			encl = encl[:len(encl)-1]
			t.clause = cur
		case t.cls&jBreak != 0 || t.text == "。" || t.text == ";" || t.text == "；":
			cur, next = next, next+1
			t.clause = cur
		default:
			t.clause = cur
		}
	}
	return out
}

func closeOf(open string) string {
	switch open {
	case "(":
		return ")"
	case "〈":
		return "〉"
	case "【":
		return "】"
	}
	return "]"
}

// splitCompounds puts a space between a country's katakana name and the
// katakana word for an entity written after it without one
// (「シンガポールリージョン」「ベトナムオフィス」), which the gazetteer does
// not split: it finds no country inside a longer katakana word, so that
// アメリカン and タイプ name none.
func (j *japaneseLang) splitCompounds(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isKatakanaRune(r) {
			i += n
			continue
		}
		end := i
		for end < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[end:])
			if !isKatakanaRune(r2) {
				break
			}
			end += n2
		}
		if cut := j.compoundCut(s[i:end]); cut > 0 {
			b.WriteString(s[last : i+cut])
			b.WriteByte(' ')
			last = i + cut
		}
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// compoundCut returns where a katakana run splits into a country's name and
// an entity word of the table, or 0.
func (j *japaneseLang) compoundCut(run string) int {
	// Entity words are short: try the last few cuts only, which keeps a long
	// run of katakana linear.
	for cut, tries := len(run), 0; cut > 0 && tries < 10; tries++ {
		_, n := utf8.DecodeLastRuneInString(run[:cut])
		cut -= n
		if cut == 0 {
			break
		}
		tail := run[cut:]
		r, _ := utf8.DecodeRuneInString(tail)
		entity := false
		for _, p := range j.phrases[r] {
			if p.text == tail && p.cls&jEntity != 0 {
				entity = true
				break
			}
		}
		if !entity || cut > 60 { // no country's katakana name is longer
			continue
		}
		if ms := country.Find(run[:cut]); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == cut {
			return cut
		}
	}
	return 0
}

func isKatakanaRune(r rune) bool {
	return r >= 0x30A0 && r <= 0x30FF && r != '・'
}

// claims implements language.
func (j *japaneseLang) claims(s string) []Claim {
	s = j.splitCompounds(width.Fold.String(s))
	if japaneseQuestion(s) {
		return nil
	}
	// A sentence with no place in it makes no claim (read starts from
	// places), and most sentences of a notice have none: only the others
	// are cut into words, which costs more than the rest of the reading.
	toks := j.tokenize(s, wordBounds{})
	if !slices.ContainsFunc(toks, func(t jtok) bool { return t.placeStart() }) {
		return nil
	}
	r := &jreader{toks: j.tokenize(s, segment(s))}
	return r.read()
}

// japaneseQuestion reports whether a sentence asks rather than states:
// 「日本に保管されていますか。」
func japaneseQuestion(s string) bool {
	s = strings.TrimRight(s, closers+"。. ")
	for _, q := range []string{"ますか", "ですか", "でしょうか", "ませんか"} {
		if strings.HasSuffix(s, q) {
			return true
		}
	}
	return false
}
