package analyzer

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps: a vet analyzer links only what the analysis needs. The loader
// that `noticevet check` drives (go/packages, the checker) lives in
// internal/goload, which nothing here may import. Nor does it link the
// network: it reads the package and the notice, and asks no one.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "golang.org/x/tools/go/packages", "golang.org/x/tools/go/analysis/checker",
			"github.com/noticevet/noticevet/internal/goload":
			t.Errorf("the analyzer depends on %s", dep)
		case "net", "net/http":
			// A build-time driver (nogo) runs it where there is no network.
			t.Errorf("the analyzer links %s: it must not need the network", dep)
		}
	}
}
