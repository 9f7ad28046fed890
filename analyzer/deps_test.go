package analyzer

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps: a vet analyzer links only what the analysis needs. The loader
// that `noticevet check` drives (go/packages, the checker) lives in
// internal/goload, which nothing here may import.
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
		}
	}
}
