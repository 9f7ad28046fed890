// Package suppress reads noticevet:ignore comments, by which a repository
// accepts one finding where it is reported, with a reason:
//
//	# noticevet:ignore undisclosed-country backups stay in the EU region we disclose
//	provider = aws.frankfurt
//
//	client.Send(ctx, req) //noticevet:ignore unresolved-destination the host is set per tenant, all in JP
//
// The comment stands on the finding's line or alone on the line above it.
// It names one rule or several, separated by commas, then the reason. A
// comment without a reason accepts nothing: the finding is still reported
// and its message says the reason is missing, as a lint:ignore without one
// is in staticcheck.
//
// Comments are read in Terraform (# and //), Terraform variable files, Go
// (//) and Terraform JSON ("//": "noticevet:ignore RULE reason" properties).
// Notices are not read: a notice statement is accepted with an ignore block
// in .noticevet.hcl. The package reads only the lines findings point at.
package suppress

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/rules"
)

// Keyword starts a suppression comment.
const Keyword = "noticevet:ignore"

// A directive is one noticevet:ignore comment.
type directive struct {
	rules  []string
	reason string
}

func (d *directive) names(rule string) bool {
	for _, r := range d.rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Apply splits findings into those no noticevet:ignore comment accepts
// (kept, in order; a finding whose comment gives no reason is kept with a
// message saying so) and those one does (suppressed, with the comment's
// reason). readLine returns a line of a file as the finding names it, or ""
// when it cannot be read.
func Apply(findings []rules.Finding, readLine func(path string, line int) string) (kept []rules.Finding, suppressed []report.Suppressed) {
	for _, f := range findings {
		d, where := find(&f, readLine)
		switch {
		case d == nil:
		case len(d.rules) == 0:
			f.Message += ", and the " + Keyword + " comment " + where + " names no rule"
		case !d.names(f.Rule):
		case d.reason == "":
			f.Message += ", and the " + Keyword + " comment " + where + " gives no reason"
		default:
			suppressed = append(suppressed, report.Suppressed{Finding: f, Reason: d.reason})
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}

// find returns the directive for a finding — on its line, else alone on the
// line above — and says where it is.
func find(f *rules.Finding, readLine func(string, int) string) (*directive, string) {
	syntax := syntaxOf(f.Pos.Path)
	if syntax == nil || f.Pos.Line < 1 {
		return nil, ""
	}
	if d := syntax(readLine(f.Pos.Path, f.Pos.Line), false); d != nil {
		return d, "on its line"
	}
	if f.Pos.Line > 1 {
		if d := syntax(readLine(f.Pos.Path, f.Pos.Line-1), true); d != nil {
			return d, "above it"
		}
	}
	return nil, ""
}

// A syntax finds a directive in a line; alone says the comment must be the
// whole line.
type syntax func(line string, alone bool) *directive

func syntaxOf(path string) syntax {
	switch {
	case strings.HasSuffix(path, ".tf.json"), strings.HasSuffix(path, ".tfvars.json"):
		return jsonComment
	case strings.HasSuffix(path, ".tf"), strings.HasSuffix(path, ".tfvars"):
		return lineComment("#", "//")
	case strings.HasSuffix(path, ".go"):
		return lineComment("//")
	}
	return nil
}

// lineComment finds a directive in a comment that runs to the end of the
// line, starting with one of markers.
func lineComment(markers ...string) syntax {
	return func(line string, alone bool) *directive {
		trimmed := strings.TrimSpace(line)
		for _, m := range markers {
			for i := 0; ; {
				j := strings.Index(trimmed[i:], m)
				if j < 0 {
					break
				}
				at := i + j
				i = at + len(m)
				if alone && at != 0 {
					break
				}
				// A comment starts the line or follows a space, not
				// "https://" or "a#b".
				if at > 0 && trimmed[at-1] != ' ' && trimmed[at-1] != '\t' {
					continue
				}
				if d := parse(trimmed[at+len(m):]); d != nil {
					return d
				}
			}
		}
		return nil
	}
}

var jsonCommentRE = regexp.MustCompile(`"//"\s*:\s*("(?:[^"\\]|\\.)*")`)

// jsonComment finds a directive in a Terraform JSON comment property.
func jsonComment(line string, alone bool) *directive {
	trimmed := strings.TrimSpace(line)
	m := jsonCommentRE.FindStringSubmatchIndex(trimmed)
	if m == nil || alone && m[0] != 0 {
		return nil
	}
	var text string
	if err := json.Unmarshal([]byte(trimmed[m[2]:m[3]]), &text); err != nil {
		return nil
	}
	return parse(text)
}

// parse reads "noticevet:ignore RULE[,RULE] reason" after a comment marker.
func parse(comment string) *directive {
	rest, ok := strings.CutPrefix(strings.TrimLeft(comment, " \t"), Keyword)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil
	}
	fields := strings.Fields(rest)
	d := &directive{}
	if len(fields) == 0 {
		return d
	}
	for _, r := range strings.Split(fields[0], ",") {
		if r != "" {
			d.rules = append(d.rules, r)
		}
	}
	d.reason = strings.Join(fields[1:], " ")
	return d
}
