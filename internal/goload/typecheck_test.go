package goload

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/testfs"
)

// TestAnalysisAsChecker: analysing a package at a time as checkGraph
// type-checks it, and dropping its syntax, gives every package of a module
// the sites checker.Analyze gives it over the whole loaded graph, facts
// from other packages of the module and from its dependencies included.
func TestAnalysisAsChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("loads modules twice")
	}
	for _, dir := range []string{
		"testdata/repo/app",
		"../../testdata/line-2021/app",
		"../../testdata/scenarios/go-store-names/app",
		"../../testdata/scenarios/go-compose-dsn",
	} {
		t.Run(dir, func(t *testing.T) {
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			// checker.Analyze over the whole graph, as the loader did.
			pkgs, err := Load(abs, abs)
			if err != nil {
				t.Fatal(err)
			}
			graph, err := checker.Analyze([]*analysis.Analyzer{goevidence.Analyzer}, pkgs, nil)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, act := range graph.Roots {
				if act.Err != nil {
					t.Fatalf("%s: %v", act, act.Err)
				}
				want = append(want, sites(act.Package.Fset, act.Package.PkgPath, act.Result.(*goevidence.Result))...)
			}
			// A package at a time.
			var run *analysis1
			var own []*packages.Package
			_, _, release, err := loadPackages(abs, abs, abs, false, nil, func(roots []*packages.Package) func(*packages.Package) {
				own = roots
				run = newAnalysis(goevidence.Analyzer, roots)
				return run.run
			})
			if err != nil {
				t.Fatal(err)
			}
			defer release()
			var got []string
			for _, p := range own {
				if err := run.errs[p]; err != nil {
					t.Fatalf("%s: %v", p.PkgPath, err)
				}
				if p.Syntax != nil || p.TypesInfo != nil {
					t.Errorf("%s: syntax kept after its analysis", p.PkgPath)
				}
				got = append(got, sites(p.Fset, p.PkgPath, run.results[p].(*goevidence.Result))...)
			}
			slices.Sort(want)
			slices.Sort(got)
			if len(want) == 0 {
				t.Fatal("no sites: the comparison tests nothing")
			}
			if !slices.Equal(got, want) {
				t.Errorf("a package at a time:\n%q\nchecker.Analyze:\n%q", got, want)
			}
		})
	}
}

// sites prints a package's sites with their positions.
func sites(fset *token.FileSet, pkg string, r *goevidence.Result) []string {
	var out []string
	for _, s := range r.Sites {
		pos := fset.Position(s.Pos)
		s.Pos = token.NoPos
		out = append(out, fmt.Sprintf("%s %s: %+v", pkg, pos, s))
	}
	return out
}

// TestAnalysisPanic: an analysis that panics on a package is an error
// naming the package, for that package and for the module, not a crash.
func TestAnalysisPanic(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod":   "module example.com/m\n\ngo 1.22\n",
		"lib/l.go": "package lib\n\nfunc F() {}\n",
		"main.go":  "package main\n\nimport \"example.com/m/lib\"\n\nfunc main() { lib.F() }\n",
	})
	boom := &analysis.Analyzer{Name: "boom", Doc: "boom panics on package lib.", ResultType: reflect.TypeOf(0),
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "lib" {
				var m map[string]int
				m["x"]++
			}
			return 0, nil
		}}
	var run *analysis1
	var own []*packages.Package
	_, _, release, err := loadPackages(dir, dir, dir, false, nil, func(roots []*packages.Package) func(*packages.Package) {
		own = roots
		run = newAnalysis(boom, roots)
		return run.run
	})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if run.failed == nil || !strings.Contains(run.failed.Error(), "internal error analysing package example.com/m/lib: assignment to entry in nil map") {
		t.Errorf("failed = %v, want the panic of package lib", run.failed)
	}
	for _, p := range own {
		if got := run.errs[p]; (got != nil) != (p.Name == "lib") {
			t.Errorf("%s: error %v", p.PkgPath, got)
		}
	}
}
