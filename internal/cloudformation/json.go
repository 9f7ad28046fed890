package cloudformation

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/yamlnode"
)

// readJSON reads a JSON template into the node tree YAML templates have,
// with encoding/json's tokens: a node's position is where its token
// starts, its column in bytes. JSON has no tags, so intrinsic functions
// are in their long form ({"Ref": ...}, {"Fn::Sub": ...}).
func readJSON(rel string, src []byte) (*yaml.Node, error) {
	if i := repo.Nesting(src, true, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	j := &jsonReader{rel: rel, src: src, lines: yamlnode.LineStarts(src), dec: dec}
	tok, off, err := j.next()
	if err != nil {
		return nil, err
	}
	n, err := j.value(tok, off)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		msg := "more than one JSON value"
		if err != nil {
			msg = strings.TrimPrefix(err.Error(), "json: ")
		}
		return nil, j.errorAt(int(dec.InputOffset()), "%s", msg)
	}
	return n, nil
}

type jsonReader struct {
	rel   string
	src   []byte
	lines []int
	dec   *json.Decoder
}

// next returns the next token and the offset where it starts.
func (j *jsonReader) next() (json.Token, int, error) {
	off := int(j.dec.InputOffset())
	tok, err := j.dec.Token()
	if err != nil {
		at := len(j.src)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at = int(se.Offset)
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of file"
		}
		return nil, 0, j.errorAt(at, "%s", msg)
	}
	for off < len(j.src) && strings.IndexByte(" \t\r\n:,", j.src[off]) >= 0 {
		off++
	}
	return tok, off, nil
}

// errorAt is a diagnostic at an offset, with its line and column.
func (j *jsonReader) errorAt(off int, format string, args ...any) error {
	line, col := j.pos(off)
	d := diag.Errorf(j.rel, line, format, args...)
	d.Column, d.ShowColumn = col, true
	return d
}

// pos turns an offset into a line and a byte column.
func (j *jsonReader) pos(off int) (int, int) {
	if off > len(j.src) {
		off = len(j.src)
	}
	i := sort.Search(len(j.lines), func(i int) bool { return j.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - j.lines[i] + 1
}

// value reads the value that starts with tok, at off.
func (j *jsonReader) value(tok json.Token, off int) (*yaml.Node, error) {
	line, col := j.pos(off)
	n := &yaml.Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		} else {
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
		}
		for j.dec.More() {
			tok, off, err := j.next()
			if err != nil {
				return nil, err
			}
			if n.Kind == yaml.MappingNode {
				kl, kc := j.pos(off)
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: tok.(string), Line: kl, Column: kc})
				if tok, off, err = j.next(); err != nil {
					return nil, err
				}
			}
			c, err := j.value(tok, off)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
		if _, _, err := j.next(); err != nil { // the closing bracket
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", "false"
		if t {
			n.Value = "true"
		}
	default: // null
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
