package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestErrorsInDocuments: a check that cannot be done exits 2 with the
// first problem on stderr, as before, and -format json and sarif still
// write their document, carrying every problem with its position, so the
// tools that read them see the failure. Text output stays empty.
func TestErrorsInDocuments(t *testing.T) {
	dir := "../../testdata/scenarios/err-bad-hcl"
	code, out, errOut := runCmd("check", "-format", "json", dir)
	if code != exitError || !strings.HasPrefix(errOut, "noticevet: main.tf:6:") {
		t.Fatalf("json: exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Errors []struct {
			Message  string
			Location struct {
				Path string
				Line int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Errors) == 0 || doc.Errors[0].Location.Path != "main.tf" || doc.Errors[0].Location.Line != 6 {
		t.Errorf("json document: %v %+v\n%s", err, doc, out)
	}
	code, out, _ = runCmd("check", "-format", "sarif", dir)
	if code != exitError || !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, `"toolExecutionNotifications"`) {
		t.Errorf("sarif: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd("check", dir)
	if code != exitError || out != "" {
		t.Errorf("text: exit %d, stdout %q", code, out)
	}
}
