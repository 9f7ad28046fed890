package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// gitIn runs git in dir with an identity of its own.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=noticevet", "-c", "user.email=noticevet@example.com",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "core.hooksPath=/dev/null"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// baseRepo is a repository whose committed state (the base) has a notice
// that names Japan only, and Terraform that stores personal data in China
// and in South Korea: two undisclosed-country findings.
func baseRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md": "# Privacy\n\nPersonal data is stored in Japan.\n",
		"main.tf": "resource \"aws_s3_bucket\" \"cn\" {\n  region = \"cn-north-1\"\n}\n\n" +
			"resource \"aws_s3_bucket\" \"kr\" {\n  region = \"ap-northeast-2\"\n}\n",
	})
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	return dir
}

type jsonOut struct {
	Trust    []string
	Findings []struct{ Rule, Country string }
}

func checkJSON(t *testing.T, args ...string) (int, jsonOut, string) {
	t.Helper()
	code, out, errOut := runCmd(append([]string{"check", "-format", "json"}, args...)...)
	var doc jsonOut
	if code != exitError {
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	return code, doc, errOut
}

// TestConfigFrom: changes that add an ignore block, a baseline written from
// their own output, or a notice that names the countries silence every
// finding; with -config-from the base's configuration, baseline and list of
// notices are used, and the report says what the changes would suppress.
func TestConfigFrom(t *testing.T) {
	for _, c := range []struct {
		name    string
		change  map[string]string
		args    []string
		changed string // what the report says the changes modify
	}{
		{"ignore block", map[string]string{".noticevet.hcl": "ignore {\n  path   = \"**\"\n  reason = \"fine\"\n}\n"},
			nil, "modify .noticevet.hcl, which are not used; with them 2 of the 2 findings reported here would not be."},
		{"home", map[string]string{".noticevet.hcl": "home = \"CN\"\n"},
			nil, "modify .noticevet.hcl, which are not used; with them 1 of the 2 findings reported here would not be."},
		{"own baseline", map[string]string{"baseline.json": ""},
			[]string{"-baseline", "baseline.json"}, "modify baseline.json, which are not used; with them 2 of the 2 findings reported here would not be."},
		{"another notice", map[string]string{"docs/privacy-faq.md": "We may transfer personal data to China and South Korea.\n"},
			nil, "modify the list of notices (PRIVACY.md, docs/privacy-faq.md), which are not used; with them 2 of the 2 findings reported here would not be."},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := baseRepo(t)
			for name, content := range c.change {
				if name == "baseline.json" {
					// A baseline written from the changes' own output.
					_, out, _ := runCmd("check", "-format", "json", dir)
					content = out
				}
				testfs.Write(t, dir, map[string]string{name: content})
			}
			t.Chdir(dir)

			// Without -config-from the changes silence their own check.
			code, doc, errOut := checkJSON(t, append(c.args, ".")...)
			if c.name != "home" && (code != exitClean || len(doc.Findings) != 0) {
				t.Errorf("without -config-from: exit %d, %d findings, stderr %q; want the hole this closes", code, len(doc.Findings), errOut)
			}

			code, doc, errOut = checkJSON(t, append(c.args, "-config-from", "HEAD", ".")...)
			if code != exitFindings || len(doc.Findings) != 2 {
				t.Fatalf("with -config-from HEAD: exit %d, findings %+v, stderr %q", code, doc.Findings, errOut)
			}
			all := strings.Join(doc.Trust, "\n")
			if !strings.Contains(all, "taken from HEAD (-config-from)") || !strings.Contains(all, "The changes under check "+c.changed) {
				t.Errorf("trust:\n%s\nwant it to say the changes %s", all, c.changed)
			}

			// Text output says it on stderr; Markdown in a warning.
			code, _, errOut = runCmd(append([]string{"check"}, append(c.args, "-config-from", "HEAD", ".")...)...)
			if code != exitFindings || !strings.Contains(errOut, "noticevet: The changes under check "+c.changed) {
				t.Errorf("text: exit %d, stderr %q", code, errOut)
			}
			_, md, _ := runCmd(append([]string{"check", "-format", "markdown"}, append(c.args, "-config-from", "HEAD", ".")...)...)
			if !strings.Contains(md, "> [!WARNING]\n> The configuration, the baseline and the list of notices are taken from HEAD") {
				t.Errorf("markdown:\n%s", md)
			}
		})
	}
}

// TestConfigFromUnchanged: when the changes leave the configuration, the
// baseline and the notices alone, the report says only where they came from.
func TestConfigFromUnchanged(t *testing.T) {
	dir := baseRepo(t)
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "home = \"JP\"\n"})
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "config")
	code, doc, errOut := checkJSON(t, "-config-from", "HEAD", dir)
	if code != exitFindings || len(doc.Findings) != 2 || len(doc.Trust) != 1 ||
		doc.Trust[0] != "The configuration, the baseline and the list of notices are taken from HEAD (-config-from), not from the changes under check: .noticevet.hcl, the notices PRIVACY.md." {
		t.Errorf("exit %d, %d findings, trust %q, stderr %q", code, len(doc.Findings), doc.Trust, errOut)
	}
}

