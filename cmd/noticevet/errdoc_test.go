package main

import (
	"encoding/json"
	"os"
	"path/filepath"
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

// TestMapWithoutNotice: map shows where personal data goes and needs no
// claims, so a repository with no notice is mapped; check still needs one.
func TestMapWithoutNotice(t *testing.T) {
	dir := t.TempDir()
	tf := "provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\n\nresource \"aws_s3_bucket\" \"media\" {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tf), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("map", dir)
	if code != exitClean || errOut != "" || !strings.Contains(out, "aws_s3_bucket.media  store  KR South Korea  ap-northeast-2  main.tf:5:1") {
		t.Errorf("map: exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	code, _, errOut = runCmd("check", dir)
	if code != exitError || !strings.Contains(errOut, "no privacy notice found") {
		t.Errorf("check: exit %d, stderr %q", code, errOut)
	}
}
