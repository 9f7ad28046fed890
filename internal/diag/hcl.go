package diag

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// FromHCL turns HCL's diagnostics into Diagnostics, every one of them,
// each with its range. path names the file when a diagnostic has no
// subject of its own. A message is the summary and the detail on one line,
// without the detail's closing full stop.
func FromHCL(path string, diags hcl.Diagnostics) Diagnostics {
	var out Diagnostics
	for _, d := range diags {
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + strings.TrimSuffix(strings.TrimSpace(d.Detail), ".")
		}
		x := &Diagnostic{Path: path, Msg: strings.Join(strings.Fields(msg), " ")}
		if d.Severity != hcl.DiagError {
			x.Severity = Warning
		}
		if r := d.Subject; r != nil {
			if r.Filename != "" {
				x.Path = r.Filename
			}
			x.Line, x.Column = r.Start.Line, r.Start.Column
			x.EndLine, x.EndColumn = r.End.Line, r.End.Column
		}
		out = append(out, x)
	}
	return out
}

// At returns an error Diagnostic for the range of an HCL expression,
// block or attribute, start and end kept.
func At(r hcl.Range, msg string) *Diagnostic {
	return &Diagnostic{Path: r.Filename, Line: r.Start.Line, Column: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column, Msg: msg}
}
