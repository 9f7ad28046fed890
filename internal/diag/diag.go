// Package diag is the one positioned problem noticevet reports: a file
// that cannot be read, a Terraform or configuration file that does not
// parse, a Go package that does not compile, a notice comment that is
// wrong. Every reader, the configuration and the check report problems as
// Diagnostics, so every output (the exit-2 message, JSON, SARIF) can carry
// the same file, line, column and end.
//
// It follows hcl/v2's Diagnostics: a reader keeps every problem it finds,
// each with its range, and the message shown on stderr is the first.
package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// Severity says whether a problem stops the check.
type Severity int

// The severities. The zero value is Error, so a Diagnostic made without
// one stops the check.
const (
	Error   Severity = iota // the check cannot be done properly: exit 2
	Warning                 // worth saying; the result stands
)

// Diagnostic is one problem at a place in a file.
type Diagnostic struct {
	Severity Severity
	// Path is relative to the checked folder with '/', or as the user
	// named the file when it lies outside it.
	Path string
	// Line and Column are where the problem starts, 1-based, Column in
	// bytes; 0 when not known. EndLine and EndColumn are where it ends
	// (Column exclusive), 0 when not known.
	Line, Column       int
	EndLine, EndColumn int
	// Msg is the problem, one line.
	Msg string
	// ShowColumn makes Error print the column as well as the line. Each
	// reader prints positions as its language's own tools do: the go
	// command prints file:line:column, Terraform and Markdown tools name
	// the line; the column is kept for JSON and SARIF either way.
	ShowColumn bool
}

// Error returns "path:line:column: msg" (with ShowColumn), "path:line: msg",
// "path: msg" without a line, or msg without a path, always on one line.
func (d *Diagnostic) Error() string {
	var s string
	switch {
	case d.Path == "":
		s = d.Msg
	case d.Line > 0 && d.Column > 0 && d.ShowColumn:
		s = fmt.Sprintf("%s:%d:%d: %s", d.Path, d.Line, d.Column, d.Msg)
	case d.Line > 0:
		s = fmt.Sprintf("%s:%d: %s", d.Path, d.Line, d.Msg)
	default:
		s = fmt.Sprintf("%s: %s", d.Path, d.Msg)
	}
	return oneLine.Replace(s)
}

// oneLine keeps a message on one line whatever a library put in it: a
// newline inside a file name or a quoted value is shown escaped.
var oneLine = strings.NewReplacer("\n", `\n`, "\r", `\r`)

// Errorf returns an error Diagnostic at a line of a file (0: the file).
func Errorf(path string, line int, format string, args ...any) *Diagnostic {
	return &Diagnostic{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Diagnostics is every problem a reader found, in the order it found them.
// As an error it reads as its first error.
type Diagnostics []*Diagnostic

// Error returns the first error's message (the first diagnostic's when
// none is an error).
func (ds Diagnostics) Error() string {
	if d := ds.First(); d != nil {
		return d.Error()
	}
	return "no problem"
}

// First returns the first error, or the first diagnostic when none is an
// error, or nil when there are none.
func (ds Diagnostics) First() *Diagnostic {
	for _, d := range ds {
		if d.Severity == Error {
			return d
		}
	}
	if len(ds) > 0 {
		return ds[0]
	}
	return nil
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns ds as an error when it holds an error, or nil.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Unwrap lets errors.As find the first error's *Diagnostic.
func (ds Diagnostics) Unwrap() error {
	if d := ds.First(); d != nil {
		return d
	}
	return nil
}

// All returns every diagnostic an error holds: the Diagnostics, the one
// *Diagnostic, or for any other error one Diagnostic whose message is
// the error's, with no position. A nil error holds none.
func All(err error) Diagnostics {
	if err == nil {
		return nil
	}
	var ds Diagnostics
	if errors.As(err, &ds) {
		return ds
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		return Diagnostics{d}
	}
	return Diagnostics{{Msg: err.Error()}}
}

// Some names up to three items and how many more, so a message that lists
// files or packages stays one short line: "a, b, c and 2 more". No items
// read as "nothing".
func Some(items []string) string {
	const shown = 3
	switch n := len(items); {
	case n == 0:
		return "nothing"
	case n <= shown:
		return strings.Join(items, ", ")
	default:
		return fmt.Sprintf("%s and %d more", strings.Join(items[:shown], ", "), n-shown)
	}
}

// Cause is what a file operation failed with, without the path an
// *fs.PathError puts before it: a reader names the file its own way
// (relative, as the user wrote it), so the message says it once.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
