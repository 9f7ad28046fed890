package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/noticevet/noticevet/internal/gen"
	"github.com/noticevet/noticevet/internal/testfs"
)

// hardCase is a run of noticevet on a repository it must survive: the
// exact stderr and exit status, and the stdout when want.stdout is set.
type hardCase struct {
	args   []string
	code   int
	stdout *string
	stderr string
}

func (c hardCase) check(t *testing.T) {
	t.Helper()
	start := time.Now()
	code, out, errOut := runCmd(c.args...)
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
	if code != c.code || errOut != c.stderr {
		t.Errorf("noticevet %s:\nexit %d, stderr %q\nwant exit %d, stderr %q", strings.Join(c.args, " "), code, errOut, c.code, c.stderr)
	}
	if c.stdout != nil && out != *c.stdout {
		t.Errorf("noticevet %s: stdout\n%s\nwant\n%s", strings.Join(c.args, " "), out, *c.stdout)
	}
	if code == exitError && strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit 2 must print one line: %q", errOut)
	}
}

func str(s string) *string { return &s }

// TestHardInputs runs check on the repositories under testdata/hard: files
// that are not text, nesting that would overflow the stack, references
// and module calls that go round in circles or out of the repository,
// expressions that would take more memory than any machine has, and
// notices that say nothing. None may crash or hang the run, and none may
// pass silently.
func TestHardInputs(t *testing.T) {
	const hard = "../../testdata/hard/"
	noWhere := "the notice makes no statement about where personal data is stored, sent or accessed from"
	for name, c := range map[string]hardCase{
		"bad-utf8-tf": {code: exitError, stderr: "noticevet: main.tf:2: not valid UTF-8\n"},
		"binary-tf":   {code: exitError, stderr: "noticevet: main.tf:1: not a text file (it contains a NUL byte)\n"},
		"binary-tf-json": {code: exitError,
			stderr: "noticevet: main.tf.json:2: not a text file (it contains a NUL byte)\n"},
		"bad-utf8-notice": {code: exitError, stderr: "noticevet: PRIVACY.md:4: invalid UTF-8\n"},
		"binary-notice":   {code: exitError, stderr: "noticevet: PRIVACY.md:1: invalid UTF-8\n"},
		"deep-blocks":     {code: exitError, stderr: "noticevet: main.tf:1001: nested more than 1000 levels deep\n"},
		"deep-expressions": {code: exitError,
			stderr: "noticevet: main.tf:3: nested more than 1000 levels deep\n"},
		"self-reference": {code: exitClean, stderr: "noticevet: the notice makes 1 claim, but the repository gives only evidence whose country cannot be decided (2 unresolved), so no claim is tested (read terraform: main.tf; go: nothing; config: nothing; paas: nothing; cloudformation: nothing)\n", stdout: str(
			"main.tf:10:3: aws_s3_bucket.by_variable: cannot decide where it stores personal data: region comes from var.region, whose default is not a constant [unresolved-destination]\n" +
				"main.tf:14:3: aws_s3_bucket.by_local: cannot decide where it stores personal data: region comes from local.region, which refers to itself [unresolved-destination]\n")},
		"module-cycle": {code: exitError,
			stderr: "noticevet: modules/b/main.tf:2: module \"a\": module cycle: modules/a → modules/b → modules/a\n"},
		"module-absolute": {code: exitError,
			stderr: "noticevet: main.tf:2: module \"shared\": source \"/etc\" is an absolute path; a local module source must start with ./ or ../\n"},
		"module-above-root": {code: exitError,
			stderr: "noticevet: main.tf:2: module \"outside\": source \"../../../../../../../../../../../../../../../../tmp\" leads outside the repository\n"},
		"costly-expressions": {code: exitClean, stderr: "", stdout: str(
			"main.tf:48:3: aws_s3_bucket.doubling: cannot decide where it stores personal data: region comes from \"${local.s15}${local.s15}\", which is too large to evaluate statically [unresolved-destination]\n" +
				"main.tf:53:3: aws_s3_bucket.nested_for: cannot decide where it stores personal data: region comes from [for a in local.big : [for b in local.big : [for c in loc..., which is too large to evaluate statically [unresolved-destination]\n" +
				"main.tf:58:3: aws_s3_bucket.format_width: cannot decide where it stores personal data: region comes from format(\"%1000000000s\", \"ap-northeast-1\"), which is too large to evaluate statically [unresolved-destination]\n" +
				"main.tf:63:3: aws_s3_bucket.huge_number: cannot decide where it stores personal data: region comes from \"${\"1e100000000\" + 0}\", which is too large to evaluate statically [unresolved-destination]\n")},
		// A notice that says nothing about where data goes lets every
		// check pass: that is said, though it is no finding.
		"empty-notice": {code: exitClean, stdout: str(""),
			stderr: "noticevet: PRIVACY.md: the notice is empty: it makes no statement about where personal data is stored, sent or accessed from\n"},
		"no-statements": {code: exitClean, stdout: str(""),
			stderr: "noticevet: PRIVACY.md: " + noWhere + "\n"},
		// A Go package that does not compile fails the run, but what the
		// Terraform part found is still shown.
		"go-broken": {code: exitError,
			stderr: "noticevet: app/main.go:4:2: undefined: upload (Go module example.com/app not analysed)\n",
			stdout: str("main.tf:5:1: aws_s3_bucket.media stores personal data in South Korea (ap-northeast-2), but PRIVACY.md:3 says it is stored only in Japan [false-claim]\n")},
	} {
		t.Run(name, func(t *testing.T) {
			c.args = []string{"check", hard + name}
			c.check(t)
		})
	}
	// map shows the Terraform part's evidence the same way, and fails.
	hardCase{args: []string{"map", "-format", "json", hard + "go-broken"}, code: exitError,
		stderr: "noticevet: app/main.go:4:2: undefined: upload (Go module example.com/app not analysed)\n",
		stdout: str(`{
  "version": 1,
  "evidence": [
    {
      "kind": "store",
      "what": "aws_s3_bucket.media",
      "country": "KR",
      "region": "ap-northeast-2",
      "via": "provider aws",
      "location": {
        "path": "main.tf",
        "line": 5,
        "column": 1
      }
    }
  ]
}
`)}.check(t)
	dirs, _ := filepath.Glob(hard + "*")
	if len(dirs) != 15 {
		t.Errorf("%d folders under %s, want each tested here", len(dirs), hard)
	}
}

