package notices

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed data.tsv
var dataTable string

// dataPhrase is a phrase of data.tsv.
type dataPhrase struct {
	kind  string
	words []string // English: the phrase's words, lower case
	text  string   // Japanese: the phrase as written
}

// dataPhrases reads data.tsv, once, when a statement is first read.
var dataPhrases = sync.OnceValue(func() []dataPhrase {
	var out []dataPhrase
	for _, r := range tsv.Rows("data.tsv", dataTable, 3) {
		p := dataPhrase{kind: r.Fields[0]}
		switch r.Fields[1] {
		case "en":
			p.words = words(r.Fields[2])
		case "ja":
			p.text = r.Fields[2]
		default:
			r.Fail("language %q, want en or ja", r.Fields[1])
		}
		out = append(out, p)
	}
	return out
})

// dataOf returns the kinds of personal data a statement is limited to,
// sorted: those it names, unless it also names personal data in general.
// nil means the statement speaks of all personal data.
func dataOf(text string) []string {
	kinds, _ := dataNamed(text)
	return kinds
}

// dataNamed returns, in one pass over data.tsv, the kinds of dataOf and,
// for each, the kind and the first phrase that named it: "payment (credit
// card)". Both are sorted, and both nil when the statement names personal
// data in general or no kind at all.
func dataNamed(text string) (kinds, named []string) {
	ws := words(text)
	var w wordBounds
	for _, p := range dataPhrases() {
		if !(p.text != "" && containsWord(text, p.text, &w) || len(p.words) > 0 && hasWords(ws, p.words)) {
			continue
		}
		if p.kind == "general" {
			return nil, nil
		}
		if slices.Contains(kinds, p.kind) {
			continue
		}
		kinds = append(kinds, p.kind)
		phrase := p.text
		if phrase == "" {
			phrase = strings.Join(p.words, " ")
		}
		if phrase == p.kind {
			named = append(named, p.kind)
		} else {
			named = append(named, p.kind+" ("+phrase+")")
		}
	}
	sort.Strings(kinds)
	sort.Strings(named)
	return kinds, named
}

// containsWord reports whether the Japanese phrase occurs in text as a
// word of it: where the letters are found, the text is cut into words
// (segment), once per text (*w). A phrase that starts or ends in katakana
// is also no word inside a longer katakana word (wordStart, wordEnd): the
// dictionary does not know many recent loanwords and cuts them anywhere
// (「トークン」 into トーク and ン, so 「トーク」 would be a word of it).
func containsWord(text, phrase string, w *wordBounds) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		if w.at == nil {
			*w = segment(text)
		}
		start, end := i+j, i+j+len(phrase)
		if w.word(start, end) && wordStart(text, start) && wordEnd(text, end) {
			return true
		}
		_, n := utf8.DecodeRuneInString(text[start:])
		i = start + n
	}
}

// words splits text into lower-case words of letters, digits and
// apostrophes.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(text, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// hasWords reports whether phrase occurs in ws as consecutive words.
func hasWords(ws, phrase []string) bool {
	for i := 0; i+len(phrase) <= len(ws); i++ {
		j := 0
		for j < len(phrase) && ws[i+j] == phrase[j] {
			j++
		}
		if j == len(phrase) {
			return true
		}
	}
	return false
}
