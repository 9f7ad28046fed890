package suggest

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/tsv"
	"github.com/noticevet/noticevet/notices"
)

//go:embed templates.tsv
var templatesTable string

// templateKeys are the keys every language of templates.tsv must have.
var templateKeys = []string{"storage", "transfer", "access", "detail", "and", "comma", "replaces", "more"}

// templates maps a language and a key to its text (templates.tsv), read
// once, when first needed.
var templates = sync.OnceValue(func() map[string]map[string]string {
	m := map[string]map[string]string{}
	for _, r := range tsv.Rows("templates.tsv", templatesTable, 3) {
		lang, key, text := r.Fields[0], r.Fields[1], r.Fields[2]
		if m[lang] == nil {
			m[lang] = map[string]string{}
		}
		if _, dup := m[lang][key]; dup {
			r.Fail("%s %s twice", lang, key)
		}
		m[lang][key] = text
	}
	for lang, keys := range m {
		for _, k := range templateKeys {
			if keys[k] == "" {
				panic("embedded templates.tsv: " + lang + " has no " + k)
			}
		}
	}
	return m
})

// words are the templates of one language.
type words struct {
	lang string
	t    map[string]string
}

// wordsFor returns the templates of a notice language, English for a
// language that has none.
func wordsFor(lang string) words {
	if t, ok := templates()[lang]; ok {
		return words{lang, t}
	}
	return words{"en", templates()["en"]}
}

// name is a country's name as a sentence of the language says it.
func (w words) name(code string) string {
	if w.lang == "ja" {
		return country.JapaneseName(code)
	}
	return country.InText(code)
}

// join lists the names of countries: "China and South Korea",
// 「中国及び韓国」.
func (w words) join(codes []string) string {
	if len(codes) == 0 {
		return ""
	}
	s := w.name(codes[len(codes)-1])
	if len(codes) > 1 {
		s = fill(w.t["and"], "a", w.name(codes[len(codes)-2]), "b", s)
		for i := len(codes) - 3; i >= 0; i-- {
			s = fill(w.t["comma"], "a", w.name(codes[i]), "b", s)
		}
	}
	return s
}

// statement is the sentence of kind k naming countries, then a detail
// sentence for each of them outside home.
func (w words) statement(k notices.Kind, codes []string, home string) string {
	parts := []string{fill(w.t[string(k)], "countries", w.join(codes))}
	for _, c := range codes {
		if c != home {
			parts = append(parts, fill(w.t["detail"], "country", w.name(c)))
		}
	}
	sep := " "
	if strings.HasSuffix(parts[0], "。") {
		sep = ""
	}
	return strings.Join(parts, sep)
}

// fill replaces {name} by value for each name, value pair.
func fill(text string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		text = strings.ReplaceAll(text, "{"+pairs[i]+"}", pairs[i+1])
	}
	return text
}
