package country

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestCLDRVariants checks cldrVariants against what it stands for, written
// with a regular expression as it once was, on every CLDR name.
func TestCLDRVariants(t *testing.T) {
	parenthetical := regexp.MustCompile(`\s*[(（][^)）]*[)）]`)
	want := func(names ...string) []string {
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
	loadOnce.Do(load)
	for _, n := range cldrNames {
		for _, names := range [][]string{{n.english, Name(n.code)}, {n.japanese}, {"(x) " + n.english + " & (y) z"}} {
			if got, want := cldrVariants(nil, names...), want(names...); !slices.Equal(got, want) {
				t.Errorf("cldrVariants(%q) = %q, want %q", names, got, want)
			}
		}
	}
	if got := cldrVariants(nil, "St. Lucia"); !slices.Equal(got, []string{"St. Lucia", "Saint Lucia", "St Lucia"}) {
		t.Errorf("cldrVariants(St. Lucia) = %q", got)
	}
}

// TestWithoutParenthetical checks withoutParenthetical against the regular
// expression it stands for, on every CLDR name and on random strings of
// brackets, spaces and letters.
func TestWithoutParenthetical(t *testing.T) {
	re := regexp.MustCompile(`\s*[(（][^)）]*[)）]`)
	check := func(s string) {
		t.Helper()
		if got, want := withoutParenthetical(s), re.ReplaceAllString(s, ""); got != want {
			t.Errorf("withoutParenthetical(%q) = %q, want %q", s, got, want)
		}
	}
	loadOnce.Do(load)
	for _, n := range cldrNames {
		check(n.english)
		check(n.japanese)
	}
	for _, s := range []string{"", "Myanmar (Burma)", "a (b) c (d)", "a (b", "a ) (b", "(a)(b)", "a \t\n(（b）)c", "a (b (c) d) e", "（a)", "x　(y)"} {
		check(s)
	}
	alphabet := []rune("a  \t\u3000()（）")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		r := make([]rune, rng.IntN(12))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(r))
	}
}

// TestFold checks fold against its definition, over every rune: lower
// case, and the Latin letters of the Latin blocks without the nonspacing
// marks of their canonical decomposition, as fold once did it with a table
// of norm.NFD.
func TestFold(t *testing.T) {
	base := map[rune]rune{}
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
				base[r] = d[0]
			}
		}
	}
	want := func(r rune) rune {
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
		if b, ok := base[r]; ok {
			return b
		}
		return r
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := fold(r), want(r); got != want {
			t.Errorf("fold(%U) = %U, want %U", r, got, want)
		}
	}
	for in, want := range map[string]string{"Côte d’Ivoire": "cote d'ivoire", "SÃO TOMÉ": "sao tome", "Åland": "aland", "Curaçao": "curacao", "Łódź": "łodz", "日本　ヴェトナム": "日本 ヴェトナム"} {
		var b strings.Builder
		for _, r := range in {
			b.WriteRune(fold(r))
		}
		if b.String() != want {
			t.Errorf("fold(%q) = %q, want %q", in, b.String(), want)
		}
	}
}

// TestAppendWords checks appendWords against strings.FieldsFunc.
func TestAppendWords(t *testing.T) {
	for _, s := range []string{"", " ", "Guinea-Bissau", "  Republic  of\nKorea ", "Côte d’Ivoire", "a—b", "\xff-x"} {
		got := appendWords(nil, s)
		want := strings.FieldsFunc(s, func(r rune) bool { return fold(r) == ' ' })
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("appendWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkBuildGazetteer measures what every noticevet run pays once, on
// its first country lookup.
func BenchmarkBuildGazetteer(b *testing.B) {
	loadOnce.Do(load)
	for b.Loop() {
		buildGazetteer()
	}
}

// BenchmarkFirstFind measures a process's first country lookup: loading the
// tables, building the gazetteer, and finding.
func BenchmarkFirstFind(b *testing.B) {
	for b.Loop() {
		load()
		buildGazetteer()
		gaz.match("Japan", 0, -1)
	}
}
