package terraform

import (
	"fmt"
	"net/netip"
	"path/filepath"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
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
type Error struct {
	Path   string
	Line   int
	Column int // 0 when not known
	Msg    string
}

// Error returns "path:line:column: msg", "path:line: msg" without a
// column, or "path: msg" without a line, always on one line.
func (e *Error) Error() string {
	s := fmt.Sprintf("%s: %s", e.Path, e.Msg)
	switch {
	case e.Line > 0 && e.Column > 0:
		s = fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		s = fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return oneLine.Replace(s)
}

var oneLine = strings.NewReplacer("\n", `\n`, "\r", `\r`)

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
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, &Error{Path: filepath.ToSlash(dir), Msg: err.Error()}
	}
	root := absDir
	if opts.Root != "" {
		if root, err = filepath.Abs(opts.Root); err != nil {
			return nil, &Error{Path: filepath.ToSlash(opts.Root), Msg: err.Error()}
		}
	}
	if streaming {
		if ev, ok := newLoader(absDir, root).stream(opts.Places); ok {
			return ev, nil
		}
		// An error: read again the whole way, which reports the first one
		// in the order of files whatever the chunks.
	}
	l := newLoader(absDir, root)
	if err := l.load(); err != nil {
		return nil, err
	}
	r := newReader(l, opts.Places, &shared{})
	return r.run()
}

// streaming says whether Read reads in chunks (loader.stream) before it
// falls back on reading every file first; tests compare the two.
var streaming = true
