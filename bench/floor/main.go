// Command floor parses every Terraform file under a folder with hclparse,
// concurrently, and does nothing else: the least any reader of those files
// must do, against which bench/run.sh measures noticevet. It walks the
// folder as noticevet does (not into .git, .terraform, vendor,
// node_modules or testdata). The garbage collector keeps Go's defaults
// unless -tuned gives it noticevet's settings (gctune.Apply).
//
//	go run ./bench/floor [-tuned] DIR
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/noticevet/noticevet/internal/gctune"
	"github.com/noticevet/noticevet/internal/repo"
)

func main() {
	tuned := flag.Bool("tuned", false, "set the garbage collector as noticevet does")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor [-tuned] DIR")
		os.Exit(2)
	}
	if *tuned {
		gctune.Apply()
	}
	start := time.Now()
	var paths []string
	err := repo.Walk(flag.Arg(0), func(p string, d fs.DirEntry) error {
		n := d.Name()
		if strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json") || strings.HasSuffix(n, ".tfvars") || strings.HasSuffix(n, ".tfvars.json") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	next := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	errs := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := hclparse.NewParser() // not safe for concurrent use: one each
			for path := range next {
				var diags interface{ HasErrors() bool }
				if strings.HasSuffix(path, ".json") {
					_, d := p.ParseJSONFile(path)
					diags = d
				} else {
					_, d := p.ParseHCLFile(path)
					diags = d
				}
				if diags.HasErrors() {
					mu.Lock()
					errs++
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	fmt.Printf("%d files parsed in %v (%d with errors)\n", len(paths), time.Since(start).Round(time.Millisecond), errs)
	if errs > 0 {
		os.Exit(1)
	}
}
