package discover

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func write(t *testing.T, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write(t, root,
		".git/HEAD",
		"PRIVACY.md", "PRIVACY.ja.md", "docs/privacy-policy.md", ".noticevet.hcl",
		"svc/go.mod", "svc/internal/api/api.go",
		"other/go.mod", "other/privacy.md", "other/pkg/p.go",
	)
	// From a package of a module below the repository root: past go.mod
	// to the root, where the notices are.
	f := Find(filepath.Join(root, "svc", "internal", "api"))
	want := []string{filepath.Join(root, "PRIVACY.md"), filepath.Join(root, "PRIVACY.ja.md"), filepath.Join(root, "docs", "privacy-policy.md")}
	if f.Base != root || !reflect.DeepEqual(f.Notices, want) || f.Config != filepath.Join(root, ".noticevet.hcl") {
		t.Errorf("Find(svc/internal/api) = %+v", f)
	}
	// The nearest folder with a notice wins; the configuration is found
	// on its own.
	f = Find(filepath.Join(root, "other", "pkg"))
	if f.Base != filepath.Join(root, "other") || len(f.Notices) != 1 || f.Config != filepath.Join(root, ".noticevet.hcl") {
		t.Errorf("Find(other/pkg) = %+v", f)
	}
}

func TestFoldersStop(t *testing.T) {
	root := t.TempDir()
	write(t, root, "mod/go.mod", "mod/a/b/x.go")
	got := Folders(filepath.Join(root, "mod", "a", "b"))
	want := []string{filepath.Join(root, "mod", "a", "b"), filepath.Join(root, "mod", "a"), filepath.Join(root, "mod")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Folders outside a repository = %v, want up to the module root %v", got, want)
	}
	if got := Folders(root); len(got) != 1 || got[0] != root {
		t.Errorf("Folders with no module or repository = %v, want the folder alone", got)
	}
	if ModuleRoot(filepath.Join(root, "mod", "a")) != filepath.Join(root, "mod") {
		t.Error("ModuleRoot")
	}
}

// TestFoldersWorkspace: without a repository, the search goes past each
// module root up to the go.work that holds them, where a workspace keeps
// its notice; a go.work inside the module does not cut it short.
func TestFoldersWorkspace(t *testing.T) {
	root := t.TempDir()
	write(t, root, "go.work", "svc/api/go.mod", "svc/api/h/x.go", "svc/api/inner/go.work", "PRIVACY.md")
	got := Folders(filepath.Join(root, "svc", "api", "h"))
	want := []string{filepath.Join(root, "svc", "api", "h"), filepath.Join(root, "svc", "api"), filepath.Join(root, "svc"), root}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Folders in a workspace = %v, want up to the go.work %v", got, want)
	}
	if f := Find(filepath.Join(root, "svc", "api", "h")); len(f.Notices) != 1 || f.Base != root {
		t.Errorf("Find in a workspace = %+v, want the notice at its root", f)
	}
	got = Folders(filepath.Join(root, "svc", "api", "inner"))
	if got[len(got)-1] != root {
		t.Errorf("Folders below a go.work inside a module = %v, want up to the workspace root", got)
	}
}
