package cfgnode

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// JSON reads a JSON file into go-yaml nodes with encoding/json's token
// stream: objects are mapping nodes, arrays sequence nodes, and every
// value a scalar node whose Tag says its type (!!str, !!int or !!float,
// !!bool, !!null) and whose Line and Column (in bytes) are where its token
// starts. A file nested more than maxNesting levels, that does not parse,
// or that holds more than one value is a diagnostic at its line; one that
// does not parse or holds more than one value has the column too (in
// bytes), which a reader whose format's tools print columns shows with
// ShowColumn.
func JSON(rel string, src []byte, maxNesting int) (*yaml.Node, error) {
	if i := repo.Nesting(src, true, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	j := &jsonReader{rel: rel, src: src, lines: LineStarts(src), dec: dec}
	tok, off, err := j.next()
	if err != nil {
		return nil, err
	}
	root, err := j.value(tok, off, 0, maxNesting)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		msg := "more than one JSON value"
		if err != nil {
			msg = strings.TrimPrefix(err.Error(), "json: ")
		}
		return nil, j.errorAt(int(dec.InputOffset()), msg)
	}
	return root, nil
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
		return nil, 0, j.errorAt(at, msg)
	}
	for off < len(j.src) && strings.IndexByte(" \t\r\n:,", j.src[off]) >= 0 {
		off++
	}
	return tok, off, nil
}

// errorAt is a diagnostic at an offset (the end of the file when past
// it), with its line and byte column.
func (j *jsonReader) errorAt(off int, msg string) *diag.Diagnostic {
	line, col := Pos(j.lines, min(off, len(j.src)))
	d := diag.Errorf(j.rel, line, "%s", msg)
	d.Column = col
	return d
}

// value reads the value that starts with tok at off.
func (j *jsonReader) value(tok json.Token, off, depth, max int) (*yaml.Node, error) {
	line, col := Pos(j.lines, off)
	n := &yaml.Node{Line: line, Column: col}
	if depth > max {
		return nil, diag.Errorf(j.rel, line, "nested more than %d levels deep", max)
	}
	switch t := tok.(type) {
	case json.Delim:
		end := json.Delim('}')
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
		if t == '[' {
			end = json.Delim(']')
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		}
		for {
			tok, off, err := j.next()
			if err != nil {
				return nil, err
			}
			if tok == end {
				return n, nil
			}
			if n.Kind == yaml.MappingNode {
				k, err := j.value(tok, off, depth+1, max) // a key is a string token
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, k)
				if tok, off, err = j.next(); err != nil {
					return nil, err
				}
			}
			c, err := j.value(tok, off, depth+1, max)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", t.String()
		if !strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!int"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", "false"
		if t {
			n.Value = "true"
		}
	default:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// Get returns the value of a key of a mapping node, or nil: the last one
// when a key repeats, as a JSON or YAML decoder into a map keeps it.
func Get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	var v *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			v = m.Content[i+1]
		}
	}
	return v
}

// String returns the value of a node that is a string scalar.
func String(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "") {
		return "", false
	}
	return n.Value, true
}
