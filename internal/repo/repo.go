// Package repo knows the shape of a repository on disk as noticevet sees it:
// which folders are not walked, where the repository's boundary lies, and
// how a path is shown to the user (relative to the checked folder, with '/').
//
// It reads directory listings only; it never reads file contents.
package repo

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// skipped are folder names below the checked folder that are never walked:
// version control, Terraform's download cache, vendored and installed
// dependencies, and test fixtures.
var skipped = map[string]bool{
	".git":         true,
	".terraform":   true,
	"vendor":       true,
	"node_modules": true,
	"testdata":     true,
}

// Skip reports whether a folder with this base name is not walked.
func Skip(name string) bool { return skipped[name] }

// Root returns the folder that bounds the repository containing dir: the
// nearest enclosing folder that has a .git entry, or dir itself when there
// is none. Local Terraform modules may be followed anywhere below it and
// nowhere above it.
func Root(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs, nil
		}
		d = parent
	}
}

// Within reports whether path lies inside root (or is root). Both must be
// clean absolute paths.
func Within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Rel returns path relative to base with '/' separators, for messages and
// reports. A path that cannot be made relative is returned with '/' as is.
func Rel(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// Walk calls fn for every regular file below dir, in lexical order, not
// descending into skipped folders (dir itself is walked even when its own
// name is skipped: that is how a fixture under testdata is checked).
// Symbolic links are not followed, so a link loop cannot trap the walk.
func Walk(dir string, fn func(path string, d fs.DirEntry) error) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && Skip(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return fn(path, d)
	})
}
