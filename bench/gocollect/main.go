// Command gocollect runs the Go part of noticevet check on a folder —
// goload.Collect, with the garbage collector set as noticevet sets it
// (gctune.Apply) — and prints how much evidence it found, with optional
// CPU and heap profiles. The heap profile is taken when the live heap is
// at its largest, which is what decides the peak memory of a check (the
// end of a run holds nothing).
//
//	go run ./bench/gocollect [-cpuprofile FILE] [-memprofile FILE] DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"github.com/noticevet/noticevet/internal/gctune"
	"github.com/noticevet/noticevet/internal/goload"
	"github.com/noticevet/noticevet/internal/repo"
)

func main() {
	gctune.Apply()
	cpu := flag.String("cpuprofile", "", "write a CPU profile to `FILE`")
	mem := flag.String("memprofile", "", "write a heap profile to `FILE`, taken when the live heap is largest")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gocollect [-cpuprofile FILE] [-memprofile FILE] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	stop := make(chan struct{})
	done := make(chan uint64)
	var best bytes.Buffer
	go func() {
		// Every 100 ms, keep the heap profile of the largest live heap so far.
		var max uint64
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				done <- max
				return
			case <-t.C:
			}
			if live := liveHeap(); live > max {
				max = live
				if *mem != "" {
					best.Reset()
					_ = pprof.Lookup("heap").WriteTo(&best, 0)
				}
			}
		}
	}()
	start := time.Now()
	root, err := repo.Root(dir)
	if err != nil {
		fail(err)
	}
	res, err := goload.Collect(dir, goload.Options{Root: root})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	took := time.Since(start)
	close(stop)
	max := <-done
	fmt.Printf("%d pieces of evidence, %d notes in %v; largest live heap seen %d MiB\n",
		len(res.Evidence), len(res.Notes), took.Round(time.Millisecond), max>>20)
	if *mem != "" {
		if err := os.WriteFile(*mem, best.Bytes(), 0o644); err != nil {
			fail(err)
		}
	}
}

func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
