package terraform

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings for a process that reads a repository.
// Reading keeps the syntax trees of every file until the root modules
// that use them are evaluated, so most of the heap stays live for most of
// the run, and a collection every time the heap doubles (Go's default)
// marks the same trees over and over: at 10k .tf files that was a fifth of
// the CPU time. The memory limit, rather than the heap's growth, is what
// holds memory down.
const (
	// MemoryLimit is the soft limit on the memory the Go runtime uses
	// (GOMEMLIMIT). The syntax trees of a repository of 50k .tf files take
	// about 500 MiB; past about 60k files they alone pass the limit, which
	// then slows the collector down rather than stopping the read.
	MemoryLimit = 900 << 20
	// GCPercent is how far the heap grows past what is live before a
	// collection (GOGC), below MemoryLimit.
	GCPercent = 400
)

// TuneGC applies MemoryLimit and GCPercent, each unless the environment
// sets its own (GOMEMLIMIT, GOGC). noticevet calls it first thing; so does
// bench/tfread, which stands for the Terraform part of a check.
func TuneGC() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
