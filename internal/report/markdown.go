package report

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// Marker is the hidden first line of the Markdown report. A pull-request
// integration finds its earlier comment by it, to update that comment
// rather than add another.
const Marker = "<!-- noticevet -->"

const (
	// maxComment is the longest comment GitHub accepts: 65,536
	// characters. Sizes here count bytes, which are never fewer.
	maxComment = 65536
	// maxReport is what the report may take: GitHub's limit less a margin
	// for what an integration adds around it.
	maxReport = maxComment - 4096
	// shownOpen is how many findings are listed without <details>.
	shownOpen = 10
	// cellItems is how many items a cell of the data map lists.
	cellItems = 5
	// maxSentence is how many characters of a notice sentence a table shows.
	maxSentence = 300
	// maxField is how many characters of any other text from the
	// repository (a message, a resource name, a path, a reason) a table
	// shows: one field can never crowd out the rest.
	maxField = 500
	// reserve is room kept for the lines that close a section ("…and N
	// more findings", </details>) whatever the rows took.
	reserve = 1024
)

// Markdown writes the result as one pull-request comment: the marker, a
// summary line, the findings (most severe first; a table, folded into
// <details> past ten), the proposed notice text (see writeProposals), the
// suppressed findings folded, and the "Where
// personal data goes" view of DataMap. Every field from the repository is
// shortened to a bound, and every section — the data map too — is counted
// against GitHub's size limit: rows that do not fit are left out and
// counted, never cut mid-row.
func Markdown(w io.Writer, r *Result) error {
	var head strings.Builder
	head.WriteString(Marker + "\n### noticevet\n\n")
	head.WriteString(summaryLine(r) + "\n")
	if len(r.Trust) > 0 {
		writeTrust(&head, r)
	}
	if r.NoEvidence != "" {
		head.WriteString("\n> [!WARNING]\n> " + mdField(r.NoEvidence) + "\n")
	}
	budget := maxReport - head.Len()

	// The data map takes at most a third of what is left, so that the
	// findings always have room; with many countries it lists one item a
	// cell, then fewer rows.
	dmBudget := budget / 3
	var dm strings.Builder
	writeDataMap(&dm, r, cellItems, dmBudget)
	if dm.Len() > dmBudget/2 {
		dm.Reset()
		writeDataMap(&dm, r, 1, dmBudget)
	}
	budget -= dm.Len() + 1

	// Each section has what the ones before it left: the budget less
	// the body written so far, counted once.
	var body strings.Builder
	left := func() int { return budget - body.Len() - reserve }
	if len(r.Findings) > 0 {
		writeFindings(&body, r, left())
	}
	if len(r.Suggestions) > 0 {
		writeProposals(&body, r, left())
	}
	if len(r.Suppressed) > 0 {
		writeSuppressed(&body, r, left())
	}
	var b strings.Builder
	b.Grow(head.Len() + body.Len() + dm.Len() + 1)
	b.WriteString(head.String())
	b.WriteString(body.String())
	b.WriteString("\n")
	b.WriteString(dm.String())
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTrust writes the Trust sentences as a quoted warning, each
// shortened to a bound.
func writeTrust(b *strings.Builder, r *Result) {
	b.WriteString("\n> [!WARNING]\n")
	for i, t := range r.Trust {
		if i > 0 {
			b.WriteString(">\n")
		}
		b.WriteString("> " + mdField(t) + "\n")
	}
}

// summaryLine counts the findings by severity and says how many were
// suppressed.
func summaryLine(r *Result) string {
	var s string
	if len(r.Findings) == 0 {
		s = "**No findings.**"
	} else {
		counts := map[rules.Severity]int{}
		for _, f := range r.Findings {
			counts[f.Severity]++
		}
		var parts []string
		for _, sev := range []rules.Severity{rules.Error, rules.Warning, rules.Note} {
			if n := counts[sev]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, sev.String())))
			}
		}
		s = fmt.Sprintf("**%d %s**: %s.", len(r.Findings), plural(len(r.Findings), "finding"), strings.Join(parts, ", "))
	}
	if n := len(r.Suppressed); n > 0 {
		s += fmt.Sprintf(" %d %s suppressed (by %s).", n, plural(n, "finding"), suppressors)
	}
	return s
}

// bySeverity returns the findings most severe first, in their order
// within a severity: a comment cut short still shows the worst.
func bySeverity(fs []rules.Finding) []*rules.Finding {
	out := make([]*rules.Finding, len(fs))
	for i := range fs {
		out[i] = &fs[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity > out[j].Severity })
	return out
}

