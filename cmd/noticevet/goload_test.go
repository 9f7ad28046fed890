package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// recorder writes an executable script that appends its name to a log
// each time it runs, and returns the script's path.
func recorder(t *testing.T, dir, name, log string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\necho "+name+" >> '"+log+"'\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGoRunsNothing: the repository's C code is neither preprocessed nor
// compiled, its //go:generate lines are not run, and a GOFLAGS that would
// run a tool for each build step is not followed. The file that uses cgo
// is not analysed, and says so; the rest of the package is.
func TestGoRunsNothing(t *testing.T) {
	tools := t.TempDir()
	log := filepath.Join(tools, "ran.log")
	t.Setenv("CGO_ENABLED", "1")
	t.Setenv("CC", recorder(t, tools, "cc", log))
	t.Setenv("CXX", recorder(t, tools, "cxx", log))
	t.Setenv("GOFLAGS", "-mod=mod -toolexec="+recorder(t, tools, "toolexec", log))
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md": jpNotice,
		"app/go.mod": "module example.com/app\n\ngo 1.22\n",
		"app/main.go": `package main

/*
#include "/etc/passwd"
*/
import "C"

//go:generate sh -c "echo generate >> ` + log + `"

func main() { send() }
`,
		"app/send.go": `package main

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func send() {
	u := User{Email: "a@example.jp"}
	http.Post("https://api.example.cn/v1", "text/plain", strings.NewReader(u.Email))
}
`,
	})
	code, out, errOut := runCmd("check", dir)
	if b, err := os.ReadFile(log); err == nil {
		t.Errorf("check ran %q", b)
	}
	if strings.Contains(out+errOut, "root:") {
		t.Errorf("/etc/passwd leaked:\n%s%s", out, errOut)
	}
	if want := "noticevet: app/main.go: not analysed: uses cgo\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if code != exitFindings || !strings.Contains(out, "app/send.go:12:2: http.Post to api.example.cn") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
}

// TestGoToolchainLine: a go or toolchain line asking for another Go does
// not make the go command download and run it.
func TestGoToolchainLine(t *testing.T) {
	t.Setenv("GOTOOLCHAIN", "auto")
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md":  jpNotice,
		"app/go.mod":  "module example.com/app\n\ngo 1.999\n\ntoolchain go1.999.1\n",
		"app/main.go": "package main\n\nfunc main() {}\n",
	})
	hardCase{args: []string{"check", dir}, code: exitError,
		stderr: "noticevet: app/go.mod: go.mod requires go >= 1.999 (running go " + strings.TrimPrefix(runtime.Version(), "go") + "; GOTOOLCHAIN=local) (Go module example.com/app not analysed)\n"}.check(t)
}