const (
	jpNotice = "# Privacy notice\n\nAll personal data is stored only on servers in Japan.\n"
	krBucket = "resource \"aws_s3_bucket\" \"media\" {\n  region = \"ap-northeast-2\"\n}\n"
	krFinds  = "main.tf:2:3: aws_s3_bucket.media stores personal data in South Korea (ap-northeast-2), but PRIVACY.md:3 says it is stored only in Japan [false-claim]\n"
)

// TestLargeFiles: a 50 MB .tf file and a 2 MB notice are refused without
// being read whole.
func TestLargeFiles(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice})
	f, err := os.Create(filepath.Join(dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("resource \"aws_s3_bucket\" \"b\" { region = \"ap-northeast-1\" } # padding padding padding\n")
	for n := 0; n < 50<<20; n += len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	hardCase{args: []string{"check", dir}, code: exitError, stderr: "noticevet: main.tf: file is larger than 10 MiB\n"}.check(t)

	dir = t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": strings.Repeat("All personal data is stored only in Japan.\n", 50000)})
	hardCase{args: []string{"check", dir}, code: exitError, stderr: "noticevet: PRIVACY.md: the notice is larger than 1 MiB\n"}.check(t)
}

// TestModuleBoundary: local modules are followed anywhere inside the
// repository — from a subfolder, up to the enclosing git root — and
// never outside it, where there is no git root the checked folder.
func TestModuleBoundary(t *testing.T) {
	repo := t.TempDir()
	testfs.Write(t, repo, map[string]string{
		".git/HEAD":                   "ref: refs/heads/main\n",
		"modules/bucket/main.tf":      "variable \"region\" {}\nresource \"aws_s3_bucket\" \"this\" {\n  region = var.region\n}\n",
		"services/web/PRIVACY.md":     jpNotice,
		"services/web/main.tf":        "module \"media\" {\n  source = \"../../modules/bucket\"\n  region = \"ap-northeast-2\"\n}\n",
		"services/api/main.tf":        "module \"up\" {\n  source = \"../../../outside\"\n}\n",
		"services/api/PRIVACY.md":     jpNotice,
		"../outside/main.tf":          "this is not read { \n",
		"services/web/.noticevet.hcl": "home = \"JP\"\n",
	})
	hardCase{args: []string{"check", filepath.Join(repo, "services/web")}, code: exitFindings, stderr: "",
		stdout: str("../../modules/bucket/main.tf:3:3: aws_s3_bucket.this stores personal data in South Korea (ap-northeast-2) via module.media, but PRIVACY.md:3 says it is stored only in Japan [false-claim]\n")}.check(t)
	hardCase{args: []string{"check", filepath.Join(repo, "services/api")}, code: exitError,
		stderr: "noticevet: main.tf:2: module \"up\": source \"../../../outside\" leads outside the repository\n"}.check(t)

	// Without a git root, the checked folder is the boundary.
	plain := t.TempDir()
	testfs.Write(t, plain, map[string]string{
		"modules/bucket/main.tf": "resource \"aws_s3_bucket\" \"this\" {}\n",
		"app/PRIVACY.md":         jpNotice,
		"app/main.tf":            "module \"m\" {\n  source = \"../modules/bucket\"\n}\n",
	})
	if _, err := os.Stat(filepath.Join(filepath.Dir(plain), ".git")); err == nil {
		t.Skip("the temporary folder is inside a git repository")
	}
	hardCase{args: []string{"check", filepath.Join(plain, "app")}, code: exitError,
		stderr: "noticevet: main.tf:2: module \"m\": source \"../modules/bucket\" leads outside the repository\n"}.check(t)
}

// TestSymlinks: links that go round in a loop, lead out of the repository
// or to something that never ends are refused or not followed; a link to
// a file inside the repository is read, as Terraform reads it.
func TestSymlinks(t *testing.T) {
	link := func(t *testing.T, target, name string) {
		t.Helper()
		if err := os.Symlink(target, name); err != nil {
			t.Skipf("cannot make symbolic links: %v", err)
		}
	}

	// A folder that links to itself is not walked.
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "main.tf": krBucket})
	link(t, ".", filepath.Join(dir, "loop"))
	link(t, "../..", filepath.Join(dir, "up"))
	hardCase{args: []string{"check", dir}, code: exitFindings, stderr: "", stdout: str(krFinds)}.check(t)

	// Files that link to each other.
	dir = t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice})
	link(t, "b.tf", filepath.Join(dir, "a.tf"))
	link(t, "a.tf", filepath.Join(dir, "b.tf"))
	hardCase{args: []string{"check", dir}, code: exitError, stderr: "noticevet: a.tf: too many levels of symbolic links\n"}.check(t)

	// A link to nowhere (into a submodule not fetched) holds nothing: it is
	// named and left out, and the other files are read as usual.
	dir = t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "main.tf": krBucket})
	link(t, "upstream/missing.tf", filepath.Join(dir, "extra.tf"))
	link(t, "upstream/ops.yml", filepath.Join(dir, "ops.yml"))
	hardCase{args: []string{"check", dir}, code: exitFindings, stdout: str(krFinds),
		stderr: "noticevet: extra.tf: a symbolic link to \"upstream/missing.tf\", which does not exist; not read\n" +
			"noticevet: ops.yml: a symbolic link to \"upstream/ops.yml\", which does not exist; not read\n"}.check(t)

	// Links out of the repository: a .tf file, the notice, the config.
	outside := t.TempDir()
	testfs.Write(t, outside, map[string]string{"secret.tf": "aws_secret_access_key = \"not for the log\"\n", "notice.md": jpNotice})
	for _, tt := range []struct{ name, target, want string }{
		{"main.tf", filepath.Join(outside, "secret.tf"), "noticevet: main.tf: a symbolic link that leads outside the repository\n"},
		{"PRIVACY.md", filepath.Join(outside, "notice.md"), "noticevet: PRIVACY.md: a symbolic link that leads outside the repository\n"},
		{"PRIVACY.md", "/dev/zero", "noticevet: PRIVACY.md: a symbolic link that leads outside the repository\n"},
		{".noticevet.hcl", "/dev/zero", "noticevet: .noticevet.hcl: a symbolic link that leads outside the repository\n"},
	} {
		dir := t.TempDir()
		testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "main.tf": krBucket})
		os.Remove(filepath.Join(dir, tt.name))
		link(t, tt.target, filepath.Join(dir, tt.name))
		hardCase{args: []string{"check", dir}, code: exitError, stderr: tt.want}.check(t)
	}

	// A notice named on the command line is the user's choice: it is
	// read wherever it is, within the size limit.
	dir = t.TempDir()
	testfs.Write(t, dir, map[string]string{"main.tf": krBucket})
	hardCase{args: []string{"check", "-notice", filepath.Join(outside, "notice.md"), dir}, code: exitFindings, stderr: ""}.check(t)
	hardCase{args: []string{"check", "-notice", "/dev/zero", dir}, code: exitError, stderr: "noticevet: /dev/zero: the notice is larger than 1 MiB\n"}.check(t)

	// A file shared by links inside the repository is read.
	dir = t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "shared/provider.tf": "provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\n",
		"app/main.tf": "resource \"aws_s3_bucket\" \"media\" {}\n"})
	link(t, "../shared/provider.tf", filepath.Join(dir, "app/provider.tf"))
	hardCase{args: []string{"check", dir}, code: exitFindings, stderr: "",
		stdout: str("app/main.tf:1:1: aws_s3_bucket.media stores personal data in South Korea (ap-northeast-2), but PRIVACY.md:3 says it is stored only in Japan [false-claim]\n")}.check(t)
}

