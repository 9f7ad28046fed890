package report

import (
	"fmt"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suggest"
)

// proposal is the part of a notice file's proposed text that answers one
// finding.
type proposal struct {
	file  *suggest.File
	edits []suggest.Edit
}

// proposalIndex maps the site of each finding a proposal answers to the
// proposals, file by file, in the order of the files and their edits.
type proposalIndex map[suggest.Site][]proposal

func newProposalIndex(r *Result) proposalIndex {
	ix := proposalIndex{}
	for i := range r.Suggestions {
		file := &r.Suggestions[i]
		for _, e := range file.Edits {
			for _, s := range e.Fixes {
				ps := ix[s]
				if n := len(ps); n > 0 && ps[n-1].file == file {
					ps[n-1].edits = append(ps[n-1].edits, e)
					continue
				}
				ix[s] = append(ps, proposal{file, []suggest.Edit{e}})
			}
		}
	}
	return ix
}

// proposals returns, file by file, the proposed edits that answer f.
func (ix proposalIndex) proposals(f *rules.Finding) []proposal {
	return ix[suggest.SiteOf(f)]
}

// fixDescription says what a SARIF fix or the Markdown section holds.
const fixDescription = "Proposed notice text naming the countries the evidence shows (noticevet suggest); replace the bracketed placeholders before publishing."

// SARIF fixes: one per finding that has a proposal, with an artifact
// change per notice file, each replacing whole lines (columns in UTF-16
// code units, as the run declares).

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifSpan    `json:"deletedRegion"`
	InsertedContent sarifContent `json:"insertedContent"`
}

type sarifSpan struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifContent struct {
	Text string `json:"text"`
}

func (ix proposalIndex) sarifFixes(f *rules.Finding) []sarifFix {
	ps := ix.proposals(f)
	if len(ps) == 0 {
		return nil
	}
	fix := sarifFix{Description: sarifText{Text: fixDescription}}
	for _, p := range ps {
		loc := sarifPhysicalAt(evidence.Pos{Path: p.file.Path}, 0, 0).ArtifactLocation
		ch := sarifArtifactChange{ArtifactLocation: loc}
		for _, lc := range p.file.LineChanges(p.edits) {
			last := lineOf(p.file.Old, lc.Last)
			ch.Replacements = append(ch.Replacements, sarifReplacement{
				DeletedRegion:   sarifSpan{StartLine: lc.First, StartColumn: 1, EndLine: lc.Last, EndColumn: utf16Column(last, len(last)+1)},
				InsertedContent: sarifContent{Text: lc.Text},
			})
		}
		fix.ArtifactChanges = append(fix.ArtifactChanges, ch)
	}
	return []sarifFix{fix}
}

// lineOf is line n (1-based) of s, without its line ending.
func lineOf(s string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(s, '\n')
		if j < 0 {
			return ""
		}
		s = s[j+1:]
	}
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return strings.TrimSuffix(s, "\r")
}

// rdjson suggestions: reviewdog applies a suggestion in the file of its
// diagnostic, so a finding in the notice carries its proposal itself, and
// a proposal for findings elsewhere (the Terraform resource, the Go call)
// is a diagnostic of its own at the notice lines, naming those findings.

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// rdSuggestions returns the suggestions for the diagnostic of f: the
// proposals in f's own file.
func (ix proposalIndex) rdSuggestions(f *rules.Finding) []rdSuggestion {
	var here []rdSuggestion
	for _, p := range ix.proposals(f) {
		if p.file.Path == f.Pos.Path {
			here = append(here, rdLineSuggestions(p.file, p.edits)...)
		}
	}
	return here
}

func rdLineSuggestions(file *suggest.File, edits []suggest.Edit) []rdSuggestion {
	var out []rdSuggestion
	for _, lc := range file.LineChanges(edits) {
		last := lineOf(file.Old, lc.Last)
		out = append(out, rdSuggestion{
			Range: rdRange{Start: rdPosition{Line: lc.First, Column: 1}, End: &rdPosition{Line: lc.Last, Column: len(last) + 1}},
			Text:  lc.Text,
		})
	}
	return out
}

// rdProposalDiagnostics are the diagnostics that carry the proposals for
// findings reported outside the notice: one per notice file and line
// change, naming the findings it answers, in file and line order.
func (r *Result) rdProposalDiagnostics() []rdDiagnostic {
	var out []rdDiagnostic
	bySite := map[suggest.Site][]*rules.Finding{}
	for j := range r.Findings {
		f := &r.Findings[j]
		bySite[suggest.SiteOf(f)] = append(bySite[suggest.SiteOf(f)], f)
	}
	for i := range r.Suggestions {
		file := &r.Suggestions[i]
		for _, e := range file.Edits {
			var answers []string
			for _, s := range e.Fixes {
				for _, f := range bySite[s] {
					if f.Pos.Path != file.Path {
						answers = append(answers, fmt.Sprintf("%s (%s)", f.Pos, f.Rule))
					}
				}
			}
			if len(answers) == 0 {
				continue
			}
			for _, sg := range rdLineSuggestions(file, []suggest.Edit{e}) {
				out = append(out, rdDiagnostic{
					Message:     rdMessage("proposed notice text for " + strings.Join(answers, ", ") + "; replace the bracketed placeholders before publishing"),
					Location:    rdLocation{Path: file.Path, Range: &rdRange{Start: sg.Range.Start, End: sg.Range.End}},
					Severity:    "INFO",
					Code:        rdCode{Value: "suggestion", URL: RulesURI},
					Suggestions: []rdSuggestion{sg},
				})
			}
		}
	}
	return out
}

