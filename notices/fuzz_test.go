package notices

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
)

// FuzzParse checks that no input makes Parse panic, and that what it
// returns holds together: one-line errors naming the path, claims sorted
// and placed inside the input, with valid kinds, scopes and countries.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, p := range seeds {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte(positionDoc))
	f.Add([]byte(strings.ReplaceAll(positionDoc, "\n", "\r\n")))
	for _, tt := range claimTests {
		f.Add([]byte(tt.text))
	}
	for _, tt := range japaneseTests {
		f.Add([]byte(tt.text))
	}
	for _, tt := range pointerTests {
		f.Add([]byte(tt.md))
	}
	f.Add([]byte(japaneseDoc))
	f.Add([]byte(strings.ReplaceAll(japaneseDoc, "\n", "\r\n")))
	f.Add([]byte("<!-- noticevet: stored-only-in=JP -->\n個人情報は日本国内で保管します。韓国からアクセスすることがあります。\n"))
	f.Add([]byte("<!-- noticevet： stored-only-in＝JP -->\n個人情報は日本国内で保管します。\n"))
	f.Add([]byte("- <!-- noticevet: transfers-to=KR -->\n  外国にある第三者に提供することがあります。\n"))
	f.Add([]byte("以下の国に移転することがあります。\n\n- 大韓民国\n- ベトナム・フィリピン\n"))
	f.Add([]byte("| 提供先 | 所在国 |\n|---|---|\n| Acme | ＥＵ |\n"))
	f.Add([]byte("Supabase Inc.（米国。ただし（東京）リージョン）、Vercel Inc.（米国。\n"))
	f.Add([]byte("<!-- noticevet: stored-only-in=JP -->\nData is stored in Japan.\n"))
	f.Add([]byte("| Country |\n|---|\n| Korea |\n"))
	f.Add([]byte("We transfer data to:\n\n- Korea\n- Japan\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cs, err := Parse("F.md", src)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "F.md:") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q: want one line starting with the path", msg)
			}
			return
		}
		lines := strings.Count(string(src), "\n") + 1
		if !sort.SliceIsSorted(cs, func(i, j int) bool {
			return cs[i].Line < cs[j].Line || cs[i].Line == cs[j].Line && cs[i].Column < cs[j].Column
		}) {
			t.Fatalf("claims not sorted by line and column")
		}
		for _, c := range cs {
			if c.Line < 1 || c.Line > lines || c.Column < 1 || c.Path != "F.md" || c.Text == "" || !utf8.ValidString(c.Text) {
				t.Fatalf("bad claim placement: %+v", c)
			}
			if kindOrder[c.Kind] == 0 && c.Kind != Storage || scopeOrder[c.Scope] == 0 && c.Scope != Exclusive {
				t.Fatalf("bad kind or scope: %+v", c)
			}
			if c.Lang != "en" && c.Lang != "ja" {
				t.Fatalf("bad lang: %+v", c)
			}
			if !sort.StringsAreSorted(c.Countries) {
				t.Fatalf("countries not sorted: %+v", c)
			}
			for _, x := range c.Countries {
				if !country.Valid(x) {
					t.Fatalf("bad country %q: %+v", x, c)
				}
			}
			if c.Scope != VagueForeign && c.Scope != Negative && c.Scope != Elsewhere && len(c.Countries) == 0 {
				t.Fatalf("a %s claim without countries: %+v", c.Scope, c)
			}
			if c.Scope == Elsewhere && (len(c.Countries) > 0 || !utf8.ValidString(c.Link) || strings.ContainsAny(c.Link, "\n\r")) {
				t.Fatalf("bad elsewhere claim: %+v", c)
			}
			if c.Scope != Elsewhere && c.Link != "" {
				t.Fatalf("a link on a %s claim: %+v", c.Scope, c)
			}
		}
	})
}

// BenchmarkParse reads a realistic notice of about 30 KB: prose, lists, a
// recipient table of 60 rows and a cookie table.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "notice.md"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Parse("notice.md", src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("notice.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzJapanese reads any text as a Japanese sentence and block: the
// sentences must be in order, inside the text and trimmed, and the claims
// well formed.
func FuzzJapanese(f *testing.F) {
	for _, tt := range japaneseTests {
		f.Add(tt.text)
	}
	f.Add(japaneseDoc)
	f.Add("（（米国。）")
	f.Add("日本国外外国国内外以外の国・地域にのみ")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		prev := 0
		for _, s := range japanese().sentences([]byte(text)) {
			if s.start < prev || s.end <= s.start || s.end > len(text) {
				t.Fatalf("sentence [%d,%d) after %d in %d bytes", s.start, s.end, prev, len(text))
			}
			prev = s.end
		}
		for _, c := range japanese().claims(fold([]byte(text))) {
			if kindOrder[c.Kind] == 0 && c.Kind != Storage || scopeOrder[c.Scope] == 0 && c.Scope != Exclusive {
				t.Fatalf("bad kind or scope: %+v", c)
			}
			if !sort.StringsAreSorted(c.Countries) {
				t.Fatalf("countries not sorted: %+v", c)
			}
			for _, x := range c.Countries {
				if !country.Valid(x) {
					t.Fatalf("bad country %q: %+v", x, c)
				}
			}
			if c.Scope != VagueForeign && c.Scope != Negative && c.Scope != Elsewhere && len(c.Countries) == 0 {
				t.Fatalf("a %s claim without countries: %+v", c.Scope, c)
			}
			if c.Scope == Elsewhere && (len(c.Countries) > 0 || !utf8.ValidString(c.Link) || strings.ContainsAny(c.Link, "\n\r")) {
				t.Fatalf("bad elsewhere claim: %+v", c)
			}
			if c.Scope != Elsewhere && c.Link != "" {
				t.Fatalf("a link on a %s claim: %+v", c.Scope, c)
			}
		}
	})
}
