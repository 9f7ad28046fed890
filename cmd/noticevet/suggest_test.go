package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestSuggestGolden proposes the notice text for every scenario and the
// demo, English, Japanese and bilingual, and keeps the diff as a golden
// file. Where there is one, it applies the diff with git apply (and
// patch -p1 --dry-run, where patch is installed) to a copy
// of the repository, checks the copy again and keeps what remains: the
// findings no sentence fixes. Proposing again for the copy gives nothing.
func TestSuggestGolden(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	for name, dir := range scenarios(t) {
		t.Run(name, func(t *testing.T) {
			code, diff, _ := runCmd("suggest", dir)
			if code == exitError {
				if diff != "" {
					t.Errorf("exit 2 with a diff:\n%s", diff)
				}
				return // the check could not be done: TestCheckGolden shows why
			}
			if diff == "" {
				return
			}
			got := fmt.Sprintf("exit %d\n-- diff --\n%s", code, diff)
			tmp := t.TempDir()
			copyDir(t, dir, tmp)
			if _, err := exec.LookPath("patch"); err == nil {
				// patch -p1 takes it as well as git apply does.
				dry := exec.Command("patch", "-p1", "--dry-run", "--batch")
				dry.Dir = tmp
				dry.Stdin = strings.NewReader(diff)
				if out, err := dry.CombinedOutput(); err != nil {
					t.Errorf("patch -p1: %v\n%s", err, out)
				}
			}
			apply := exec.Command("git", "apply", "-")
			apply.Dir = tmp
			apply.Stdin = strings.NewReader(diff)
			if out, err := apply.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s\n%s", err, out, diff)
			}
			code, out, _ := runCmd("check", tmp)
			got += fmt.Sprintf("-- check after git apply --\nexit %d\n%s", code, out)
			// What remains is what no sentence fixes: no undisclosed
			// country or vague statement, and a false claim only against
			// a negative statement ("it is not ...").
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if strings.HasSuffix(line, "[undisclosed-country]") || strings.HasSuffix(line, "[no-country-named]") ||
					strings.HasSuffix(line, "[false-claim]") && !strings.Contains(line, " says it is not ") {
					t.Errorf("left after the proposal: %s", line)
				}
			}
			golden(t, "suggest-"+name+".diff", got)
			if code, again, _ := runCmd("suggest", tmp); again != "" {
				t.Errorf("after the proposal, exit %d and a proposal again:\n%s", code, again)
			}
		})
	}
}

// TestSuggestWrite checks that -w writes what the diff shows, prints no
// diff, and leaves the exit status check's for the notice as it was.
func TestSuggestWrite(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	const scenario = "../../testdata/scenarios/ja-undisclosed"
	applied, written := t.TempDir(), t.TempDir()
	copyDir(t, scenario, applied)
	copyDir(t, scenario, written)
	_, diff, _ := runCmd("suggest", applied)
	apply := exec.Command("git", "apply", "-")
	apply.Dir = applied
	apply.Stdin = strings.NewReader(diff)
	if out, err := apply.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	code, out, errOut := runCmd("suggest", "-w", written)
	if code != exitFindings || out != "" || errOut != "noticevet: wrote PRIVACY.md\n" {
		t.Fatalf("suggest -w: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	want, _ := os.ReadFile(filepath.Join(applied, "PRIVACY.md"))
	got, _ := os.ReadFile(filepath.Join(written, "PRIVACY.md"))
	if string(got) != string(want) {
		t.Errorf("-w wrote:\n%s\ngit apply gives:\n%s", got, want)
	}
	if code, _, _ := runCmd("check", written); code != exitClean {
		t.Errorf("check after -w: exit %d", code)
	}
}

// copyDir copies a scenario's files (not a .git) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.Name() == ".git" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSuggestionOnChangedLines: with -config-from the base, a proposal on
// notice lines the pull request changes is a GitHub suggestion block in
// the Markdown comment, and one on lines it leaves alone a diff block.
func TestSuggestionOnChangedLines(t *testing.T) {
	dir := baseRepo(t)
	base := gitIn(t, dir, "rev-parse", "HEAD")
	// The pull request rewrites the statement into an exclusive one and
	// adds a line the proposal leaves alone.
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md": "# Privacy\n\nPersonal data is stored only in Japan.\n\nContact us.\n",
	})
	code, md, errOut := runCmd("check", "-format", "markdown", "-config-from", base, dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "\n`PRIVACY.md`, line 3 (changed in this pull request):\n\n```suggestion\nPersonal data is stored in Japan, China and South Korea."
	if !strings.Contains(md, want) || strings.Contains(md, "```diff") {
		t.Errorf("want a suggestion block on line 3:\n%s", md)
	}
	// Without the base, the same proposal is a diff.
	_, md, _ = runCmd("check", "-format", "markdown", dir)
	if strings.Contains(md, "```suggestion") || !strings.Contains(md, "```diff\n--- a/PRIVACY.md\n+++ b/PRIVACY.md\n") {
		t.Errorf("want a diff block without the base:\n%s", md)
	}
}

// TestSARIFFixesFromRoot: SARIF paths are from the git root, the fixes'
// too, so that a fix names the notice where code scanning finds it. In the
// demo every finding in the repository has a fix changing both language
// versions, and each vague statement one changing its own notice.
func TestSARIFFixesFromRoot(t *testing.T) {
	_, out, _ := runCmd("check", "-format", "sarif", "../../testdata/line-2021")
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
				Fixes []struct {
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Runs[0].Results {
		var uris []string
		for _, f := range r.Fixes {
			for _, c := range f.ArtifactChanges {
				uris = append(uris, c.ArtifactLocation.URI)
			}
		}
		want := []string{"testdata/line-2021/PRIVACY.ja.md", "testdata/line-2021/PRIVACY.md"}
		if r.RuleID == "no-country-named" {
			want = []string{r.Locations[0].PhysicalLocation.ArtifactLocation.URI}
		}
		if strings.Join(uris, " ") != strings.Join(want, " ") {
			t.Errorf("%s: fixes change %q, want %q", r.RuleID, uris, want)
		}
	}
}
