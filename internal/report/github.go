package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/noticevet/noticevet/internal/rules"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// runner turns into an annotation on the file and line:
//
//	::error file=infra/media.tf,line=12,col=3,title=noticevet%3A false-claim::message
//
// Errors are "error", warnings "warning" and notes "notice". Properties and
// the message are escaped as the Actions toolkit does (escapeProperty,
// escapeData), so a message can hold any text, newlines included. Paths
// must be relative to the repository root for GitHub to place them (see
// Rebase); columns count UTF-16 code units.
func GitHub(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, t := range r.Trust {
		fmt.Fprintf(bw, "::warning title=%s::%s\n", ghProperty("noticevet: trusted configuration"), ghData(t))
	}
	if r.NoEvidence != "" {
		fmt.Fprintf(bw, "::warning title=%s::%s\n", ghProperty("noticevet: nothing to check"), ghData(r.NoEvidence))
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		msg := f.Message
		if f.Claim != nil && !sameLine(f) {
			msg += fmt.Sprintf("\n\nThe notice says (%s:%d): %s", f.Claim.Path, f.Claim.Line, f.Claim.Text)
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d", githubCommand(f.Severity), ghProperty(f.Pos.Path), f.Pos.Line)
		if col := r.utf16Column(f.Pos); col >= 1 {
			fmt.Fprintf(bw, ",col=%d", col)
		}
		fmt.Fprintf(bw, ",title=%s::%s\n", ghProperty("noticevet: "+f.Rule), ghData(msg))
	}
	return bw.Flush()
}

func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a workflow command's message.
var ghData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// ghProperty escapes a workflow command's property value.
var ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
