package notices

import (
	"strings"
	"testing"
)

// TestSentenceSpan checks that a claim's Offset and End enclose its
// sentence in the source, in both languages, so that a proposed text can
// replace exactly that sentence.
func TestSentenceSpan(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"# P\n\nWe care. All personal data is stored only in Japan. Thanks.\n", "All personal data is stored only in Japan."},
		{"# P\n\nAll personal data is stored only\non servers in Japan.\n", "All personal data is stored only\non servers in Japan."},
		{"# P\n\n- Data may be transferred to foreign countries.\n", "Data may be transferred to foreign countries."},
		{"# P\n\n個人情報は、日本国内のサーバーのみで保管しています。当社は安全管理措置を講じます。\n", "個人情報は、日本国内のサーバーのみで保管しています。"},
		{"\uFEFF# P\n\nData is stored only in Japan.\n", "Data is stored only in Japan."},
		{"# P\n\nAll personal data is **stored only in Japan**.\n", "All personal data is **stored only in Japan**."},
	} {
		cs, err := Parse("P.md", []byte(tc.src))
		if err != nil || len(cs) == 0 {
			t.Fatalf("%q: %v, %d claims", tc.src, err, len(cs))
		}
		c := cs[0]
		if got := tc.src[c.Offset:c.End]; got != tc.want {
			t.Errorf("%q: span %q, want %q", tc.src, got, tc.want)
		}
		if plain := strings.Join(strings.Fields(strings.ReplaceAll(tc.want, "**", "")), " "); c.Text != plain {
			t.Errorf("%q: text %q, want %q", tc.src, c.Text, plain)
		}
	}
}
