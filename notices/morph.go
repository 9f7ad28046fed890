package notices

import (
	"sync"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Japanese is written without spaces, so a phrase of japanese.tsv or
// data.tsv found in a sentence is only a word of it when the sentence's
// words begin and end where the phrase does: 「管理」 is in 「管理機関」 and
// 「トーク」 in 「トークン」 as letters, not as words. The words are those of
// the kagome morphological analyzer with the IPA dictionary
// (mecab-ipadic 2.7.0, NAIST; github.com/ikawaha/kagome-dict/ipa), in
// its shrunk form, which keeps what segmentation needs and loads in half
// the time. The dictionary is loaded once per process, on the first
// Japanese sentence that could make a claim; an English notice never
// loads it. Figures (load time, speed, binary size) are in
// bench/RESULTS.md.
var morph = sync.OnceValue(func() *tokenizer.Tokenizer {
	t, err := tokenizer.New(ipa.DictShrink(), tokenizer.OmitBosEos())
	if err != nil {
		// The dictionary is embedded in the binary: failing to load it is
		// a broken build, not bad input.
		panic("notices: loading the IPA dictionary: " + err.Error())
	}
	return t
})

// wordBounds records where the words of a sentence begin and end, as byte
// offsets, and which offsets fall inside a word that conjugates. The zero
// value allows every offset: it is what tokenize is given when it only
// needs to know whether a sentence could make a claim.
type wordBounds struct {
	at []uint8 // len(s)+1 entries of bound|inflected; nil: every offset is a bound
}

const (
	bound     uint8 = 1 << iota // a word begins or ends here
	inflected                   // inside a verb, adjective or auxiliary
)

// segment cuts s into words with the morphological analyzer. The
// analyzer's lattice is linear in the length of s (an unknown word is at
// most 1,024 characters), and s is one sentence.
func segment(s string) wordBounds {
	at := make([]uint8, len(s)+1)
	at[0], at[len(s)] = bound, bound
	for _, t := range morph().Tokenize(s) {
		p, e := t.Position, t.Position+len(t.Surface)
		if t.Class == tokenizer.DUMMY || p < 0 || e > len(s) {
			continue
		}
		at[p] |= bound
		at[e] |= bound
		if pos := t.POS(); len(pos) > 0 && (pos[0] == "動詞" || pos[0] == "形容詞" || pos[0] == "助動詞") {
			for i := p + 1; i < e; i++ {
				at[i] |= inflected
			}
		}
	}
	return wordBounds{at: at}
}

// word reports whether a phrase of the tables found at s[start:end] is a
// word of s: it begins where a word begins, and ends where one ends or
// inside a word that conjugates, since the tables hold verbs by their
// stems (「持ち出」 for 持ち出す, 持ち出さ, 持ち出し).
func (w wordBounds) word(start, end int) bool {
	return w.at == nil || w.at[start]&bound != 0 && w.at[end]&(bound|inflected) != 0
}

// suffix reports whether a suffix of the tables found at s[start:end]
// ends as a word does; a suffix (「外」 in 「日本国外」) begins inside the
// word it ends.
func (w wordBounds) suffix(end int) bool {
	return w.at == nil || w.at[end]&(bound|inflected) != 0
}
