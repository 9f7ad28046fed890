package notices

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// corpusFloor is the least precision and recall TestCorpus accepts per
// language; raised as the reader improves, never lowered to let a change in.
var corpusFloor = map[string]struct{ precision, recall float64 }{
	"en": {0.99, 0.97},
	"ja": {0.99, 0.99},
}

// corpusItem is a claim or a not-claim of an expected file in
// testdata/corpus/expected (see testdata/corpus/README.md).
type corpusItem struct {
	Line      int      `json:"line"`
	Kind      Kind     `json:"kind"`
	Scope     Scope    `json:"scope"`
	Countries []string `json:"countries"`
	Lenient   bool     `json:"lenient"`
	Why       string   `json:"why"`
	Text      string   `json:"text"`
}

type corpusFile struct {
	Notice    string       `json:"notice"`
	Claims    []corpusItem `json:"claims"`
	NotClaims []corpusItem `json:"not_claims"`
}

// corpusScore counts one language.
type corpusScore struct {
	given, right  int // claims on lines with an item, and those right
	wanted, found int // non-lenient expected claims, and those read right
}

func (s corpusScore) precision() float64 {
	if s.given == 0 {
		return 1
	}
	return float64(s.right) / float64(s.given)
}

func (s corpusScore) recall() float64 {
	if s.wanted == 0 {
		return 1
	}
	return float64(s.found) / float64(s.wanted)
}

// corpusNotice is one notice with its reading and the expected items.
type corpusNotice struct {
	lang, path string
	src        []byte
	want       corpusFile
}

func loadCorpus(tb testing.TB) []corpusNotice {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "expected", "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no expected files in testdata/corpus/expected: %v", err)
	}
	var ns []corpusNotice
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var cf corpusFile
		if err := json.Unmarshal(raw, &cf); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		src, err := os.ReadFile(filepath.Join("testdata", "corpus", filepath.FromSlash(cf.Notice)))
		if err != nil {
			tb.Fatal(err)
		}
		ns = append(ns, corpusNotice{lang: strings.SplitN(cf.Notice, "/", 2)[0], path: cf.Notice, src: src, want: cf})
	}
	return ns
}

// TestCorpus reads the real notices of testdata/corpus and scores the
// reading against their expected files as testdata/corpus/README.md says:
// a claim matches an expected one of its kind on its line (or the next or
// previous line of the same paragraph, and the same sentence where a line
// has several); it is right when its scope and countries are equal.
// Precision counts the claims on lines that have an item; recall the
// non-lenient expected claims read right.
func TestCorpus(t *testing.T) {
	scores := map[string]*corpusScore{}
	for _, n := range loadCorpus(t) {
		s := scores[n.lang]
		if s == nil {
			s = &corpusScore{}
			scores[n.lang] = s
		}
		got, err := Parse(n.path, n.src)
		if err != nil {
			t.Errorf("%s: %v", n.path, err)
			continue
		}
		for _, m := range scoreNotice(n, got, s) {
			t.Log(m)
		}
	}
	langs := make([]string, 0, len(scores))
	for l := range scores {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		s := scores[l]
		t.Logf("corpus %s: precision %.3f (%d/%d)  recall %.3f (%d/%d)",
			l, s.precision(), s.right, s.given, s.recall(), s.found, s.wanted)
		if f := corpusFloor[l]; s.precision() < f.precision || s.recall() < f.recall {
			t.Errorf("corpus %s: precision %.3f, recall %.3f: below the floor %.2f, %.2f",
				l, s.precision(), s.recall(), f.precision, f.recall)
		}
	}
}

