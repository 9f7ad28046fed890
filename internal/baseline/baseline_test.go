package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/rules"
)

func finding(rule, country, path string, line int, fp string) rules.Finding {
	sev := rules.Error
	if r, ok := rules.Lookup(rule); ok {
		sev = r.Severity
	}
	return rules.Finding{Rule: rule, Severity: sev, Country: country, Message: rule + " in " + country,
		Pos: evidence.Pos{Path: path, Line: line, Column: 1}, Fingerprint: fp}
}

// baselineOf writes findings as `noticevet check -format json` does and
// reads them back as a baseline.
func baselineOf(t *testing.T, findings []rules.Finding, suppressed ...report.Suppressed) *Baseline {
	t.Helper()
	var buf bytes.Buffer
	if err := report.JSON(&buf, &report.Result{Findings: findings, Suppressed: suppressed}); err != nil {
		t.Fatal(err)
	}
	b, err := Parse("baseline.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestApply(t *testing.T) {
	old := []rules.Finding{
		finding(rules.FalseClaim, "KR", "infra/media.tf", 12, "aaaa"),
		finding(rules.UndisclosedCountry, "US", "infra/logs.tf", 3, "bbbb"),
		finding(rules.NoCountryNamed, "", "PRIVACY.md", 9, "cccc"),
	}
	b := baselineOf(t, old)
	if b.Len() != 3 {
		t.Fatalf("Len = %d, want 3", b.Len())
	}
	now := []rules.Finding{
		finding(rules.FalseClaim, "KR", "infra/media.tf", 40, "aaaa"),         // moved down: same
		finding(rules.UndisclosedCountry, "US", "infra/logs.tf", 3, "dddd"),   // line changed: new
		finding(rules.UndisclosedCountry, "SG", "infra/logs.tf", 3, "bbbb"),   // other country: new
		finding(rules.FalseClaim, "KR", "infra/other.tf", 12, "aaaa"),         // other file: new
		finding(rules.NoCountryNamed, "", "PRIVACY.md", 9, "cccc"),            // same
		finding(rules.UndisclosedCountry, "KR", "infra/media.tf", 40, "aaaa"), // other rule: new
	}
	kept, sup := b.Apply(now)
	if len(kept) != 4 || len(sup) != 2 {
		t.Fatalf("kept %d, suppressed %d; want 4 and 2", len(kept), len(sup))
	}
	for i, want := range []int{1, 2, 3, 5} {
		if kept[i] != now[want] {
			t.Errorf("kept[%d] = %+v, want %+v", i, kept[i], now[want])
		}
	}
	if sup[0].Finding != now[0] || sup[1].Finding != now[4] {
		t.Errorf("suppressed %+v", sup)
	}
	for _, s := range sup {
		if s.Reason != "in the baseline baseline.json" {
			t.Errorf("reason %q", s.Reason)
		}
	}
}

// Each baseline entry accepts one finding: a second copy is new.
func TestApplyCountsCopies(t *testing.T) {
	f := finding(rules.UndisclosedCountry, "US", "infra/a.tf", 3, "eeee")
	b := baselineOf(t, []rules.Finding{f})
	g := f
	g.Pos.Line = 9
	kept, sup := b.Apply([]rules.Finding{f, g})
	if len(kept) != 1 || len(sup) != 1 || kept[0] != g {
		t.Errorf("kept %+v, suppressed %+v", kept, sup)
	}
	// Applying again starts afresh.
	if _, sup := b.Apply([]rules.Finding{f}); len(sup) != 1 {
		t.Error("a second Apply does not suppress")
	}
	// A finding without a fingerprint is never taken for a known one.
	h := f
	h.Fingerprint = ""
	if kept, _ := b.Apply([]rules.Finding{h}); len(kept) != 1 {
		t.Error("a finding without a fingerprint was suppressed")
	}
}

// An output written with a baseline lists what the baseline suppressed, so
// it can be the next baseline.
func TestSuppressedEntriesCount(t *testing.T) {
	f := finding(rules.FalseClaim, "CN", "infra/x.tf", 1, "ffff")
	b := baselineOf(t, nil, report.Suppressed{Finding: f, Reason: "in the baseline old.json"})
	if kept, _ := b.Apply([]rules.Finding{f}); len(kept) != 0 {
		t.Error("a finding the baseline lists as suppressed is reported")
	}
}

func TestFilter(t *testing.T) {
	a := finding(rules.FalseClaim, "KR", "b.tf", 5, "1111")
	c := finding(rules.UndisclosedCountry, "US", "c.tf", 1, "2222")
	ignored := report.Suppressed{Finding: finding(rules.UndisclosedCountry, "SG", "c.tf", 9, "3333"), Reason: "config"}
	r := &report.Result{Findings: []rules.Finding{a, c}, Suppressed: []report.Suppressed{ignored}}
	baselineOf(t, []rules.Finding{a, c}).Filter(r)
	if len(r.Findings) != 0 || len(r.Suppressed) != 3 {
		t.Fatalf("findings %d, suppressed %d", len(r.Findings), len(r.Suppressed))
	}
	var order []string
	for _, s := range r.Suppressed {
		order = append(order, s.Pos.String())
	}
	if got := strings.Join(order, " "); got != "b.tf:5:1 c.tf:1:1 c.tf:9:1" {
		t.Errorf("suppressed order %s", got)
	}
	// Nothing to suppress leaves the result alone.
	r = &report.Result{Findings: []rules.Finding{a}}
	baselineOf(t, nil).Filter(r)
	if len(r.Findings) != 1 || r.Suppressed != nil {
		t.Errorf("an empty baseline changed the result: %+v", r)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "b.json:1:1: invalid JSON: unexpected end of JSON input"},
		{"{", "b.json:1:2: invalid JSON: unexpected end of JSON input"},
		{"{\"version\": 1,\n", "b.json:2:1: invalid JSON: unexpected end of JSON input"},
		{"{\n  \"version\": 1,\n  \"findings\": [,]\n}", "b.json:3:16: invalid JSON: invalid character ',' looking for beginning of value"},
		{"{\"version\": 1, \"findings\": []}\nx", "b.json:2:1: invalid JSON: invalid character 'x' after top-level value"},
		{"[]", "b.json:1:1: the document is a JSON array, want an object"},
		{"{\"version\": \"1\", \"findings\": []}", `b.json:1:15: "version" is a JSON string, want a number`},
		{"{\"version\": 1, \"findings\": {}}", `b.json:1:28: "findings" is a JSON object, want a list`},
		{"{\"version\": 1,\n \"findings\": [{\"rule\": 7}]}", `b.json:2:24: "findings.rule" is a JSON number, want a string`},
		{"{\"findings\": []}", `b.json: no "version": not the output of noticevet check -format json`},
		{"{\"version\": 2, \"findings\": []}", "b.json: version 2 is not one this noticevet reads (want 1)"},
		{"{\"version\": 1}", `b.json: no "findings" list: not the output of noticevet check -format json`},
		{"{\"version\": 1, \"findings\": null}", `b.json: no "findings" list: not the output of noticevet check -format json`},
		{"{\"version\": 1, \"findings\": [{\"location\": {\"path\": \"a.tf\"}}]}", `b.json: findings[0] has no "rule"`},
		{"{\"version\": 1, \"findings\": [{\"rule\": \"false-claim\", \"fingerprint\": \"ab\"}]}", `b.json: findings[0] has no "location" with a "path"`},
		{"{\"version\": 1, \"findings\": [], \"suppressed\": [{\"rule\": \"false-claim\", \"location\": {\"path\": \"a.tf\"}}]}",
			`b.json: suppressed[0] has no "fingerprint" (write the baseline with this noticevet's -format json)`},
	} {
		_, err := Parse("b.json", []byte(c.in))
		if err == nil {
			t.Errorf("%q: no error, want %s", c.in, c.want)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, err, c.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: the error is not one line", c.in)
		}
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil || !strings.HasSuffix(err.Error(), "missing.json: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
	path := filepath.Join(dir, "baseline.json")
	var buf bytes.Buffer
	f := finding(rules.FalseClaim, "KR", "a.tf", 1, "abcd")
	if err := report.JSON(&buf, &report.Result{Findings: []rules.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != path || b.Len() != 1 {
		t.Errorf("Read: %q, %d entries", b.Name, b.Len())
	}
}

func TestPosition(t *testing.T) {
	data := []byte("ab\ncd\n\nef")
	for _, c := range []struct {
		offset    int64
		line, col int
	}{{0, 1, 1}, {1, 1, 1}, {2, 1, 2}, {4, 2, 1}, {6, 2, 3}, {7, 3, 1}, {9, 4, 2}, {10, 4, 3}, {99, 4, 3}} {
		if l, col := position(data, c.offset); l != c.line || col != c.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", c.offset, l, col, c.line, c.col)
		}
	}
}

// A file name that is not UTF-8 can be baselined: the JSON output writes
// it with U+FFFD for each bad byte, and the finding is matched so; two such
// names differ by their fingerprints, which hash the raw bytes.
func TestApplyInvalidUTF8Path(t *testing.T) {
	bad := finding(rules.FalseClaim, "KR", "infra/m\xffedia.tf", 2, "aaaa")
	b := baselineOf(t, []rules.Finding{bad})
	other := finding(rules.FalseClaim, "KR", "infra/m\xfeedia.tf", 2, "bbbb") // another raw name, another hash
	kept, sup := b.Apply([]rules.Finding{bad, other})
	if len(sup) != 1 || sup[0].Pos.Path != bad.Pos.Path || len(kept) != 1 || kept[0].Pos.Path != other.Pos.Path {
		t.Errorf("kept %+v, suppressed %+v; want the baselined name suppressed, the other kept", kept, sup)
	}
}
