// Package testfs writes the file trees that tests read (a repository, a
// module, a notice beside its Terraform) and checks that a document's
// snippets are lines of the files the tests read.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes files (a path with '/' relative to dir → its content)
// under dir, making the folders they need, and fails the test on any
// error.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Dir writes files (as Write does) into a new temporary folder, removed
// when the test ends, and returns the folder.
func Dir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, files)
	return dir
}
