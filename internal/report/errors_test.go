package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/diag"
)

// failed is a check that could not be done: two problems, one in a file
// below a subfolder, one with no file.
func failed() *Result {
	return &Result{Errors: diag.Diagnostics{
		{Path: "infra/main.tf", Line: 2, Column: 12, EndLine: 3, EndColumn: 1, Msg: "Invalid expression: Expected the start of an expression"},
		{Path: "infra/db.tf", Line: 7, Column: 3, Msg: "Unclosed configuration block"},
		{Msg: "no privacy notice found"},
	}}
}

// TestErrorsInJSON: every problem of a failed check is in the document,
// with its position and end where known.
func TestErrorsInJSON(t *testing.T) {
	var doc struct {
		Errors []struct {
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Location *struct {
				Path                             string
				Line, Column, EndLine, EndColumn int `json:"-"`
			} `json:"location"`
		} `json:"errors"`
	}
	out := string(render(t, "json", failed()))
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Errors) != 3 || doc.Errors[0].Location == nil || doc.Errors[0].Location.Path != "infra/main.tf" || doc.Errors[2].Location != nil {
		t.Errorf("errors: %+v\n%s", doc.Errors, out)
	}
	for _, want := range []string{`"end_line": 3`, `"end_column": 1`, `"column": 12`, `"severity": "error"`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(string(render(t, "json", oneResult())), `"errors"`) {
		t.Error("a check that did not fail has an errors list")
	}
}

// TestErrorsInSARIF: a failed check is a run whose invocation was not
// successful, with a notification per problem, valid against the schema,
// and rebased like results.
func TestErrorsInSARIF(t *testing.T) {
	out := render(t, "sarif", Rebase(failed(), "services/web"))
	validSARIF(t, out)
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	invs := log.Runs[0].Invocations
	if len(invs) != 1 || invs[0].ExecutionSuccessful || len(invs[0].ToolExecutionNotifications) != 3 {
		t.Fatalf("invocations: %+v", invs)
	}
	n := invs[0].ToolExecutionNotifications[0]
	if n.Level != "error" || len(n.Locations) != 1 || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "services/web/infra/main.tf" ||
		n.Locations[0].PhysicalLocation.Region == nil || n.Locations[0].PhysicalLocation.Region.StartLine != 2 {
		t.Errorf("first notification: %+v", n)
	}
	if len(invs[0].ToolExecutionNotifications[2].Locations) != 0 {
		t.Errorf("a problem with no file has a location: %+v", invs[0].ToolExecutionNotifications[2])
	}
	validSARIF(t, render(t, "sarif", oneResult()))
	if strings.Contains(string(render(t, "sarif", oneResult())), "invocations") {
		t.Error("a check that did not fail has invocations")
	}
}

// TestNoEvidenceInEveryFormat: a check that had nothing to test says so in
// JSON, SARIF (a run property), Markdown and GitHub workflow commands, and
// a check that had evidence says nothing of it.
func TestNoEvidenceInEveryFormat(t *testing.T) {
	const msg = "the notice makes 2 claims, but the repository gives no evidence of where personal data goes, so no claim is tested (read terraform: nothing; go: nothing; config: nothing)"
	r := &Result{NoEvidence: msg}
	for format, want := range map[string]string{
		"json":     `"no_evidence": "` + msg + `"`,
		"sarif":    `"noEvidence": "` + msg + `"`,
		"markdown": "> [!WARNING]\n> the notice makes 2 claims",
		"github":   "::warning title=noticevet%3A nothing to check::the notice makes 2 claims",
	} {
		out := string(render(t, format, r))
		if !strings.Contains(out, want) {
			t.Errorf("%s lacks %q:\n%s", format, want, out)
		}
		if format == "sarif" {
			validSARIF(t, []byte(out))
		}
		if clean := string(render(t, format, oneResult())); strings.Contains(clean, "no evidence") || strings.Contains(clean, "noEvidence") {
			t.Errorf("%s of a result with evidence mentions no evidence:\n%s", format, clean)
		}
	}
}
