package main

import (
	"fmt"
	"strings"
	"testing"
)

// A plan resolves what the repository leaves to the pipeline: the same
// scenario checked without -plan (TestCheckGolden) gives only a note.
func TestPlanGolden(t *testing.T) {
	dir := "../../testdata/scenarios/plan-pipeline-region"
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"plan-pipeline-region.plan.txt", []string{"check", "-plan", dir + "/plan.json", dir}},
		{"plan-pipeline-region.plan.json", []string{"check", "-format", "json", "-plan", dir + "/plan.json", dir}},
		{"map-plan-pipeline-region.txt", []string{"map", dir, "-plan", dir + "/plan.json"}},
		// A plan of another repository is an error, not a silent pass.
		{"err-plan-other-repository.txt", []string{"check", "-plan", dir + "/plan.json", "../../testdata/scenarios/gcp-undisclosed"}},
		{"err-plan-missing.txt", []string{"check", "-plan", dir + "/none.json", dir}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, errOut := runCmd(tc.args...)
			golden(t, tc.golden, fmt.Sprintf("exit %d\n-- stdout --\n%s-- stderr --\n%s", code, out, strings.ReplaceAll(errOut, dir, "DIR")))
			if code == exitError && strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit 2 must print one line: %q", errOut)
			}
		})
	}
}