// writeFindings writes the findings section within about budget bytes.
func writeFindings(b *strings.Builder, r *Result, budget int) {
	start := b.Len()
	b.WriteString("\n")
	open := len(r.Findings) <= shownOpen
	if !open {
		// A count by rule stays in view; the list itself is folded.
		counts := map[string]int{}
		for _, f := range r.Findings {
			counts[f.Rule]++
		}
		b.WriteString("| Rule | Severity | Findings |\n|---|---|---:|\n")
		for _, rule := range rules.All {
			if n := counts[rule.ID]; n > 0 {
				fmt.Fprintf(b, "| %s | %s | %d |\n", mdCode(rule.ID), rule.Severity, n)
			}
		}
		fmt.Fprintf(b, "\n<details><summary>All %d findings</summary>\n\n", len(r.Findings))
	}
	b.WriteString("| Severity | Rule | Where | Country | Finding | Notice sentence |\n|---|---|---|---|---|---|\n")
	shown := 0
	for _, f := range bySeverity(r.Findings) {
		row := fmt.Sprintf("| %s | %s | %s | %s | %s | %s |\n",
			f.Severity, mdCode(f.Rule), mdCode(where(f.Pos.Path, f.Pos.Line)),
			countryCell(f.Country), mdField(f.Message), claimCell(f.Claim))
		if b.Len()-start+len(row) > budget {
			break
		}
		b.WriteString(row)
		shown++
	}
	if rest := len(r.Findings) - shown; rest > 0 {
		fmt.Fprintf(b, "\n…and %d more %s, left out to keep this comment within GitHub's size limit: `noticevet check` lists them all.\n", rest, plural(rest, "finding"))
	}
	if !open {
		b.WriteString("\n</details>\n")
	}
}

// writeSuppressed writes the suppressed findings, folded, within about
// budget bytes.
func writeSuppressed(b *strings.Builder, r *Result, budget int) {
	start := b.Len()
	n := len(r.Suppressed)
	fmt.Fprintf(b, "\n<details><summary>%d suppressed %s</summary>\n\n", n, plural(n, "finding"))
	b.WriteString("| Rule | Where | Country | Reason |\n|---|---|---|---|\n")
	shown := 0
	for _, s := range r.Suppressed {
		row := fmt.Sprintf("| %s | %s | %s | %s |\n", mdCode(s.Rule), mdCode(where(s.Pos.Path, s.Pos.Line)),
			countryCell(s.Country), mdField(s.Reason))
		if b.Len()-start+len(row) > budget {
			break
		}
		b.WriteString(row)
		shown++
	}
	if rest := n - shown; rest > 0 {
		fmt.Fprintf(b, "\n…and %d more.\n", rest)
	}
	b.WriteString("\n</details>\n")
}

// where is "path:line" with the path shortened to a bound.
func where(path string, line int) string {
	return fmt.Sprintf("%s:%d", clip(path, maxField), line)
}

// mdField is repository text for a table cell: shortened to maxField
// characters, then escaped.
func mdField(s string) string { return mdEscape(clip(s, maxField)) }

func countryCell(code string) string {
	if code == "" {
		return "—"
	}
	return mdEscape(code + " " + country.Name(code))
}

func claimCell(c *rules.ClaimRef) string {
	if c == nil {
		return "—"
	}
	return mdCode(where(c.Path, c.Line)) + " “" + mdEscape(clip(c.Text, maxSentence)) + "”"
}

// DataMap writes the "Where personal data goes" view: a table by country of
// what the notice claims and what the code and infrastructure do, and the
// same as a Mermaid flowchart. `noticevet map -format markdown` shows it
// alone; the Markdown report ends with it.
func DataMap(w io.Writer, r *Result) error {
	var b strings.Builder
	writeDataMap(&b, r, cellItems, math.MaxInt)
	_, err := io.WriteString(w, b.String())
	return err
}

// A place is a row of the data map: a country, or data going abroad with no
// country named, or a destination that could not be decided.
type place struct {
	key, label string
	claimed    []string // "stored only in JP (`PRIVACY.md:5`)"
	found      []string // "stored: aws_s3_bucket.media (`infra/media.tf:12`)"
	claimEdge  []string // edge labels: what the notice says
	foundEdge  []string // edge labels: what the repository does
	finding    bool     // a finding names the country
}

const (
	keyAbroad    = "abroad"
	keyUndecided = "undecided"
)