// TestGoBoundary: Go code outside the repository is not read — a .go
// file or a folder that links out of it, a replace or a go.work use
// directive naming a folder outside — and the module is an error naming
// the file (and line).
func TestGoBoundary(t *testing.T) {
	outside := t.TempDir()
	leak := "package main\n\nconst secret = \"https://leak.example.cn\"\n"
	testfs.Write(t, outside, map[string]string{
		"secret.go":    leak,
		"pkg/pkg.go":   "package pkg\n\nconst Secret = \"https://leak.example.cn\"\n",
		"lib/go.mod":   "module example.com/lib\n\ngo 1.22\n",
		"lib/lib.go":   "package lib\n\nconst Secret = \"https://leak.example.cn\"\n",
		"notice/x.md":  jpNotice,
		"work/go.mod":  "module example.com/work\n\ngo 1.22\n",
		"work/work.go": "package work\n",
	})
	send := `package main

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func main() {
	u := User{Email: "a@example.jp"}
	http.Post(secret, "text/plain", strings.NewReader(u.Email))
}
`
	mod := "module example.com/app\n\ngo 1.22\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
		links map[string]string // link → target
		want  string
	}{
		{"go file", map[string]string{"app/go.mod": mod, "app/main.go": send}, map[string]string{"app/secret.go": filepath.Join(outside, "secret.go")},
			"noticevet: app/secret.go: a symbolic link that leads outside the repository\n"},
		{"folder", map[string]string{"app/go.mod": mod, "app/main.go": strings.Replace(send, "\"strings\"\n", "\"strings\"\n\n\t\"example.com/app/pkg\"\n", 1) + "\nconst secret = pkg.Secret\n"},
			map[string]string{"app/pkg": filepath.Join(outside, "pkg")},
			"noticevet: app/pkg/pkg.go: read through a symbolic link that leads outside the repository\n"},
		{"replace", map[string]string{"app/go.mod": mod + "\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => " + filepath.Join(outside, "lib") + "\n",
			"app/main.go": strings.Replace(send, "\"strings\"\n", "\"strings\"\n\n\t\"example.com/lib\"\n", 1) + "\nconst secret = lib.Secret\n"}, nil,
			"noticevet: app/go.mod:7: replace example.com/lib => " + filepath.Join(outside, "lib") + " leads outside the repository\n"},
		{"go.work", map[string]string{"go.work": "go 1.22\n\nuse (\n\t./app\n\t" + filepath.Join(outside, "work") + "\n)\n",
			"app/go.mod": mod, "app/main.go": send + "\nconst secret = \"https://a.example.jp\"\n"}, nil,
			"noticevet: go.work:5: use " + filepath.Join(outside, "work") + " leads outside the repository\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.files[".git/HEAD"] = "ref: refs/heads/main\n"
			tt.files["PRIVACY.md"] = jpNotice
			testfs.Write(t, dir, tt.files)
			for link, target := range tt.links {
				if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
					t.Skipf("symbolic links: %v", err)
				}
			}
			code, out, errOut := runCmd("check", dir)
			tt.want = strings.TrimSuffix(tt.want, "\n") + " (Go module example.com/app not analysed)\n"
			if code != exitError || errOut != tt.want || strings.Contains(out, "leak") {
				t.Errorf("exit %d, stderr %q, want exit 2, %q; stdout:\n%s", code, errOut, tt.want, out)
			}
		})
	}
}

// TestCheckTags: -tags chooses the build configuration as go vet -tags
// does. Without it a file that needs a tag is not analysed, and said to
// be; with it, its export is reported, and the file the tag excludes is
// the one said to be left out.
func TestCheckTags(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md":      jpNotice,
		"app/go.mod":      "module example.com/app\n\ngo 1.22\n",
		"app/main.go":     "package main\n\nfunc main() { push() }\n",
		"app/push_dev.go": "//go:build !prod\n\npackage main\n\nfunc push() {}\n",
		"app/push_prod.go": `//go:build prod

package main

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func push() {
	u := User{Email: "a@example.jp"}
	http.Post("https://api.example.cn/u", "text/plain", strings.NewReader(u.Email))
}
`,
	})
	code, out, errOut := runCmd("check", dir)
	if code != exitClean || strings.Contains(out, "api.example.cn") || !strings.Contains(errOut, "app/push_prod.go: not analysed: excluded by //go:build prod") {
		t.Errorf("without -tags: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, tags := range []string{"prod", "linux,prod", "prod linux"} {
		code, out, errOut = runCmd("check", "-tags", tags, dir)
		if code != exitFindings || !strings.Contains(out, "app/push_prod.go:14:2: http.Post to api.example.cn sends personal data to China") || strings.Contains(errOut, "push_prod.go") || !strings.Contains(errOut, "app/push_dev.go: not analysed: excluded by //go:build !prod") {
			t.Errorf("-tags %s: exit %d\nstdout:\n%s\nstderr:\n%s", tags, code, out, errOut)
		}
	}
}

