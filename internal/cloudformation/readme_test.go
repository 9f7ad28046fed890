package cloudformation

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeSnippets keeps the README's "CloudFormation and SAM" snippets
// true: every line of its YAML and HCL blocks, comments aside, is a line
// of the scenario the golden outputs check.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "**CloudFormation and SAM**")
	if start < 0 {
		t.Fatal("README.md has no CloudFormation and SAM part")
	}
	end := strings.Index(text[start+1:], "\n**")
	if end < 0 {
		t.Fatal("the CloudFormation and SAM part has no end")
	}
	part := text[start : start+1+end]
	var scenario string
	for _, f := range []string{
		"../../testdata/scenarios/cfn-global-table/cloudformation/users/template.yaml",
		"../../testdata/scenarios/cfn-global-table/.noticevet.hcl",
	} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		scenario += string(b)
	}
	n := 0
	for _, fence := range []string{"```yaml\n", "```hcl\n"} {
		for _, b := range strings.Split(part, fence)[1:] {
			n++
			b, _, _ = strings.Cut(b, "```")
			for _, line := range strings.Split(b, "\n") {
				line, _, _ = strings.Cut(line, " #")
				line = strings.TrimRight(line, " ")
				if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if !strings.Contains(scenario, line+"\n") {
					t.Errorf("README line %q is in no scenario file", line)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d snippets, want 2", n)
	}
}
