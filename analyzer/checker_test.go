package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/analyzer"
)

// TestCheckerDriver runs the analyzer under go/analysis/checker, the
// driver of multichecker and of standalone tools, on the module the go vet
// tests use, and expects what go vet reports there (analyzer/vettool's
// TestGoVet): the driver does not change the findings.
func TestCheckerDriver(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a module and the standard library from source")
	}
	dir, err := filepath.Abs("vettool/testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(envWithout("GOFLAGS", "GOWORK", "GOPROXY"), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %s", n, dir)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for act := range graph.All() {
		if act.Analyzer != analyzer.Analyzer {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(dir, p.Filename)
			got = append(got, fmt.Sprintf("%s:%d: [%s]", filepath.ToSlash(rel), p.Line, d.Category))
		}
	}
	sort.Strings(got)
	want := []string{
		"internal/store/store.go:12: [false-claim]",
		"internal/store/store.go:18: [unresolved-destination]",
		"main.go:18: [false-claim]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("checker driver reported\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// envWithout is the environment less the named variables.
func envWithout(names ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(names, name) {
			env = append(env, kv)
		}
	}
	return env
}
