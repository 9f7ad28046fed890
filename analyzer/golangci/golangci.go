// Package golangci registers noticevet as a golangci-lint v2 module plugin:
// `golangci-lint custom` builds it in when .custom-gcl.yml names this
// module, and .golangci.yml enables it as a custom linter of type module.
//
// Its settings are the analyzer's flags (package analyzer, Options):
//
//	notice                a notice path, or a list of them; a string may list paths with commas
//	config                the .noticevet.hcl path
//	baseline              a `noticevet check -format json` output; its findings are not reported
//	allow-missing-notice  true: no diagnostic for a package with export sites and no notice
//
// A relative path is looked for in golangci-lint's working folder, then at
// the root of the package's module. Without settings the notice and
// .noticevet.hcl are found by walking up from each package, as under go vet.
// Any other setting is an error, so a misspelt one is not silently ignored.
package golangci

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/noticevet/noticevet/analyzer"
)

func init() {
	register.Plugin("noticevet", New)
}

// Settings are the plugin's settings in .golangci.yml
// (linters.settings.custom.noticevet.settings).
type Settings struct {
	Notice             Paths  `json:"notice"`
	Config             string `json:"config"`
	Baseline           string `json:"baseline"`
	AllowMissingNotice bool   `json:"allow-missing-notice"`
}

// Paths is the notice setting: a list of paths, or one string that may list
// them with commas, as -noticevet.notice takes them.
type Paths []string

// UnmarshalJSON takes a string or a list of strings.
func (p *Paths) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*p = splitPaths(one)
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return errors.New("notice: want a path or a list of paths")
	}
	*p = nil
	for _, s := range list {
		*p = append(*p, splitPaths(s)...)
	}
	return nil
}

func splitPaths(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// naming is how messages name a setting: "setting notice: legal/privacy.md:
// file does not exist", not the go vet flag.
const naming = "setting "

// Plugin is noticevet as golangci-lint sees it.
type Plugin struct {
	opts analyzer.Options
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings golangci-lint hands the plugin. An unknown
// setting or a value of the wrong type is an error naming it.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("noticevet settings: %w (the settings are notice, config, baseline, allow-missing-notice)", unwrapDecode(err))
	}
	return &Plugin{opts: analyzer.Options{
		Notices:            s.Notice,
		Config:             s.Config,
		Baseline:           s.Baseline,
		AllowMissingNotice: s.AllowMissingNotice,
		Naming:             naming,
	}}, nil
}

// unwrapDecode drops the "decoding settings: json: " prefixes, which say
// nothing to someone editing YAML.
func unwrapDecode(err error) error {
	msg := err.Error()
	for _, p := range []string{"decoding settings: ", "encoding settings: ", "json: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return errors.New(msg)
}

// Options are the analyzer options the settings asked for.
func (p *Plugin) Options() analyzer.Options { return p.opts }

// BuildAnalyzers returns the noticevet analyzer with the plugin's options.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(p.opts)}, nil
}

// GetLoadMode asks for type information: the analyzer follows values
// through types to find personal data and destinations.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
