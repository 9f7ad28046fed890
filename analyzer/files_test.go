package analyzer_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noticevet/noticevet/analyzer"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/pipeline"
	"github.com/noticevet/noticevet/internal/rules"
)

// TestDoc: Analyzer.Doc is the "Analyzer noticevet" section of doc.go, its
// summary on one line, so go vet's help and go doc cannot disagree.
func TestDoc(t *testing.T) {
	doc := analyzer.Analyzer.Doc
	summary, rest, _ := strings.Cut(doc, "\n\n")
	if want := "report Go calls that send or store personal data where the privacy notice says it does not go"; summary != want {
		t.Errorf("summary = %q, want %q", summary, want)
	}
	flat := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "//", "")), " ") }
	if rest == "" || !strings.Contains(flat(analyzer.DocGo), flat(rest)) {
		t.Errorf("Doc's body is not doc.go's section:\n%s", rest)
	}
	if strings.Contains(doc, "\n# ") {
		t.Errorf("Doc runs into the next section:\n%s", doc)
	}
	for _, bad := range []string{
		"// Package p is p.\npackage p\n",
		"// Package p.\n//\n// # Analyzer other\n//\n// other: x\npackage p\n",
		"// Package p.\n//\n// # Analyzer noticevet\n//\n// no summary line\npackage p\n",
		"package p\n",
	} {
		if _, err := analyzer.ExtractDoc(bad, "noticevet"); err == nil {
			t.Errorf("ExtractDoc(%q): want an error", bad)
		}
	}
}

func TestDependencyPath(t *testing.T) {
	for _, c := range []struct {
		path, modcache, gopath string
		want                   bool
	}{
		{"/home/u/go/pkg/mod/github.com/x/y@v1.0.0/y.go", "", "/home/u/go", true},
		{"/cache/github.com/x/y@v1.0.0/y.go", "/cache", "/home/u/go", true},
		{"/usr/local/go/src/net/http/client.go", "", "/home/u/go", true},
		{"/src/app/vendor/github.com/x/y/y.go", "", "/home/u/go", true},
		// Look-alikes: the module being checked.
		{"/src/app/internal/store/store.go", "", "/home/u/go", false},
		{"/src/app/vendors/acme/acme.go", "", "/home/u/go", false},
		{"/home/u/go/pkg/modules/app/a.go", "", "/home/u/go", false},
		{"/home/u/go/src/app/a.go", "", "/home/u/go", false},
	} {
		if got := analyzer.DependencyPath(filepath.FromSlash(c.path), c.modcache, c.gopath, "/usr/local/go"); got != c.want {
			t.Errorf("DependencyPath(%s) = %v, want %v", c.path, got, c.want)
		}
	}
}

// TestBaselineFlag: -baseline accepts under go vet what it accepts for
// noticevet check: the finding whose rule, country, file and line content
// it holds; the other findings stay.
func TestBaselineFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	dir := analysistest.TestData()
	src, err := os.ReadFile(filepath.Join(dir, "src", "example.com", "suppressed", "suppressed.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	n := 0
	for i, l := range lines {
		if strings.Contains(l, "/plain") {
			n = i + 1
		}
	}
	f := rules.Finding{Rule: "undisclosed-country", Country: "CN", Pos: evidence.Pos{Path: "suppressed.go", Line: n}}
	doc := map[string]any{
		"version": 1,
		"findings": []any{map[string]any{
			"rule": f.Rule, "country": f.Country, "fingerprint": pipeline.Fingerprint(f, lines[n-1]),
			"location": map[string]any{"path": f.Pos.Path, "line": n, "column": 2},
		}},
	}
	b, _ := json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	setFlag(t, "baseline", path)
	var got errorsOnly
	analysistest.Run(&got, dir, analyzer.Analyzer, "example.com/suppressed")
	all := strings.Join(got.msgs, "\n")
	if len(got.msgs) != 1 || !strings.Contains(all, "suppressed.go:"+itoa(n)+": no diagnostic was reported matching") {
		t.Errorf("with a baseline holding the /plain call: want only its want comment unmatched, got:\n%s", all)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
