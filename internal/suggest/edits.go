package suggest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

// maxNamed is how many evidence sites of one country a note names.
const maxNamed = 3

// edits turns the plans for one file into edits of its text src: each replaced sentence once
// (with every plan that replaces it), each insertion point once.
func (n *notice) edits(src string, plans []*plan) []Edit {
	w := wordsFor(n.lang)
	type key struct{ start, end int }
	byKey := map[key]*Edit{}
	var keys []key
	texts := map[key][]string{}
	plans = n.spans(src, plans)
	// Statements at one place go storage, transfer, access.
	sort.SliceStable(plans, func(i, j int) bool { return kindOrder[plans[i].kind] < kindOrder[plans[j].kind] })
	for _, p := range plans {
		var k key
		text := w.statement(p.kind, p.codes(n.in.Home), n.in.Home)
		if p.claim != nil {
			k = key{p.claim.Offset, p.claim.End}
		} else {
			at := len(src)
			if p.anchor != nil {
				at = blockEnd(src, p.anchor)
			}
			k = key{at, at}
		}
		if note := w.note(p, n.in.Home); note != "" {
			text += " " + note
		}
		if e := byKey[k]; e != nil {
			e.Fixes = append(e.Fixes, p.fixes...)
		} else {
			byKey[k] = &Edit{Start: k.start, End: k.end, Fixes: append([]Site(nil), p.fixes...)}
			keys = append(keys, k)
		}
		texts[k] = append(texts[k], text)
	}
	var out []Edit
	for _, k := range keys {
		e := byKey[k]
		if k.start < k.end {
			e.New = strings.Join(texts[k], " ")
		} else {
			// New paragraphs, after the block or at the end of the notice.
			var b strings.Builder
			if k.start == len(src) && k.start > 0 && !strings.HasSuffix(src, "\n") {
				b.WriteString("\n")
			}
			for _, t := range texts[k] {
				b.WriteString("\n" + t + "\n")
			}
			e.New = b.String()
		}
		sortSites(e.Fixes)
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

var kindOrder = map[notices.Kind]int{notices.Storage: 0, notices.Transfer: 1, notices.Access: 2}

// spans keeps the plans whose text can be written: a replaced sentence
// must stand alone in its source span (markup inside it that the
// replacement would break — a link, code, inline HTML, an emphasis that
// opens or closes outside it — keeps it), and every other claim read from
// the same sentence must be inclusive, so that the replacement can state
// it again.
func (n *notice) spans(src string, plans []*plan) []*plan {
	var out []*plan
	type sentence struct {
		path string
		off  int
	}
	restated := map[sentence]bool{} // the sentences whose other claims are stated again
	for _, p := range plans {
		if p.claim == nil {
			out = append(out, p)
			continue
		}
		c := p.claim
		if c.End > len(src) || !plainSpan(src[c.Offset:c.End]) {
			continue
		}
		ok := true
		var again []*plan
		for i := range n.claims {
			o := &n.claims[i]
			if o.Offset != c.Offset || o.Path != c.Path || o == c || planFor(plans, o) != nil {
				continue
			}
			if o.Scope != notices.Inclusive || o.Explicit {
				ok = false
				break
			}
			// Stated again, as the replacement's own statement of its kind.
			q := newPlan(o.Kind)
			q.claim = c
			for _, x := range o.Countries {
				q.countries[x] = true
			}
			again = append(again, q)
		}
		if ok {
			out = append(out, p)
			if k := (sentence{c.Path, c.Offset}); !restated[k] {
				restated[k] = true
				out = append(out, again...)
			}
		}
	}
	return out
}

func planFor(plans []*plan, c *notices.Claim) *plan {
	for _, p := range plans {
		if p.claim == c {
			return p
		}
	}
	return nil
}

// plainSpan reports whether a sentence's source can be replaced whole:
// no link, code, HTML or escape, and emphasis marks that pair up inside it.
func plainSpan(s string) bool {
	if strings.ContainsAny(s, "[]`<>\\") {
		return false
	}
	return strings.Count(s, "*")%2 == 0 && strings.Count(s, "_")%2 == 0
}

// blockEnd is where a paragraph after the block holding claim c goes: the
// start of the first blank line after the sentence, or the end of src.
func blockEnd(src string, c *notices.Claim) int {
	at := c.End
	if at == 0 {
		at = c.Offset
	}
	at = min(at, len(src))
	for {
		nl := strings.IndexByte(src[at:], '\n')
		if nl < 0 {
			return len(src)
		}
		at += nl + 1
		line := src[at:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			return at
		}
	}
}

// note is the comment for the reviewer after a proposed text: the
// evidence by country and, for a replaced sentence, the sentence.
func (w words) note(p *plan, home string) string {
	var parts []string
	for _, code := range p.codes(home) {
		es := p.evidence[code]
		if len(es) == 0 {
			continue
		}
		sort.Slice(es, func(i, j int) bool { return es[i].Pos.Less(es[j].Pos) })
		var sites []string
		for i, e := range es {
			if i == maxNamed {
				sites = append(sites, fill(w.t["more"], "n", strconv.Itoa(len(es)-maxNamed)))
				break
			}
			sites = append(sites, fmt.Sprintf("%s (%s:%d)", what(e), e.Pos.Path, e.Pos.Line))
		}
		parts = append(parts, w.name(code)+": "+strings.Join(sites, ", "))
	}
	if p.claim != nil && len(p.fixes) > 0 {
		parts = append(parts, fill(w.t["replaces"], "text", p.claim.Text))
	}
	if len(parts) == 0 {
		return ""
	}
	return "<!-- noticevet: evidence: " + commentSafe(strings.Join(parts, "; ")) + " -->"
}

// what names a site as messages do, with the module instances it came
// through.
func what(e evidence.Evidence) string {
	if len(e.Instances) > 0 {
		return e.What + " via " + strings.Join(e.Instances, ", ")
	}
	return e.What
}

// commentSafe keeps text from ending the comment early ("--" and so
// "-->") and writes control and invisible format characters, which come
// from the repository, as Go escapes.
func commentSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	for strings.Contains(out, "--") {
		out = strings.ReplaceAll(out, "--", "- -")
	}
	return out
}

func sortSites(s []Site) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Pos != s[j].Pos {
			return s[i].Pos.Less(s[j].Pos)
		}
		return s[i].Country < s[j].Country
	})
}
