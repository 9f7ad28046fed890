package gosource

import (
	"errors"
	"testing"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
)

var _ evidence.Source = Source{}

// TestRead: a repository without a Go module gives nothing and no error;
// a package that does not compile is a diagnostic at its line and column,
// printed as the go command prints it.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"main.tf": "", "tools/notes.go": "package x\n"})
	v, err := repo.NewView(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	found, err := Source{}.Read(v, nil)
	if err != nil || len(found.Evidence)+len(found.ByStore) != 0 {
		t.Errorf("no module: %+v, %v", found, err)
	}

	testfs.Write(t, dir, map[string]string{"app/go.mod": "module example.com/app\n\ngo 1.22\n", "app/main.go": "package main\n\nfunc main() { undefinedCall() }\n"})
	v, _ = repo.NewView(dir, dir)
	_, err = Source{}.Read(v, nil)
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Line != 3 || d.Column != 15 || err.Error() != "app/main.go:3:15: undefined: undefinedCall (Go module example.com/app not analysed)" {
		t.Errorf("error %v, want app/main.go:3:15: undefined: undefinedCall (Go module example.com/app not analysed)", err)
	}
}
