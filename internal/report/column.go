package report

import (
	"path"
	"runtime/debug"
	"strings"
	"unicode/utf16"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suggest"
)

// Where formats count columns. A Pos counts UTF-8 bytes, as go/token,
// reviewdog and the README do; SARIF's default columnKind and GitHub count
// UTF-16 code units. The conversion happens here and nowhere else.

// utf16Column returns the 1-based column, in UTF-16 code units, of the
// 1-based byte column col of p's line, reading the line with r.Lines. When
// the line cannot be read, or is shorter than the column says, the column
// is returned unchanged.
func (r *Result) utf16Column(p evidence.Pos) int {
	if p.Column <= 1 || r.Lines == nil {
		return p.Column
	}
	return utf16Column(r.Lines(p.Path, p.Line), p.Column)
}

// utf16End returns the UTF-16 column just past the end of p's line, or 0
// when the line cannot be read.
func (r *Result) utf16End(p evidence.Pos) int {
	end := r.lineEnd(p)
	if end == 0 {
		return 0
	}
	return utf16Column(r.Lines(p.Path, p.Line), end)
}

// utf16Column converts a 1-based column counted in UTF-8 bytes on line to
// one counted in UTF-16 code units.
func utf16Column(line string, col int) int {
	if col <= 1 || col-1 > len(line) {
		return col
	}
	n := 0
	for _, c := range line[:col-1] {
		// An invalid byte decodes as U+FFFD, one unit, as editors show it.
		n += utf16.RuneLen(c)
	}
	return n + 1
}

// lineEnd returns the 1-based byte column just past the end of p's line
// (exclusive), or 0 when the line cannot be read or p lies past it.
func (r *Result) lineEnd(p evidence.Pos) int {
	if r.Lines == nil {
		return 0
	}
	line := strings.TrimRight(r.Lines(p.Path, p.Line), " \t")
	if len(line)+1 <= p.Column {
		return 0
	}
	return len(line) + 1
}

// version is the noticevet version tools are told.
func (r *Result) version() string {
	if r.Version != "" {
		return r.Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// sameLine reports whether a finding's claim is the line the finding points
// at (a finding on the notice itself), so that pointing at it again adds
// nothing.
func sameLine(f *rules.Finding) bool {
	return f.Claim != nil && f.Claim.Path == f.Pos.Path && f.Claim.Line == f.Pos.Line
}

// Rebase returns a copy of r whose paths are prefix/path: for formats read
// by a repository host (SARIF, GitHub annotations), paths must be relative
// to the repository root rather than to the checked folder. An empty prefix
// or "." returns r itself. Lines keeps reading the files it read before.
func Rebase(r *Result, prefix string) *Result {
	prefix = strings.Trim(path.Clean("/"+strings.ReplaceAll(prefix, "\\", "/")), "/")
	if prefix == "" {
		return r
	}
	join := func(p string) string {
		if p == "" || path.IsAbs(p) {
			return p
		}
		return path.Join(prefix, p)
	}
	finding := func(f rules.Finding) rules.Finding {
		f.Pos.Path = join(f.Pos.Path)
		if f.Claim != nil {
			c := *f.Claim
			c.Path = join(c.Path)
			f.Claim = &c
		}
		return f
	}
	out := *r
	out.Findings = make([]rules.Finding, len(r.Findings))
	for i, f := range r.Findings {
		out.Findings[i] = finding(f)
	}
	out.Suppressed = nil
	for _, s := range r.Suppressed {
		out.Suppressed = append(out.Suppressed, Suppressed{Finding: finding(s.Finding), Reason: s.Reason})
	}
	out.Claims = append(out.Claims[:0:0], r.Claims...)
	for i := range out.Claims {
		out.Claims[i].Path = join(out.Claims[i].Path)
	}
	out.Errors = nil
	for _, d := range r.Errors {
		e := *d
		e.Path = join(e.Path)
		out.Errors = append(out.Errors, &e)
	}
	out.Evidence = append(out.Evidence[:0:0], r.Evidence...)
	for i := range out.Evidence {
		out.Evidence[i].Pos.Path = join(out.Evidence[i].Pos.Path)
	}
	out.Suggestions = make([]suggest.File, len(r.Suggestions))
	for i, f := range r.Suggestions {
		f.Path = join(f.Path)
		edits := make([]suggest.Edit, len(f.Edits))
		for j, e := range f.Edits {
			e.Fixes = append([]suggest.Site(nil), e.Fixes...)
			for k := range e.Fixes {
				e.Fixes[k].Pos.Path = join(e.Fixes[k].Pos.Path)
			}
			edits[j] = e
		}
		f.Edits = edits
		out.Suggestions[i] = f
	}
	if r.Lines != nil {
		lines := r.Lines
		out.Lines = func(p string, n int) string {
			if rel, ok := strings.CutPrefix(p, prefix+"/"); ok {
				return lines(rel, n)
			}
			return lines(p, n)
		}
	}
	return &out
}
