package integration

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// hook is an entry of .pre-commit-hooks.yaml.
type hook struct {
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	PassFilenames *bool  `yaml:"pass_filenames"`
	Files         string `yaml:"files"`
}

func readHooks(t *testing.T) []hook {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	return hooks
}

func TestHookDeclaration(t *testing.T) {
	hooks := readHooks(t)
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "noticevet" || h.Entry != "noticevet check" || h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
		t.Errorf("hook = %+v", h)
	}
	// pre-commit matches files with Python's re.search; the pattern uses
	// nothing RE2 reads otherwise.
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"PRIVACY.md", "PRIVACY.ja.md", "privacy.md", "privacy-policy.md", "docs/privacy.md", "docs/privacy.en.md",
		"main.tf", "infra/modules/media/main.tf", "infra/main.tf.json", "terraform.tfvars", "prod.auto.tfvars",
		"env/prod.tfvars.json", "cmd/api/main.go", "internal/send/send.go", ".noticevet.hcl", "services/web/.noticevet.hcl",
	} {
		if !re.MatchString(name) {
			t.Errorf("files does not match %s", name)
		}
	}
	for _, name := range []string{
		"README.md", "docs/usage.md", "main.tf.bak", "go.mod", "go.sum", "notes.txt", "noticevet.hcl", "main.gone", "tfvars",
	} {
		if re.MatchString(name) {
			t.Errorf("files matches %s", name)
		}
	}
}

// TestPreCommitTryRepo runs the hook as a user's pre-commit would: it
// builds noticevet from this repository, fails on a repository whose
// Terraform contradicts its notice, and passes once the Terraform is fixed.
func TestPreCommitTryRepo(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building the hook")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		unavailable(t, "pre-commit is not installed (Debian: apt-get install pre-commit)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		unavailable(t, "git is not installed")
	}

	// try-repo installs a hook repository from its git HEAD (plus changes
	// to tracked files), so the hook repository is a copy of this tree,
	// committed.
	hooks := filepath.Join(t.TempDir(), "noticevet")
	copyTree(t, repoRoot(t), hooks)
	gitRepo(t, hooks)

	// A repository whose notice keeps data in Japan and whose Terraform
	// stores it in Seoul.
	repo := filepath.Join(t.TempDir(), "shop")
	writeFile(t, repo, "PRIVACY.md", "# Privacy\n\nAll personal data is stored only on servers in Japan.\n")
	writeFile(t, repo, "infra/main.tf", `provider "aws" {
  region = "ap-northeast-2"
}

resource "aws_s3_bucket" "media" {
  bucket = "shop-media"
}
`)
	git(t, repo, "init", "-q")
	git(t, repo, "add", "-A")

	run := func() (string, int) {
		t.Helper()
		cmd := exec.Command(preCommit, "try-repo", hooks, "noticevet", "--all-files")
		cmd.Dir = repo
		cmd.Env = append(os.Environ(),
			"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "cache"),
			// The hook's own GOPATH would download every module again.
			"GOMODCACHE="+goEnv(t, "GOMODCACHE"),
			"GOCACHE="+goEnv(t, "GOCACHE"),
			"PRE_COMMIT_COLOR=never",
		)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case err == nil:
			return out.String(), 0
		case errors.As(err, &ee):
			return out.String(), ee.ExitCode()
		}
		t.Fatalf("pre-commit: %v", err)
		return "", 0
	}

	out, code := run()
	if code != 1 || !strings.Contains(out, "Failed") {
		t.Fatalf("a false claim: exit %d, want 1 (hook failed):\n%s", code, out)
	}
	for _, want := range []string{"infra/main.tf:", "South Korea", "PRIVACY.md:3", "[false-claim]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the hook's output lacks %q:\n%s", want, out)
		}
	}

	writeFile(t, repo, "infra/main.tf", `provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "media" {
  bucket = "shop-media"
}
`)
	git(t, repo, "add", "-A")
	out, code = run()
	if code != 0 || !strings.Contains(out, "Passed") {
		t.Fatalf("after the fix: exit %d, want 0 (hook passed):\n%s", code, out)
	}
}
