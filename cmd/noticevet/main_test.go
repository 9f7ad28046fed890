package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// scenarios are the repositories under testdata/scenarios, plus the demo.
func scenarios(t *testing.T) map[string]string {
	t.Helper()
	dirs, err := filepath.Glob("../../testdata/scenarios/*")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{"line-2021": "../../testdata/line-2021"}
	for _, d := range dirs {
		m[filepath.Base(d)] = d
	}
	if len(m) < 13 {
		t.Fatalf("only %d scenarios", len(m))
	}
	return m
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./cmd/noticevet -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestCheckGolden(t *testing.T) {
	for name, dir := range scenarios(t) {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCmd("check", dir)
			golden(t, name+".txt", fmt.Sprintf("exit %d\n-- stdout --\n%s-- stderr --\n%s", code, out, strings.ReplaceAll(errOut, dir, "DIR")))
			if code == exitError {
				if n := strings.Count(errOut, "\n"); n != 1 || !strings.HasPrefix(errOut, "noticevet: ") {
					t.Errorf("exit 2 must print one line: %q", errOut)
				}
				return
			}
			code2, js, _ := runCmd("check", "-format", "json", dir)
			if code2 != code {
				t.Errorf("json exit %d, text exit %d", code2, code)
			}
			golden(t, name+".json", js)
		})
	}
}

func TestExitStatus(t *testing.T) {
	dir := "../../testdata/scenarios/unresolved" // only a note
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"check", dir}, exitClean},
		{[]string{"check", "-fail-on", "note", dir}, exitFindings},
		{[]string{"check", dir, "-fail-on=note"}, exitFindings},
		{[]string{"check", "-fail-on", "never", "../../testdata/line-2021"}, exitClean},
		{[]string{"check", "-fail-on", "error", "../../testdata/line-2021"}, exitFindings},
		{[]string{"check", "../../testdata/scenarios/clean-jp-only"}, exitClean},
		{[]string{"check", "-fail-on", "fatal", dir}, exitError},
		{[]string{"check", "-format", "xml", dir}, exitError},
		{[]string{"check", "-nope", dir}, exitError},
		{[]string{"check", dir, dir}, exitError},
		{[]string{"check", "../../testdata/does-not-exist"}, exitError},
		{[]string{"check", "-notice", "../../testdata/does-not-exist.md", dir}, exitError},
		{[]string{"check", "-config", "../../testdata/does-not-exist.hcl", dir}, exitError},
		{[]string{"frobnicate"}, exitError},
		{[]string{}, exitError},
		{[]string{"version"}, exitClean},
		{[]string{"help"}, exitClean},
		{[]string{"help", "false-claim"}, exitClean},
		{[]string{"help", "no-such-rule"}, exitError},
		{[]string{"check", "-h"}, exitClean},
	} {
		code, _, errOut := runCmd(tt.args...)
		if code != tt.want {
			t.Errorf("noticevet %s: exit %d, want %d (stderr %q)", strings.Join(tt.args, " "), code, tt.want, errOut)
		}
		if code == exitError && strings.Count(errOut, "\n") != 1 && !strings.Contains(strings.Join(tt.args, " "), "-nope") && len(tt.args) > 0 {
			t.Errorf("noticevet %s: exit 2 must print one line, got %q", strings.Join(tt.args, " "), errOut)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "../../testdata/does-not-exist"}, "noticevet: ../../testdata/does-not-exist: no such file or directory\n"},
		{[]string{"check", "-format", "xml", "."}, "noticevet: -format: unknown format \"xml\" (want text, json, sarif, github, markdown, rdjson)\n"},
		{[]string{"check", "-fail-on", "fatal", "."}, "noticevet: -fail-on: unknown severity \"fatal\" (want error, warning, note or never)\n"},
		{[]string{"check", "-config", "../../testdata/none.hcl", "../../testdata/line-2021"}, "noticevet: ../../testdata/none.hcl: no such file or directory\n"},
		{[]string{"claims", "../../testdata/none.md"}, "noticevet: ../../testdata/none.md: no such file or directory\n"},
	} {
		_, _, errOut := runCmd(tt.args...)
		if errOut != tt.want {
			t.Errorf("noticevet %s:\nstderr %q\nwant   %q", strings.Join(tt.args, " "), errOut, tt.want)
		}
	}
}

