package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLimits(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"deep brackets", "home = " + strings.Repeat("[", 3_000_000) + strings.Repeat("]", 3_000_000) + "\n",
			".noticevet.hcl:1: nested more than 1000 levels deep"},
		{"deep unary operators over lines", "home = [\n" + strings.Repeat("!\n", 2000) + "true]\n",
			".noticevet.hcl:1001: nested more than 1000 levels deep"},
		{"deep templates", `home = "` + strings.Repeat(`${"`, 1200) + strings.Repeat(`"}`, 1200) + "\"\n",
			".noticevet.hcl:1: nested more than 1000 levels deep"},
	} {
		_, err := Parse(".noticevet.hcl", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.want)
		}
	}
	// Brackets closed again do not add up.
	src := strings.Repeat("# -(1) -(2) !(3)\n", 5000) + `home = "JP"` + "\n"
	if _, err := Parse(".noticevet.hcl", []byte(src)); err != nil {
		t.Errorf("sequential brackets: %v", err)
	}
}

func TestLoadLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.hcl")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", maxFileSize)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big, "big.hcl"); err == nil || err.Error() != "big.hcl: larger than 1 MiB" {
		t.Errorf("big file: %v", err)
	}
	if _, err := Load(dir, "dir"); err == nil || err.Error() != "dir: is a directory" {
		t.Errorf("folder: %v", err)
	}
}

// TestMatchPathManyStars: a pattern of many '**' against a long path that
// does not match takes no time (it would take hours by backtracking).
func TestMatchPathManyStars(t *testing.T) {
	pat := strings.Repeat("**/", 40) + "x"
	name := strings.Repeat("a/", 200) + "y"
	start := time.Now()
	if MatchPath(pat, name) {
		t.Errorf("MatchPath(%q, %q) = true", pat, name)
	}
	if !MatchPath(pat, strings.Repeat("a/", 200)+"x") {
		t.Errorf("no match ending in x")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}
