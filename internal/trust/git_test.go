package trust

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

func repoAt(t *testing.T, files map[string]string, links map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	testfs.Write(t, dir, files)
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "x"}} {
		cmd := exec.Command("git", append([]string{"-c", "user.name=n", "-c", "user.email=n@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func TestRead(t *testing.T) {
	dir := repoAt(t, map[string]string{
		"svc/.noticevet.hcl": "home = \"JP\"\n",
		"big.json":           strings.Repeat("x", 2000),
		"sub/a.txt":          "a",
	}, map[string]string{"link.hcl": "/etc/hostname"})
	r, err := Open(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if data, err := r.Read("svc/.noticevet.hcl", 1<<20); err != nil || string(data) != "home = \"JP\"\n" {
		t.Errorf("Read = %q, %v", data, err)
	}
	if _, err := r.Read("svc/none.hcl", 1<<20); !errors.Is(err, ErrNotExist) {
		t.Errorf("a missing file: %v, want ErrNotExist", err)
	}
	if _, err := r.Read("*.hcl", 1<<20); !errors.Is(err, ErrNotExist) {
		t.Errorf("a pattern is a name, not a pattern: %v", err)
	}
	for p, want := range map[string]string{
		"link.hcl": "HEAD:link.hcl: a symbolic link, not a file",
		"sub":      "HEAD:sub: a tree, not a file",
		"big.json": "HEAD:big.json: larger than 0 MiB",
	} {
		if _, err := r.Read(p, 1000); err == nil || err.Error() != want {
			t.Errorf("Read(%s): %v, want %s", p, err, want)
		}
	}
}

func TestMatch(t *testing.T) {
	dir := repoAt(t, map[string]string{
		"PRIVACY.md": "", "PRIVACY.ja.md": "", "docs/privacy-faq.md": "", "docs/other.md": "",
		"svc/PRIVACY.md": "", "svc/docs/privacy.md": "", "svc/deep/docs/privacy.md": "",
	}, nil)
	r, err := Open(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	pats := []string{"PRIVACY.md", "PRIVACY.*.md", "privacy*.md", "docs/privacy*.md"}
	for d, want := range map[string]string{
		".":   "PRIVACY.md PRIVACY.ja.md docs/privacy-faq.md",
		"svc": "PRIVACY.md docs/privacy.md",
	} {
		got, err := r.Match(d, pats)
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("Match(%s) = %q, %v; want %s", d, got, err, want)
		}
	}
}
