package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// testdata/sarif-schema-2.1.0.json is the official OASIS SARIF 2.1.0 schema
// (errata01, the document its "id" names), unchanged.
var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("sarif-schema-2.1.0.json")
})

// validSARIF fails the test unless out validates against the schema.
func validSARIF(t *testing.T, out []byte) {
	t.Helper()
	schema, err := sarifSchema()
	if err != nil {
		t.Fatalf("SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("SARIF output does not validate against SARIF 2.1.0:\n%v", err)
	}
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			validSARIF(t, render(t, "sarif", fx.r()))
		})
	}
	t.Run("rebased", func(t *testing.T) {
		validSARIF(t, render(t, "sarif", Rebase(escapingResult(), "services/web")))
	})
	t.Run("absolute path", func(t *testing.T) {
		r := oneResult()
		r.Findings[0].Pos.Path = "/outside/the repo/x.tf"
		r.Findings[0].Pos.Line = 0
		validSARIF(t, render(t, "sarif", r))
	})
}

// The schema must catch what GitHub would reject, or validating proves
// nothing.
func TestSARIFSchemaRejectsInvalidLogs(t *testing.T) {
	schema, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	out := string(render(t, "sarif", oneResult()))
	for name, bad := range map[string]string{
		"version":     strings.Replace(out, `"version": "2.1.0"`, `"version": "2.0.0"`, 1),
		"level":       strings.Replace(out, `"level": "error"`, `"level": "fatal"`, 1),
		"startLine":   strings.Replace(out, `"startLine": 12`, `"startLine": 0`, 1),
		"columnKind":  strings.Replace(out, `"utf16CodeUnits"`, `"bytes"`, 1),
		"unknown key": strings.Replace(out, `"ruleId"`, `"rule": "x", "ruleId"`, 1),
	} {
		if bad == out {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(doc) == nil {
			t.Errorf("%s: an invalid log validated", name)
		}
	}
}

type sarifDoc struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID                   string
					ShortDescription     struct{ Text string }
					FullDescription      struct{ Text string }
					Help                 struct{ Text, Markdown string }
					DefaultConfiguration struct {
						Level string
					}
				}
			}
		}
		Results []struct {
			RuleID              string
			RuleIndex           int
			Level               string
			Message             struct{ Text string }
			PartialFingerprints map[string]string
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine, StartColumn, EndColumn int }
				}
			}
			RelatedLocations []struct {
				ID               int
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine int }
				}
			}
		}
	}
}

