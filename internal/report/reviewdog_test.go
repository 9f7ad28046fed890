package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/noticevet/noticevet/internal/testfs"
)

// reviewdogModule is the reviewdog the rdjson output is checked with: the
// real program, run as `reviewdog -f=rdjson -reporter=local`.
const reviewdogModule = "github.com/reviewdog/reviewdog@v0.21.0"

// unavailable skips a test whose tool cannot be had here, except in CI,
// where the tool must be there.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this is a failure)", msg)
	}
	t.Skip(msg)
}

// installReviewdog builds reviewdog through the module proxy into a
// temporary folder and returns the binary and the module's source folder.
func installReviewdog(t *testing.T) (bin, moduleDir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not installing reviewdog")
	}
	gobin := t.TempDir()
	cmd := exec.Command("go", "install", strings.Replace(reviewdogModule, "@", "/cmd/reviewdog@", 1))
	cmd.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := cmd.CombinedOutput(); err != nil {
		unavailable(t, "cannot install reviewdog from the module proxy: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "mod", "download", "-json", reviewdogModule).Output()
	if err != nil {
		unavailable(t, "cannot download %s: %v", reviewdogModule, err)
	}
	var m struct{ Dir string }
	if err := json.Unmarshal(out, &m); err != nil || m.Dir == "" {
		t.Fatalf("go mod download -json: %v %s", err, out)
	}
	return filepath.Join(gobin, "reviewdog"), m.Dir
}

// writeFiles writes a fixture's files under dir.
func writeFiles(t *testing.T, dir string, fs files) {
	t.Helper()
	text := make(map[string]string, len(fs))
	for name, lines := range fs {
		text[name] = strings.Join(lines, "\n") + "\n"
	}
	testfs.Write(t, dir, text)
}

// runReviewdog feeds rdjson to reviewdog in dir and returns what it printed,
// one diagnostic a line, and its exit status.
func runReviewdog(t *testing.T, bin, dir string, rdjson []byte, args ...string) ([]string, int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-f=rdjson", "-reporter=local", "-fail-level=any"}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(rdjson)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	if code > 1 {
		t.Fatalf("reviewdog %v: exit %d\n%s", args, code, stderr.String())
	}
	// Protobuf's text format varies its spacing on purpose; fold it.
	space := regexp.MustCompile(`\s+`)
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if l != "" {
			lines = append(lines, space.ReplaceAllString(l, " "))
		}
	}
	return lines, code
}

// combined is the one-finding and the escaping results together, and the
// files they name.
func combined() (*Result, files) {
	r, e := oneResult(), escapingResult()
	r.Findings = append(r.Findings, e.Findings...)
	fs := files{}
	for _, m := range []files{oneFiles, escapingFiles} {
		for k, v := range m {
			fs[k] = v
		}
	}
	r.Lines = fs.line
	return r, fs
}

// reviewdogSays is what reviewdog's local reporter prints of a diagnostic
// it understood: its message, place, severity and rule.
func reviewdogSays(t *testing.T, r *Result, i int) []string {
	f := r.Findings[i]
	sev := map[string]string{"error": "ERROR", "warning": "WARNING", "note": "INFO"}[f.Severity.String()]
	return []string{
		"message:" + strconv.Quote(rdMessage(f.Message)),
		fmt.Sprintf("location:{path:%q range:{start:{line:%d column:%d}", f.Pos.Path, f.Pos.Line, f.Pos.Column),
		"severity:" + sev,
		fmt.Sprintf("code:{value:%q", f.Rule),
	}
}

func TestReviewdogReadsRDJSON(t *testing.T) {
	bin, moduleDir := installReviewdog(t)

	t.Run("schema", func(t *testing.T) {
		// reviewdog ships the JSON schema of its format; every fixture's
		// output follows it.
		c := jsonschema.NewCompiler()
		schema, err := c.Compile(filepath.Join(moduleDir, "proto", "rdf", "jsonschema", "DiagnosticResult.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, fx := range fixtures {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "rdjson", fx.r())))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("%s: %v", fx.name, err)
			}
		}
	})

	t.Run("nofilter", func(t *testing.T) {
		r, fs := combined()
		dir := t.TempDir()
		writeFiles(t, dir, fs)
		lines, code := runReviewdog(t, bin, dir, render(t, "rdjson", r), "-filter-mode=nofilter")
		if code != 1 {
			t.Errorf("exit %d, want 1 (-fail-level=any with findings)", code)
		}
		if len(lines) != len(r.Findings) {
			t.Fatalf("reviewdog printed %d diagnostics for %d findings:\n%s", len(lines), len(r.Findings), strings.Join(lines, "\n"))
		}
		for i := range r.Findings {
			for _, want := range reviewdogSays(t, r, i) {
				if !strings.Contains(lines[i], want) {
					t.Errorf("diagnostic %d lacks %s:\n%s", i, want, lines[i])
				}
			}
		}
		// The notice sentence comes through as a related location.
		if want := `related_locations:{message:"the notice says: ` + privacyLine + `" location:{path:"PRIVACY.md" range:{start:{line:5}}}}`; !strings.Contains(lines[0], want) {
			t.Errorf("diagnostic 0 lacks %s:\n%s", want, lines[0])
		}
	})

	t.Run("nothing", func(t *testing.T) {
		lines, code := runReviewdog(t, bin, t.TempDir(), render(t, "rdjson", emptyResult()), "-filter-mode=nofilter")
		if code != 0 || len(lines) != 0 {
			t.Errorf("exit %d, output %q for no findings", code, lines)
		}
	})

	t.Run("added lines", func(t *testing.T) {
		// In a pull request reviewdog keeps the diagnostics on lines the
		// diff adds: only the finding on the new line of a file whose name
		// has spaces, a colon and a comma.
		if _, err := exec.LookPath("git"); err != nil {
			unavailable(t, "git is not installed")
		}
		r, fs := combined()
		dir := t.TempDir()
		base := files{}
		for k, v := range fs {
			base[k] = v
		}
		base[spacedPath] = fs[spacedPath][:3]
		writeFiles(t, dir, base)
		git := func(args ...string) {
			cmd := exec.Command("git", append([]string{"-c", "user.name=noticevet", "-c", "user.email=noticevet@example.com", "-c", "commit.gpgsign=false"}, args...)...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		git("init", "-q")
		git("add", "-A")
		git("commit", "-q", "-m", "base")
		writeFiles(t, dir, files{spacedPath: fs[spacedPath]})

		lines, code := runReviewdog(t, bin, dir, render(t, "rdjson", r), "-filter-mode=added", "-diff=git diff")
		if code != 1 || len(lines) != 1 {
			t.Fatalf("exit %d, %d diagnostics, want 1:\n%s", code, len(lines), strings.Join(lines, "\n"))
		}
		i := len(r.Findings) - 1 // the undisclosed-country finding in spacedPath
		for _, want := range reviewdogSays(t, r, i) {
			if !strings.Contains(lines[0], want) {
				t.Errorf("the diagnostic lacks %s:\n%s", want, lines[0])
			}
		}
	})
}
