package country

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

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

// TestBaseLetter checks the accents fold drops against the full canonical
// decomposition of every rune of the Latin blocks.
func TestBaseLetter(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		want := r
		if 0xC0 <= r && r <= 0x24F || 0x1E00 <= r && r <= 0x1EFF {
			d := []rune(norm.NFD.String(string(r)))
			marks := len(d) >= 2 && d[0] < 0x80
			for _, m := range d[min(1, len(d)):] {
				marks = marks && unicode.Is(unicode.Mn, m)
			}
			if marks {
				want = d[0]
			}
		}
		if got := baseLetter(r); got != want {
			t.Errorf("baseLetter(%U) = %U, want %U", r, got, want)
		}
	}
	for in, want := range map[string]string{"Côte d’Ivoire": "cote d'ivoire", "SÃO TOMÉ": "sao tome", "Åland": "aland", "Curaçao": "curacao", "Łódź": "łodz"} {
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

// TestTrieGrows builds the trie with a small edge table, so that it grows
// several times, and checks that every name is still found.
func TestTrieGrows(t *testing.T) {
	Find("")
	g := &gazetteer{nodes: make([]int32, 1), edges: make([]trieEdge, 2)}
	loadOnce.Do(load)
	for _, n := range cldrNames {
		g.codes = append(g.codes, n.code)
	}
	for _, n := range cldrNames {
		g.add(n.japanese, n.code, false, false)
	}
	if len(g.edges) < 2*g.nEdges {
		t.Fatalf("%d edges in a table of %d", g.nEdges, len(g.edges))
	}
	for _, n := range cldrNames {
		if e, end := g.match(n.japanese, 0, -1); e == nil || e.code != n.code || end != len(n.japanese) {
			t.Errorf("%s: match(%q) = %+v, %d", n.code, n.japanese, e, end)
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
