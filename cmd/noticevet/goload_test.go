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
		stderr: "noticevet: app/go.mod: go.mod requires go >= 1.999 (running go " + strings.TrimPrefix(runtime.Version(), "go") + "; GOTOOLCHAIN=local)\n"}.check(t)
}
