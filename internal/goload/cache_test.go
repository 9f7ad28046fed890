package goload

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/resultcache"
	"github.com/noticevet/noticevet/internal/testfs"
)

// cacheRepo is a repository of two modules: one that exports, one that
// replaces a dependency with a local folder of the repository.
var cacheRepo = map[string]string{
	"app/go.mod":    "module example.com/app\n\ngo 1.22\n",
	"app/export.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\ntype User struct{ Email string }\n\nfunc main() {\n\tu := User{}\n\thttp.Post(\"https://export.example.de/u\", \"text/plain\", strings.NewReader(u.Email))\n}\n",
	"app/cgo.go":    "package main\n\n// #include <stdio.h>\nimport \"C\"\n",
	"svc/go.mod":    "module example.com/svc\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n",
	"svc/main.go":   "package main\n\nimport \"example.com/lib\"\n\ntype User struct{ Email string }\n\nfunc main() { lib.Send(User{}.Email) }\n",
	"lib/go.mod":    "module example.com/lib\n\ngo 1.22\n",
	"lib/lib.go":    "package lib\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\nfunc Send(s string) { http.Post(\"https://lib.example.fr/x\", \"text/plain\", strings.NewReader(s)) }\n",
}

// collectCached runs Collect with cache c and says how many modules came
// from it.
func collectCached(t *testing.T, dir string, c *resultcache.Cache, opts Options) (Result, int64) {
	t.Helper()
	opts.Cache = c
	before := cacheHits.Load()
	res, err := Collect(dir, opts)
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	return res, cacheHits.Load() - before
}

// TestCollectCache: a second run of unchanged modules takes each from the
// cache and gives exactly what the analysis gave; a change to anything
// the key names (a file of the module, of a local replacement, the build
// tags, the dev folders) analyses the module again.
func TestCollectCache(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, cacheRepo)
	c := resultcache.At(t.TempDir())
	plain, err := Collect(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Evidence) != 2 || len(plain.Notes) == 0 {
		t.Fatalf("fixture: evidence %v, notes %v", plain.Evidence, plain.Notes)
	}
	first, hits := collectCached(t, dir, c, Options{})
	if hits != 0 || !reflect.DeepEqual(first, plain) {
		t.Fatalf("first run: %d hits, %+v, want %+v", hits, first, plain)
	}
	second, hits := collectCached(t, dir, c, Options{})
	if hits != 3 || !reflect.DeepEqual(second, plain) {
		t.Fatalf("second run: %d hits, %+v, want %+v", hits, second, plain)
	}
	// The replaced folder lib is a module of its own (3 modules), and an
	// input of svc's analysis.
	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("lib/lib.go", "lib.example.fr", "lib.example.it")
	res, hits := collectCached(t, dir, c, Options{})
	if hits != 1 { // app only: lib and svc both read lib.go
		t.Errorf("after editing the replacement: %d hits, want 1", hits)
	}
	if got := show(res.Evidence[1]); !strings.Contains(got, "lib.example.it") {
		t.Errorf("after editing the replacement: %s", got)
	}
	edit("app/export.go", "export.example.de", "export.example.jp")
	res, hits = collectCached(t, dir, c, Options{})
	if hits != 2 || !strings.Contains(show(res.Evidence[0]), "export.example.jp") {
		t.Errorf("after editing app: %d hits, %v", hits, res.Evidence)
	}
	if _, hits = collectCached(t, dir, c, Options{Tags: []string{"x"}}); hits != 0 {
		t.Errorf("other tags: %d hits, want 0", hits)
	}
	if _, hits = collectCached(t, dir, c, Options{DevFolders: []string{}}); hits != 0 {
		t.Errorf("other dev folders: %d hits, want 0", hits)
	}
	if _, hits = collectCached(t, dir, c, Options{}); hits != 3 {
		t.Errorf("back to the first options: %d hits, want 3", hits)
	}
}

// TestCollectCacheDamaged: an entry that is not one noticevet wrote is a
// miss, and the analysis replaces it.
func TestCollectCacheDamaged(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"app/go.mod": cacheRepo["app/go.mod"], "app/export.go": cacheRepo["app/export.go"]})
	cdir := t.TempDir()
	c := resultcache.At(cdir)
	want, _ := collectCached(t, dir, c, Options{})
	entries, _ := filepath.Glob(filepath.Join(cdir, "*", "*"))
	damaged := 0
	for _, e := range entries {
		if b, err := os.ReadFile(e); err == nil && strings.HasPrefix(string(b), "{") {
			if err := os.WriteFile(e, []byte(`{"sites":[`), 0o600); err != nil {
				t.Fatal(err)
			}
			damaged++
		}
	}
	if damaged != 1 {
		t.Fatalf("%d module entries in %v, want 1", damaged, entries)
	}
	got, hits := collectCached(t, dir, c, Options{})
	if hits != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("damaged entry: %d hits, %+v, want %+v", hits, got, want)
	}
	if _, hits = collectCached(t, dir, c, Options{}); hits != 1 {
		t.Errorf("after the rewrite: %d hits, want 1", hits)
	}
}

// TestCollectCacheErrorsNotKept: a module that cannot be loaded is looked
// at again on every run, so its error is always the current one.
func TestCollectCacheErrorsNotKept(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod":  "module example.com/bad\n\ngo 1.22\n",
		"main.go": "package main\n\nfunc main() { undefinedName() }\n",
	})
	c := resultcache.At(t.TempDir())
	for range 2 {
		before := cacheHits.Load()
		_, err := Collect(dir, Options{Cache: c})
		if err == nil || !strings.Contains(err.Error(), "undefined: undefinedName") || cacheHits.Load() != before {
			t.Fatalf("Collect = %v, hits %d", err, cacheHits.Load()-before)
		}
	}
}

// TestCollectCacheSameAsAnalysis: on the fixture repository (sites found
// through callers in other packages, notes lent to the calls inside, a
// vendored dependency), what the cache gives back is what the analysis
// gave: nothing the sites carry after the analysis is lost in the entry.
func TestCollectCacheSameAsAnalysis(t *testing.T) {
	plain, err := Collect("testdata/repo", Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := resultcache.At(t.TempDir())
	for _, run := range []string{"filling", "reading"} {
		got, hits := collectCached(t, "testdata/repo", c, Options{})
		if run == "reading" && hits == 0 {
			t.Errorf("%s: no module taken from the cache", run)
		}
		if !reflect.DeepEqual(got, plain) {
			t.Errorf("%s the cache:\n%+v\nwant\n%+v", run, got, plain)
		}
	}
}