func TestMapAndClaims(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"map-line-2021.txt", []string{"map", "../../testdata/line-2021"}},
		{"map-line-2021.json", []string{"map", "-format", "json", "../../testdata/line-2021"}},
		// A Go call placed by the Terraform resource of its store says which.
		{"map-go-store-names.txt", []string{"map", "../../testdata/scenarios/go-store-names"}},
		{"claims-line-2021.txt", []string{"claims", "../../testdata/line-2021/PRIVACY.md"}},
		{"claims-line-2021.json", []string{"claims", "-format", "json", "../../testdata/line-2021/PRIVACY.md"}},
		{"claims-line-2021-ja.txt", []string{"claims", "../../testdata/line-2021/PRIVACY.ja.md"}},
		{"claims-line-2021-ja.json", []string{"claims", "-format", "json", "../../testdata/line-2021/PRIVACY.ja.md"}},
		// -explain shows the words that made each claim.
		{"claims-explain-line-2021.txt", []string{"claims", "-explain", "../../testdata/line-2021/PRIVACY.md"}},
		{"claims-explain-line-2021-ja.txt", []string{"claims", "-explain", "../../testdata/line-2021/PRIVACY.ja.md"}},
		{"claims-explain-line-2021-ja.json", []string{"claims", "-explain", "-format", "json", "../../testdata/line-2021/PRIVACY.ja.md"}},
	} {
		code, out, errOut := runCmd(tc.args...)
		if code != exitClean {
			t.Fatalf("%s: exit %d: %s", strings.Join(tc.args, " "), code, errOut)
		}
		golden(t, tc.golden, out)
	}
}

// TestReadmeRuleTable keeps the README's rule table the one the rules
// package generates.
func TestReadmeRuleTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), rules.MarkdownTable()) {
		t.Errorf("README.md does not contain the rule table; replace it with:\n%s", rules.MarkdownTable())
	}
}

func TestHelpCoversEveryRule(t *testing.T) {
	for _, r := range rules.All {
		code, out, _ := runCmd("help", r.ID)
		if code != exitClean || !strings.Contains(out, r.Help) || !strings.Contains(out, r.Fix) {
			t.Errorf("help %s: exit %d, output %q", r.ID, code, out)
		}
	}
}

// TestReadmeQuickStart keeps the README's quick start true: its first
// command checks the demo, and the output it shows is what check prints.
func TestReadmeQuickStart(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	start := strings.Index(s, "## Quick start")
	if start < 0 {
		t.Fatal("README.md has no Quick start section")
	}
	s = s[start:]
	// The test command is the one CI runs: with its timeout, since the
	// first run builds a custom golangci-lint.
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	quick, _, _ := strings.Cut(s, "```text")
	for _, cmd := range []string{"go run ./cmd/noticevet check testdata/line-2021", "go test -timeout 30m ./..."} {
		if !strings.Contains(quick, cmd+" ") {
			t.Errorf("quick start lacks %q", cmd)
		}
		if !strings.Contains(string(ci), cmd) {
			t.Errorf(".ci/run does not run %q", cmd)
		}
	}
	const open = "```text\n"
	i := strings.Index(s, open)
	if i < 0 {
		t.Fatal("quick start shows no output block")
	}
	shown := s[i+len(open):]
	shown = shown[:strings.Index(shown, "```")]
	code, out, _ := runCmd("check", "../../testdata/line-2021")
	if code != exitFindings {
		t.Errorf("demo: exit %d, want %d", code, exitFindings)
	}
	if shown != out {
		t.Errorf("README shows:\n%s\ncheck prints:\n%s", shown, out)
	}
}
