package golangci_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDeps: the plugin links what the analyzer links, plus the one
// registration package golangci-lint reads plugins from; it brings no loader
// (go/packages, the analysis checker) with it.
func TestDeps(t *testing.T) {
	deps := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	analyzer := deps("github.com/noticevet/noticevet/analyzer")
	var added []string
	for _, dep := range deps(".") {
		if !slices.Contains(analyzer, dep) {
			added = append(added, dep)
		}
	}
	want := []string{"github.com/golangci/plugin-module-register/register", "github.com/noticevet/noticevet/analyzer/golangci"}
	slices.Sort(added)
	if !slices.Equal(added, want) {
		t.Errorf("the plugin adds %v to the analyzer's dependencies, want %v", added, want)
	}
}