func decodeSARIF(t *testing.T, r *Result) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(render(t, "sarif", r), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

// The rule metadata comes from rules.All, within the lengths GitHub takes.
func TestSARIFRulesComeFromRulesAll(t *testing.T) {
	d := decodeSARIF(t, emptyResult())
	drv := d.Runs[0].Tool.Driver
	if drv.Name != "noticevet" || drv.Version != "v0.0.0-test" || drv.InformationURI != InformationURI {
		t.Errorf("driver = %q %q %q", drv.Name, drv.Version, drv.InformationURI)
	}
	if len(drv.Rules) != len(rules.All) {
		t.Fatalf("%d rules, want %d", len(drv.Rules), len(rules.All))
	}
	for i, r := range rules.All {
		got := drv.Rules[i]
		if got.ID != r.ID || got.ShortDescription.Text != r.Summary || got.FullDescription.Text != r.Help ||
			got.DefaultConfiguration.Level != r.Severity.String() {
			t.Errorf("rule %d = %+v, want %s", i, got, r.ID)
		}
		for _, s := range []string{r.Fires, r.Quiet, r.Fix} {
			for _, line := range strings.Split(s, "\n") {
				if !strings.Contains(got.Help.Text, line) {
					t.Errorf("%s: help text lacks %q", r.ID, line)
				}
			}
		}
		for _, s := range []string{r.Fires, r.Quiet} {
			if !strings.Contains(got.Help.Markdown, "```text\n"+s+"\n```") {
				t.Errorf("%s: help markdown lacks the example %q", r.ID, s)
			}
		}
		if len(got.ShortDescription.Text) > 1024 || len(got.FullDescription.Text) > 1024 {
			t.Errorf("%s: a description is longer than the 1024 characters GitHub shows", r.ID)
		}
	}
}

func TestSARIFResults(t *testing.T) {
	r := manyResult()
	d := decodeSARIF(t, r)
	run := d.Runs[0]
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	for i, res := range run.Results {
		f := r.Findings[i]
		if rules.All[res.RuleIndex].ID != res.RuleID || res.RuleID != f.Rule || res.Level != f.Severity.String() {
			t.Errorf("result %d: rule %s (index %d) level %s, want %s %s", i, res.RuleID, res.RuleIndex, res.Level, f.Rule, f.Severity)
		}
		if res.PartialFingerprints[FingerprintKey] != f.Fingerprint {
			t.Errorf("result %d: fingerprint %v, want %s", i, res.PartialFingerprints, f.Fingerprint)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != f.Pos.Path || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != f.Pos.Line {
			t.Errorf("result %d: location %+v, want %s", i, loc, f.Pos)
		}
		if f.Claim != nil {
			if len(res.RelatedLocations) != 1 || res.RelatedLocations[0].PhysicalLocation.Region.StartLine != f.Claim.Line ||
				!strings.HasSuffix(res.Message.Text, "](1)") {
				t.Errorf("result %d: related %+v, message %q", i, res.RelatedLocations, res.Message.Text)
			}
		}
	}
}

func TestSARIFColumnsAreUTF16(t *testing.T) {
	d := decodeSARIF(t, escapingResult())
	var got []int
	for _, res := range d.Runs[0].Results {
		got = append(got, res.Locations[0].PhysicalLocation.Region.StartColumn)
	}
	// 個人情報は日本で保管します。 is 14 units; "\t_ = send(\"🌏\", " is 16.
	want := []int{15, 1, 17, 5}
	if !equalInts(got, want) {
		t.Errorf("columns = %v, want %v", got, want)
	}
	// A region ends after its line's last character, in UTF-16 units too.
	r0 := escapingResult()
	for i, res := range d.Runs[0].Results {
		f := r0.Findings[i]
		line := strings.TrimRight(r0.Lines(f.Pos.Path, f.Pos.Line), " \t")
		if end := res.Locations[0].PhysicalLocation.Region.EndColumn; end != len(utf16.Encode([]rune(line)))+1 {
			t.Errorf("result %d: endColumn %d for %q", i, end, line)
		}
	}
	// Without the file's lines, byte columns are all there is.
	r := escapingResult()
	r.Lines = nil
	d = decodeSARIF(t, r)
	if c := d.Runs[0].Results[0].Locations[0].PhysicalLocation.Region.StartColumn; c != r.Findings[0].Pos.Column {
		t.Errorf("without Lines: column %d, want the byte column %d", c, r.Findings[0].Pos.Column)
	}
}

func TestSARIFEscaping(t *testing.T) {
	for _, c := range []struct{ in, msg, link string }{
		{"plain", "plain", "plain"},
		{"{0} and {{x}}", "{{0}} and {{{{x}}}}", "{{0}} and {{{{x}}}}"},
		// Repository text never forms a link: brackets are escaped in
		// every message, not only in link text.
		{`a [b] \ c`, `a \[b\] \\ c`, `a \[b\] \\ c`},
		{"see [the docs](https://evil.example) or [x][1]", `see \[the docs\](https://evil.example) or \[x\]\[1\]`, `see \[the docs\](https://evil.example) or \[x\]\[1\]`},
	} {
		if got := sarifMessage(c.in); got != c.msg {
			t.Errorf("sarifMessage(%q) = %q, want %q", c.in, got, c.msg)
		}
		if got := sarifLinkText(c.in); got != c.link {
			t.Errorf("sarifLinkText(%q) = %q, want %q", c.in, got, c.link)
		}
	}
	for in, want := range map[string]string{
		"infra/a b.tf":     "infra/a%20b.tf",
		"a:b/c.tf":         "./a:b/c.tf",
		"infra/ü/x#1?.tf":  "infra/%C3%BC/x%231%3F.tf",
		"/abs/path/x.tf":   "file:///abs/path/x.tf",
		"dir/50%/main.tf":  "dir/50%25/main.tf",
		"plain/main.tf":    "plain/main.tf",
		"PRIVACY.ja.md":    "PRIVACY.ja.md",
		"docs/privacy.md":  "docs/privacy.md",
		"infra/my module/": "infra/my%20module/",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSARIFLeavesOutSuppressedFindings(t *testing.T) {
	r := escapingResult()
	d := decodeSARIF(t, r)
	if n := len(d.Runs[0].Results); n != len(r.Findings) {
		t.Errorf("%d results, want only the %d reported findings", n, len(r.Findings))
	}
}

func TestSARIFRejectsAnUnknownRule(t *testing.T) {
	r := &Result{Findings: []rules.Finding{{Rule: "no-such-rule", Severity: rules.Error, Pos: evidence.Pos{Path: "a.tf", Line: 1, Column: 1}}}}
	if err := SARIF(new(bytes.Buffer), r); err == nil {
		t.Error("a finding of an unknown rule was written")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
