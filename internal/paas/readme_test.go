package paas

import (
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestReadmeSnippets keeps the README's "PaaS files" snippets true: every
// line of a code block there, comments aside, is a line of a scenario the
// golden outputs check.
func TestReadmeSnippets(t *testing.T) {
	part := testfs.Part(t, "../../README.md", "**PaaS files**", "## Untrusted repositories and limits")
	blocks := testfs.Fenced(part, "toml", "yaml", "hcl")
	testfs.LinesIn(t, blocks,
		"../../testdata/scenarios/paas-regions/api/fly.toml",
		"../../testdata/scenarios/paas-regions/render.yaml",
		"../../testdata/scenarios/paas-cloudfoundry/.noticevet.hcl",
	)
	if len(blocks) < 3 {
		t.Errorf("%d snippets, want 3", len(blocks))
	}
}
