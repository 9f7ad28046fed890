// Command goload loads and type-checks the packages of a Go module as
// noticevet check does before it analyses them (go/packages with syntax
// and types, offline), and does nothing else: the floor against which
// bench/run.sh measures the Go part of a check.
//
//	go run ./bench/goload MODULE_DIR
package main

import (
	"fmt"
	"os"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/terraform"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: goload MODULE_DIR")
		os.Exit(2)
	}
	terraform.TuneGC() // as noticevet sets the collector
	start := time.Now()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  os.Args[1],
		Env:  append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		os.Exit(1)
	}
	fmt.Printf("%d packages in %v\n", len(pkgs), time.Since(start))
}
