package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./internal/report -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./internal/report -update rewrites it after an intended change):\n%s", path, firstDiff(string(got), string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n--- got\n" + gl + "\n--- want\n" + wl
		}
	}
	return "(same lines, different bytes)"
}

// extensions are the golden files' suffixes, one per format.
var extensions = map[string]string{
	"text":     "txt",
	"json":     "json",
	"sarif":    "sarif",
	"github":   "github.txt",
	"markdown": "md",
	"rdjson":   "rdjson",
}

func render(t *testing.T, format string, r *Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, fx := range fixtures {
		for _, format := range Formats {
			t.Run(fx.name+"/"+format, func(t *testing.T) {
				golden(t, fx.name+"."+extensions[format], render(t, format, fx.r()))
			})
		}
	}
}

func TestGoldenDataMap(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := DataMap(&buf, fx.r()); err != nil {
				t.Fatal(err)
			}
			golden(t, fx.name+".map.md", buf.Bytes())
		})
	}
}

func TestEveryFormatHasAGoldenExtension(t *testing.T) {
	for _, f := range Formats {
		if extensions[f] == "" {
			t.Errorf("format %q has no golden file extension", f)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, "yaml", emptyResult()); err == nil {
		t.Error("Write accepted an unknown format")
	}
}

// Writers must not change the result they are given.
func TestWritersDoNotChangeTheResult(t *testing.T) {
	for _, fx := range fixtures {
		want := render(t, "json", fx.r())
		r := fx.r()
		for _, format := range Formats {
			render(t, format, r)
		}
		if got := render(t, "json", r); !bytes.Equal(got, want) {
			t.Errorf("%s: a writer changed the result", fx.name)
		}
	}
}
