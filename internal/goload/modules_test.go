package goload

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"

	"github.com/noticevet/noticevet/internal/testfs"
)

const sendMain = `package main

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func main() {
	u := User{Email: "a@example.jp"}
	http.Post("https://api.example.cn/v1", "text/plain", strings.NewReader(u.Email))
}
`

// TestCollectModuleErrors: a module that cannot be loaded is one error
// naming it, the others are analysed all the same, and the error names
// the other modules that failed too.
func TestCollectModuleErrors(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"a/go.mod":  "module example.com/a\n\ngo 1.22\n",
		"a/main.go": "package main\n\nfunc main() { undefined() }\n",
		"b/go.mod":  "module example.com/b\n\ngo 1.22\n",
		"b/main.go": sendMain,
		"c/go.mod":  "module example.com/c\n\ngo 1.22\n",
		"c/main.go": "package main\n\nimport _ \"example.com/nowhere\"\n\nfunc main() {}\n",
		"d/go.mod":  "module example.com/d\n\ngo 1.22\n",
		"d/main.go": "package main\n\nfunc main() { undefined() }\n",
		"e/go.mod":  "module example.com/e\n\ngo 1.22\n",
		"e/main.go": "package main\n\nfunc main() { undefined() }\n",
		"f/go.mod":  "module example.com/f\n\ngo 1.22\n",
		"f/main.go": "package main\n\nfunc main() { undefined() }\n",
	})
	res, err := Collect(dir, Options{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Collect: %v, want an *Error", err)
	}
	if want := "a/main.go:3:15: undefined: undefined (Go module example.com/a not analysed)"; e.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", e.Error(), want)
	}
	// Each module that fails is its own line, with its own cause.
	var lines []string
	for _, d := range e.Diagnostics() {
		lines = append(lines, d.Error())
	}
	want := []string{
		"a/main.go:3:15: undefined: undefined (Go module example.com/a not analysed)",
		"c/main.go:3:8: ",
		"d/main.go:3:15: undefined: undefined (Go module example.com/d not analysed)",
		"e/main.go:3:15: undefined: undefined (Go module example.com/e not analysed)",
		"f/main.go:3:15: undefined: undefined (Go module example.com/f not analysed)",
	}
	if len(lines) != len(want) {
		t.Fatalf("diagnostics:\n%s\nwant %d lines", strings.Join(lines, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) || !strings.HasSuffix(lines[i], "not analysed)") {
			t.Errorf("line %d: %s\nwant it to start %q and name its module", i, lines[i], want[i])
		}
	}
	if len(res.Evidence) != 1 || res.Evidence[0].Pos.Path != "b/main.go" || res.Evidence[0].Country != "CN" {
		t.Errorf("evidence of the module that loads: %+v", res.Evidence)
	}
}

// TestCollectDependencyError: a cause in a dependency's file, in the
// module cache, is placed at the module's go.mod and names the file by
// module@version, never by the cache's folder. Dependencies come as they
// come for go vet: here from a GOPROXY the test serves from files.
func TestCollectDependencyError(t *testing.T) {
	proxy := t.TempDir()
	src := t.TempDir()
	testfs.Write(t, src, map[string]string{
		"go.mod": "module example.com/dep\n\ngo 1.22\n",
		"dep.go": "package dep\n\nfunc F() { undefined() }\n",
	})
	v := module.Version{Path: "example.com/dep", Version: "v1.0.0"}
	at := filepath.Join(proxy, "example.com", "dep", "@v")
	testfs.Write(t, at, map[string]string{
		"list":        "v1.0.0\n",
		"v1.0.0.info": `{"Version":"v1.0.0"}`,
		"v1.0.0.mod":  "module example.com/dep\n\ngo 1.22\n",
	})
	z, err := os.Create(filepath.Join(at, "v1.0.0.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := zip.CreateFromDir(z, v, src); err != nil {
		t.Fatal(err)
	}
	z.Close()
	cache := t.TempDir()
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOMODCACHE", cache)
	t.Setenv("GONOSUMDB", "example.com")
	t.Setenv("GONOSUMCHECK", "1")
	t.Setenv("GOFLAGS", "-modcacherw -mod=mod")

	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod":  "module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n",
		"main.go": "package main\n\nimport \"example.com/dep\"\n\nfunc main() { dep.F() }\n",
	})
	_, err = Collect(dir, Options{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Collect: %v, want an *Error", err)
	}
	want := &Error{Path: "go.mod", Msg: "example.com/dep@v1.0.0/dep.go:3:12: undefined: undefined", Module: "example.com/app"}
	if !reflect.DeepEqual(e, want) || strings.Contains(e.Error(), cache) {
		t.Errorf("error %q (%+v), want %q", e.Error(), e, want.Error())
	}
}

// TestCgoOnlyPackage: a package of the repository whose every file uses
// cgo cannot be loaded without it; the error says so, by the package's
// folder in the repository.
func TestCgoOnlyPackage(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod":       "module example.com/cg\n\ngo 1.22\n",
		"main.go":      "package main\n\nimport \"example.com/cg/cpkg\"\n\nfunc main() { cpkg.F() }\n",
		"cpkg/c.go":    "package cpkg\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc F() {}\n",
		"cpkg/doc.txt": "not Go\n",
	})
	_, err := Collect(dir, Options{})
	want := "cpkg: build constraints exclude all Go files (c.go: uses cgo) (Go module example.com/cg not analysed)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestErrorPathsRelative: a folder the go command names in its message
// is named relative to the checked folder, like every other path.
func TestErrorPathsRelative(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"app/go.mod":   "module example.com/app\n\ngo 1.22\n",
		"app/main.go":  "package main\n\nfunc main() {}\n",
		"app/other.go": "package other\n",
	})
	_, err := Collect(dir, Options{})
	want := "app/go.mod: package example.com/app: found packages main (main.go) and other (other.go) in app (Go module example.com/app not analysed)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
