package goload

import (
	"slices"
	"strings"
	"testing"
)

func TestGoFlags(t *testing.T) {
	for in, want := range map[string]string{
		"":                                       "",
		"-mod=mod":                               "-mod=mod",
		"-mod=vendor -tags=prod,linux -trimpath": "-mod=vendor -tags=prod,linux -trimpath",
		"-toolexec=/tmp/x -mod=mod":              "-mod=mod",
		"--overlay=/etc/o.json -exec=/bin/sh":    "",
		"-modfile=../../go.mod -pgo=auto":        "",
		"--tags=a -ldflags=-X=1":                 "--tags=a",
	} {
		if got := goFlags(in); got != want {
			t.Errorf("goFlags(%q) = %q, want %q", in, got, want)
		}
	}
	env := loaderEnv("-toolexec=/tmp/x")
	for _, kv := range []string{"CGO_ENABLED=0", "GOTOOLCHAIN=local", "GOFLAGS="} {
		if !slices.Contains(env, kv) {
			t.Errorf("loader environment lacks %s", kv)
		}
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "GOFLAGS=") && kv != "GOFLAGS=" {
			t.Errorf("loader environment has %s", kv)
		}
	}
}