// TestSpecialFiles: a pipe with a notice's or a Terraform file's name
// would block a reader for ever; it is refused without being opened.
func TestSpecialFiles(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("named pipes")
	}
	for _, tt := range []struct{ name, want string }{
		{"main.tf", "noticevet: main.tf: not a regular file\n"},
		{"PRIVACY.md", "noticevet: PRIVACY.md: not a regular file\n"},
		{".noticevet.hcl", "noticevet: .noticevet.hcl: not a regular file\n"},
	} {
		dir := t.TempDir()
		testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "main.tf": krBucket})
		p := filepath.Join(dir, tt.name)
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		hardCase{args: []string{"check", dir}, code: exitError, stderr: tt.want}.check(t)
	}

	// Named on the command line, a pipe is the user's choice and is read:
	// -notice <(git show main:PRIVACY.md).
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"main.tf": krBucket})
	fifo := filepath.Join(t.TempDir(), "PRIVACY.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go os.WriteFile(fifo, []byte(jpNotice), 0o644)
	hardCase{args: []string{"check", "-notice", fifo, dir}, code: exitFindings, stderr: ""}.check(t)
}

// TestUnreadable: a file or folder that cannot be read stops the check.
// Root reads a file of mode 000 all the same: the test then skips.
func TestUnreadable(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"main.tf", "noticevet: main.tf: permission denied\n"},
		{"PRIVACY.md", "noticevet: PRIVACY.md: permission denied\n"},
		{".noticevet.hcl", "noticevet: .noticevet.hcl: permission denied\n"},
		{"infra", "noticevet: infra: permission denied\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "main.tf": krBucket, ".noticevet.hcl": "home = \"JP\"\n", "infra/main.tf": krBucket})
			p := filepath.Join(dir, tt.name)
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			defer os.Chmod(p, 0o755)
			if _, err := os.ReadDir(p); err == nil {
				t.Skip("this user reads what mode 000 forbids (root)")
			} else if _, err := os.ReadFile(p); err == nil {
				t.Skip("this user reads what mode 000 forbids (root)")
			}
			hardCase{args: []string{"check", dir}, code: exitError, stderr: tt.want}.check(t)
		})
	}
}