// scoreNotice adds the reading got of one notice to s and returns a line
// for each wrong claim and each miss.
func scoreNotice(n corpusNotice, got []Claim, s *corpusScore) []string {
	lines := strings.Split(string(n.src), "\n")
	blank := func(l int) bool { return l < 1 || l > len(lines) || strings.TrimSpace(lines[l-1]) == "" }
	// near: the claim's line is the item's, or next to it in one paragraph.
	near := func(claim, item int) bool {
		d := claim - item
		return d == 0 || (d == 1 || d == -1) && !blank(claim) && !blank(item)
	}
	// texts of the items per line: a line with several sentences asks for
	// the same sentence.
	texts := map[int]map[string]bool{}
	all := append(slices.Clone(n.want.Claims), n.want.NotClaims...)
	for _, it := range all {
		if texts[it.Line] == nil {
			texts[it.Line] = map[string]bool{}
		}
		texts[it.Line][it.Text] = true
	}
	sameSentence := func(c Claim, it corpusItem) bool {
		if len(texts[it.Line]) < 2 {
			return true
		}
		return sentenceMatch(c.Text, it.Text)
	}
	var msgs []string
	used := make([]bool, len(n.want.Claims))
	for _, c := range got {
		if c.Scope == Elsewhere {
			// The expected files list where data goes; a sentence that
			// points to a list elsewhere says no place and is not scored.
			// Shown for review.
			msgs = append(msgs, fmt.Sprintf("POINTER %s:%d: %s at %q: %q", n.path, c.Line, c.Kind, c.Link, short(c.Text)))
			continue
		}
		counted := false
		for _, it := range all {
			if near(c.Line, it.Line) && sameSentence(c, it) {
				counted = true
				break
			}
		}
		if !counted {
			continue
		}
		s.given++
		right := -1
		for i, it := range n.want.Claims {
			if used[i] || it.Kind != c.Kind || !near(c.Line, it.Line) || !sameSentence(c, it) {
				continue
			}
			if it.Scope == c.Scope && reflect.DeepEqual(normCodes(it.Countries), normCodes(c.Countries)) {
				right = i
				break
			}
		}
		if right >= 0 {
			used[right] = true
			s.right++
			continue
		}
		msgs = append(msgs, fmt.Sprintf("WRONG %s:%d: %s %s %s: %q", n.path, c.Line, c.Kind, c.Scope, codes(c.Countries), short(c.Text)))
	}
	for i, it := range n.want.Claims {
		if it.Lenient {
			continue
		}
		s.wanted++
		if used[i] {
			s.found++
			continue
		}
		msgs = append(msgs, fmt.Sprintf("MISS  %s:%d: %s %s %s: %s", n.path, it.Line, it.Kind, it.Scope, codes(it.Countries), it.Why))
	}
	return msgs
}

// sentenceMatch tells whether a claim's sentence is the one an expected
// item names by its shortened text.
func sentenceMatch(claim, item string) bool {
	item, _, _ = strings.Cut(item, "…")
	item = strings.Join(strings.Fields(item), " ")
	claim = strings.Join(strings.Fields(claim), " ")
	head := func(s string) string {
		r := []rune(s)
		if len(r) > 30 {
			r = r[:30]
		}
		return string(r)
	}
	return strings.Contains(claim, head(item)) || strings.Contains(item, head(claim))
}

func normCodes(cs []string) []string {
	if len(cs) == 0 {
		return nil
	}
	out := slices.Clone(cs)
	sort.Strings(out)
	return slices.Compact(out)
}

func codes(cs []string) string {
	if len(cs) > 6 {
		return fmt.Sprintf("[%s … %d codes]", strings.Join(cs[:3], ","), len(cs))
	}
	return "[" + strings.Join(cs, ",") + "]"
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 110 {
		return string(r[:110]) + "…"
	}
	return s
}

// BenchmarkCorpus reads every notice of testdata/corpus, per language;
// ns/op is per notice. The Japanese dictionary is loaded before the
// timer starts: it is loaded once per process (bench/RESULTS.md has that
// figure), and counting it here would spread it over however many
// iterations the run happens to make.
func BenchmarkCorpus(b *testing.B) {
	morph()
	all := loadCorpus(b)
	for _, lang := range []string{"en", "ja"} {
		var ns []corpusNotice
		var size int64
		for _, n := range all {
			if n.lang == lang {
				ns = append(ns, n)
				size += int64(len(n.src))
			}
		}
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(size / int64(len(ns)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				n := ns[i%len(ns)]
				i++
				if _, err := Parse(n.path, n.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
