package report

import (
	"encoding/json"
	"io"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// rdjson is reviewdog's Diagnostic Format in its JSON form: one
// DiagnosticResult (proto/rdf/reviewdog.proto in reviewdog). Positions are
// 1-based and count UTF-8 bytes, as a Pos does; a range's end is exclusive.
// Paths are read by reviewdog relative to its working directory.

type rdResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity,omitempty"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rdDiagnostic struct {
	Message          string      `json:"message"`
	Location         rdLocation  `json:"location"`
	Severity         string      `json:"severity"`
	Code             rdCode      `json:"code"`
	RelatedLocations []rdRelated `json:"related_locations,omitempty"`
	// Suggestions hold the proposed notice text (see suggest.go).
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

type rdRelated struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
}

// RDJSON writes the findings as one reviewdog DiagnosticResult, for
// `reviewdog -f=rdjson`. Each diagnostic ranges from the finding's column to
// the end of its line (when the line can be read), carries the rule as its
// code and, when a notice sentence is involved, the sentence as a related
// location. A proposed notice text is a suggestion of the diagnostic when
// the finding is in the notice, and otherwise an INFO diagnostic of its own
// (code "suggestion") at the notice lines, after the findings.
func RDJSON(w io.Writer, r *Result) error {
	doc := rdResult{
		Source:      rdSource{Name: "noticevet", URL: InformationURI},
		Diagnostics: []rdDiagnostic{},
	}
	var worst rules.Severity
	fixes := newProposalIndex(r)
	for i := range r.Findings {
		f := &r.Findings[i]
		worst = max(worst, f.Severity)
		d := rdDiagnostic{
			Message:  rdMessage(f.Message),
			Location: rdLocation{Path: f.Pos.Path, Range: rdRangeAt(f.Pos, r.lineEnd(f.Pos))},
			Severity: rdSeverity(f.Severity),
			Code:     rdCode{Value: f.Rule, URL: RulesURI},
		}
		if f.Claim != nil && !sameLine(f) {
			d.RelatedLocations = []rdRelated{{
				Message:  "the notice says: " + rdMessage(f.Claim.Text),
				Location: rdLocation{Path: f.Claim.Path, Range: rdRangeAt(evidence.Pos{Line: f.Claim.Line}, 0)},
			}}
		}
		d.Suggestions = fixes.rdSuggestions(f)
		doc.Diagnostics = append(doc.Diagnostics, d)
	}
	doc.Diagnostics = append(doc.Diagnostics, r.rdProposalDiagnostics()...)
	if worst != 0 {
		doc.Severity = rdSeverity(worst)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// rdMessage escapes repository text for reviewdog, whose reporters post a
// message as Markdown (a pull-request review comment) or print it on a
// terminal (the local reporter). Brackets and backslashes take a backslash
// as in SARIF, so no link forms; so do < > and `, so no HTML or code span
// does; mentions, URLs and math are broken up as in the Markdown report;
// control characters are escaped as in text output. Other punctuation is
// left alone, so the message still reads plainly on a terminal.
func rdMessage(s string) string { return Escape(mdInert(s, "\\[]<>`")) }

// rdRangeAt is the range from p to end (an exclusive byte column on p's
// line; 0 for a range that is only its start).
func rdRangeAt(p evidence.Pos, end int) *rdRange {
	if p.Line < 1 {
		return nil
	}
	rg := &rdRange{Start: rdPosition{Line: p.Line, Column: max(p.Column, 0)}}
	if end > p.Column && p.Column >= 1 {
		rg.End = &rdPosition{Line: p.Line, Column: end}
	}
	return rg
}

func rdSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "ERROR"
	case rules.Warning:
		return "WARNING"
	}
	return "INFO"
}