// TestHardConfigAndBaseline: the configuration and the baseline are read
// with the same care.
func TestHardConfigAndBaseline(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md":     jpNotice,
		"main.tf":        krBucket,
		".noticevet.hcl": "home = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
	})
	hardCase{args: []string{"check", dir}, code: exitError, stderr: "noticevet: .noticevet.hcl:1: nested more than 1000 levels deep\n"}.check(t)

	// An ignore path of many '**' against a deep tree takes no time.
	dir = t.TempDir()
	files := map[string]string{
		"PRIVACY.md":     jpNotice,
		".noticevet.hcl": "ignore {\n  path   = \"" + strings.Repeat("**/", 40) + "x.tf\"\n  reason = \"r\"\n}\n",
	}
	files[strings.Repeat("d/", 60)+"main.tf"] = krBucket
	testfs.Write(t, dir, files)
	hardCase{args: []string{"check", dir}, code: exitFindings, stderr: ""}.check(t)

	dir = t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": jpNotice, "main.tf": krBucket, "base.json": "\x1f\x8b\x08\x00binary"})
	hardCase{args: []string{"check", "-baseline", filepath.Join(dir, "base.json"), dir}, code: exitError,
		stderr: "noticevet: " + filepath.Join(dir, "base.json") + ":1:1: invalid JSON: invalid character '\\x1f' looking for beginning of value\n"}.check(t)
	hardCase{args: []string{"check", "-baseline", "/dev/zero", dir}, code: exitError,
		stderr: "noticevet: /dev/zero: larger than 64 MiB\n"}.check(t)
}

// TestDeterministic: the output does not depend on how many threads read
// the files and notices, nor on the order they finish in.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Write(dir, gen.Options{Files: 300, Seed: 7, Languages: 2}); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first [2]string
	for i := 0; i < 20; i++ {
		runtime.GOMAXPROCS(1 + i%8)
		for j, format := range []string{"text", "json"} {
			code, out, errOut := runCmd("check", "-format", format, dir)
			if code == exitError {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := fmt.Sprintf("exit %d\n%s\n-- stderr --\n%s", code, out, errOut)
			if i == 0 {
				first[j] = got
				if !bytes.Contains([]byte(out), []byte("false-claim")) {
					t.Fatalf("the generated repository gives no findings:\n%s", got)
				}
				continue
			}
			if got != first[j] {
				t.Fatalf("run %d (GOMAXPROCS %d, %s) differs from the first", i, 1+i%8, format)
			}
		}
	}
}
