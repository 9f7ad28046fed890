// Package report writes the result of a check in the formats users and
// their tools read: go vet-style text, the JSON document the README fixes,
// SARIF for code scanning, GitHub Actions workflow commands, a Markdown
// pull-request comment and reviewdog's rdjson. Writers take a finished,
// sorted Result and never filter it; deciding what is reported (config
// ignores, inline suppressions, a baseline) happens before. Only the
// Markdown comment reorders, most severe first, because it may have to
// leave findings out to fit GitHub's limit.
//
// Everything a Result holds may come from a hostile repository: every
// writer escapes it for where it goes (Escape for text, Markdown, SARIF and
// rdjson escaping, workflow-command escaping), and the Markdown comment
// bounds each field and its whole size.
//
// Column numbers are kept in UTF-8 bytes, as the README gives them, and
// converted only where a format counts otherwise (see column.go).
package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suggest"
	"github.com/noticevet/noticevet/notices"
)

// Result is everything one check produced.
type Result struct {
	Findings []rules.Finding
	// NoEvidence, when set, says that the notice makes claims and the
	// repository gave no placed evidence, so the check passed for want of
	// evidence, and what was read. Every format says so.
	NoEvidence string `json:"-"`
	// Errors are the problems that made the check fail (exit 2): every one
	// the readers found, in the order found. JSON and SARIF carry them all;
	// stderr shows the first. Empty when the check did not fail.
	Errors diag.Diagnostics
	// Suppressed are findings accepted by the config's ignore blocks,
	// noticevet:ignore comments or a baseline, with the reason; sorted as
	// Findings are.
	Suppressed []Suppressed
	Claims     []notices.Claim
	Evidence   []evidence.Evidence
	Home       string
	// Suggestions are the notice texts proposed for the reported findings
	// a sentence can fix (see internal/suggest), one per notice file, by
	// path. SARIF gives them as fixes, rdjson as suggestions, Markdown as
	// suggestion or diff blocks.
	Suggestions []suggest.File
	// Changed, when set, reports whether a line of a notice file (path as
	// in the result) differs from the pull request's base: a proposed text
	// on such lines is a GitHub suggestion in the Markdown comment, any
	// other a diff. Nil when the base is unknown.
	Changed func(path string, line int) bool
	// Trust says, one plain sentence each, where the configuration, the
	// baseline and the list of notices were taken from when the check was
	// told to trust another revision (a pull request's base branch) rather
	// than the repository's own, and what the repository's own versions
	// would have suppressed. Reports show it before the findings.
	Trust []string `json:"-"`

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
// path:line:col: message [rule]. The path and the message hold repository
// text, which is escaped (see Escape).
func Text(w io.Writer, r *Result) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s: %s [%s]\n", Escape(f.Pos.String()), Escape(f.Message), f.Rule); err != nil {
			return err
		}
	}
	return nil
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
	Data      []string      `json:"data,omitempty"`
	Link      string        `json:"link,omitempty"`
	Lang      string        `json:"lang"`
	Text      string        `json:"text"`
	Location  evidence.Pos  `json:"location"`
	// Because is set by claims -explain only.
	Because *notices.Because `json:"because,omitempty"`
}

// ClaimJSON converts claims to their JSON shape.
func claimsJSON(cs []notices.Claim) []jsonClaim {
	out := make([]jsonClaim, len(cs))
	for i, c := range cs {
		out[i] = jsonClaim{
			Kind: c.Kind, Scope: c.Scope, Countries: c.Countries, Outside: c.Outside,
			Explicit: c.Explicit, Table: c.Table, Data: c.Data, Link: c.Link, Lang: c.Lang, Text: c.Text,
			Location: evidence.Pos{Path: c.Path, Line: c.Line, Column: c.Column},
		}
	}
	return out
}

