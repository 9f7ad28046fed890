package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// What GitHub code scanning does with SARIF, and what follows here:
//
//   - It reads a relative artifactLocation.uri as relative to the repository
//     root, so paths are written relative (percent-encoded) with the
//     %SRCROOT% base id; see Rebase for a checked folder below the root.
//   - It shows relatedLocations only when the message links to them, so the
//     notice sentence is linked from the message: "[sentence](1)".
//   - It ignores result.suppressions and would show a suppressed result as
//     an open alert, so suppressed findings are left out.
//   - It tracks a result across commits by partialFingerprints; the
//     finding's fingerprint (rule, country, path and line content) is given
//     as "noticevet/v1". upload-sarif adds its own primaryLocationLineHash.
//   - It counts columns in UTF-16 code units: columnKind says so and the
//     byte columns of a Pos are converted (see column.go). A region runs
//     from the finding's column to the end of its line, when the line can
//     be read.

// SARIFSchemaURI is the official SARIF 2.1.0 schema the output declares.
const SARIFSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// InformationURI is where users learn about noticevet and its rules.
const InformationURI = "https://github.com/noticevet/noticevet"

// RulesURI is where the rules are explained.
const RulesURI = InformationURI + "#rules"

// FingerprintKey names the finding's fingerprint in partialFingerprints; the
// version changes if the fingerprint's recipe does.
const FingerprintKey = "noticevet/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
	Properties  *sarifRunProps    `json:"properties,omitempty"`
}

// sarifRunProps carries what a run says beyond its results: that the
// check had nothing to test (noEvidence).
type sarifRunProps struct {
	NoEvidence string `json:"noEvidence,omitempty"`
}

// sarifInvocation says, for a check that failed, that it did and why: one
// notification per problem, so code scanning does not read the run as a
// clean one.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
	// Fixes hold the proposed notice text for the finding (see suggest.go).
	Fixes []sarifFix `json:"fixes,omitempty"`
}

type sarifResultProps struct {
	Country string `json:"country,omitempty"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// SARIF writes one SARIF 2.1.0 log with one run: the rules from rules.All
// and a result per finding.
func SARIF(w io.Writer, r *Result) error {
	index := map[string]int{}
	driver := sarifDriver{
		Name:           "noticevet",
		Version:        r.version(),
		InformationURI: InformationURI,
		Rules:          []sarifRule{},
	}
	for i, rule := range rules.All {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(rule))
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, ColumnKind: "utf16CodeUnits", Results: []sarifResult{}}
	fixes := newProposalIndex(r)
	for i := range r.Findings {
		f := &r.Findings[i]
		idx, ok := index[f.Rule]
		if !ok {
			return fmt.Errorf("sarif: finding of unknown rule %q", f.Rule)
		}
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: idx,
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: sarifMessage(f.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalAt(f.Pos, r.utf16Column(f.Pos), r.utf16End(f.Pos))}},
		}
		if f.Claim != nil && !sameLine(f) {
			res.Message.Text += "\n\nThe notice says: [" + sarifLinkText(f.Claim.Text) + "](1)"
			res.RelatedLocations = []sarifLocation{{
				ID:               1,
				PhysicalLocation: sarifPhysicalAt(evidence.Pos{Path: f.Claim.Path, Line: f.Claim.Line}, 0, 0),
				Message:          &sarifText{Text: sarifMessage(f.Claim.Text)},
			}}
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
		}
		if f.Country != "" {
			res.Properties = &sarifResultProps{Country: f.Country}
		}
		res.Fixes = fixes.sarifFixes(f)
		run.Results = append(run.Results, res)
	}
	if len(r.Errors) > 0 {
		run.Invocations = []sarifInvocation{r.sarifInvocation()}
	}
	if r.NoEvidence != "" {
		run.Properties = &sarifRunProps{NoEvidence: sarifMessage(r.NoEvidence)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: SARIFSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRuleOf(r *rules.Rule) sarifRule {
	return sarifRule{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		ShortDescription:     sarifText{Text: r.Summary},
		FullDescription:      sarifText{Text: r.Help},
		Help:                 sarifText{Text: RuleHelpText(r), Markdown: RuleHelpMarkdown(r)},
		HelpURI:              RulesURI,
		DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: []string{"privacy"}},
	}
}

// ruleName turns a rule id into the PascalCase name SARIF viewers show
// ("false-claim" is FalseClaim); SARIF wants it to differ from the id.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// sarifPhysicalAt places a location from UTF-16 column col to end (the
// column after the region; 0 for none).
func sarifPhysicalAt(p evidence.Pos, col, end int) sarifPhysical {
	loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(p.Path)}}
	if !strings.HasPrefix(p.Path, "/") {
		loc.ArtifactLocation.URIBaseID = "%SRCROOT%"
	}
	if p.Line >= 1 {
		loc.Region = &sarifRegion{StartLine: p.Line}
		if col >= 1 {
			loc.Region.StartColumn = col
			if end > col {
				loc.Region.EndColumn = end
			}
		}
	}
	return loc
}

// sarifURI writes a path as a URI reference: relative paths stay relative
// (percent-encoded, "./" before a first segment with a colon), absolute
// ones become file URIs.
func sarifURI(p string) string {
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// sarifMessage escapes a plain-text message: braces are doubled, as SARIF
// reserves {n} for placeholders, and backslashes and square brackets take a
// backslash, as the SARIF link grammar requires of literal ones — so that
// repository text never forms an embedded link ("[text](url)") that a
// viewer would follow. Only the link to the notice sentence, which the
// writer adds itself, is a link.
func sarifMessage(s string) string {
	return sarifEscaper.Replace(s)
}

var sarifEscaper = strings.NewReplacer("{", "{{", "}", "}}", `\`, `\\`, "[", `\[`, "]", `\]`)

// sarifLinkText escapes the text of an embedded link as sarifMessage does.
func sarifLinkText(s string) string { return sarifMessage(s) }

// RuleHelpText is a rule's full help in plain text: what it means, an
// example that fires, one that does not, and how to fix it.
func RuleHelpText(r *rules.Rule) string {
	return fmt.Sprintf("%s\n\nFires:\n  %s\n\nDoes not fire:\n  %s\n\nHow to fix:\n  %s",
		r.Help, strings.ReplaceAll(r.Fires, "\n", "\n  "), strings.ReplaceAll(r.Quiet, "\n", "\n  "), r.Fix)
}

// RuleHelpMarkdown is RuleHelpText in GitHub-flavoured Markdown, the form
// code scanning shows beside an alert.
func RuleHelpMarkdown(r *rules.Rule) string {
	return fmt.Sprintf("%s\n\n**Fires**\n\n%s\n\n**Does not fire**\n\n%s\n\n**How to fix**\n\n%s",
		mdEscape(r.Help), mdFence(r.Fires), mdFence(r.Quiet), mdEscape(r.Fix))
}

// sarifInvocation is the failed invocation of a check with errors.
func (r *Result) sarifInvocation() sarifInvocation {
	inv := sarifInvocation{ToolExecutionNotifications: []sarifNotification{}}
	for _, d := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: sarifMessage(d.Msg)}}
		if d.Severity == diag.Warning {
			n.Level = "warning"
		}
		if d.Path != "" {
			p := evidence.Pos{Path: d.Path, Line: d.Line, Column: d.Column}
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalAt(p, r.utf16Column(p), 0)}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}
