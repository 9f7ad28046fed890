package check

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
	"github.com/noticevet/noticevet/notices"
)

// claimsOf renders claims as "path:line scope countries link".
func claimsOf(cs []notices.Claim) []string {
	var out []string
	for _, c := range cs {
		s := c.Path + ":" + itoa(c.Line) + " " + string(c.Scope) + " " + strings.Join(c.Countries, ",")
		if c.Link != "" {
			s += " " + c.Link
		}
		out = append(out, s)
	}
	return out
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

// TestPointerFollowed: a pointer to a Markdown file of the repository
// reads that file as part of the notice; one to anything else is left
// a pointer, and nothing outside the repository is read.
func TestPointerFollowed(t *testing.T) {
	const lead = "# Privacy\n\nWe may transfer personal data to service providers abroad.\n\n"
	const list = "# Recipients\n\nWe transfer personal data to Example Inc. in the United States.\n"
	tests := []struct {
		name  string
		files map[string]string
		link  string
		want  []string
	}{
		{"a Markdown file in the repository", map[string]string{"docs/recipients.md": list}, "docs/recipients.md",
			[]string{"PRIVACY.md:03 vague-foreign ", "docs/recipients.md:03 inclusive US"}},
		{"with an anchor, escaped", map[string]string{"docs/our list.md": list}, "docs/our%20list.md#recipients",
			[]string{"PRIVACY.md:03 vague-foreign ", "docs/our list.md:03 inclusive US"}},
		{"an address on the web", nil, "https://example.com/recipients.md",
			[]string{"PRIVACY.md:03 vague-foreign ", "PRIVACY.md:05 elsewhere  https://example.com/recipients.md"}},
		{"a file outside the repository", nil, "../outside.md",
			[]string{"PRIVACY.md:03 vague-foreign ", "PRIVACY.md:05 elsewhere  ../outside.md"}},
		{"a root path", nil, "/outside.md",
			[]string{"PRIVACY.md:03 vague-foreign ", "PRIVACY.md:05 elsewhere  /outside.md"}},
		{"a file that is not Markdown", map[string]string{"docs/recipients.txt": list}, "docs/recipients.txt",
			[]string{"PRIVACY.md:03 vague-foreign ", "PRIVACY.md:05 elsewhere  docs/recipients.txt"}},
		{"a missing file", nil, "docs/none.md",
			[]string{"PRIVACY.md:03 vague-foreign ", "PRIVACY.md:05 elsewhere  docs/none.md"}},
		{"a notice read already", map[string]string{"docs/privacy-full.md": list}, "docs/privacy-full.md",
			[]string{"PRIVACY.md:03 vague-foreign ", "docs/privacy-full.md:03 inclusive US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			testfs.Write(t, top, map[string]string{"outside.md": list})
			dir := filepath.Join(top, "repo")
			files := map[string]string{"PRIVACY.md": lead + "See our [list of sub-processors](" + tt.link + ").\n"}
			for k, v := range tt.files {
				files[k] = v
			}
			testfs.Write(t, dir, files)
			res, err := Run(Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if got := claimsOf(res.Claims); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("claims:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestPointerLinkOut: a Markdown file of the repository that is a symbolic
// link leading out of it is not read.
func TestPointerLinkOut(t *testing.T) {
	top := t.TempDir()
	testfs.Write(t, top, map[string]string{
		"outside.md":      "# Recipients\n\nWe transfer personal data to Example Inc. in the United States.\n",
		"repo/PRIVACY.md": "# Privacy\n\nSee our [list of sub-processors](docs/list.md).\n",
	})
	if err := os.MkdirAll(filepath.Join(top, "repo", "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(top, "outside.md"), filepath.Join(top, "repo", "docs", "list.md")); err != nil {
		t.Skip(err)
	}
	res, err := Run(Options{Dir: filepath.Join(top, "repo")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := claimsOf(res.Claims), []string{"PRIVACY.md:03 elsewhere  docs/list.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("claims %q, want %q", got, want)
	}
}

// TestPointerLimits: a list read as part of the notice has the notice's
// size limit and reading errors.
func TestPointerLimits(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"PRIVACY.md":   "# Privacy\n\nSee our [list of sub-processors](docs/big.md).\n",
		"docs/big.md":  strings.Repeat("a", MaxNoticeSize+1),
		"docs/list.md": "# List\n\n\xff\n",
	})
	if _, err := Run(Options{Dir: dir}); err == nil || err.Error() != "docs/big.md: the notice is larger than 1 MiB" {
		t.Errorf("a large list: %v", err)
	}
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": "# Privacy\n\nSee our [list of sub-processors](docs/list.md).\n"})
	if _, err := Run(Options{Dir: dir}); err == nil || !strings.HasPrefix(err.Error(), "docs/list.md:3:") {
		t.Errorf("a list that is not text: %v", err)
	}
}
