// Command gen writes a synthetic repository for benchmarks: a notice, a
// configuration, shared modules and service folders up to the number of
// .tf files asked for, and a Go module of as many packages as asked, or as
// many such modules as asked; or, with -stacks, a monorepo of that many
// small stacks calling shared modules (see package internal/gen).
//
//	go run ./bench/gen -files 10000 -out /tmp/repo-10k
//	go run ./bench/gen -stacks 2500 -out /tmp/mono-2500
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/noticevet/noticevet/internal/gen"
)

func main() {
	files := flag.Int("files", 1000, "number of .tf files")
	out := flag.String("out", "", "the folder to write (must not exist, or be empty)")
	seed := flag.Uint64("seed", 1, "the same seed writes the same repository")
	langs := flag.Int("languages", 2, "notices: 1 (English) or 2 (English and Japanese)")
	pkgs := flag.Int("packages", 0, "Go packages of a module under app/ (none when 0), or of each module of -modules")
	mods := flag.Int("modules", 0, "Go modules under go/ of -packages packages each (when above 0, instead of app/)")
	stacks := flag.Int("stacks", 0, "write the monorepo shape instead: this many small stacks calling 20 shared modules (-files, -languages, -packages and -modules are ignored)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -files N -out DIR [-seed S] [-languages 1|2] [-packages P] [-modules M] | gen -stacks N -out DIR [-seed S]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gen: %s is not empty\n", *out)
		os.Exit(2)
	}
	var st gen.Stats
	var err error
	if *stacks > 0 {
		st, err = gen.WriteMonorepo(*out, *stacks, *seed)
	} else {
		st, err = gen.Write(*out, gen.Options{Files: *files, Seed: *seed, Languages: *langs, GoPackages: *pkgs, GoModules: *mods})
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d .tf files, %d .tfvars files, %d services, %d modules, %d Go packages, %d bytes\n",
		*out, st.TF, st.TFVars, st.Services, st.Modules, st.GoPackages, st.Bytes)
}
