package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// headOf is the commit dir's HEAD names.
func headOf(t *testing.T, dir string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// On a pull request the action passes -config-from with the base commit,
// fetching it when the checkout lacks it; on a push, or with trust-base
// false, it does not; when the base cannot be had, the check fails.
func TestActionTrustsTheBase(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		unavailable(t, "jq is not installed (Debian: apt-get install jq)")
	}
	a := readAction(t)
	for _, c := range []struct {
		name   string
		inputs map[string]string
		base   string // "head" for the workspace's commit
		want   string // the -config-from argument, "" for none
		failed string
	}{
		{name: "pull request", base: "head", want: "-config-from HEAD_SHA"},
		{name: "pull_request_target", inputs: map[string]string{"github.event_name": "pull_request_target"}, base: "head", want: "-config-from HEAD_SHA"},
		{name: "opted out", inputs: map[string]string{"trust-base": "false"}, base: "head"},
		{name: "push", inputs: map[string]string{"github.event_name": "push", "github.event.pull_request.number": ""}},
		{name: "base missing", base: "0123456789abcdef0123456789abcdef01234567", failed: "Check"},
	} {
		t.Run(c.name, func(t *testing.T) {
			workspace := t.TempDir()
			writeFile(t, workspace, "PRIVACY.md", "Personal data is stored in Japan.\n")
			gitRepo(t, workspace)
			head := headOf(t, workspace)
			inputs := map[string]string{}
			for k, v := range c.inputs {
				inputs[k] = v
			}
			switch c.base {
			case "head":
				inputs["github.event.pull_request.base.sha"] = head
			case "":
			default:
				inputs["github.event.pull_request.base.sha"] = c.base
			}
			bin := t.TempDir()
			writeExec(t, filepath.Join(bin, "gh"), fakeGH)
			logs := t.TempDir()
			r := newRunner(t, a, workspace, inputs,
				"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"FAKE_LOG="+filepath.Join(logs, "noticevet.log"),
				"FAKE_GH_LOG="+filepath.Join(logs, "gh.log"),
				"FAKE_GH_BODY="+filepath.Join(logs, "body.md"))
			r.replace["Build noticevet"] = func() {
				writeExec(t, filepath.Join(r.temp, "noticevet", "bin", "noticevet"), fakeNoticevet)
			}
			failed, code := r.run()
			defer func() {
				if t.Failed() {
					t.Logf("steps run: %q\noutput:\n%s", r.ran, r.out.String())
				}
			}()
			if failed != c.failed {
				t.Fatalf("failed step %q exit %d, want %q", failed, code, c.failed)
			}
			if c.failed != "" {
				if code != 2 || !strings.Contains(r.out.String(), "::error title=noticevet::could not fetch the pull request's base commit") {
					t.Errorf("exit %d, output:\n%s", code, r.out.String())
				}
				return
			}
			runs := readLines(t, filepath.Join(logs, "noticevet.log"))
			if len(runs) != 3 {
				t.Fatalf("noticevet runs: %q", runs)
			}
			want := strings.ReplaceAll(c.want, "HEAD_SHA", head)
			for _, run := range runs {
				if has := strings.Contains(run, "-config-from"); has != (want != "") || want != "" && !strings.Contains(run, want+" ") {
					t.Errorf("noticevet ran as %q, want %q", run, want)
				}
			}
		})
	}
}

// TestActionEndToEndTrust: a pull request that adds an ignore block for
// every path still fails the check, and the comment says what its change
// would have suppressed.
func TestActionEndToEndTrust(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building noticevet")
	}
	if _, err := exec.LookPath("jq"); err != nil {
		unavailable(t, "jq is not installed (Debian: apt-get install jq)")
	}
	a := readAction(t)
	workspace := t.TempDir()
	writeFile(t, workspace, "PRIVACY.md", "# Privacy\n\nAll personal data is stored only on servers in Japan.\n")
	writeFile(t, workspace, "infra/main.tf", "provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\n\nresource \"aws_s3_bucket\" \"media\" {\n  bucket = \"shop-media\"\n}\n")
	gitRepo(t, workspace)
	base := headOf(t, workspace)
	// The pull request's own commit.
	writeFile(t, workspace, ".noticevet.hcl", "ignore {\n  path   = \"**\"\n  reason = \"all fine\"\n}\n")
	git(t, workspace, "add", "-A")
	git(t, workspace, "commit", "-q", "-m", "silence")

	bin := t.TempDir()
	writeExec(t, filepath.Join(bin, "gh"), fakeGH)
	logs := t.TempDir()
	r := newRunner(t, a, workspace, map[string]string{"github.event.pull_request.base.sha": base},
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"FAKE_GH_LOG="+filepath.Join(logs, "gh.log"),
		"FAKE_GH_BODY="+filepath.Join(logs, "body.md"),
	)
	failed, code := r.run()
	defer func() {
		if t.Failed() {
			t.Logf("steps run: %q\noutput:\n%s", r.ran, r.out.String())
		}
	}()
	if failed != "Result" || code != 1 {
		t.Fatalf("failed step %q exit %d, want Result exit 1", failed, code)
	}
	body, err := os.ReadFile(filepath.Join(logs, "body.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"`false-claim`", "> [!WARNING]",
		"taken from " + base + " (-config-from)",
		"The changes under check modify .noticevet.hcl, which are not used; with them 1 of the 1 finding reported here would not be."} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the comment lacks %q:\n%s", want, body)
		}
	}
	if !strings.Contains(r.out.String(), "::warning title=noticevet%3A trusted configuration::The changes under check modify .noticevet.hcl") {
		t.Errorf("no annotation says the change is not used:\n%s", r.out.String())
	}
}
