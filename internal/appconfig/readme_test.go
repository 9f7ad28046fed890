package appconfig

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeSnippets keeps the README's configuration snippets true: every
// line of a YAML block in its "Application configuration" part, comments
// aside, is a line of the scenario the golden outputs check.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "**Application configuration**")
	end := strings.Index(text, "**PaaS files**")
	if start < 0 || end < start {
		t.Fatal("README.md has no Application configuration part")
	}
	var scenarios string
	for _, f := range []string{
		"../../testdata/scenarios/config-s3-replicas/server/configurations/local.yaml",
		"../../testdata/scenarios/config-compose-dsn/docker-compose.yml",
	} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		scenarios += string(b)
	}
	blocks := strings.Split(text[start:end], "```yaml\n")[1:]
	if len(blocks) < 2 {
		t.Fatalf("%d YAML snippets, want 2", len(blocks))
	}
	for _, b := range blocks {
		b, _, _ = strings.Cut(b, "```")
		for _, line := range strings.Split(b, "\n") {
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
}