// writeProposals writes the proposed notice text within about budget
// bytes: for each notice file, the changes of lines the pull request
// changes as GitHub suggestion blocks (r.Changed says which), the rest as
// one diff block. When it does not fit, a sentence says how to get it.
func writeProposals(b *strings.Builder, r *Result, budget int) {
	if len(r.Suggestions) == 0 || budget <= 0 {
		return
	}
	var s strings.Builder
	s.WriteString("\n#### Proposed notice text\n\nText naming the countries the evidence shows, for the findings a sentence can fix: `noticevet suggest` prints it as a diff, `-w` writes it. Replace the bracketed placeholders before publishing.\n")
	for i := range r.Suggestions {
		file := &r.Suggestions[i]
		var rest []suggest.Edit
		for _, e := range file.Edits {
			lc := file.LineChanges([]suggest.Edit{e})[0]
			if !r.changedLines(file.Path, lc.First, lc.Last) {
				rest = append(rest, e)
				continue
			}
			fmt.Fprintf(&s, "\n%s, %s (changed in this pull request):\n\n", mdCode(file.Path), lineRange(lc.First, lc.Last))
			s.WriteString(fenced("suggestion", lc.Text) + "\n")
		}
		if len(rest) > 0 {
			fmt.Fprintf(&s, "\n%s:\n\n", mdCode(file.Path))
			s.WriteString(fenced("diff", strings.TrimSuffix(file.DiffOf(rest), "\n")) + "\n")
		}
	}
	if s.Len() > budget {
		n := 0
		for _, f := range r.Suggestions {
			n += len(f.Edits)
		}
		fmt.Fprintf(b, "\n#### Proposed notice text\n\n%d %s of notice text %s proposed, too long for this comment: `noticevet suggest` prints %s as a diff.\n",
			n, plural(n, "change"), map[bool]string{true: "is", false: "are"}[n == 1], map[bool]string{true: "it", false: "them"}[n == 1])
		return
	}
	b.WriteString(s.String())
}

// changedLines reports whether lines first to last of a notice all differ
// from the pull request's base.
func (r *Result) changedLines(path string, first, last int) bool {
	if r.Changed == nil {
		return false
	}
	for l := first; l <= last; l++ {
		if !r.Changed(path, l) {
			return false
		}
	}
	return true
}

func lineRange(first, last int) string {
	if first == last {
		return fmt.Sprintf("line %d", first)
	}
	return fmt.Sprintf("lines %d–%d", first, last)
}

// fenced is a fenced code block of the given info string whose fence is
// longer than any run of backticks in s.
func fenced(info, s string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	return fence + info + "\n" + s + "\n" + fence
}

// jsonSuggestion is a notice file's proposed text as -format json gives
// it: the diff, and each change of whole lines with the fingerprints of
// the reported findings it answers.
type jsonSuggestion struct {
	Path    string       `json:"path"`
	Lang    string       `json:"lang"`
	Diff    string       `json:"diff"`
	Changes []jsonChange `json:"changes"`
}

type jsonChange struct {
	StartLine int      `json:"start_line"`
	EndLine   int      `json:"end_line"`
	Text      string   `json:"text"`
	Findings  []string `json:"findings"`
}

func suggestionsJSON(r *Result) []jsonSuggestion {
	bySite := map[suggest.Site][]string{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Fingerprint != "" {
			bySite[suggest.SiteOf(f)] = append(bySite[suggest.SiteOf(f)], f.Fingerprint)
		}
	}
	out := make([]jsonSuggestion, 0, len(r.Suggestions))
	for i := range r.Suggestions {
		file := &r.Suggestions[i]
		js := jsonSuggestion{Path: file.Path, Lang: file.Lang, Diff: file.Diff(), Changes: []jsonChange{}}
		for _, e := range file.Edits {
			lc := file.LineChanges([]suggest.Edit{e})[0]
			c := jsonChange{StartLine: lc.First, EndLine: lc.Last, Text: lc.Text, Findings: []string{}}
			for _, s := range e.Fixes {
				c.Findings = append(c.Findings, bySite[s]...)
			}
			js.Changes = append(js.Changes, c)
		}
		out = append(out, js)
	}
	return out
}
