package golangci_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/noticevet/noticevet/analyzer"
	"github.com/noticevet/noticevet/analyzer/golangci"
)

// TestRegistered: importing the package registers the plugin under the
// name .golangci.yml enables.
func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("noticevet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "noticevet" {
		t.Fatalf("analyzers %v, want one named noticevet", as)
	}
	if as[0] == analyzer.Analyzer {
		t.Error("the plugin returned the flag-driven Analyzer; its settings would be ignored")
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
}

// TestSettings: the settings arrive as golangci-lint decodes YAML (maps
// with string keys, lists as []any) and become the analyzer's options.
func TestSettings(t *testing.T) {
	for _, tt := range []struct {
		name     string
		settings any
		want     analyzer.Options
	}{
		{"none", nil, analyzer.Options{Naming: "setting "}},
		{"empty", map[string]any{}, analyzer.Options{Naming: "setting "}},
		{"all", map[string]any{
			"notice":               []any{"legal/privacy.md", "legal/privacy.ja.md"},
			"config":               ".noticevet.hcl",
			"baseline":             ".noticevet-baseline.json",
			"allow-missing-notice": true,
		}, analyzer.Options{
			Notices:            []string{"legal/privacy.md", "legal/privacy.ja.md"},
			Config:             ".noticevet.hcl",
			Baseline:           ".noticevet-baseline.json",
			AllowMissingNotice: true,
			Naming:             "setting ",
		}},
		{"one notice", map[string]any{"notice": "PRIVACY.md"}, analyzer.Options{Notices: []string{"PRIVACY.md"}, Naming: "setting "}},
		{"commas, as the flag takes them", map[string]any{"notice": "a.md, b.md,"}, analyzer.Options{Notices: []string{"a.md", "b.md"}, Naming: "setting "}},
	} {
		p, err := golangci.New(tt.settings)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := p.(*golangci.Plugin).Options(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: options %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestBadSettings: a misspelt setting or a value of the wrong type is an
// error that names it, never silently ignored.
func TestBadSettings(t *testing.T) {
	for _, tt := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"notices": []any{"PRIVACY.md"}}, `noticevet settings: unknown field "notices" (the settings are notice, config, baseline, allow-missing-notice)`},
		{map[string]any{"allow-missing": true}, `unknown field "allow-missing"`},
		{map[string]any{"notice": 3}, "notice: want a path or a list of paths"},
		{map[string]any{"notice": []any{"a.md", 3}}, "notice: want a path or a list of paths"},
		{map[string]any{"config": []any{"a.hcl"}}, `config`},
		{map[string]any{"allow-missing-notice": "yes"}, `allow-missing-notice`},
		{"PRIVACY.md", "noticevet settings: "},
	} {
		_, err := golangci.New(tt.settings)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("settings %v: error %v, want one containing %q", tt.settings, err, tt.want)
		}
	}
}
