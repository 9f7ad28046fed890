// Package report writes the result of a check in the formats users and
// their tools read: go vet-style text, the JSON document the contract fixes,
// SARIF for code scanning, GitHub Actions workflow commands, a Markdown
// pull-request comment and reviewdog's rdjson. Writers take a finished,
// sorted Result and never reorder or filter it; deciding what is reported
// (config ignores, inline suppressions, a baseline) happens before.
//
// Column numbers are kept in UTF-8 bytes, as the contract gives them, and
// converted only where a format counts otherwise (see column.go).
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// Result is everything one check produced.
type Result struct {
	Findings []rules.Finding
	// Suppressed are findings accepted by the config's ignore blocks,
	// noticevet:ignore comments or a baseline, with the reason; sorted as
	// Findings are.
	Suppressed []Suppressed
	Claims     []notices.Claim
	Evidence   []evidence.Evidence
	Home       string

	// Version is the noticevet version SARIF names its driver with; when
	// empty it is read from the binary's build information.
	Version string
	// Lines returns the text of a line of a file the result names (path as
	// in the result), without its line ending, or "" when it cannot be read.
	// Formats that count columns in UTF-16 code units (SARIF, GitHub) use it
	// to convert; when nil, byte columns are given unchanged, which is exact
	// for lines that are ASCII up to the column.
	Lines func(path string, line int) string
}

// Suppressed is a finding that is not reported: a config ignore block, an
// inline noticevet:ignore comment or a baseline accepted it, for Reason.
type Suppressed struct {
	rules.Finding
	Reason string `json:"reason"`
}

// SortSuppressed orders suppressed findings as rules.Sort orders findings,
// so that suppressions from several sources read as one list.
func SortSuppressed(s []Suppressed) {
	sort.SliceStable(s, func(i, j int) bool { return rules.Less(&s[i].Finding, &s[j].Finding) })
}

// SuppressedNote is the line `noticevet check` prints on stderr after text
// output when findings were suppressed, and "" when none were.
func SuppressedNote(r *Result) string {
	n := len(r.Suppressed)
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("noticevet: %d %s suppressed (by %s); -format json lists them with their reasons",
		n, plural(n, "finding"), suppressors)
}

// suppressors says what can suppress a finding.
const suppressors = "config ignore blocks, noticevet:ignore comments or the baseline"

// Formats lists the names -format takes, in the order help shows them.
var Formats = []string{"text", "json", "sarif", "github", "markdown", "rdjson"}

// Write renders r in format to w.
func Write(w io.Writer, format string, r *Result) error {
	switch format {
	case "text":
		return Text(w, r)
	case "json":
		return JSON(w, r)
	case "sarif":
		return SARIF(w, r)
	case "github":
		return GitHub(w, r)
	case "markdown":
		return Markdown(w, r)
	case "rdjson":
		return RDJSON(w, r)
	}
	return fmt.Errorf("unknown format %q", format)
}

// Text writes one line per finding, as go vet does:
// path:line:col: message [rule].
func Text(w io.Writer, r *Result) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s: %s [%s]\n", f.Pos, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}

type jsonDoc struct {
	Version    int                 `json:"version"`
	Home       string              `json:"home,omitempty"`
	Findings   []rules.Finding     `json:"findings"`
	Suppressed []Suppressed        `json:"suppressed,omitempty"`
	Claims     []jsonClaim         `json:"claims"`
	Evidence   []evidence.Evidence `json:"evidence"`
}

// jsonClaim shows a claim with its place under "location", as evidence
// and findings have theirs.
type jsonClaim struct {
	Kind      notices.Kind  `json:"kind"`
	Scope     notices.Scope `json:"scope"`
	Countries []string      `json:"countries,omitempty"`
	Outside   bool          `json:"outside,omitempty"`
	Explicit  bool          `json:"explicit,omitempty"`
	Table     bool          `json:"table,omitempty"`
	Lang      string        `json:"lang"`
	Text      string        `json:"text"`
	Location  evidence.Pos  `json:"location"`
}

// ClaimJSON converts claims to their JSON shape.
func claimsJSON(cs []notices.Claim) []jsonClaim {
	out := make([]jsonClaim, len(cs))
	for i, c := range cs {
		out[i] = jsonClaim{
			Kind: c.Kind, Scope: c.Scope, Countries: c.Countries, Outside: c.Outside,
			Explicit: c.Explicit, Table: c.Table, Lang: c.Lang, Text: c.Text,
			Location: evidence.Pos{Path: c.Path, Line: c.Line, Column: c.Column},
		}
	}
	return out
}

// JSON writes the contract's JSON document: version, findings (always a
// list), claims and evidence.
func JSON(w io.Writer, r *Result) error {
	doc := jsonDoc{
		Version:    1,
		Home:       r.Home,
		Findings:   r.Findings,
		Suppressed: r.Suppressed,
		Claims:     claimsJSON(r.Claims),
		Evidence:   r.Evidence,
	}
	if doc.Findings == nil {
		doc.Findings = []rules.Finding{}
	}
	if doc.Evidence == nil {
		doc.Evidence = []evidence.Evidence{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// ClaimsJSON writes the claims read from a notice, as `noticevet claims
// -format json` shows them.
func ClaimsJSON(w io.Writer, cs []notices.Claim) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Version int         `json:"version"`
		Claims  []jsonClaim `json:"claims"`
	}{1, claimsJSON(cs)})
}
