package notices

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
)

// FuzzComment feeds noticevet comments to the comment scanner and to
// Parse, inside an HTML block and inline in a paragraph. Neither may
// panic; a comment is either read into explicit claims with valid country
// codes or refused with a one-line error naming the line it starts on.
func FuzzComment(f *testing.F) {
	for _, s := range []string{
		"noticevet: stored-only-in=JP",
		"noticevet: transfers-to=KR,US",
		"noticevet: access-only-from=JP",
		"noticevet: transfers-to=KR, US; no-access-from=CN",
		"noticevet: stored-only-in=EEA,JP",
		"noticevet: stored-only-in=jp",
		"noticevet: frobnicate=JP",
		"noticevet: stored-in=",
		"noticevet stored-in=JP",
		"noticevet:",
		"noticevetx: stored-in=JP",
		"noticevet: stored-in=JP --",
		"noticevet: stored-in=JP <!-- noticevet: transfers-to=US",
		"noticevet: transfers-to=Korea",
	} {
		f.Add(s, "Data is stored in Japan.")
	}
	f.Add("noticevet: transfers-to=US", "| Recipient | Country |\n|---|---|\n| A | Korea |")
	f.Add("noticevet: stored-only-in=JP", "")
	f.Fuzz(func(t *testing.T, comment, statement string) {
		raw := []byte("<!-- " + comment + " -->")
		ds, cerr := scanComments(raw)
		if cerr != nil {
			if cerr.off < 0 || cerr.off > len(raw) || cerr.msg == "" {
				t.Fatalf("error at %d of %d: %q", cerr.off, len(raw), cerr.msg)
			}
		}
		for _, d := range ds {
			if d.off < 0 || d.end > len(raw) || d.off+4 > d.end-3 ||
				string(raw[d.off:d.off+4]) != "<!--" || string(raw[d.end-3:d.end]) != "-->" {
				t.Fatalf("directive at [%d,%d) of %q", d.off, d.end, raw)
			}
			checkExplicit(t, d.claims)
		}

		for _, src := range []string{
			"# Notice\n\n<!-- " + comment + " -->\n" + statement + "\n",
			"# Notice\n\nIntro <!-- " + comment + " --> " + statement + "\n",
		} {
			cs, err := Parse("C.md", []byte(src))
			if err != nil {
				msg := err.Error()
				if !strings.HasPrefix(msg, "C.md:") || strings.Contains(msg, "\n") {
					t.Fatalf("error %q: want one line starting with the path", msg)
				}
				continue
			}
			lines := strings.Count(src, "\n") + 1
			for _, c := range cs {
				if c.Line < 1 || c.Line > lines || c.Column < 1 || !utf8.ValidString(c.Text) {
					t.Fatalf("bad claim placement: %+v", c)
				}
				if c.Explicit {
					checkExplicit(t, []Claim{c})
				}
			}
		}
	})
}

func checkExplicit(t *testing.T, cs []Claim) {
	t.Helper()
	for _, c := range cs {
		if !c.Explicit || len(c.Countries) == 0 {
			t.Fatalf("comment claim without countries or not explicit: %+v", c)
		}
		for _, x := range c.Countries {
			if !country.Valid(x) {
				t.Fatalf("bad country %q: %+v", x, c)
			}
		}
	}
}
