package goload

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A go.mod larger than the limit, or one that is not a regular file, is
// refused by name before the go command reads it.
func TestParseModFileRefuses(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big", "go.mod")
	if err := os.MkdirAll(filepath.Dir(big), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte("module big\n"+strings.Repeat("//\n", maxModFileSize/3+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder", "go.mod")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ mod, want string }{
		{filepath.Dir(big), "big/go.mod: file is larger than 1 MiB"},
		{filepath.Dir(folder), "folder/go.mod: not a regular file"},
	} {
		_, err := checkBoundary(dir, dir, c.mod)
		if err == nil || err.Error() != c.want {
			t.Errorf("checkBoundary(%s) = %v, want %q", c.mod, err, c.want)
		}
	}
}