// JSON writes the README's JSON document: version, findings (always a
// list), the proposed notice text when there is some, claims and evidence, as encoding/json indents it. The lists are
// encoded one element at a time: a monorepo's evidence runs to tens of
// megabytes, which encoding the document whole would hold three times
// over.
func JSON(w io.Writer, r *Result) error {
	jw := newJSONWriter(w)
	jw.field("version", 1)
	if r.Home != "" {
		jw.field("home", r.Home)
	}
	if len(r.Trust) > 0 {
		jw.field("trust", r.Trust)
	}
	if r.NoEvidence != "" {
		jw.field("no_evidence", r.NoEvidence)
	}
	if len(r.Errors) > 0 {
		writeList(jw, "errors", errorsJSON(r.Errors))
	}
	writeList(jw, "findings", r.Findings)
	if len(r.Suppressed) > 0 {
		writeList(jw, "suppressed", r.Suppressed)
	}
	if len(r.Suggestions) > 0 {
		writeList(jw, "suggestions", suggestionsJSON(r))
	}
	writeList(jw, "claims", claimsJSON(r.Claims))
	writeList(jw, "evidence", r.Evidence)
	return jw.close()
}

// jsonWriter writes a JSON object field by field, indented by two spaces
// as json.Encoder.SetIndent("", "  ") would, without escaping HTML.
type jsonWriter struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	enc    *json.Encoder // encodes a value at the depth of a list element
	top    *json.Encoder // encodes a value at the depth of a field
	fields int
	err    error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetIndent("    ", "  ")
	jw.enc.SetEscapeHTML(false)
	jw.top = json.NewEncoder(&jw.buf)
	jw.top.SetIndent("  ", "  ")
	jw.top.SetEscapeHTML(false)
	return jw
}

// name starts a field.
func (jw *jsonWriter) name(name string) {
	if jw.fields == 0 {
		jw.w.WriteString("{\n")
	} else {
		jw.w.WriteString(",\n")
	}
	jw.fields++
	jw.w.WriteString(`  "` + name + `": `)
}

// value writes v encoded by enc, without the newline Encode ends with.
func (jw *jsonWriter) value(enc *json.Encoder, v any) {
	jw.buf.Reset()
	if err := enc.Encode(v); err != nil && jw.err == nil {
		jw.err = err
	}
	jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
}

func (jw *jsonWriter) field(name string, v any) {
	jw.name(name)
	jw.value(jw.top, v)
}

// writeList writes a field whose value is a list, an element at a time.
func writeList[T any](jw *jsonWriter, name string, list []T) {
	jw.name(name)
	if len(list) == 0 {
		jw.w.WriteString("[]")
		return
	}
	jw.w.WriteString("[\n")
	for i := range list {
		jw.w.WriteString("    ")
		jw.value(jw.enc, &list[i])
		if i < len(list)-1 {
			jw.w.WriteString(",\n")
		} else {
			jw.w.WriteString("\n")
		}
	}
	jw.w.WriteString("  ]")
}

func (jw *jsonWriter) close() error {
	jw.w.WriteString("\n}\n")
	if err := jw.w.Flush(); err != nil {
		return err
	}
	return jw.err
}

// ClaimsJSON writes the claims read from a notice, as `noticevet claims
// -format json` shows them.
func ClaimsJSON(w io.Writer, cs []notices.Claim, explain bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	out := claimsJSON(cs)
	if explain {
		for i := range out {
			out[i].Because = &cs[i].Why
		}
	}
	return enc.Encode(struct {
		Version int         `json:"version"`
		Claims  []jsonClaim `json:"claims"`
	}{1, out})
}

// jsonError is a problem that made the check fail, as JSON gives it.
type jsonError struct {
	Severity string             `json:"severity"`
	Message  string             `json:"message"`
	Location *jsonErrorLocation `json:"location,omitempty"`
}

type jsonErrorLocation struct {
	Path      string `json:"path"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

func errorsJSON(ds diag.Diagnostics) []jsonError {
	out := make([]jsonError, 0, len(ds))
	for _, d := range ds {
		e := jsonError{Severity: "error", Message: d.Msg}
		if d.Severity == diag.Warning {
			e.Severity = "warning"
		}
		if d.Path != "" {
			e.Location = &jsonErrorLocation{Path: d.Path, Line: d.Line, Column: d.Column, EndLine: d.EndLine, EndColumn: d.EndColumn}
		}
		out = append(out, e)
	}
	return out
}