// TestDevFolders: packages under test, tools, examples and the like that
// nothing shipped imports are development code: their exports are not
// reported, and one line on stderr names them. A package under such a
// folder that main imports ships and is checked. A package that only
// _test.go files of other packages import is development code too;
// dev_folders = [] checks everything.
func TestDevFolders(t *testing.T) {
	send := func(pkg, host string) string {
		return "package " + pkg + "\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\ntype User struct{ Email string }\n\n" +
			"func Send(u User) { http.Post(\"https://" + host + "/u\", \"text/plain\", strings.NewReader(u.Email)) }\n"
	}
	files := map[string]string{
		"PRIVACY.md":                  "# Privacy\n\nWe share personal data with partners in South Korea.\n",
		"app/go.mod":                  "module example.com/app\n\ngo 1.22\n",
		"app/main.go":                 "package main\n\nimport \"example.com/app/hack/ship\"\n\nfunc main() { ship.Send(ship.User{}) }\n",
		"app/hack/ship/ship.go":       send("ship", "api.example.cn"),
		"app/tools/export/main.go":    strings.Replace(send("main", "export.example.cn"), "func Send", "func main() { Send(User{}) }\n\nfunc Send", 1),
		"app/test/e2e/e2e.go":         send("e2e", "e2e.example.cn"),
		"app/internal/testutil/tu.go": send("testutil", "tu.example.cn"),
		"app/platform-tests/hc/hc.go": send("hc", "hc.example.cn"),
		// A name that only starts like a pattern of the list is no dev folder.
		"app/testsuite/ts.go": send("testsuite", "ts.example.cn"),
		// Only a test of main imports fixtures: development code. lib is
		// imported by main too: it ships. alone is imported only by its
		// own external test package: that test tests it, and it stays.
		"app/fixtures/fx.go":      send("fixtures", "fx.example.cn"),
		"app/main_test.go":        "package main\n\nimport (\n\t\"testing\"\n\n\t\"example.com/app/fixtures\"\n\t\"example.com/app/lib\"\n)\n\nfunc TestX(t *testing.T) { fixtures.Send(fixtures.User{}); lib.Send(lib.User{}) }\n",
		"app/lib/lib.go":          send("lib", "lib.example.cn"),
		"app/alone/alone.go":      send("alone", "alone.example.cn"),
		"app/alone/alone_test.go": "package alone_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/app/alone\"\n)\n\nfunc TestX(t *testing.T) { alone.Send(alone.User{}) }\n",
	}
	// An internal package that no shipped package imports serves only
	// its own tests (suite, and client, which only suite imports);
	// store, which main imports, ships.
	files["app/internal/suite/suite.go"] = "package suite\n\nimport \"example.com/app/internal/client\"\n\nfunc Run() { client.Send(client.User{}) }\n"
	files["app/internal/suite/suite_test.go"] = "package suite\n\nimport \"testing\"\n\nfunc TestRun(t *testing.T) { Run() }\n"
	files["app/internal/client/client.go"] = send("client", "client.example.cn")
	files["app/internal/store/store.go"] = send("store", "store.example.cn")
	files["app/main.go"] = "package main\n\nimport (\n\t\"example.com/app/hack/ship\"\n\t\"example.com/app/internal/store\"\n\t\"example.com/app/lib\"\n)\n\nfunc main() { ship.Send(ship.User{}); lib.Send(lib.User{}); store.Send(store.User{}) }\n"
	// A module of its own under a dev folder is development code whole.
	files["e2e-tests/go.mod"] = "module example.com/e2e\n\ngo 1.22\n"
	files["e2e-tests/suite/suite.go"] = send("suite", "suite.example.cn")
	dir := t.TempDir()
	testfs.Write(t, dir, files)
	code, out, errOut := runCmd("check", dir)
	if code != exitFindings || !strings.Contains(out, "app/hack/ship/ship.go:10:") || strings.Contains(out, "export.example.cn") || strings.Contains(out, "suite.example.cn") ||
		strings.Contains(out, "e2e.example.cn") || strings.Contains(out, "tu.example.cn") || strings.Contains(out, "fx.example.cn") ||
		strings.Contains(out, "hc.example.cn") || !strings.Contains(out, "ts.example.cn") ||
		!strings.Contains(out, "lib.example.cn") || !strings.Contains(out, "alone.example.cn") ||
		strings.Contains(out, "client.example.cn") || !strings.Contains(out, "store.example.cn") {
		t.Errorf("default: exit %d\nstdout:\n%s", code, out)
	}
	wantNote := "noticevet: app/go.mod: not checked: app/fixtures, app/internal/client, app/internal/testutil and 3 more, development code (under test, tests, testutil, testing, tools, scripts, hack, examples, *-test, *-tests, imported only by tests, or internal) that no shipped package imports; dev_folders in .noticevet.hcl sets the folders\n" +
		"noticevet: e2e-tests/go.mod: not checked: a module of development code (under test, tests, testutil, testing, tools, scripts, hack, examples, *-test, *-tests); dev_folders in .noticevet.hcl sets the folders\n"
	if errOut != wantNote {
		t.Errorf("default: stderr\n%s\nwant\n%s", errOut, wantNote)
	}
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "dev_folders = []\n"})
	code, out, errOut = runCmd("check", dir)
	if code != exitFindings || strings.Count(out, "[undisclosed-country]") != 12 || errOut != "" {
		t.Errorf("dev_folders = []: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// TestDevModuleNotLoaded: a module of `go run` scripts (several mains in
// one folder) under a development folder is not loaded, so it does not
// fail the run, and stderr says it was not checked (and not that it was
// read); with dev_folders = []
// it is loaded, and fails as go vet would.
func TestDevModuleNotLoaded(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md":       "# Privacy\n\nWe share personal data with partners in South Korea.\n",
		"go.mod":           "module example.com/app\n\ngo 1.22\n",
		"main.go":          "package main\n\nfunc main() {}\n",
		"scripts/go.mod":   "module example.com/app/scripts\n\ngo 1.22\n",
		"scripts/check.go": "package main\n\nfunc main() {}\n",
		"scripts/fix.go":   "package main\n\nfunc main() {}\n",
	})
	code, out, errOut := runCmd("check", dir)
	want := "noticevet: scripts/go.mod: not checked: a module of development code (under test, tests, testutil, testing, tools, scripts, hack, examples, *-test, *-tests); dev_folders in .noticevet.hcl sets the folders\n"
	if code != exitClean || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, "go: go.mod;") {
		t.Errorf("default: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 0 and\n%s", code, out, errOut, want)
	}
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "dev_folders = []\n"})
	code, _, errOut = runCmd("check", dir)
	if code != exitError || !strings.Contains(errOut, "scripts/fix.go:3:6: main redeclared in this block") {
		t.Errorf("dev_folders = []: exit %d\nstderr:\n%s", code, errOut)
	}
}

