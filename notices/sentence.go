package notices

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitRules say where sentences of a language end.
type splitRules struct {
	// neverEnd are abbreviations after which a sentence never ends, lower
	// case without their last period: "e.g", "no", "pte".
	neverEnd map[string]bool
	// mayEnd are abbreviations that end a sentence only when the next word
	// is one of starters: "inc", "etc", "u.s". A dotted acronym in capitals
	// not listed ("P.R.C.") counts as one; a domain name ("example.jp") does
	// not.
	mayEnd map[string]bool
	// starters are words that often open a sentence, lower case.
	starters map[string]bool
}

const (
	closers = `"')]”’»」』）`
	openers = `"'([“‘«「『（`
)

// splitSentences cuts a block's text into sentences. A sentence ends at
// ".", "?" or "!" (and closing quotes or brackets) followed by white space
// and an upper-case letter, or at the end of the text; it always ends at
// "。", "！" or "？". Decimals ("3.5"), "e.g.," and the abbreviations of
// rules do not end one; list numbering at the start of a block ("2. Where
// we keep it") does not either.
func splitSentences(text []byte, rules *splitRules) []span {
	var out []span
	emit := func(s span) {
		if s = trimSpan(text, s); s.end > s.start {
			out = append(out, s)
		}
	}
	start := 0
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRune(text[i:])
		switch c {
		case '。', '！', '？':
			j := skipSet(text, i+n, closers)
			emit(span{start, j})
			start, i = j, j
			continue
		case '.', '?', '!':
			j := skipSet(text, i+n, ".?!")
			j = skipSet(text, j, closers)
			k := j
			for k < len(text) {
				r, m := utf8.DecodeRune(text[k:])
				if !unicode.IsSpace(r) {
					break
				}
				k += m
			}
			if k == j || k == len(text) {
				i = j
				continue
			}
			next, _ := utf8.DecodeRune(text[skipSet(text, k, openers):])
			if !unicode.IsUpper(next) || (c == '.' && !endsAfter(text, start, i, k, rules)) {
				i = j
				continue
			}
			emit(span{start, j})
			start, i = j, k
			continue
		}
		i += n
	}
	emit(span{start, len(text)})
	return out
}

// endsAfter decides whether the period at text[dot] ends the sentence that
// started at start, given that the next word begins at next.
func endsAfter(text []byte, start, dot, next int, rules *splitRules) bool {
	w := dot
	for w > start {
		r, n := utf8.DecodeLastRune(text[start:w])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		w -= n
	}
	word := string(text[w:dot])
	low := strings.ToLower(word)
	switch {
	case word == "":
		return true
	case rules.neverEnd[low]:
		return false
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]):
		return false // an initial: "John F. Kennedy"
	case isDigits(word) && strings.TrimSpace(string(text[start:w])) == "":
		return false // list numbering: "2. Where we keep it"
	case rules.mayEnd[low] || strings.Contains(word, ".") && strings.ToUpper(word) == word:
		e := next
		for e < len(text) {
			r, n := utf8.DecodeRune(text[e:])
			if !unicode.IsLetter(r) {
				break
			}
			e += n
		}
		return rules.starters[strings.ToLower(string(text[next:e]))]
	}
	return true
}

func skipSet(text []byte, i int, set string) int {
	for i < len(text) {
		r, n := utf8.DecodeRune(text[i:])
		if !strings.ContainsRune(set, r) {
			break
		}
		i += n
	}
	return i
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
