package analyzer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noticevet/noticevet/analyzer/internal/discover"
	"github.com/noticevet/noticevet/notices"
)

// TestFollowLists: under go vet too, a notice's link to a Markdown list in
// the repository is read as part of it, and a link out of the repository
// or to the web is left a pointer.
func TestFollowLists(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "repo")
	write := func(p, s string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const list = "# Recipients\n\nWe transfer personal data to Example Inc. in the United States.\n"
	write(filepath.Join(dir, "docs", "list.md"), list)
	write(filepath.Join(top, "outside.md"), list)
	found := discover.Found{Base: dir, Searched: []string{dir}}
	for _, tt := range []struct{ link, want string }{
		{"docs/list.md", "docs/list.md inclusive"},
		{"../outside.md", "PRIVACY.md elsewhere"},
		{"https://example.com/list.md", "PRIVACY.md elsewhere"},
	} {
		src := "# Privacy\n\nSee our [list of sub-processors](" + tt.link + ").\n"
		cs, err := notices.Parse("PRIVACY.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		cs, err = followLists(found, filepath.Join(dir, "PRIVACY.md"), "PRIVACY.md", cs, map[string]bool{})
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].Path+" "+string(cs[0].Scope) != tt.want {
			t.Errorf("%s: got %+v, want %q", tt.link, cs, tt.want)
		}
	}
}
