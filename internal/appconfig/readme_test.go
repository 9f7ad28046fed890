package appconfig

import (
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestReadmeSnippets keeps the README's configuration snippets true: every
// line of a YAML block in its "Application configuration" part, comments
// aside, is a line of the scenario the golden outputs check.
func TestReadmeSnippets(t *testing.T) {
	part := testfs.Part(t, "../../README.md", "**Application configuration**", "**PaaS files**")
	blocks := testfs.Fenced(part, "yaml")
	if len(blocks) < 2 {
		t.Fatalf("%d YAML snippets, want 2", len(blocks))
	}
	testfs.LinesIn(t, blocks,
		"../../testdata/scenarios/config-s3-replicas/server/configurations/local.yaml",
		"../../testdata/scenarios/config-compose-dsn/docker-compose.yml",
		"../../testdata/scenarios/go-compose-dsn/docker-compose.yml",
	)
}
