package yamlnode

import (
	"testing"
)

func TestDecode(t *testing.T) {
	roots, err := Decode("a.yaml", []byte("a: 1\n---\n---\n- x\n"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 2 || Value(roots[0], "a") == nil || Value(roots[0], "a").Value != "1" || Value(roots[0], "b") != nil {
		t.Errorf("roots %v: want the mapping and the list, empty documents left out", roots)
	}
	for _, tt := range []struct{ src, want string }{
		{"a: 1\nb: c: d\n", "a.yaml:2: mapping values are not allowed in this context"},
		{"a: 1\rb: 2\n", "a.yaml:1: a carriage return that does not end a line (old Mac line breaks are not read)"},
		{"a: 1\r\nb: [[[[[[[[[[[x]]]]]]]]]]]\n", "a.yaml:2: nested more than 10 levels deep"},
	} {
		if _, err := Decode("a.yaml", []byte(tt.src), 10); err == nil || err.Error() != tt.want {
			t.Errorf("Decode(%q) = %v, want %s", tt.src, err, tt.want)
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
