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
			if c.Scope != VagueForeign && c.Scope != Negative && len(c.Countries) == 0 {
				t.Fatalf("a %s claim without countries: %+v", c.Scope, c)
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