// TestSelfDomains: a call to the service's own domains (a self block) is
// the service talking to itself, a CLI calling its server: not an export,
// in Go code or in configuration. Other hosts are still reported.
func TestSelfDomains(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md": "# Privacy\n\nWe share personal data with partners in South Korea.\n",
		"cli/go.mod": "module example.com/cli\n\ngo 1.22\n",
		"cli/main.go": `package main

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func main() {
	u := User{}
	http.Post("https://push.example.cn/v1/subscribe", "text/plain", strings.NewReader(u.Email))
	http.Post("https://hooks.example.cn/x", "text/plain", strings.NewReader(u.Email))
}
`,
		"config/app.yaml": "server:\n  url: https://push.example.cn\n",
	})
	code, out, _ := runCmd("check", dir)
	if code != exitFindings || !strings.Contains(out, "push.example.cn") || !strings.Contains(out, "hooks.example.cn") {
		t.Fatalf("without self: exit %d\n%s", code, out)
	}
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "self {\n  domains = [\"*.example.cn\"]\n}\n"})
	code, out, errOut := runCmd("check", dir)
	if code != exitClean || out != "" {
		t.Errorf("self *.example.cn: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "self {\n  domains = [\"push.example.cn\"]\n}\n"})
	code, out, _ = runCmd("check", dir)
	if code != exitFindings || strings.Contains(out, "push.example.cn") || !strings.Contains(out, "cli/main.go:13:2: http.Post to hooks.example.cn") {
		t.Errorf("self push.example.cn: exit %d\n%s", code, out)
	}
}

// TestSelfSettings: a self block's settings name where the service's own
// address is read from (a CLI's flag field, an environment variable): a
// call whose destination every value of is read from them is the CLI
// calling its server, not an export. A call whose URL is read from another
// setting, or from a field of another type, is still listed.
func TestSelfSettings(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"cli/go.mod": "module example.com/cli\n\ngo 1.22\n",
		"cli/main.go": `package main

import (
	"net/http"
	"os"
	"strings"
)

type User struct{ Email string }

// Options are set from the command line by a flag library.
type Options struct{ ServerURL string }

// Hooks are too.
type Hooks struct{ ServerURL string }

func (o *Options) Execute(args []string) error {
	u := User{Email: args[0]}
	http.Post(o.ServerURL+"/api/v1/users", "text/plain", strings.NewReader(u.Email))
	http.Post(os.Getenv("APP_SERVER")+"/api/v1/users", "text/plain", strings.NewReader(u.Email))
	http.Post(os.Getenv("WEBHOOK_URL"), "text/plain", strings.NewReader(u.Email))
	return nil
}

func (h *Hooks) Execute(args []string) error {
	u := User{Email: args[0]}
	http.Post(h.ServerURL, "text/plain", strings.NewReader(u.Email))
	return nil
}

func main() {}
`,
	})
	code, out, errOut := runCmd("map", dir)
	if code != exitClean || strings.Count(out, "http.Post") != 4 {
		t.Fatalf("without self: exit %d\n%s%s", code, out, errOut)
	}
	testfs.Write(t, dir, map[string]string{".noticevet.hcl": "self {\n  settings = [\"Options.ServerURL\", \"APP_SERVER\"]\n}\n"})
	code, out, errOut = runCmd("map", dir)
	if code != exitClean || strings.Count(out, "http.Post") != 2 || strings.Contains(out, "main.go:19:") || strings.Contains(out, "main.go:20:") ||
		!strings.Contains(out, "main.go:21:2") || !strings.Contains(out, "main.go:27:2") {
		t.Errorf("self settings: exit %d\n%s%s", code, out, errOut)
	}
}

