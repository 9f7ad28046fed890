package notices

import "strings"

// japanese reads notices written in Japanese. Its sentence patterns are
// not written yet: a Japanese sentence states no claim, while the tables
// and noticevet comments of a Japanese notice are read as in any other.
// Japanese needs patterns of its own rather than a translation of
// english.tsv: particles (「に保管」「へ移転」「から」) take the place of
// prepositions, and 「国外」「外国」 always mean outside Japan.
var japanese = &japaneseLang{}

type japaneseLang struct{}

// japaneseSplit: a sentence ends at 。！？; English sentences quoted in a
// Japanese notice end as English ones do, without abbreviations.
var japaneseSplit = splitRules{}

func (*japaneseLang) sentences(text []byte) []span { return splitSentences(text, &japaneseSplit) }

func (*japaneseLang) claims(string) []Claim { return nil }

// countryColumn: 「国」「国名」「所在国」「移転先」「地域」「所在地」 and the
// English headers.
func (*japaneseLang) countryColumn(header string) bool {
	for _, w := range []string{"国", "移転先", "地域", "所在地"} {
		if strings.Contains(header, w) {
			return true
		}
	}
	return english.countryColumn(header)
}
