// Command goload loads and type-checks the packages of a Go module as
// noticevet check does before it analyses them (goload.Load: syntax
// and types, the standard library as outlines, offline), and does nothing
// else: the floor against which bench/run.sh measures the Go part of a
// check.
//
//	go run ./bench/goload MODULE_DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/noticevet/noticevet/internal/gctune"
	"github.com/noticevet/noticevet/internal/goload"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: goload MODULE_DIR")
		os.Exit(2)
	}
	gctune.Apply() // as noticevet sets the collector
	start := time.Now()
	dir, err := filepath.Abs(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pkgs, err := goload.Load(dir, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d packages in %v\n", len(pkgs), time.Since(start))
}
