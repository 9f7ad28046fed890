package goload

import (
	"runtime"
	"testing"

	"github.com/noticevet/noticevet/internal/gen"
)

// TestModulesReleased: what a module's load holds (syntax, types, facts)
// is garbage once its evidence is taken, so a repository of many modules
// keeps no more memory after the check than one of a single module.
func TestModulesReleased(t *testing.T) {
	if testing.Short() {
		t.Skip("loads several modules to weigh the heap")
	}
	heapAfter := func(modules int) uint64 {
		dir := t.TempDir()
		if _, err := gen.Write(dir, gen.Options{GoModules: modules, GoPackages: 1}); err != nil {
			t.Fatal(err)
		}
		res, err := Collect(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Evidence) < modules {
			t.Fatalf("%d modules, %d pieces of evidence", modules, len(res.Evidence))
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	one := heapAfter(1)
	five := heapAfter(5)
	t.Logf("live heap after 1 module: %d MiB, after 5: %d MiB", one>>20, five>>20)
	if five > one+16<<20 {
		t.Errorf("live heap after 5 modules %d MiB, after 1 %d MiB: modules are kept", five>>20, one>>20)
	}
}
