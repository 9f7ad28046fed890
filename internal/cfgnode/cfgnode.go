// Package cfgnode holds what the readers of configuration files share:
// go-yaml nodes whose columns count bytes, JSON read into the same nodes
// (encoding/json tokens and their offsets), and the wording of the
// parsers' errors (go-yaml, encoding/json, go-toml's unstable parser) as a
// diagnostic naming the file and line.
//
// Every position it gives is 1-based, with columns in bytes, as
// evidence.Pos wants; go-yaml counts columns in characters.
package cfgnode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

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

// Pos turns a byte offset into a line and a byte column, given the file's
// LineStarts.
func Pos(lines []int, off int) (line, col int) {
	i := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - lines[i] + 1
}

// Columns turns go-yaml's columns, counted in characters, into bytes.
type Columns struct {
	src   []byte
	lines []int
	// last is where Byte last stopped.
	last struct{ line, col, off int }
}

// NewColumns returns the Columns of a file.
func NewColumns(src []byte) *Columns { return &Columns{src: src, lines: LineStarts(src)} }

// Byte returns the byte column of a character column. Positions asked in
// file order cost the length of the line once: the count resumes from
// the previous position when it is on the same line, so a long flow
// sequence on one line costs its length, not its length squared.
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

// CheckLineBreaks reports a carriage return that does not end a line:
// YAML breaks lines there, and would count lines that no other reader of
// the file counts.
func CheckLineBreaks(rel string, src []byte) error {
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 >= len(src) || src[i+1] != '\n' {
			return diag.Errorf(rel, repo.LineAt(src, i), "a carriage return that does not end a line (old Mac line breaks are not read)")
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return nil
}

// yamlErrLine is the line a go-yaml error names.
var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// YAMLError words a go-yaml error as a diagnostic at the line it names.
func YAMLError(rel string, err error) error {
	msg := err.Error()
	line := 0
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return diag.Errorf(rel, line, "%s", msg)
}

// YAML decodes every document of a YAML file, each document's root (a
// DocumentNode's content) in file order; an empty (or null) document is
// left out.
// Every node's Column counts bytes. A file nested more than maxNesting
// levels, or that does not parse, is a diagnostic at its line.
func YAML(rel string, src []byte, maxNesting int) ([]*yaml.Node, error) {
	if i := repo.Nesting(src, false, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	if err := CheckLineBreaks(rel, src); err != nil {
		return nil, err
	}
	cols := NewColumns(src)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var roots []*yaml.Node
	for {
		n := new(yaml.Node)
		err := dec.Decode(n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, YAMLError(rel, err)
		}
		root := n
		if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
			root = root.Content[0]
		}
		if root.Kind == 0 || root.Kind == yaml.DocumentNode || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
			continue // an empty document
		}
		if err := byteColumns(rel, root, cols, map[*yaml.Node]bool{}, 0, maxNesting); err != nil {
			return nil, err
		}
		roots = append(roots, root)
	}
	return roots, nil
}

// byteColumns sets the Column of n and the nodes under it in bytes,
// each node once (an alias shares its anchor's node).
func byteColumns(rel string, n *yaml.Node, cols *Columns, seen map[*yaml.Node]bool, depth, max int) error {
	if seen[n] {
		return nil
	}
	if depth > max {
		return diag.Errorf(rel, n.Line, "nested more than %d levels deep", max)
	}
	seen[n] = true
	n.Column = cols.Byte(n.Line, n.Column)
	if last := len(cols.lines); n.Line > last {
		// go-yaml puts an empty node that ends the file ("?", "a:")
		// on the line after a last line without a line break: that is
		// the end of the last line.
		n.Line, n.Column = last, len(cols.src)-cols.lines[last-1]+1
	}
	for _, c := range n.Content {
		if err := byteColumns(rel, c, cols, seen, depth+1, max); err != nil {
			return err
		}
	}
	return nil
}

// TOMLError words an error of go-toml's unstable parser as a diagnostic
// at the line it highlights.
func TOMLError(rel string, p *unstable.Parser, err error) error {
	line := 0
	var pe *unstable.ParserError
	if errors.As(err, &pe) && pe.Highlight != nil {
		line = p.Shape(p.Range(pe.Highlight)).Start.Line
	}
	return diag.Errorf(rel, line, "%s", err.Error())
}
