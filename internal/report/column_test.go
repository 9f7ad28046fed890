package report

import (
	"bytes"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

func TestUTF16Column(t *testing.T) {
	for _, c := range []struct {
		line     string
		col, out int
	}{
		{"  provider = aws.seoul", 3, 3},
		{"", 1, 1},
		{"abc", 0, 0},
		{"abc", 4, 4},    // just past the end
		{"abc", 9, 9},    // past the line: unchanged
		{"日本", 4, 2},     // after one 3-byte character
		{"日本語x", 10, 4},  // after three
		{"🌏x", 5, 3},     // a character outside the BMP is two units
		{"é🌏日x", 10, 5},  // 2+4+3 bytes, 1+2+1 units
		{"\xffx", 2, 2},  // an invalid byte counts as one
		{"a\tb", 3, 3},   // a tab is one unit
		{jaLine, 43, 15}, // the escaping fixture's notice
		{goLine, 19, 17}, // and its Go line
	} {
		if got := utf16Column(c.line, c.col); got != c.out {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", c.line, c.col, got, c.out)
		}
	}
}

func TestLineEnd(t *testing.T) {
	r := oneResult()
	if got := r.lineEnd(evidence.Pos{Path: "infra/media.tf", Line: 12, Column: 3}); got != len(mediaLine)+1 {
		t.Errorf("lineEnd = %d, want %d", got, len(mediaLine)+1)
	}
	if got := r.lineEnd(evidence.Pos{Path: "missing.tf", Line: 1, Column: 1}); got != 0 {
		t.Errorf("lineEnd of an unreadable line = %d", got)
	}
	r.Lines = nil
	if got := r.lineEnd(evidence.Pos{Path: "infra/media.tf", Line: 12, Column: 3}); got != 0 {
		t.Errorf("lineEnd without Lines = %d", got)
	}
}

func TestRebase(t *testing.T) {
	r := escapingResult()
	before := render(t, "json", r)
	rb := Rebase(r, "services/web/")
	if after := render(t, "json", r); !bytes.Equal(after, before) {
		t.Error("Rebase changed its argument")
	}
	if got := rb.Findings[3].Pos.Path; got != "services/web/"+spacedPath {
		t.Errorf("finding path = %q", got)
	}
	if got := rb.Findings[3].Claim.Path; got != "services/web/docs/privacy policy.md" {
		t.Errorf("claim path = %q", got)
	}
	if got := rb.Suppressed[0].Pos.Path; got != "services/web/legacy/old | store.tf" {
		t.Errorf("suppressed path = %q", got)
	}
	if rb.Claims[0].Path != "services/web/PRIVACY.ja.md" || rb.Evidence[0].Pos.Path != "services/web/internal/send/send.go" {
		t.Errorf("claim or evidence not rebased: %q %q", rb.Claims[0].Path, rb.Evidence[0].Pos.Path)
	}
	// Columns still convert: Lines reads the file under its old name.
	if got := rb.utf16Column(rb.Findings[0].Pos); got != 15 {
		t.Errorf("rebased column = %d, want 15", got)
	}
	for _, p := range []string{"", ".", "./", "/"} {
		if Rebase(r, p) != r {
			t.Errorf("Rebase(%q) is not the identity", p)
		}
	}
}
