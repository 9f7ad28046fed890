package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, c := range []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202025624-18c4c73a1b2c"}}, "v0.0.0-20261202025624-18c4c73a1b2c"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "18c4c73a1b2c3d4e5f60718293a4b5c6d7e8f901", "vcs.time", "2026-12-02T02:56:24Z", "vcs.modified", "true")},
			"devel 18c4c73a1b2c-dirty 2026-12-02T02:56:24Z"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "18c4c73a1b2c3d4e5f60718293a4b5c6d7e8f901", "vcs.modified", "false")},
			"devel 18c4c73a1b2c"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel (built without version control information: go run, or -buildvcs=false)"},
	} {
		if got := versionOf(&c.bi); got != c.want {
			t.Errorf("versionOf(%+v) = %q, want %q", c.bi, got, c.want)
		}
	}
}
