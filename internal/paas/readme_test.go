package paas

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeSnippets keeps the README's "PaaS files" snippets true: every
// line of a code block there, comments aside, is a line of a scenario the
// golden outputs check.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "**PaaS files**")
	end := strings.Index(text, "## Untrusted repositories and limits")
	if start < 0 || end < start {
		t.Fatal("README.md has no PaaS files part")
	}
	var scenarios string
	for _, f := range []string{
		"../../testdata/scenarios/paas-regions/api/fly.toml",
		"../../testdata/scenarios/paas-regions/render.yaml",
		"../../testdata/scenarios/paas-cloudfoundry/.noticevet.hcl",
	} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		scenarios += string(b)
	}
	blocks := strings.Split(text[start:end], "```")
	n := 0
	for i := 1; i < len(blocks); i += 2 {
		lang, body, _ := strings.Cut(blocks[i], "\n")
		if lang != "toml" && lang != "yaml" && lang != "hcl" {
			continue
		}
		n++
		for _, line := range strings.Split(body, "\n") {
			line, _, _ = strings.Cut(line, " #")
			line = strings.TrimRight(line, " ")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !strings.Contains(scenarios, line+"\n") {
				t.Errorf("README line %q is in no scenario file", line)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d snippets, want 3", n)
	}
}
