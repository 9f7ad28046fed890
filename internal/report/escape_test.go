package report

import (
	"strings"
	"testing"
	"unicode"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"infra/main.tf", "infra/main.tf"},
		{"ストレージ 東京 https://a.example/b?c=d", "ストレージ 東京 https://a.example/b?c=d"},
		{`C:\path\a`, `C:\path\a`},
		{"2001:db8::1", "2001:db8::1"},
		{"a\nb\r\tc", `a\nb\r\tc`},
		{"::add-mask::x", `\x3a:add-mask::x`},
		{"  ::error file=a::b", `  \x3a:error file=a::b`},
		{"x\n::error::y", `x\n::error::y`},
		{"\u3000\u00a0 ::add-mask::x", "\u3000\u00a0 \\x3a:add-mask::x"},
		{"\t::add-mask::x", `\t::add-mask::x`},
		{"see ##[add-mask]z", `see \x23#[add-mask]z`},
		{"\x1b[2J\x1b]8;;u\x07", `\x1b[2J\x1b]8;;u\x07`},
		{"\x00\x7f\u0085", `\x00\x7f\u0085`},
		{"abc\u202edef\u2028\u2029\ufeff\u200b", `abc\u202edef\u2028\u2029\ufeff\u200b`},
		{"bad\xffutf8\xc3", `bad\xffutf8\xc3`},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("::add-mask::x\n\x1b]0;t\x07##[y")
	f.Fuzz(func(t *testing.T, s string) {
		got := Escape(s)
		if strings.ContainsAny(got, "\n\r\x1b\x07\x00") || strings.HasPrefix(strings.TrimLeftFunc(got, unicode.IsSpace), "::") || strings.Contains(got, "##[") {
			t.Errorf("Escape(%q) = %q", s, got)
		}
		for _, r := range got {
			if unsafeRune(r) {
				t.Errorf("Escape(%q) = %q holds %U", s, got, r)
			}
		}
	})
}
