package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/analyzer"
	"github.com/noticevet/noticevet/bench/trivial"
	"github.com/noticevet/noticevet/internal/gen"
)

// benchPackages is how many packages the generated module has.
const benchPackages = 320

// genModule writes the generated module of benchPackages packages (see
// gen.WriteGoModule) into dir, with a notice.
func genModule(dir string) error {
	if _, err := gen.WriteGoModule(dir, "example.com/bench", benchPackages); err != nil {
		return err
	}
	notice := "# Notice\n\n<!-- noticevet: stored-only-in=JP -->\nAll personal data is stored only in Japan.\n\nWe do not transfer personal data outside Japan.\n"
	return os.WriteFile(filepath.Join(dir, "PRIVACY.md"), []byte(notice), 0o644)
}

func loadBench(b *testing.B) []*packages.Package {
	b.Helper()
	dir := b.TempDir()
	if err := genModule(dir); err != nil {
		b.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		b.Fatalf("%d errors loading the generated module", n)
	}
	if len(pkgs) < 300 {
		b.Fatalf("generated %d packages, want at least 300", len(pkgs))
	}
	return pkgs
}

func analyze(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) time.Duration {
	start := time.Now()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		b.Fatal(err)
	}
	d := time.Since(start)
	for _, act := range graph.Roots {
		if act.Err != nil {
			b.Fatalf("%s: %v", act, act.Err)
		}
	}
	return d
}

// BenchmarkAnalyzer runs noticevet and a trivial analyzer over a generated
// module of 320 packages and reports how much slower noticevet is
// (the "ratio" metric; the aim is at most 1.3).
func BenchmarkAnalyzer(b *testing.B) {
	pkgs := loadBench(b)
	var mine, base time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		base += analyze(b, trivial.Analyzer, pkgs)
		mine += analyze(b, analyzer.Analyzer, pkgs)
	}
	b.ReportMetric(float64(mine.Milliseconds())/float64(b.N), "noticevet-ms/op")
	b.ReportMetric(float64(base.Milliseconds())/float64(b.N), "trivial-ms/op")
	b.ReportMetric(float64(mine)/float64(base), "ratio")
}
