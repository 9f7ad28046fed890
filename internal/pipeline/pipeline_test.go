package pipeline

import (
	"errors"
	"testing"

	"github.com/noticevet/noticevet/internal/baseline"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// TestRun: each finding is taken by the first of the ignore blocks, the
// comments and the baseline that accepts it, and the rest are kept in
// order with their fingerprints.
func TestRun(t *testing.T) {
	files := map[string]string{
		"infra/main.tf": "# noticevet:ignore undisclosed-country moving to Tokyo (PRIV-1)\nresource \"aws_s3_bucket\" \"a\" {\n}\n",
		"app/send.go":   "package app\n\nfunc f() { http.Post(u) }\n",
		"legacy/old.go": "package legacy\n\nfunc g() { http.Post(v) }\n",
	}
	reads := 0
	read := func(p string) ([]byte, error) {
		reads++
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no such file")
	}
	at := func(rule, path string, line int) rules.Finding {
		return rules.Finding{Rule: rule, Country: "CN", Pos: evidence.Pos{Path: path, Line: line, Column: 1}}
	}
	all := []rules.Finding{
		at("undisclosed-country", "infra/main.tf", 2), // comment above
		at("undisclosed-country", "app/send.go", 3),   // baseline
		at("false-claim", "legacy/old.go", 3),         // ignore block
		at("false-claim", "app/send.go", 3),           // kept
		at("false-claim", "gone.go", 7),               // kept: unreadable file
	}
	held := all[1]
	held.Fingerprint = Fingerprint(held, "func f() { http.Post(u) }")
	b, err := baseline.Parse("base.json", []byte(`{"version":1,"findings":[{"rule":"undisclosed-country","country":"CN","fingerprint":"`+held.Fingerprint+`","location":{"path":"app/send.go","line":3}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	p := &Pipeline{
		Config:   &config.Config{Ignores: []config.Ignore{{Path: "legacy/**", Reason: "being removed"}}},
		Baseline: b,
		Read:     read,
	}
	res := p.Run(all)
	if len(res.Findings) != 2 || res.Findings[0].Pos.Path != "app/send.go" || res.Findings[1].Pos.Path != "gone.go" {
		t.Fatalf("kept %+v", res.Findings)
	}
	if res.Findings[0].Fingerprint != Fingerprint(all[3], "func f() { http.Post(u) }") || res.Findings[1].Fingerprint != Fingerprint(all[4], "") {
		t.Errorf("fingerprints not stamped from the line's content: %+v", res.Findings)
	}
	reasons := map[string]string{}
	for _, s := range res.Suppressed {
		reasons[s.Pos.Path] = s.Reason
	}
	want := map[string]string{
		"infra/main.tf": "moving to Tokyo (PRIV-1)",
		"app/send.go":   "in the baseline base.json",
		"legacy/old.go": "being removed",
	}
	for path, r := range want {
		if reasons[path] != r {
			t.Errorf("%s: suppressed for %q, want %q", path, reasons[path], r)
		}
	}
	if reads != 4 {
		t.Errorf("read files %d times, want each of the 4 named once", reads)
	}
	if got := p.Line("infra/main.tf", 2); got != `resource "aws_s3_bucket" "a" {` {
		t.Errorf("Line = %q", got)
	}
	for _, n := range []int{0, 4, -1} {
		if got := p.Line("infra/main.tf", n); got != "" {
			t.Errorf("Line(%d) = %q, want \"\"", n, got)
		}
	}
}
