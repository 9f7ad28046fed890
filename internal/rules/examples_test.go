package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/check"
	"github.com/noticevet/noticevet/internal/rules"
)

// TestExamples runs every rule's example and look-alike through the whole
// check, as `noticevet check` would on such a repository: the example must
// give a finding of the rule, with the rule's severity, and the look-alike
// none.
func TestExamples(t *testing.T) {
	for _, r := range rules.All {
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Example) == 0 || len(r.LookAlike) == 0 {
				t.Fatal("the rule has no runnable example or look-alike")
			}
			got := run(t, r.Example)
			n := 0
			for _, f := range got {
				if f.Rule == r.ID {
					n++
					if f.Severity != r.Severity {
						t.Errorf("example: %s finding has severity %s, want the rule's %s", r.ID, f.Severity, r.Severity)
					}
				}
			}
			if n == 0 {
				t.Errorf("example: no %s finding; got %v", r.ID, got)
			}
			for _, f := range run(t, r.LookAlike) {
				if f.Rule == r.ID {
					t.Errorf("look-alike: %s:%d: %s [%s]", f.Pos.Path, f.Pos.Line, f.Message, f.Rule)
				}
			}
		})
	}
}

func run(t *testing.T, files map[string]string) []rules.Finding {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := check.Run(check.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

// TestExamplesShown keeps the examples the docs show (Fires and Quiet, in
// `noticevet help`, SARIF and the README) true to the runnable ones: every
// file they name is in the repository, and every quoted text is in one of
// its files.
func TestExamplesShown(t *testing.T) {
	fileRef := regexp.MustCompile(`(?m)^([\w./-]+\.(?:md|tf)): `)
	quoted := regexp.MustCompile(`"([^"]+)"|「([^」]+)」`)
	for _, r := range rules.All {
		for _, c := range []struct {
			which, shown string
			files        map[string]string
		}{{"Fires", r.Fires, r.Example}, {"Quiet", r.Quiet, r.LookAlike}} {
			for _, m := range fileRef.FindAllStringSubmatch(c.shown, -1) {
				if _, ok := c.files[m[1]]; !ok {
					t.Errorf("%s %s names %s, which its repository lacks", r.ID, c.which, m[1])
				}
			}
			var all strings.Builder
			for _, content := range c.files {
				all.WriteString(content)
			}
			for _, m := range quoted.FindAllStringSubmatch(c.shown, -1) {
				q := m[1] + m[2]
				if !strings.Contains(all.String(), q) {
					t.Errorf("%s %s quotes %q, which no file of its repository holds", r.ID, c.which, q)
				}
			}
		}
	}
}
