package main

import (
	"fmt"
	"os"
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
		// A state places what the configuration reads from a data source.
		{"plan-data-source-location.plan.txt", []string{"check", "-plan", "../../testdata/scenarios/plan-data-source-location/state.json", "../../testdata/scenarios/plan-data-source-location"}},
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

// TestReadmePlanExample keeps the README's example of a plan's finding
// the one the scenario gives.
func TestReadmePlanExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/golden/plan-pipeline-region.plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Split(string(want), "\n")[2]
	if !strings.HasPrefix(line, "main.tf:11:1: ") || !strings.Contains(string(readme), "`"+line+"`") {
		t.Errorf("README.md does not show the scenario's finding %q", line)
	}
}
