package cloudformation

import (
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestReadmeSnippets keeps the README's "CloudFormation and SAM" snippets
// true: every line of its YAML and HCL blocks, comments aside, is a line
// of the scenario the golden outputs check.
func TestReadmeSnippets(t *testing.T) {
	part := testfs.Part(t, "../../README.md", "**CloudFormation and SAM**", "\n**")
	blocks := testfs.Fenced(part, "yaml", "hcl")
	testfs.LinesIn(t, blocks,
		"../../testdata/scenarios/cfn-global-table/cloudformation/users/template.yaml",
		"../../testdata/scenarios/cfn-global-table/.noticevet.hcl",
	)
	if len(blocks) != 2 {
		t.Errorf("%d snippets, want 2", len(blocks))
	}
}
