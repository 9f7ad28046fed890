package golangci_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template"
	"time"

	"go.yaml.in/yaml/v3"
)

// The plugin as golangci-lint users get it: the tests below build a custom
// golangci-lint with the README's .custom-gcl.yml, the way `golangci-lint
// custom` does (its pkg/commands/internal/builder.go: the golangci-lint
// source, cmd/golangci-lint/plugins.go rewritten to import the plugins, a
// replace for a plugin given by path, go mod tidy, go build), except that the
// source comes from the Go module proxy rather than a git clone. Then they run
// it with the README's .golangci.yml.
//
// Measured on this project's 2-core machines, shared with other builds: with
// the modules downloaded and a warm Go build cache, the first build took
// about 100 s (copy under 1 s, go mod tidy 5 s, go build 94 s), and 2.5 to
// 3.5 min with the machine busy; with an empty build cache and a load average
// of 25, the go build alone took 20 min (hence .ci/run's -timeout 30m). With
// the build kept, a run's go build is incremental (about 14 s).
// The build is kept in the user cache folder (noticevet-test/), never in the
// repository, keyed by the golangci-lint version, this checkout and its
// go.mod and go.sum.

const (
	thisModule = "github.com/noticevet/noticevet"
	gclModule  = "github.com/golangci/golangci-lint/v2"
)

// customGCL is the .custom-gcl.yml fields `golangci-lint custom` reads.
type customGCL struct {
	Version string `yaml:"version"`
	Plugins []struct {
		Module  string `yaml:"module"`
		Import  string `yaml:"import"`
		Version string `yaml:"version"`
	} `yaml:"plugins"`
}

// readmeYAML returns the first ```yaml block after the line of the README's
// "## Use with golangci-lint" part that contains intro.
func readmeYAML(t *testing.T, intro string) string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, part, ok := strings.Cut(string(readme), "\n## Use with golangci-lint\n")
	if !ok {
		t.Fatal("README.md has no Use with golangci-lint part")
	}
	part, _, _ = strings.Cut(part, "\n## ")
	_, after, ok := strings.Cut(part, intro)
	if !ok {
		t.Fatalf("README.md, Use with golangci-lint: no %q", intro)
	}
	_, block, ok := strings.Cut(after, "```yaml\n")
	if !ok {
		t.Fatalf("README.md, Use with golangci-lint: no yaml block after %q", intro)
	}
	block, _, _ = strings.Cut(block, "```\n")
	return block
}

// goEnv is the environment for the go command the tests run: modules
// outside a workspace, the installed Go (as .ci/run has it), no GOFLAGS of
// the caller's.
func goEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.Contains([]string{"GOFLAGS", "GOWORK", "GOTOOLCHAIN"}, name) {
			env = append(env, kv)
		}
	}
	return append(env, append([]string{"GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local"}, extra...)...)
}

func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// importsTemplate is the plugins.go `golangci-lint custom` writes.
const importsTemplate = `
package main

import (
{{range .Imports -}}
	_ "{{.}}"
{{end -}}
)
`

