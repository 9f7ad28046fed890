package goload

import (
	"os"
	"os/exec"
	"strings"
	"sync"
)

// keptGoFlags are the flags of GOFLAGS the loader passes on to the go
// command: they choose how modules are resolved and which files are
// built, and none of them makes the go command run or read anything else.
// Every other flag (-toolexec, -exec, -overlay, -modfile, -pgo, -compiler,
// -ldflags, ...) is dropped, wherever GOFLAGS was set.
var keptGoFlags = map[string]bool{
	"-mod":        true,
	"-modcacherw": true,
	"-tags":       true,
	"-buildvcs":   true,
	"-trimpath":   true,
}

// goFlags keeps the safe flags of a GOFLAGS value, in order.
func goFlags(v string) string {
	var kept []string
	for _, f := range strings.Fields(v) {
		name, _, _ := strings.Cut(f, "=")
		if keptGoFlags["-"+strings.TrimLeft(name, "-")] {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// loaderEnv is the environment the go command runs in for the loader:
// the user's (GOPROXY, GOPRIVATE, GONOSUMDB and the rest as for go vet, so
// that a fresh checkout's dependencies are downloaded as go vet would),
// with
//
//   - CGO_ENABLED=0, so that listing the packages runs neither cgo nor a
//     C compiler on the repository's files (a file that uses cgo is left
//     out, and said to be);
//   - GOTOOLCHAIN=local, so that a toolchain line in go.mod or go.work
//     cannot make the go command download and run another Go;
//   - GOFLAGS reduced to keptGoFlags (flags from the go env file too:
//     userFlags is `go env GOFLAGS`).
func loaderEnv(userFlags string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "CGO_ENABLED", "GOTOOLCHAIN", "GOFLAGS":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "CGO_ENABLED=0", "GOTOOLCHAIN=local", "GOFLAGS="+goFlags(userFlags))
}

// userGoFlags is GOFLAGS as the user set it: the environment's, else the
// go env file's (go env -w), asked of the go command outside any module.
func userGoFlags() string {
	if v, ok := os.LookupEnv("GOFLAGS"); ok {
		return v
	}
	return envFileGoFlags()
}

var envFileGoFlags = sync.OnceValue(func() string {
	cmd := exec.Command("go", "env", "GOFLAGS")
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})
