package repo

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWalk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "testdata")
	for _, f := range []string{"a.tf", "x/b.tf", ".git/c.tf", "vendor/d.tf", "node_modules/e.tf", ".terraform/f.tf", "testdata/g.tf", "x/testdata/h.tf", "y/.terraformrc"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(dir, filepath.Join(dir, "x", "loop")); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Walk(dir, func(path string, d fs.DirEntry) error {
		got = append(got, Rel(dir, path))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.tf", "x/b.tf", "y/.terraformrc"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk = %v, want %v", got, want)
	}
}

func TestRootAndWithin(t *testing.T) {
	top := t.TempDir()
	sub := filepath.Join(top, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if r, _ := Root(sub); r != sub {
		t.Errorf("Root without .git = %s, want %s", r, sub)
	}
	if err := os.Mkdir(filepath.Join(top, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if r, _ := Root(sub); r != top {
		t.Errorf("Root = %s, want %s", r, top)
	}
	for _, tt := range []struct {
		p    string
		want bool
	}{
		{top, true}, {sub, true}, {filepath.Join(top, "..x"), true}, {filepath.Dir(top), false}, {filepath.Join(top, "..", "other"), false},
	} {
		if got := Within(top, filepath.Clean(tt.p)); got != tt.want {
			t.Errorf("Within(%s, %s) = %v", top, tt.p, got)
		}
	}
}
