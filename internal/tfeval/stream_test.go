package tfeval

import (
	"path/filepath"
	"testing"

	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
)

// calledLater: see testfs.CalledLater.
var calledLater = testfs.CalledLater()

// TestReviveChanged: a file that changed after its module was dropped is
// not taken; the read starts again.
func TestReviveChanged(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, calledLater)
	l := newLoader(testView(t, dir, dir))
	if err := l.load(); err != nil {
		t.Fatal(err)
	}
	m := l.modules[filepath.Join(dir, "a-mod")]
	m.drop()
	if m.resources != nil || m.files[0].body != nil {
		t.Fatal("drop kept the syntax trees")
	}
	if !l.revive(m) || len(m.resources) != 1 || m.files[0].body == nil {
		t.Fatalf("revive of an unchanged module: resources %v", m.resources)
	}
	m.drop()
	testfs.Write(t, dir, map[string]string{"a-mod/main.tf": calledLater["a-mod/main.tf"] + "# changed\n"})
	if l.revive(m) {
		t.Error("revive took a file that changed")
	}
}

// testView is the view of dir inside root.
func testView(t testing.TB, dir, root string) *repo.View {
	t.Helper()
	v, err := repo.NewView(dir, root)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