// writeDataMap writes the data map, listing up to items items a cell,
// within about budget bytes: rows past it are left out and counted, and
// the chart is left out when it does not fit.
func writeDataMap(b *strings.Builder, r *Result, items, budget int) {
	start := b.Len()
	places := map[string]*place{}
	at := func(key string) *place {
		p, ok := places[key]
		if !ok {
			p = &place{key: key, label: placeLabel(key, r.Home)}
			places[key] = p
		}
		return p
	}
	for _, c := range r.Claims {
		ref := " (" + mdCode(where(c.Path, c.Line)) + ")"
		for _, pc := range claimPhrases(&c, r.Home) {
			p := at(pc.key)
			p.claimed = appendNew(p.claimed, mdEscape(pc.phrase)+ref)
			p.claimEdge = appendNew(p.claimEdge, pc.phrase)
		}
	}
	for _, e := range r.Evidence {
		key := e.Country
		if key == "" {
			key = keyUndecided
		}
		p := at(key)
		word := evidenceWord(e.Kind)
		item := mdEscape(word+": "+clip(e.What, maxField)) + " (" + mdCode(where(e.Pos.Path, e.Pos.Line)) + ")"
		if e.Country == "" && e.Unresolved != "" {
			item += " — " + mdField(e.Unresolved)
		}
		p.found = appendNew(p.found, item)
		p.foundEdge = appendNew(p.foundEdge, word)
	}
	for _, f := range r.Findings {
		if p, ok := places[f.Country]; ok && f.Country != "" {
			p.finding = true
		}
	}

	b.WriteString("### Where personal data goes\n\n")
	if len(places) == 0 {
		b.WriteString("Nothing that was read places personal data in a country.\n")
		return
	}
	rows := make([]*place, 0, len(places))
	for _, p := range places {
		rows = append(rows, p)
	}
	sort.Slice(rows, func(i, j int) bool { return placeLess(rows[i].key, rows[j].key, r.Home) })

	b.WriteString("| Country | Claimed in the notice | Found in code and infrastructure |\n|---|---|---|\n")
	for i, p := range rows {
		label := mdEscape(p.label)
		if p.finding {
			label = "**" + label + "**"
		}
		row := fmt.Sprintf("| %s | %s | %s |\n", label, cell(p.claimed, items), cell(p.found, items))
		if b.Len()-start+len(row) > budget-reserve/4 {
			rest := len(rows) - i
			fmt.Fprintf(b, "\n…and %d more %s, left out to keep this comment within GitHub's size limit: `noticevet map` lists them all.\n",
				rest, plural(rest, "place"))
			return
		}
		b.WriteString(row)
	}

	var chart strings.Builder
	writeChart(&chart, rows)
	if b.Len()-start+chart.Len() > budget-reserve/4 {
		b.WriteString("\nThe chart is left out to keep this comment within GitHub's size limit: `noticevet map -format markdown` shows it.\n")
		return
	}
	b.WriteString(chart.String())
}

// writeChart writes the data map's Mermaid flowchart and its legend.
func writeChart(b *strings.Builder, rows []*place) {
	b.WriteString("\n```mermaid\nflowchart LR\n")
	b.WriteString("  notice([\"the notice\"])\n  repo([\"code and infrastructure\"])\n")
	var marked []string
	for _, p := range rows {
		id := nodeID(p.key)
		fmt.Fprintf(b, "  %s[\"%s\"]\n", id, mermaidLabel(p.label))
		if len(p.claimEdge) > 0 {
			fmt.Fprintf(b, "  notice -.->|\"%s\"| %s\n", mermaidLabel(strings.Join(p.claimEdge, ", ")), id)
		}
		if len(p.foundEdge) > 0 {
			fmt.Fprintf(b, "  repo -->|\"%s\"| %s\n", mermaidLabel(strings.Join(p.foundEdge, ", ")), id)
		}
		if p.finding {
			marked = append(marked, id)
		}
	}
	if len(marked) > 0 {
		b.WriteString("  classDef finding fill:#fdd,stroke:#c00,color:#000\n")
		fmt.Fprintf(b, "  class %s finding\n", strings.Join(marked, ","))
	}
	b.WriteString("```\n\nDotted arrows: what the notice says. Solid arrows: what the code and infrastructure do.")
	if len(marked) > 0 {
		b.WriteString(" Bold in the table, red in the chart: a country that a finding names.")
	}
	b.WriteString("\n")
}

type placedPhrase struct{ key, phrase string }

// claimPhrases says what a claim states about each place it names.
func claimPhrases(c *notices.Claim, home string) []placedPhrase {
	stored, to, from := "stored", "transferred", "accessed"
	var only, not, outside, here, abroad string
	switch c.Kind {
	case notices.Transfer:
		only, not, outside, here, abroad = to+" only to ", "not "+to+" here", "not "+to+" outside ", to+" here", "may be "+to+" abroad"
	case notices.Access:
		only, not, outside, here, abroad = from+" only from ", "no access from here", "no access from outside ", from+" from here", "may be "+from+" from abroad"
	default:
		only, not, outside, here, abroad = stored+" only in ", "not "+stored+" here", "not "+stored+" outside ", stored+" here", "may be "+stored+" abroad"
	}
	countries := c.Countries
	if c.Outside && len(countries) == 0 && home != "" {
		countries = []string{home}
	}
	var out []placedPhrase
	each := func(phrase string) {
		for _, k := range countries {
			out = append(out, placedPhrase{k, phrase})
		}
	}
	switch {
	case c.Scope == notices.VagueForeign:
		out = append(out, placedPhrase{keyAbroad, abroad})
	case c.Outside && len(countries) == 0:
		out = append(out, placedPhrase{keyAbroad, strings.TrimSpace(outside) + " the country"})
	case c.Outside:
		each(outside + strings.Join(countries, ", "))
	case c.Scope == notices.Exclusive:
		each(only + strings.Join(countries, ", "))
	case c.Scope == notices.Negative:
		each(not)
	default:
		each(here)
	}
	return out
}

