package analyzer_test

import (
	"os"
	"testing"
)

// TestWriteBenchModule writes the generated benchmark module into
// $NOTICEVET_BENCH_MODULE, for timing whole go vet runs (bench/govet.sh).
func TestWriteBenchModule(t *testing.T) {
	dir := os.Getenv("NOTICEVET_BENCH_MODULE")
	if dir == "" {
		t.Skip("NOTICEVET_BENCH_MODULE is not set")
	}
	if err := genModule(dir); err != nil {
		t.Fatal(err)
	}
}
