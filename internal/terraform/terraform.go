package terraform

import (
	"fmt"
	"net/netip"
	"path/filepath"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// Placer places AWS account IDs and network ranges in a country (the
// config's entity blocks).
type Placer interface {
	// Account places an AWS account ID ("222233334444").
	Account(id string) (country, entity string, ok bool)
	// CIDR places a network range; ok when p overlaps an entity's range.
	CIDR(p netip.Prefix) (country, entity string, ok bool)
}

// Options says how to read a folder.
type Options struct {
	// Root is the absolute repository boundary: local module sources must
	// resolve inside it. "" means the folder being read.
	Root string
	// Places places cross-account principals and ingress ranges. It may be
	// nil: then every cross-account principal and public CIDR is unresolved.
	Places Placer
}

// Error is a reason the Terraform files cannot be read properly: a file
// that cannot be read, is not UTF-8 text or does not parse, or a local
// module that cannot be followed. Path is relative to the folder being
// read, with '/'; Line is 0 when there is no line to point at.
type Error = diag.Diagnostic

// Read reads every *.tf, *.tf.json, *.tfvars and *.tfvars.json file below
// dir (skipping the folders repo.Walk skips), follows local module calls
// inside opts.Root, and returns the evidence, sorted with evidence.Sort.
// The error, if any, is an *Error.
func Read(dir string, opts Options) (ev []evidence.Evidence, err error) {
	defer func() {
		// A panic inside HCL or cty on input nobody foresaw is reported as
		// an error rather than crashing the run.
		if p := recover(); p != nil {
			ev, err = nil, &Error{Path: filepath.ToSlash(dir), Msg: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	root := opts.Root
	if root == "" {
		root = dir
	}
	v, err := repo.NewView(dir, root)
	if err != nil {
		return nil, err
	}
	return read(v, opts.Places)
}

// read reads the folder of a view.
func read(v *repo.View, places Placer) ([]evidence.Evidence, error) {
	if streaming {
		if ev, ok := newLoader(v).stream(places); ok {
			return ev, nil
		}
		// An error: read again the whole way, which reports the first one
		// in the order of files whatever the chunks.
	}
	l := newLoader(v)
	if err := l.load(); err != nil {
		return nil, err
	}
	r := newReader(l, places, &shared{})
	return r.run()
}

// streaming says whether Read reads in chunks (loader.stream) before it
// falls back on reading every file first; tests compare the two.
var streaming = true
