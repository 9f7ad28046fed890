package cfgnode

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/diag"
)

// dump writes a node tree one node a line: line:col kind tag value.
func dump(n *yaml.Node, depth int, b *strings.Builder) {
	fmt.Fprintf(b, "%s%d:%d %d %s %q\n", strings.Repeat(" ", depth), n.Line, n.Column, n.Kind, n.Tag, n.Value)
	for _, c := range n.Content {
		dump(c, depth+1, b)
	}
}

func TestJSON(t *testing.T) {
	src := "{\n  \"régions\": [\"hnd1\", 1, 2.5, true, null],\n  \"f\": {}\n}"
	n, err := JSON("vercel.json", []byte(src), 10)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	dump(n, 0, &b)
	want := `1:1 4 !!map ""
 2:3 8 !!str "régions"
 2:15 2 !!seq ""
  2:16 8 !!str "hnd1"
  2:24 8 !!int "1"
  2:27 8 !!float "2.5"
  2:32 8 !!bool "true"
  2:38 8 !!null "null"
 3:3 8 !!str "f"
 3:8 4 !!map ""
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if s, ok := String(Get(n, "régions").Content[0]); !ok || s != "hnd1" {
		t.Errorf("String = %q, %v", s, ok)
	}
	if _, ok := String(Get(n, "régions").Content[1]); ok {
		t.Error("a number is not a string")
	}
	if Get(n, "missing") != nil || Get(nil, "x") != nil {
		t.Error("Get of a missing key")
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		yaml      bool
		want      string
	}{
		{"json syntax", "{\n\"a\": [1,\n}", false, "f:3:"},
		{"json two values", "{}\n{}", false, "f:2:"},
		{"json truncated", "{\"a\":", false, "unexpected end of file"},
		{"json nesting", strings.Repeat("[", 20), false, "nested more than 10 levels deep"},
		{"yaml syntax", "a: b\nc: [d\n", true, "f:"},
		{"yaml lone CR", "a: b\rc: d\n", true, "f:1: a carriage return"},
		{"yaml nesting", strings.Repeat("- ", 20) + "x\n", true, "nested more than 10 levels deep"},
	} {
		var err error
		if tt.yaml {
			_, err = YAML("f", []byte(tt.src), 10)
		} else {
			_, err = JSON("f", []byte(tt.src), 10)
		}
		var d *diag.Diagnostic
		if err == nil || !errors.As(err, &d) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want a diagnostic containing %q", tt.name, err, tt.want)
		}
	}
}

// TestYAMLDocuments: every document's root, empty ones left out (a
// document that is null, "---" alone or "~", is empty), and the exact
// wording of each error.
func TestYAMLDocuments(t *testing.T) {
	roots, err := YAML("a.yaml", []byte("a: 1\n---\n---\n- x\n--- ~\n"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 2 || Get(roots[0], "a") == nil || Get(roots[0], "a").Value != "1" || Get(roots[0], "b") != nil || roots[1].Kind != yaml.SequenceNode {
		t.Errorf("roots %v: want the mapping and the list, empty documents left out", roots)
	}
	for _, tt := range []struct{ src, want string }{
		{"a: 1\nb: c: d\n", "a.yaml:2: mapping values are not allowed in this context"},
		{"a: 1\rb: 2\n", "a.yaml:1: a carriage return that does not end a line (old Mac line breaks are not read)"},
		{"a: 1\r\nb: [[[[[[[[[[[x]]]]]]]]]]]\n", "a.yaml:2: nested more than 10 levels deep"},
	} {
		if _, err := YAML("a.yaml", []byte(tt.src), 10); err == nil || err.Error() != tt.want {
			t.Errorf("YAML(%q) = %v, want %s", tt.src, err, tt.want)
		}
	}
}

// TestJSONErrorColumn: a JSON error keeps its byte column for the
// readers that show it, and names only the line unless asked.
func TestJSONErrorColumn(t *testing.T) {
	for _, tt := range []struct {
		src       string
		line, col int
		want      string
	}{
		{"{\"é\": 1,}", 1, 10, "f:1: invalid character '}' looking for beginning of object key string"},
		{"{}\n {}", 2, 3, "f:2: more than one JSON value"}, // where the decoder stopped: after the second value's "{"
		{"{\"a\":", 1, 6, "f:1: unexpected end of file"},
	} {
		_, err := JSON("f", []byte(tt.src), 10)
		var d *diag.Diagnostic
		if !errors.As(err, &d) || d.Line != tt.line || d.Column != tt.col || err.Error() != tt.want {
			t.Errorf("JSON(%q) = %v, want %s at %d:%d", tt.src, err, tt.want, tt.line, tt.col)
		}
	}
}

func TestColumns(t *testing.T) {
	c := NewColumns([]byte("a: x\nキー: [日本, b]\n"))
	for _, tt := range []struct{ line, col, want int }{
		{1, 4, 4},
		{2, 6, 10}, // after "キー: " (three-byte characters)
		{2, 9, 17}, // after "[日本, ", asked in file order
		{2, 1, 1},  // back at the start of the line
		{9, 3, 3},  // outside the file: unchanged
	} {
		if got := c.Byte(tt.line, tt.col); got != tt.want {
			t.Errorf("Byte(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

// TestYAMLByteColumns: go-yaml counts characters; every node's column is
// turned into bytes once, an anchored node where it is written.
func TestYAMLByteColumns(t *testing.T) {
	roots, err := YAML("f", []byte("---\n---\nkey: &a \"日本\"\nb: [x, *a, 日本, y]\n"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 1 {
		t.Fatalf("%d roots, want 1 (an empty document is left out)", len(roots))
	}
	var b strings.Builder
	dump(roots[0], 0, &b)
	want := `3:1 4 !!map ""
 3:1 8 !!str "key"
 3:6 8 !!str "日本"
 4:1 8 !!str "b"
 4:4 2 !!seq ""
  4:5 8 !!str "x"
  4:8 16  "a"
  4:12 8 !!str "日本"
  4:20 8 !!str "y"
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// FuzzParse: whatever a file holds, YAML and JSON give nodes inside the
// file or a diagnostic, and never panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"regions": ["hnd1"], "functions": {"api/*.js": {"memory": 1024}}}`), true)
	f.Add([]byte("services:\n  - type: web\n    region: frankfurt\n    name: &n 日本\n    x: *n\n"), false)
	f.Add([]byte("[1, {\"a\": [true, null, -1.5e3]}]"), true)
	f.Fuzz(func(t *testing.T, src []byte, json bool) {
		if !utf8.Valid(src) {
			return // the view reads only UTF-8 text
		}
		var (
			roots []*yaml.Node
			err   error
		)
		if json {
			var n *yaml.Node
			n, err = JSON("f", src, 50)
			roots = []*yaml.Node{n}
		} else {
			roots, err = YAML("f", src, 50)
		}
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v is not a diagnostic", err, err)
			}
			return
		}
		lines := LineStarts(src)
		var check func(n *yaml.Node, depth int)
		check = func(n *yaml.Node, depth int) {
			if depth > 200 {
				return // an alias cycle; positions were checked on the way
			}
			if n.Line < 1 || n.Line > len(lines) || n.Column < 1 {
				t.Fatalf("node %q at %d:%d, outside a file of %d lines", n.Value, n.Line, n.Column, len(lines))
			}
			end := len(src)
			if n.Line < len(lines) {
				end = lines[n.Line]
			}
			if lines[n.Line-1]+n.Column-1 > end {
				t.Fatalf("node %q at %d:%d, past the end of its line", n.Value, n.Line, n.Column)
			}
			for _, c := range n.Content {
				check(c, depth+1)
			}
		}
		for _, r := range roots {
			check(r, 0)
		}
	})
}
