package notices

import "unicode"

// language is what Parse needs to know about the language a notice is
// written in. Everything specific to one language (its words, its sentence
// patterns, how it heads a column of countries) sits behind it, each
// language in its own file with its own data.
type language interface {
	// sentences cuts a block's text into sentences.
	sentences(text []byte) []span
	// claims returns what one sentence, its white space folded, states
	// about where personal data goes: each claim with Kind, Scope,
	// Countries and Outside set, and nothing else.
	claims(sentence string) []Claim
	// countryColumn reports whether a table header cell heads a column of
	// countries ("Country", "Location", "国").
	countryColumn(header string) bool
}

// languageOf returns the language notices are read in for the tag
// Claim.Lang carries.
func languageOf(tag string) language {
	if tag == "ja" {
		return japanese()
	}
	return english()
}

// detectLang returns "ja" for a text written mostly in Japanese script and
// "en" otherwise. A Japanese character carries about as much as two Latin
// letters, so a Japanese notice with English company names, URLs and
// addresses still counts as Japanese.
func detectLang(src []byte) string {
	return Language(src)
}

// Language returns the language a notice is read in, "ja" or "en", as
// Parse decides it: the language of the claims it would read.
func Language(src []byte) string {
	var ja, latin int
	for _, r := range string(src) {
		switch {
		case r < 0x80:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			ja++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	if 2*ja > latin {
		return "ja"
	}
	return "en"
}