// buildCustom builds golangci-lint with the plugins of cfg, this checkout
// standing for this module, and returns the binary's path.
func buildCustom(t *testing.T, cfg customGCL) string {
	t.Helper()
	checkout, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var imports []string
	for _, p := range cfg.Plugins {
		if p.Module != thisModule {
			t.Fatalf(".custom-gcl.yml: plugin %s is not this module", p.Module)
		}
		imp := p.Import
		if imp == "" {
			imp = p.Module
		}
		imports = append(imports, imp)
	}
	var buf bytes.Buffer
	if err := template.Must(template.New("plugins.go").Parse(importsTemplate)).Execute(&buf, map[string]any{"Imports": imports}); err != nil {
		t.Fatal(err)
	}
	pluginsGo, err := format.Source(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}

	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", cfg.Version, checkout, pluginsGo)
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(checkout, f))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	cache = filepath.Join(cache, "noticevet-test")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(cache, "golangci-lint-"+cfg.Version+"-"+hex.EncodeToString(h.Sum(nil))[:16])
	src := filepath.Join(root, "golangci-lint")

	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		start := time.Now()
		tmp, err := os.MkdirTemp(cache, "build-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		out, err := goCmd(tmp, "mod", "download", "-json", gclModule+"@"+cfg.Version)
		if err != nil {
			t.Fatal(err)
		}
		var dl struct{ Dir, Error string }
		if err := json.Unmarshal(out, &dl); err != nil || dl.Dir == "" {
			t.Fatalf("go mod download %s@%s: %v %s", gclModule, cfg.Version, err, dl.Error)
		}
		tree := filepath.Join(tmp, "golangci-lint")
		if err := os.CopyFS(tree, os.DirFS(dl.Dir)); err != nil {
			t.Fatal(err)
		}
		// The module cache is read-only; the copy is the builder's to edit.
		if err := os.WriteFile(filepath.Join(tree, "cmd", "golangci-lint", "plugins.go"), pluginsGo, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(tree, "go.mod"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(tree, "go.sum"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"mod", "edit", "-replace", thisModule + "=" + checkout},
			{"mod", "tidy"},
		} {
			if _, err := goCmd(tree, args...); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.MkdirAll(root, 0o755); err != nil {
			t.Fatal(err)
		}
		// Another run may have made it meanwhile: then its copy is used.
		if err := os.Rename(tree, src); err != nil {
			if _, statErr := os.Stat(src); statErr != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(root, "checkout"), []byte(checkout), 0o644); err != nil {
			t.Fatal(err)
		}
		pruneBuilds(cache, root, checkout)
		t.Logf("golangci-lint %s source, plugin import and go mod tidy: %s", cfg.Version, time.Since(start).Round(time.Second))
	}

	start := time.Now()
	bin := filepath.Join(root, "custom-gcl")
	tmpBin := fmt.Sprintf("%s.%d", bin, os.Getpid())
	if _, err := goCmd(src, "build", "-ldflags", "-s -w -X main.version="+cfg.Version+"-custom-gcl", "-o", tmpBin, "./cmd/golangci-lint"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmpBin, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("go build golangci-lint with the plugin: %s", time.Since(start).Round(time.Second))
	return bin
}

// pruneBuilds removes the builds in cache for checkout other than keep:
// those of an earlier go.mod or golangci-lint version, which no run uses
// again. Builds for other checkouts are theirs.
func pruneBuilds(cache, keep, checkout string) {
	olds, _ := filepath.Glob(filepath.Join(cache, "golangci-lint-*"))
	for _, old := range olds {
		if b, err := os.ReadFile(filepath.Join(old, "checkout")); err == nil && string(b) == checkout && old != keep {
			os.RemoveAll(old)
		}
	}
}

// scenario writes a module made of the demo's notices, configuration and Go
// package (testdata/line-2021) into a fresh folder, with golangciYML as its
// .golangci.yml, and returns the folder.
func scenario(t *testing.T, golangciYML string) string {
	t.Helper()
	demo := "../../testdata/line-2021"
	dir := t.TempDir()
	for dst, src := range map[string]string{
		"go.mod":           "app/go.mod",
		"opsync/opsync.go": "app/opsync/opsync.go",
		"PRIVACY.md":       "PRIVACY.md",
		"PRIVACY.ja.md":    "PRIVACY.ja.md",
		".noticevet.hcl":   ".noticevet.hcl",
	} {
		b, err := os.ReadFile(filepath.Join(demo, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(golangciYML), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lint runs the custom golangci-lint in dir with only the linters
// .golangci.yml enables (--default=none: golangci-lint's standard set would
// report the demo's unchecked resp.Body.Close), plain one-line output, and
// a cache of its own. It returns stdout, stderr and the exit status.
func lint(t *testing.T, bin, dir, cacheDir string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, "run", "--default=none", "--output.text.print-issued-lines=false",
		"--output.text.colors=false", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = goEnv("GOPROXY=off", "GOLANGCI_LINT_CACHE="+cacheDir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

// TestCustomGolangciLint builds golangci-lint with the plugin as the README
// says and checks, with the README's .golangci.yml, that the demo's export
// to China is reported at its call; that the same module without the export
// reports nothing; that a misspelt setting or a missing notice stops the
// run; and that
// golangci-lint's cache hides an edit of the notice alone, as the README
// warns.
func TestCustomGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and builds golangci-lint")
	}
	var cfg customGCL
	if err := yaml.Unmarshal([]byte(readmeYAML(t, "`.custom-gcl.yml`:")), &cfg); err != nil {
		t.Fatalf("README .custom-gcl.yml: %v", err)
	}
	if cfg.Version == "" || len(cfg.Plugins) != 1 || cfg.Plugins[0].Import != thisModule+"/analyzer/golangci" || cfg.Plugins[0].Version == "" {
		t.Fatalf("README .custom-gcl.yml: want a golangci-lint version and one plugin, this module's analyzer/golangci at a version; got %+v", cfg)
	}
	// buildCustom builds this checkout, as `path:` in place of version
	// would.
	golangciYML := readmeYAML(t, "`.golangci.yml`:")
	bin := buildCustom(t, cfg)

	const want = "opsync/opsync.go:27:15: http.Post to ops-sync.affiliate-dev.cn sends personal data to China (entity shanghai-affiliate), which the notice never names [undisclosed-country] (noticevet)\n"
	readmeText, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readmeText), "\n"+want) {
		t.Errorf("the README's golangci-lint part does not show the finding\n%s", want)
	}

	t.Run("export", func(t *testing.T) {
		dir := scenario(t, golangciYML)
		out, errOut, code := lint(t, bin, dir, t.TempDir())
		if out != want || code != 1 {
			t.Errorf("custom golangci-lint: exit status %d, output\n%s\nstderr\n%s\nwant exit status 1 and\n%s", code, out, errOut, want)
		}
	})

	t.Run("no export", func(t *testing.T) {
		dir := scenario(t, golangciYML)
		path := filepath.Join(dir, "opsync", "opsync.go")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Push (the POST of the account to the .cn host) goes, with the
		// imports only it used; Status, a GET of public data from a .cn
		// host, stays.
		s := regexp.MustCompile(`(?s)// Push sends.*?\n}\n`).ReplaceAllString(string(src), "")
		s = strings.NewReplacer("\t\"bytes\"\n", "", "\t\"encoding/json\"\n", "").Replace(s)
		if s == string(src) || strings.Contains(s, "http.Post") {
			t.Fatal("the demo's opsync.go changed: Push was not removed")
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := lint(t, bin, dir, t.TempDir())
		if out != "" || code != 0 {
			t.Errorf("without the export: exit status %d, output\n%s\nstderr\n%s\nwant exit status 0 and nothing", code, out, errOut)
		}
	})

	t.Run("misspelt setting", func(t *testing.T) {
		yml := strings.Replace(golangciYML, "notice:", "notices:", 1)
		if yml == golangciYML {
			t.Fatal("the README's .golangci.yml sets no notice")
		}
		dir := scenario(t, yml)
		out, errOut, code := lint(t, bin, dir, t.TempDir())
		if code != 3 || !strings.Contains(errOut, `noticevet settings: unknown field "notices"`) {
			t.Errorf("a misspelt setting: exit status %d, output\n%s\nstderr\n%s\nwant exit status 3 and an error naming it", code, out, errOut)
		}
	})

	t.Run("missing notice", func(t *testing.T) {
		yml := strings.Replace(golangciYML, "[PRIVACY.md, PRIVACY.ja.md]", "legal/missing.md", 1)
		if yml == golangciYML {
			t.Fatal("the README's .golangci.yml does not name PRIVACY.md and PRIVACY.ja.md")
		}
		dir := scenario(t, yml)
		out, errOut, code := lint(t, bin, dir, t.TempDir())
		if code != 3 || !strings.Contains(errOut, "noticevet: setting notice: legal/missing.md: file does not exist") {
			t.Errorf("a missing notice: exit status %d, output\n%s\nstderr\n%s\nwant exit status 3 and an error naming it", code, out, errOut)
		}
	})

	t.Run("cache hides a notice edit", func(t *testing.T) {
		dir := scenario(t, golangciYML)
		cacheDir := t.TempDir()
		if out, _, code := lint(t, bin, dir, cacheDir); out != want || code != 1 {
			t.Fatalf("exit status %d, output\n%s", code, out)
		}
		disclose := func(dir string) {
			for _, n := range []string{"PRIVACY.md", "PRIVACY.ja.md"} {
				p := filepath.Join(dir, n)
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				b = append(b, "\n<!-- noticevet: transfers-to=CN -->\nWe transfer personal data to China.\n"...)
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		disclose(dir)
		if out, _, code := lint(t, bin, dir, cacheDir); out != want || code != 1 {
			t.Errorf("golangci-lint's cache no longer hides an edit of the notice alone (exit status %d, output %q): the README's warning can go", code, out)
		}
		// Without the cache the edit counts: the check above is about the
		// cache, not about the disclosure.
		if out, errOut, code := lint(t, bin, dir, t.TempDir()); out != "" || code != 0 {
			t.Errorf("China disclosed, fresh cache: exit status %d, output\n%s\nstderr\n%s\nwant nothing", code, out, errOut)
		}
	})
}
