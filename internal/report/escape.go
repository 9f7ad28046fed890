package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape makes repository text safe to print on one line of a terminal or a
// CI log. Names, URLs, paths and labels come from the repository being
// checked, which may be hostile: a raw newline would start a line of its
// own, which GitHub's runner reads as a workflow command when it begins
// with "::" (::add-mask::, ::error file=…::, ::stop-commands::); an ESC or
// OSC sequence would drive the terminal. So:
//
//   - control characters (C0, DEL, C1), format characters (bidirectional
//     overrides, zero-width ones), line and paragraph separators are written
//     as Go escapes: \n, \r, \t, \x1b, \u202e;
//   - bytes that are not UTF-8 are written as \xff;
//   - a "::" that begins the text (after any spaces), and "##[" anywhere (the
//     runner's older command form), have their first character escaped
//     (\x3a, \x23), so no line of output is a workflow command.
//
// Other text, backslashes included, is unchanged, so ordinary output reads
// as before. Every text output (check, map, claims, the go vet diagnostics,
// warnings and errors on stderr) passes repository text through Escape.
func Escape(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	lead := true // only spaces so far
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case lead && r == ':' && strings.HasPrefix(s[i:], "::"):
			b.WriteString(`\x3a`)
		case r == '#' && strings.HasPrefix(s[i:], "##["):
			b.WriteString(`\x23`)
		case unsafeRune(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		// The runner trims every kind of space before looking for "::"
		// (.NET's TrimStart), U+3000 and U+00A0 included; an escaped
		// character is no longer a space.
		if !isSpace(r) {
			lead = false
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s needs no escaping: the common case, checked
// without allocating.
func isPlain(s string) bool {
	t := strings.TrimLeftFunc(s, isSpace)
	if strings.HasPrefix(t, "::") || strings.Contains(s, "##[") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return isPlainUnicode(s[i:])
		}
	}
	return true
}

func isPlainUnicode(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// isSpace reports whether r is a space that stays one in the output.
func isSpace(r rune) bool { return unicode.Is(unicode.Zs, r) }

// unsafeRune reports whether a terminal or a log viewer could act on r
// rather than show it.
func unsafeRune(r rune) bool {
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r)
}

func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
