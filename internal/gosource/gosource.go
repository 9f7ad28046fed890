// Package gosource is the Go reader as an evidence source: the packages of
// every Go module in the repository, loaded by internal/goload and analysed by internal/goevidence.
//
// It is an adapter only: loading and analysis stay where they are, so
// that the analyzer and the check share them.
package gosource

import (
	"errors"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goload"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/resultcache"
)

// Source reads the Go evidence of a repository.
type Source struct {
	// Tags are build tags for the go command (check -tags).
	Tags []string
	// DevFolders are the configuration's dev_folders (nil: the default).
	DevFolders []string
	// Cache keeps each module's analysis between runs; nil for none.
	Cache *resultcache.Cache
}

// Name returns "go".
func (Source) Name() string { return "go" }

// Read loads and analyses the Go modules below the view's folder
// (internal/goload). Every site is returned as ByStore: a call that writes
// to a named store is placed where the store is defined, when a source
// defines it. The files the loader leaves out are Notes. A module that
// cannot be loaded is the error, with the evidence of the other modules.
func (s Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, diag.Errorf(".", 0, "internal error reading Go packages: %v", r)
		}
	}()
	// The view has walked the tree already: without a go.mod there is
	// nothing to load, and no second walk is needed to learn it. (A go.mod
	// the view refuses is left to Collect, which says why its own way.)
	mods, werr := v.Walk(func(name string) bool { return name == "go.mod" })
	if werr == nil && len(mods) == 0 {
		return evidence.Found{}, nil
	}
	res, err := goload.Collect(v.Dir(), goload.Options{Places: p, Root: v.Root(), Tags: s.Tags, DevFolders: s.DevFolders, Cache: s.Cache})
	found = evidence.Found{ByStore: res.Evidence, Read: res.Read}
	for _, n := range res.Notes {
		found.Notes = append(found.Notes, &diag.Diagnostic{Severity: diag.Warning, Path: n.Path, Line: n.Line, Column: n.Column, ShowColumn: n.Line > 0, Msg: n.Msg})
	}
	var le *goload.Error
	if errors.As(err, &le) {
		return found, le.Diagnostics()
	}
	if err != nil {
		return found, diag.All(err)
	}
	return found, nil
}
