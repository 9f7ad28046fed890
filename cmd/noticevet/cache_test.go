package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/noticevet/noticevet/internal/resultcache"
)

// TestMain keeps the tests' Go results in a cache folder of their own, so
// that no test reads what another build of noticevet kept in the user's
// cache, and removes it at the end.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "noticevet-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv(resultcache.EnvVar, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestCacheSameOutput: on every scenario with Go modules, check and map
// print the same with the cache off, on a first run that fills it, and on
// a run that takes each module from it.
func TestCacheSameOutput(t *testing.T) {
	var names []string
	sc := scenarios(t)
	for name, dir := range sc {
		if mods, _ := filepath.Glob(filepath.Join(dir, "*go.mod")); len(mods) > 0 {
			names = append(names, name)
		} else if mods, _ := filepath.Glob(filepath.Join(dir, "*", "go.mod")); len(mods) > 0 {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) < 5 {
		t.Fatalf("only %d scenarios with Go modules: %v", len(names), names)
	}
	for _, name := range names {
		for _, cmd := range []string{"check", "map"} {
			t.Run(name+"/"+cmd, func(t *testing.T) {
				t.Setenv(resultcache.EnvVar, "off")
				code, out, errs := runCmd(cmd, sc[name])
				want := fmt.Sprintf("exit %d\n%s\n%s", code, out, errs)
				cache := t.TempDir()
				t.Setenv(resultcache.EnvVar, cache)
				for _, run := range []string{"filling the cache", "from the cache"} {
					code, out, errs := runCmd(cmd, sc[name])
					if got := fmt.Sprintf("exit %d\n%s\n%s", code, out, errs); got != want {
						t.Errorf("%s:\n%s\nwith the cache off:\n%s", run, got, want)
					}
				}
				if entries, _ := filepath.Glob(filepath.Join(cache, "*", "*")); len(entries) == 0 && code != 2 {
					t.Error("nothing kept in the cache")
				}
			})
		}
	}
}
