// Package yamlnode reads YAML files as go-yaml node trees for the sources
// that need positions (application configuration, CloudFormation
// templates), so that every one of them bounds nesting, refuses line
// breaks the other readers would count differently, words parse errors as
// diagnostics and turns go-yaml's character columns into byte columns the
// same way.
package yamlnode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// errLine is the line a go-yaml error names.
var errLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Decode reads every document of a YAML file and returns the root node of
// each (the document node's content), leaving out empty documents. A file
// nested more than maxNesting levels deep, or that breaks lines with a
// lone carriage return, or that does not parse, is a diagnostic at its
// line. Aliases are left as alias nodes: a reader that follows them bounds
// what it visits.
func Decode(rel string, src []byte, maxNesting int) ([]*yaml.Node, error) {
	if i := repo.Nesting(src, false, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	// YAML breaks lines at a lone carriage return too, and would count
	// lines that no other reader of the file counts.
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 >= len(src) || src[i+1] != '\n' {
			return nil, diag.Errorf(rel, repo.LineAt(src, i), "a carriage return that does not end a line (old Mac line breaks are not read)")
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	var roots []*yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			msg := err.Error()
			line := 0
			if m := errLine.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
				msg = m[2]
			} else {
				msg = strings.TrimPrefix(msg, "yaml: ")
			}
			return nil, diag.Errorf(rel, line, "%s", msg)
		}
		root := &n
		if root.Kind == yaml.DocumentNode {
			if len(root.Content) != 1 {
				continue
			}
			root = root.Content[0]
		}
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" && root.Value == "" && root.Style == 0 {
			continue // an empty document ("---" alone, or a trailing one)
		}
		roots = append(roots, root)
	}
	return roots, nil
}

// Value returns the value of a key of a mapping, or nil.
func Value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// LineStarts returns the offset of each line's first byte.
func LineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Columns turns go-yaml's columns, counted in characters, into bytes.
type Columns struct {
	src   []byte
	lines []int
	// last is where Byte last stopped.
	last struct{ line, col, off int }
}

// NewColumns returns the column converter of a file.
func NewColumns(src []byte) *Columns { return &Columns{src: src, lines: LineStarts(src)} }

// Byte returns the byte column of go-yaml's (line, col). Positions asked
// in file order resume from the previous one when it is on the same line:
// a long flow sequence on one line costs its length, not its length
// squared.
func (c *Columns) Byte(line, col int) int {
	if line < 1 || line > len(c.lines) || col < 1 {
		return col
	}
	n, off := 1, c.lines[line-1]
	if c.last.line == line && c.last.col <= col {
		n, off = c.last.col, c.last.off
	}
	for ; n < col && off < len(c.src) && c.src[off] != '\n'; n++ {
		_, size := utf8.DecodeRune(c.src[off:])
		off += size
	}
	c.last.line, c.last.col, c.last.off = line, n, off
	return off - c.lines[line-1] + 1
}
