package notices

import (
	"strings"
	"testing"
	"time"
)

func TestLimits(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"too large", strings.Repeat("All personal data is stored only in Japan.\n", 30000), "N.md: the notice is larger than 1 MiB"},
		{"block quotes", "# Notice\n\n" + strings.Repeat("> ", 50000) + "Data is stored in Japan.\n", "N.md:3: block quotes and lists nested more than 32 deep"},
		{"lists", "# Notice\n\n" + func() string {
			var b strings.Builder
			for i := 0; i < 200; i++ {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return b.String()
		}(), "N.md:66: block quotes and lists nested more than 32 deep"},
		{"brackets", "# Notice\n\n" + strings.Repeat("[", 500000) + "a" + strings.Repeat("]", 500000) + "\n", "N.md:3: brackets nested more than 32 deep"},
	} {
		start := time.Now()
		_, err := Parse("N.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", tt.name, d)
		}
	}
	// What notices do is fine: lists three deep, links, a code block.
	ok := "# Notice\n\n- a\n  - b\n    - c [link](https://example.com/[x])\n\n> quote\n> > quote\n\n```\n        indented code\n```\n"
	if _, err := Parse("N.md", []byte(ok)); err != nil {
		t.Errorf("ordinary notice: %v", err)
	}
	// Brackets left open in one paragraph do not add up over the notice.
	open := strings.Repeat("See [1 for details.\n\n", 100)
	if _, err := Parse("N.md", []byte(open)); err != nil {
		t.Errorf("open brackets in many paragraphs: %v", err)
	}
}
