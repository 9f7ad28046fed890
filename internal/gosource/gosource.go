// Package gosource is the Go reader as an evidence source: the packages of
// every Go module in the repository, analysed by internal/goevidence.
//
// It is an adapter only: loading and analysis stay where they are, so
// that the analyzer and the check share them.
package gosource

import (
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// Source reads the Go evidence of a repository.
type Source struct{}

// Name returns "go".
func (Source) Name() string { return "go" }

// Read loads and analyses the Go modules below the view's folder. Every
// site is returned as ByStore: a call that writes to a named store is
// placed where the store is defined, when a source defines it.
func (Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, diag.Errorf(".", 0, "internal error reading Go packages: %v", r)
		}
	}()
	// The view has walked the tree already: without a go.mod there is
	// nothing to load, and no second walk is needed to learn it. (A go.mod
	// the view refuses is left to Collect, which says why its own way.)
	if mods, err := v.Walk(func(name string) bool { return name == "go.mod" }); err == nil && len(mods) == 0 {
		return evidence.Found{}, nil
	}
	ev, err := goevidence.Collect(v.Dir(), p)
	if err != nil {
		return evidence.Found{}, diag.All(err)
	}
	return evidence.Found{ByStore: ev}, nil
}
