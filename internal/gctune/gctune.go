// Package gctune holds the garbage collector's settings of the noticevet
// command. They are the command's, set once for the whole process; no
// reader or library sets them. The bench commands apply them too, to
// stand for a check.
package gctune

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings for a process that reads a repository.
// Reading allocates several times what stays live (the syntax trees of a
// chunk of files, the modules called so far and the evidence), and with
// Go's default a collection comes every time the heap doubles, marking
// that live part over and over: at 10k .tf files a read took a fifth more
// CPU time with GOGC=100 than with 400. A higher GOGC collects less often;
// the memory limit, rather than the heap's growth, bounds memory.
const (
	// MemoryLimit is the soft limit on the memory the Go runtime uses
	// (GOMEMLIMIT). A repository of 50k .tf files keeps about 60 MiB live
	// (the evidence and the module graph) besides the chunk being read.
	MemoryLimit = 900 << 20
	// GCPercent is how far the heap grows past what is live before a
	// collection (GOGC), below MemoryLimit.
	GCPercent = 400
)

// Apply applies MemoryLimit and GCPercent, each unless the environment
// sets its own (GOMEMLIMIT, GOGC). noticevet calls it first thing; so does
// bench/tfread, which stands for the Terraform part of a check.
func Apply() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
