// Package bench holds the benchmarks of each stage of a check on
// generated repositories (go test -bench . ./bench/), the generator and
// floor commands, and run.sh, which measures noticevet at 1k, 10k and 50k
// .tf files.
package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/noticevet/noticevet/internal/check"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/gen"
	"github.com/noticevet/noticevet/internal/goload"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/terraform"
	"github.com/noticevet/noticevet/notices"
)

// sizes are the repositories the stage benchmarks read: small enough that
// go test -bench finishes in seconds; bench/run.sh measures the large ones.
var sizes = []int{100, 1000}

func repoOf(b *testing.B, files int) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := gen.Write(dir, gen.Options{Files: files, Seed: 1, Languages: 2}); err != nil {
		b.Fatal(err)
	}
	return dir
}

func BenchmarkNoticeParse(b *testing.B) {
	dir := repoOf(b, 1)
	for _, name := range []string{"PRIVACY.md", "PRIVACY.ja.md"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := notices.Parse(name, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTerraformRead(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := repoOf(b, n)
			cfg, err := config.Load(filepath.Join(dir, config.FileName), config.FileName)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := terraform.Read(dir, terraform.Options{Places: place.New(cfg)}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}

// BenchmarkGoCollect loads, type-checks and analyses a generated Go
// module (goload.Collect, the Go part of a check).
func BenchmarkGoCollect(b *testing.B) {
	for _, n := range []int{100} {
		b.Run(fmt.Sprintf("packages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := gen.WriteGoModule(dir, "example.com/app", n); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				res, err := goload.Collect(dir, goload.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Evidence) == 0 {
					b.Fatal("no evidence")
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "packages/s")
		})
	}
}

func BenchmarkRules(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			res, err := check.Run(check.Options{Dir: repoOf(b, n)})
			if err != nil {
				b.Fatal(err)
			}
			in := rules.Input{Claims: res.Claims, Evidence: res.Evidence, Home: res.Home}
			b.ReportAllocs()
			for b.Loop() {
				rules.Check(in)
			}
			b.ReportMetric(float64(len(res.Evidence)), "evidence")
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := repoOf(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := check.Run(check.Options{Dir: dir}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}
