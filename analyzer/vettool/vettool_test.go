package vettool_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/analyzer/vettool"
)

// tool is the go vet tool the tests run: the noticevet command itself,
// which must speak go vet's protocol.
var tool string

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		// The tests that run the real go vet need the tool built: not
		// under -short.
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "noticevet-vettool")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		bin := filepath.Join(dir, "noticevet")
		if err := build(bin, "../../cmd/noticevet"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		if !speaksVet(bin) {
			fmt.Fprintln(os.Stderr, "vettool: noticevet -V=full does not answer go vet's protocol")
			return 2
		}
		tool = bin
		return m.Run()
	}()
	os.Exit(code)
}

func build(out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", pkg, err, stderr.String())
	}
	return nil
}

func speaksVet(bin string) bool {
	out, err := exec.Command(bin, "-V=full").Output()
	return err == nil && strings.Contains(string(out), " version devel ") && strings.Contains(string(out), "buildID=")
}

// copyModule copies testdata/mod into a fresh folder, so that tests may
// change it.
func copyModule(t *testing.T) string {
	t.Helper()
	return copyTree(t, "testdata/mod")
}

// vet runs go vet with the tool in dir and returns its output and exit
// status.
func vet(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + tool}, append(args, "./...")...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticevet and runs the real go vet")
	}
	dir := copyModule(t)
	out, code := vet(t, dir)
	if code != 1 {
		t.Errorf("go vet exit status %d, want 1; output:\n%s", code, out)
	}
	for _, want := range []string{
		`main.go:18:2: http.Post to api.partner.cn sends personal data to China \(country-code TLD .cn\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]`,
		`store.go:12:2: sql.DB.Exec to db.example.kr stores personal data in South Korea \(country-code TLD .kr\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]`,
		`store.go:18:2: sql.DB.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv\("AUDIT_DSN"\) \[unresolved-destination\]`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("go vet output lacks %s; output:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "["); n != 3 {
		t.Errorf("go vet reported %d findings, want 3; output:\n%s", n, out)
	}
	if strings.Contains(out, "rates") || strings.Contains(out, "main.go:19") {
		t.Errorf("go vet reported the public GET; output:\n%s", out)
	}
}

// Editing the notice must not be hidden by go vet's cache.
func TestGoVetNoticeChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticevet and runs the real go vet")
	}
	dir := copyModule(t)
	if out, code := vet(t, dir); code != 1 {
		t.Fatalf("go vet exit status %d, want 1; output:\n%s", code, out)
	}
	notice := "# Privacy notice\n\n<!-- noticevet: transfers-to=CN,KR -->\nWe transfer personal data to partners in China and South Korea.\n"
	if err := os.WriteFile(filepath.Join(dir, "PRIVACY.md"), []byte(notice), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".noticevet.hcl"), []byte("home = \"JP\"\nignore {\n  rule = \"unresolved-destination\"\n  reason = \"audit DSN is set per environment\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := vet(t, dir)
	if code != 0 || strings.Contains(out, "[") {
		t.Errorf("after disclosing China and South Korea: go vet exit status %d, want 0, and no findings; output:\n%s", code, out)
	}
}

func TestGoVetFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticevet and runs the real go vet")
	}
	dir := copyModule(t)
	if err := os.MkdirAll(filepath.Join(dir, "legal"), 0o755); err != nil {
		t.Fatal(err)
	}
	notice := "# Notice\n\n<!-- noticevet: transfers-to=CN -->\nWe transfer personal data to China.\n"
	if err := os.WriteFile(filepath.Join(dir, "legal", "notice.md"), []byte(notice), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := vet(t, dir, "-noticevet.notice=legal/notice.md")
	if code != 1 {
		t.Errorf("go vet exit status %d, want 1; output:\n%s", code, out)
	}
	if strings.Contains(out, "api.partner.cn") {
		t.Errorf("China is named by -noticevet.notice, yet reported; output:\n%s", out)
	}
	if !strings.Contains(out, "db.example.kr stores personal data in South Korea (country-code TLD .kr), which the notice never names [undisclosed-country]") {
		t.Errorf("missing undisclosed-country for South Korea; output:\n%s", out)
	}
	out, code = vet(t, dir, "-noticevet.notice=legal/missing.md")
	if code == 0 || !strings.Contains(out, "legal/missing.md") {
		t.Errorf("a missing -noticevet.notice: exit status %d, output:\n%s", code, out)
	}
}

func TestGoVetNoNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticevet and runs the real go vet")
	}
	dir := copyModule(t)
	if err := os.Remove(filepath.Join(dir, "PRIVACY.md")); err != nil {
		t.Fatal(err)
	}
	out, code := vet(t, dir)
	if code == 0 || !strings.Contains(out, "no privacy notice found") {
		t.Errorf("no notice: exit status %d, output:\n%s", code, out)
	}
}

func TestFlagsProtocol(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticevet and runs the real go vet")
	}
	out, err := exec.Command(tool, "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{`"noticevet.notice"`, `"noticevet.config"`} {
		if !strings.Contains(string(out), f) {
			t.Errorf("-flags lacks %s: %s", f, out)
		}
	}
}

func TestIsVet(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-noticevet.notice=PRIVACY.md", "-json", "/tmp/x/vet.cfg"}, true},
		{nil, false},
		{[]string{"check"}, false},
		{[]string{"check", "x.cfg"}, false},
		{[]string{"claims", "PRIVACY.md"}, false},
		{[]string{"-V=full", "extra"}, false},
		{[]string{"version"}, false},
	} {
		if got := vettool.IsVet(tt.args); got != tt.want {
			t.Errorf("IsVet(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

// copyTree copies a folder into a fresh one, so that a test may change it.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if fi.IsDir() {
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
	return dst
}

// TestGoVetSuppressed: the README's Go suppression example holds under
// the real go vet as it does for noticevet check. In a copy of the demo, a
// noticevet:ignore comment with a reason above the http.Post silences it;
// one without a reason does not, and the message says why.
func TestGoVetSuppressed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticevet and runs the real go vet")
	}
	dir := copyTree(t, "../../testdata/line-2021")
	// The notice is at the repository root, above the module.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(dir, "app")
	file := filepath.Join(app, "opsync", "opsync.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	call := "\tresp, err := http.Post(opsEndpoint"
	if !strings.Contains(string(src), call) {
		t.Fatalf("the demo's opsync.go no longer holds %q", call)
	}
	out, code := vet(t, app)
	if code != 1 || !strings.Contains(out, "[undisclosed-country]") {
		t.Fatalf("before the comment: want the undisclosed-country finding, exit status %d, output:\n%s", code, out)
	}
	for _, c := range []struct {
		comment string
		code    int
		want    string
	}{
		{"\t//noticevet:ignore undisclosed-country the affiliate's access is disclosed in the data map (PRIV-9)\n", 0, ""},
		{"\t//noticevet:ignore undisclosed-country\n", 1, "and the noticevet:ignore comment above it gives no reason [undisclosed-country]"},
	} {
		if err := os.WriteFile(file, []byte(strings.Replace(string(src), call, c.comment+call, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := vet(t, app)
		if code != c.code || (c.want == "" && out != "") || !strings.Contains(out, c.want) {
			t.Errorf("with %q: exit status %d (want %d), output:\n%s", c.comment, code, c.code, out)
		}
	}
}
