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
// in .noticevet.hcl. Directives are read from the comment tokens of the Go
// scanner (go/scanner) and the HCL lexer, never from text: a string that
// holds "//noticevet:ignore" is data, not a comment. Only files findings
// point at are read.
package suppress

import (
	"encoding/json"
	"go/scanner"
	"go/token"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

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
// reason). read returns the content of a file as the finding names it; a
// file it cannot read holds no comments. Each file is read and scanned
// once.
func Apply(findings []rules.Finding, read func(path string) ([]byte, error)) (kept []rules.Finding, suppressed []report.Suppressed) {
	files := map[string]map[int]comment{}
	for _, f := range findings {
		cs, ok := files[f.Pos.Path]
		if !ok {
			cs = commentsOf(f.Pos.Path, read)
			files[f.Pos.Path] = cs
		}
		d, where := find(&f, cs)
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

// A comment is a directive on a line; alone says nothing but space comes
// before it on that line.
type comment struct {
	d     *directive
	alone bool
}

// find returns the directive for a finding — on its line, else alone on the
// line above — and says where it is.
func find(f *rules.Finding, cs map[int]comment) (*directive, string) {
	if f.Pos.Line < 1 {
		return nil, ""
	}
	if c, ok := cs[f.Pos.Line]; ok {
		return c.d, "on its line"
	}
	if c, ok := cs[f.Pos.Line-1]; ok && c.alone {
		return c.d, "above it"
	}
	return nil, ""
}

// commentsOf reads a file's noticevet:ignore directives by the line they
// start on. They are read from the comment tokens of the language's own
// scanner, never from text: "//noticevet:ignore" inside a Go string or
// "# noticevet:ignore" inside a Terraform string is data, and accepts
// nothing.
func commentsOf(path string, read func(string) ([]byte, error)) map[int]comment {
	var scan func(src []byte) map[int]comment
	switch {
	case strings.HasSuffix(path, ".tf.json"), strings.HasSuffix(path, ".tfvars.json"):
		scan = jsonComments
	case strings.HasSuffix(path, ".tf"), strings.HasSuffix(path, ".tfvars"):
		scan = hclComments
	case strings.HasSuffix(path, ".go"):
		scan = goComments
	default:
		return nil
	}
	src, err := read(path)
	if err != nil {
		return nil
	}
	return scan(src)
}

// goComments reads the // comments of Go source with go/scanner.
func goComments(src []byte) map[int]comment {
	out := map[int]comment{}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	// Errors are the compiler's business: the scanner goes on past them.
	s.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
	lastLine := 0 // the line of the last token that is not a comment
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		line := file.Line(pos)
		if tok != token.COMMENT {
			if tok != token.SEMICOLON || lit != "\n" {
				// A raw string may span lines: it ends on the last.
				lastLine = line
				if end := int(pos) - file.Base() + len(lit) - 1; len(lit) > 1 && end < file.Size() {
					lastLine = file.Line(file.Pos(end))
				}
			}
			continue
		}
		text, ok := strings.CutPrefix(lit, "//")
		if !ok {
			continue // a /* */ comment
		}
		if d := parse(text); d != nil {
			out[line] = comment{d: d, alone: lastLine != line}
		}
	}
	return out
}

// hclComments reads the # and // comments of Terraform's native syntax with
// the HCL lexer.
func hclComments(src []byte) map[int]comment {
	out := map[int]comment{}
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	lastLine := 0
	for _, t := range toks {
		if t.Type != hclsyntax.TokenComment {
			if t.Type != hclsyntax.TokenNewline && t.Type != hclsyntax.TokenEOF {
				lastLine = t.Range.End.Line
			}
			continue
		}
		text := string(t.Bytes)
		var ok bool
		if text, ok = strings.CutPrefix(text, "#"); !ok {
			if text, ok = strings.CutPrefix(text, "//"); !ok {
				continue // a /* */ comment
			}
		}
		line := t.Range.Start.Line
		if d := parse(strings.TrimRight(text, "\r\n")); d != nil {
			out[line] = comment{d: d, alone: lastLine != line}
		}
	}
	return out
}

// jsonComments reads Terraform JSON's "//" comment properties, line by line:
// a JSON string cannot hold an unescaped quote, so the pattern cannot match
// inside one.
func jsonComments(src []byte) map[int]comment {
	out := map[int]comment{}
	for i, line := range strings.Split(string(src), "\n") {
		if !strings.Contains(line, Keyword) {
			continue
		}
		trimmed := strings.TrimSpace(line)
		m := jsonCommentRE.FindStringSubmatchIndex(trimmed)
		if m == nil {
			continue
		}
		var text string
		if err := json.Unmarshal([]byte(trimmed[m[2]:m[3]]), &text); err != nil {
			continue
		}
		if d := parse(text); d != nil {
			out[i+1] = comment{d: d, alone: m[0] == 0}
		}
	}
	return out
}

var jsonCommentRE = regexp.MustCompile(`"//"\s*:\s*("(?:[^"\\]|\\.)*")`)

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