func evidenceWord(k evidence.Kind) string {
	switch k {
	case evidence.Send:
		return "sent"
	case evidence.Access:
		return "accessed from"
	case evidence.Read:
		return "read from"
	case evidence.Delete:
		return "deleted in"
	}
	return "stored"
}

func placeLabel(key, home string) string {
	switch key {
	case keyAbroad:
		return "abroad, no country named"
	case keyUndecided:
		return "not decided statically"
	}
	label := key + " " + country.Name(key)
	if key == home {
		label += " (home)"
	}
	return label
}

// placeLess orders the data map: the home country, the others by code,
// then "abroad" and the undecided.
func placeLess(a, b, home string) bool {
	rank := func(k string) int {
		switch k {
		case home:
			return 0
		case keyAbroad:
			return 2
		case keyUndecided:
			return 3
		}
		return 1
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra < rb
	}
	return a < b
}

// cell joins a cell's items, listing at most n.
func cell(items []string, n int) string {
	if len(items) == 0 {
		return "—"
	}
	if len(items) > n {
		rest := len(items) - n
		items = append(items[:n:n], fmt.Sprintf("and %d more", rest))
	}
	return strings.Join(items, "<br>")
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func nodeID(key string) string {
	var b strings.Builder
	b.WriteString("c_")
	for _, c := range key {
		if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b.WriteRune(c)
		} else {
			fmt.Fprintf(&b, "_%x", c)
		}
	}
	return b.String()
}

// mermaidLabel escapes text for a quoted Mermaid label: characters Mermaid
// or Markdown would read are written as Mermaid's #code; entity codes.
func mermaidLabel(s string) string { return mermaidEscaper.Replace(Escape(oneLineText(s))) }

var mermaidEscaper = strings.NewReplacer(
	"#", "#35;", `"`, "#34;", "<", "#60;", ">", "#62;", "&", "#38;",
	"`", "#96;", "|", "#124;",
)

// mdEscape makes text literal in Markdown, table cells included: line
// breaks become spaces and punctuation Markdown (or a GFM table, or HTML)
// would read takes a backslash. What GitHub would act on in repository
// text is broken up too, so that it reads the same and does nothing: an
// @mention or e-mail address (a zero-width space after the @, as
// GitHub's own bots write them, so no one is pinged), a bare URL or www.
// address (a zero-width space after "http:" or "www", so it is not
// linked), and $ (written as &#36;, so no $…$ or $$…$$ becomes math).
func mdEscape(s string) string { return mdInert(oneLineText(s), "\\`*_[]<>|~&#") }

// mdInert writes s with a backslash before each of punct, and @, $, URLs
// and www. addresses broken up as mdEscape says.
func mdInert(s, punct string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == '@':
			b.WriteString("@" + zwsp)
		case c == '$':
			b.WriteString("&#36;")
		case c == ':' && strings.HasPrefix(s[i:], "://"):
			b.WriteString(":" + zwsp)
		case len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www.") && (i == 0 || !isWordByte(s[i-1])):
			b.WriteString(s[i:i+3] + zwsp)
			size = 3
		case c == utf8.RuneError && size == 1 || unsafeRune(c):
			// Control characters would reach a terminal that shows the
			// report; a backslash before a letter is literal in Markdown.
			b.WriteString(Escape(s[i : i+size]))
		case strings.ContainsRune(punct, c):
			b.WriteByte('\\')
			b.WriteRune(c)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// zwsp is a zero-width space, as an entity so that it shows in the source.
const zwsp = "&#8203;"

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// mdCode writes s as a code span for a table cell: the fence is longer than
// any run of backticks in s, and '|' is escaped for the table (GFM removes
// that backslash before reading the span).
func mdCode(s string) string {
	s = strings.ReplaceAll(Escape(oneLineText(s)), "|", `\|`)
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdFence writes s as a fenced code block.
func mdFence(s string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	return fence + "text\n" + s + "\n" + fence
}

func longestRun(s string, c byte) int {
	n, best := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// oneLineText writes each line break of s as a space.
func oneLineText(s string) string { return oneLiner.Replace(s) }

// oneLiner is built once: oneLineText runs for every cell of a report.
var oneLiner = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// clip shortens s to n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
