package testfs

import (
	"path/filepath"
	"reflect"
	"testing"
)

// TestPartFenced: a part runs from its title to the next end marker after
// it, and only the blocks of the languages asked are its snippets.
func TestPartFenced(t *testing.T) {
	dir := t.TempDir()
	Write(t, dir, map[string]string{"README.md": "**B**\n```yaml\nb: 0\n```\n**A**\ntext\n```yaml\na: 1\n```\n" +
		"```sh\nls\n```\n```hcl\nx = 2\n```\n**B**\n```yaml\nb: 3\n```\n"})
	part := Part(t, filepath.Join(dir, "README.md"), "**A**", "\n**")
	if got, want := Fenced(part, "yaml", "hcl"), []string{"a: 1\n", "x = 2\n"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Fenced = %q, want %q", got, want)
	}
	if got := Fenced(part, "toml"); got != nil {
		t.Errorf("Fenced toml = %q, want none", got)
	}
}

// TestLinesIn: lines of the files pass, comments and blank lines aside.
func TestLinesIn(t *testing.T) {
	dir := t.TempDir()
	Write(t, dir, map[string]string{"a.yaml": "a: 1\n  b: 2\n"})
	LinesIn(t, []string{"# a file\na: 1 # the a\n\n  b: 2\n"}, filepath.Join(dir, "a.yaml"))
}
