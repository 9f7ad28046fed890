// Package tsv reads noticevet's embedded knowledge tables: tab-separated
// text with '#' comment lines (where each table names its sources), a
// header row, and data rows of a fixed width.
//
// A malformed row is a defect of the build, not of the user's input, so
// Rows panics naming the table and line; every table is loaded by its
// package's tests, so such a panic can never ship.
package tsv

import (
	"fmt"
	"strings"
)

// Row is one data row of a table.
type Row struct {
	File   string   // the table's file name, for messages
	Line   int      // 1-based line in the file
	Fields []string // exactly as many as the table has columns
}

// Fail panics with a message naming the row's table and line.
func (r Row) Fail(format string, args ...any) {
	panic(fmt.Sprintf("embedded %s line %d: %s", r.File, r.Line, fmt.Sprintf(format, args...)))
}

// Rows splits a table into its data rows, skipping comment lines, blank
// lines and the header row. Every row, the header included, must have
// exactly n fields, none empty or padded with spaces.
func Rows(file, text string, n int) []Row {
	var out []Row
	header := true
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := Row{File: file, Line: i + 1, Fields: strings.Split(line, "\t")}
		if len(r.Fields) != n {
			r.Fail("%d fields, want %d", len(r.Fields), n)
		}
		for _, f := range r.Fields {
			if f == "" || f != strings.TrimSpace(f) {
				r.Fail("empty or space-padded field %q", f)
			}
		}
		if header {
			header = false
			continue
		}
		out = append(out, r)
	}
	return out
}