func TestConfigFromErrors(t *testing.T) {
	dir := baseRepo(t)
	hardCase{args: []string{"check", "-config-from", "no-such-branch", dir}, code: exitError,
		stderr: "noticevet: -config-from: no-such-branch: not a commit of the git repository at " + dir + " (a pull request's base must be fetched first)\n"}.check(t)
	hardCase{args: []string{"check", "-config-from", "--output=/tmp/x", dir}, code: exitError,
		stderr: "noticevet: -config-from: --output=/tmp/x: not a commit of the git repository at " + dir + " (a pull request's base must be fetched first)\n"}.check(t)

	// A bad configuration in the revision names the revision's file.
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "home = \"XX\"\n"})
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "bad config")
	code, _, errOut := runCmd("check", "-config-from", "HEAD", dir)
	if code != exitError || !strings.HasPrefix(errOut, "noticevet: HEAD:.noticevet.hcl:1:") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}

	// A notice of the revision that the changes make a link out of the
	// repository is refused, as a found notice is.
	dir = baseRepo(t)
	os.Remove(filepath.Join(dir, "PRIVACY.md"))
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "PRIVACY.md")); err != nil {
		t.Skip(err)
	}
	hardCase{args: []string{"check", "-config-from", "HEAD", dir}, code: exitError,
		stderr: "noticevet: PRIVACY.md: a symbolic link that leads outside the repository\n"}.check(t)

	// A notice of the revision that the changes delete.
	dir = baseRepo(t)
	os.Remove(filepath.Join(dir, "PRIVACY.md"))
	testfs.Write(t, dir, map[string]string{"docs/privacy.md": "Personal data is stored in Japan, China and South Korea.\n"})
	hardCase{args: []string{"check", "-config-from", "HEAD", dir}, code: exitError,
		stderr: "noticevet: PRIVACY.md: a notice at HEAD that the changes remove; the list of notices is HEAD's (-config-from): name the notices with -notice to check another list\n"}.check(t)

	// Not a git repository.
	plain := t.TempDir()
	testfs.Write(t, plain, map[string]string{"PRIVACY.md": "Personal data is stored in Japan.\n"})
	if _, err := os.Stat(filepath.Join(filepath.Dir(plain), ".git")); err == nil {
		t.Skip("the temporary folder is inside a git repository")
	}
	code, _, errOut = runCmd("check", "-config-from", "HEAD", plain)
	if code != exitError || !strings.Contains(errOut, "not in a git repository") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestConfigFromRunsNothing: a repository's .git/config and .gitattributes
// can make git run programs (an fsmonitor hook, filters, a pager, hooks,
// gpg). -config-from reads the revision without running any of them.
func TestConfigFromRunsNothing(t *testing.T) {
	dir := baseRepo(t)
	marker := filepath.Join(t.TempDir(), "ran")
	trap := filepath.Join(t.TempDir(), "trap.sh")
	if err := os.WriteFile(trap, []byte("#!/bin/sh\necho \"$0 $*\" >> "+marker+"\ncat\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	hooks := t.TempDir()
	for _, h := range []string{"post-checkout", "post-index-change", "reference-transaction", "pre-auto-gc", "post-rewrite"} {
		if err := os.WriteFile(filepath.Join(hooks, h), []byte("#!/bin/sh\necho hook >> "+marker+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "home = \"JP\"\n", ".gitattributes": "* filter=trap diff=trap\n"})
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "config")
	for _, kv := range [][2]string{
		{"core.fsmonitor", trap}, {"core.pager", trap}, {"pager.cat-file", trap}, {"pager.ls-tree", trap},
		{"filter.trap.clean", trap}, {"filter.trap.smudge", trap}, {"filter.trap.process", trap},
		{"diff.trap.textconv", trap}, {"core.hooksPath", hooks}, {"log.showSignature", "true"},
		{"gpg.program", trap}, {"core.sshCommand", trap}, {"core.editor", trap},
	} {
		gitIn(t, dir, "config", kv[0], kv[1])
	}
	// The trap works for ordinary git commands.
	exec.Command("git", "-C", dir, "status").Run()
	if _, err := os.Stat(marker); err != nil {
		t.Skipf("this git runs no fsmonitor hook, so the trap proves nothing: %v", err)
	}
	os.Remove(marker)

	code, doc, errOut := checkJSON(t, "-config-from", "HEAD", dir)
	if code != exitFindings || len(doc.Trust) == 0 {
		t.Errorf("exit %d, trust %q, stderr %q", code, doc.Trust, errOut)
	}
	if data, err := os.ReadFile(marker); err == nil {
		t.Errorf("-config-from ran a program the repository configures:\n%s", data)
	}
}