// TestModulesFailEachOnItsLine: two modules that cannot be loaded are two
// error lines, each with its own cause and module; the module that loads
// is still reported, and the exit status is 2.
func TestModulesFailEachOnItsLine(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md": "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"a/go.mod":   "module example.com/a\n\ngo 1.22\n",
		"a/main.go":  "package main\n\nfunc main() { undefined() }\n",
		"b/go.mod":   "module example.com/b\n\ngo 1.22\n",
		"b/main.go":  "package main\n\nimport _ \"example.com/nowhere\"\n\nfunc main() {}\n",
		"c/go.mod":   "module example.com/c\n\ngo 1.22\n",
		"c/main.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\ntype User struct{ Email string }\n\n" +
			"func main() { u := User{}; http.Post(\"https://api.example.cn/x\", \"text/plain\", strings.NewReader(u.Email)) }\n",
	})
	code, out, errOut := runCmd("check", dir)
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	if code != exitError || !strings.Contains(out, "c/main.go:10:28: http.Post to api.example.cn") || len(lines) != 2 ||
		lines[0] != "noticevet: a/main.go:3:15: undefined: undefined (Go module example.com/a not analysed)" ||
		!strings.HasPrefix(lines[1], "noticevet: b/main.go:3:8: ") || !strings.HasSuffix(lines[1], "(Go module example.com/b not analysed)") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
