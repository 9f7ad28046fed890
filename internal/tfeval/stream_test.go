package tfeval

import (
	"path/filepath"
	"testing"

	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
)

// calledLater has a module that configures a provider and sorts before the
// root module that calls it: a streaming read takes it for a root module,
// drops it, and reads it again for its caller.
var calledLater = map[string]string{
	"a-mod/main.tf": `
provider "aws" { region = "ap-northeast-2" }
variable "n" {}
resource "aws_s3_bucket" "b" { bucket = var.n }
`,
	"b-root/main.tf": `
provider "aws" { region = "ap-northeast-1" }
module "m" {
  source = "../a-mod"
  n      = "media"
}
`,
}

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
