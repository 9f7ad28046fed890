// Command tfread reads the Terraform under a folder as noticevet check
// does — every file parsed, local modules followed, every root module
// evaluated, with the garbage collector set as noticevet sets it
// (gctune.Apply) — and prints how much evidence it found: the
// Terraform part of a check, which bench/run.sh compares with bench/floor.
//
//	go run ./bench/tfread [-cpuprofile FILE] [-memprofile FILE] DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/gctune"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/terraform"
)

func main() {
	gctune.Apply()
	cpu := flag.String("cpuprofile", "", "write a CPU profile to `FILE`")
	mem := flag.String("memprofile", "", "write a heap profile to `FILE` at the end")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: tfread [-cpuprofile FILE] [-memprofile FILE] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	cfg := &config.Config{}
	if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
		c, err := config.Load(filepath.Join(dir, config.FileName), config.FileName)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		cfg = c
	}
	root, err := repo.Root(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ev, err := terraform.Read(dir, terraform.Options{Root: root, Places: place.New(cfg)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d pieces of evidence in %v\n", len(ev), time.Since(start).Round(time.Millisecond))
	if *mem != "" {
		f, err := os.Create(*mem)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		f.Close()
	}
}
