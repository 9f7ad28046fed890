package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestNoticeBoundary: under go vet, a notice or configuration found by
// walking up that is a symbolic link out of the repository is refused, as
// `noticevet check` refuses it; one inside the repository is read.
func TestNoticeBoundary(t *testing.T) {
	const notice = "# Privacy\n\nAll personal data is stored only in Japan.\n"
	outside := t.TempDir()
	testfs.Write(t, outside, map[string]string{"notice.md": notice, "x.hcl": "home = \"JP\"\n"})
	for _, tt := range []struct{ name, target, want string }{
		{"PRIVACY.md", filepath.Join(outside, "notice.md"), "PRIVACY.md: a symbolic link that leads outside the repository"},
		{".noticevet.hcl", filepath.Join(outside, "x.hcl"), ".noticevet.hcl: a symbolic link that leads outside the repository"},
		{"PRIVACY.md", "docs/notice.md", ""},
	} {
		dir := t.TempDir()
		testfs.Write(t, dir, map[string]string{".git/HEAD": "ref: refs/heads/main\n", "PRIVACY.md": notice,
			"docs/notice.md": notice, "app/go.mod": "module example.com/app\n", "app/main.go": "package main\n"})
		os.Remove(filepath.Join(dir, tt.name))
		if err := os.Symlink(tt.target, filepath.Join(dir, tt.name)); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
		_, err := settingsFor(filepath.Join(dir, "app"), &Options{})
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s → %s: %v", tt.name, tt.target, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s → %s: error %v, want %q", tt.name, tt.target, err, tt.want)
		}
	}
}
