// Package suggest proposes the notice text that answers the findings a
// sentence can fix: for `undisclosed-country`, `no-country-named` and a
// `false-claim` whose statement is exclusive ("stored only in Japan"), a
// statement naming every country the evidence shows for that kind of
// claim (storage, transfer, access), in the notice's language, with
// placeholders for what the law asks and the repository cannot know (the
// country's system for protecting personal information, the recipient's
// measures, the safeguard) and a note for the reviewer naming the evidence
// (<!-- noticevet: evidence: ... -->, which the notice reader ignores).
//
// Each language version of the notice (a notice file and the lists it
// links to) is answered on its own, as if it were the only one: a
// bilingual notice gets the same statements in each language, so that
// neither version is left behind (which translation-mismatch would
// report). An exclusive sentence is replaced where it stands; a new
// statement is a paragraph after the one holding the statement it answers,
// or at the end of the notice.
//
// It deliberately does not: propose text for a negative statement that
// the evidence contradicts ("we do not store data in China" — removing a
// promise is the author's decision), for a statement stated in a
// noticevet comment or a table cell, for a finding no sentence fixes
// (unresolved-destination, translation-mismatch), or guess facts the
// repository does not hold. It never writes files; the command does.
package suggest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// Input is what a proposal is made from: a check's claims, evidence and
// home country, which findings are not reported, and how to read a notice.
type Input struct {
	Claims   []notices.Claim
	Evidence []evidence.Evidence
	Home     string
	// Suppressed reports whether the finding at a site (its position and
	// country) was accepted by an ignore block, a noticevet:ignore comment
	// or the baseline: such a finding gets no text. Nil for none.
	Suppressed func(pos evidence.Pos, country string) bool
	// Read returns a notice file's content, by its path as the claims
	// name it.
	Read func(path string) ([]byte, error)
	// Notices are the paths of the notice files read, claims or not: a
	// notice in a language no other file's claims are in, from which no
	// claim is read (an empty one), gets its statements at its end.
	Notices []string
}

// File is the proposal for one notice file.
type File struct {
	Path string // as the claims name it: relative to the checked folder
	Lang string // the notice's language: "en" or "ja"
	Old  string // the file's content
	// Edits change Old into the proposed text; sorted, not overlapping.
	Edits []Edit
}

// Edit replaces Old[Start:End] with New, for the findings in Fixes.
type Edit struct {
	Start, End int
	New        string
	// Fixes are the sites of the findings the edit answers: the evidence
	// site and country for undisclosed-country and false-claim, the notice
	// statement for no-country-named.
	Fixes []Site
}

// Site identifies a finding by where it is reported and its country; the
// rule is left out, since the same site may be a false-claim against one
// language version and undisclosed-country against the other.
type Site struct {
	Pos     evidence.Pos
	Country string
}

// SiteOf is the site of a finding.
func SiteOf(f *rules.Finding) Site { return Site{f.Pos, f.Country} }

// New returns the file as the edits leave it.
func (f *File) New() string {
	s, err := udiff.Apply(f.Old, f.udiffEdits())
	if err != nil {
		panic("suggest: overlapping edits: " + err.Error()) // Propose never makes them
	}
	return s
}

func (f *File) udiffEdits() []udiff.Edit {
	out := make([]udiff.Edit, len(f.Edits))
	for i, e := range f.Edits {
		out[i] = udiff.Edit{Start: e.Start, End: e.End, New: e.New}
	}
	return out
}

// Diff is the unified diff of the proposal, with the a/ and b/ prefixes
// git uses, to apply with `patch -p1` or `git apply` in the checked
// folder.
func (f *File) Diff() string {
	return f.diff(f.Edits, 3)
}

// DiffFor is the unified diff of the edits that answer the finding at
// site s, or "" when none does.
func (f *File) DiffFor(s Site) string {
	return f.diff(f.EditsFor(s), 3)
}

// DiffOf is the unified diff of some of f's edits.
func (f *File) DiffOf(edits []Edit) string {
	return f.diff(edits, 3)
}

// EditsFor returns the edits that answer the finding at site s.
func (f *File) EditsFor(s Site) []Edit {
	var out []Edit
	for _, e := range f.Edits {
		for _, x := range e.Fixes {
			if x == s {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func (f *File) diff(edits []Edit, context int) string {
	if len(edits) == 0 {
		return ""
	}
	ue := make([]udiff.Edit, len(edits))
	for i, e := range edits {
		ue[i] = udiff.Edit{Start: e.Start, End: e.End, New: e.New}
	}
	d, err := udiff.ToUnified("a/"+f.Path, "b/"+f.Path, f.Old, ue, context)
	if err != nil {
		panic("suggest: overlapping edits: " + err.Error())
	}
	return d
}

// LineChange replaces whole lines First to Last (1-based, inclusive) of a
// notice by Text (no final line ending): an edit as a review suggestion or
// a SARIF replacement gives it.
type LineChange struct {
	First, Last int
	Text        string
}

// LineChanges gives edits (of f, sorted) as changes of whole lines,
// joining those that touch the same lines. An insertion at the start of a
// line is a change of the line before it (the new paragraph follows it).
func (f *File) LineChanges(edits []Edit) []LineChange {
	var out []LineChange
	var group []Edit
	lo, hi := -1, -1 // byte span of the group's lines, without the last line ending
	flush := func() {
		if len(group) == 0 {
			return
		}
		var b strings.Builder
		at := lo
		for _, e := range group {
			b.WriteString(f.Old[at:e.Start])
			b.WriteString(e.New)
			at = e.End
		}
		if at < hi {
			b.WriteString(f.Old[at:hi])
		}
		first := strings.Count(f.Old[:lo], "\n") + 1
		out = append(out, LineChange{First: first, Last: first + strings.Count(f.Old[lo:hi], "\n"), Text: strings.TrimSuffix(b.String(), "\n")})
		group = nil
	}
	for _, e := range edits {
		start := strings.LastIndexByte(f.Old[:e.Start], '\n') + 1
		end := len(f.Old)
		if i := strings.IndexByte(f.Old[e.End:], '\n'); i >= 0 {
			end = e.End + i
		}
		if e.End == e.Start && start == e.Start && start > 0 {
			// After the line before: up to that line's ending.
			end = start - 1
			start = strings.LastIndexByte(f.Old[:end], '\n') + 1
		}
		if len(group) > 0 && start <= hi {
			hi = max(hi, end)
		} else {
			flush()
			lo, hi = start, end
		}
		group = append(group, e)
	}
	flush()
	return out
}

// Propose returns a proposal for each notice file that has findings a
// sentence can fix, sorted by path.
func Propose(in Input) ([]File, error) {
	// A language version is answered as a whole: the notice and the
	// lists of the repository it links to for its countries
	// (docs/subprocessors.md), whose claims count as the notice's.
	var langs []string
	byLang := map[string][]notices.Claim{}
	for _, c := range in.Claims {
		if _, ok := byLang[c.Lang]; !ok {
			langs = append(langs, c.Lang)
		}
		byLang[c.Lang] = append(byLang[c.Lang], c)
	}
	sites := map[Site]*evidence.Evidence{}
	for i := range in.Evidence {
		e := &in.Evidence[i]
		if _, ok := sites[Site{e.Pos, e.Country}]; !ok {
			sites[Site{e.Pos, e.Country}] = e
		}
	}
	main := map[string]string{} // the file of a language that gets statements with no place of their own
	for _, c := range in.Claims {
		if _, ok := main[c.Lang]; !ok {
			main[c.Lang] = c.Path // the notice itself, whose claims come first
		}
	}
	for _, p := range in.Notices {
		src, err := in.Read(p)
		if err != nil {
			return nil, err
		}
		if lang := notices.Language(src); main[lang] == "" {
			main[lang] = p
			langs = append(langs, lang)
		}
	}
	var out []File
	for _, lang := range langs {
		n := &notice{in: in, lang: lang, claims: byLang[lang], sites: sites}
		byPath := map[string][]*plan{}
		var paths []string
		for _, p := range n.plan() {
			path := main[lang]
			switch {
			case p.claim != nil:
				path = p.claim.Path
			case p.anchor != nil:
				path = p.anchor.Path
			}
			if _, ok := byPath[path]; !ok {
				paths = append(paths, path)
			}
			byPath[path] = append(byPath[path], p)
		}
		for _, path := range paths {
			src, err := in.Read(path)
			if err != nil {
				return nil, err
			}
			f := File{Path: path, Lang: lang, Old: string(src)}
			f.Edits = n.edits(f.Old, byPath[path])
			if len(f.Edits) > 0 {
				out = append(out, f)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// notice is one language version of the notice being answered: its
// files' claims.
type notice struct {
	in     Input
	lang   string
	claims []notices.Claim
	sites  map[Site]*evidence.Evidence
}

// plan is one statement to write: replacing a sentence (claim set), or
// after the block of anchor (anchor set), or at the end of the notice.
type plan struct {
	kind      notices.Kind
	countries map[string]bool
	claim     *notices.Claim // the exclusive sentence replaced
	anchor    *notices.Claim
	evidence  map[string][]evidence.Evidence // by country, what the note names
	fixes     []Site
	// seen and fixed keep evidence and fixes once.
	seen  map[named]bool
	fixed map[Site]bool
}

// named is a site as a note names it, for one country.
type named struct {
	pos           evidence.Pos
	what, country string
}

func (p *plan) add(code string, e *evidence.Evidence, s Site) {
	p.countries[code] = true
	if e != nil && !p.seen[named{e.Pos, e.What, code}] {
		p.seen[named{e.Pos, e.What, code}] = true
		p.evidence[code] = append(p.evidence[code], *e)
	}
	if !p.fixed[s] {
		p.fixed[s] = true
		p.fixes = append(p.fixes, s)
	}
}

func newPlan(k notices.Kind) *plan {
	return &plan{kind: k, countries: map[string]bool{}, evidence: map[string][]evidence.Evidence{}, seen: map[named]bool{}, fixed: map[Site]bool{}}
}

// plan runs the rules on this language version alone and decides the
// statements that answer its findings.
func (n *notice) plan() []*plan {
	found := rules.Check(rules.Input{Claims: n.claims, Evidence: n.in.Evidence, Home: n.in.Home})
	var plans []*plan
	rewrite := map[*notices.Claim]*plan{}
	var undisclosed []rules.Finding
	for _, f := range found {
		if n.in.Suppressed != nil && n.in.Suppressed(f.Pos, f.Country) {
			continue
		}
		switch f.Rule {
		case rules.FalseClaim:
			c := n.claimOf(f.Claim)
			if c == nil || !replaceable(c) {
				continue
			}
			p := rewrite[c]
			if p == nil {
				p = newPlan(c.Kind)
				p.claim = c
				for _, x := range allowed(c, n.in.Home) {
					p.countries[x] = true
				}
				rewrite[c] = p
				plans = append(plans, p)
			}
			p.add(f.Country, n.evidenceAt(f.Pos, f.Country), SiteOf(&f))
		case rules.NoCountryNamed:
			c := n.claimOf(f.Claim)
			if c == nil {
				continue
			}
			p := newPlan(c.Kind)
			p.anchor = c
			for _, e := range n.in.Evidence {
				if e.Country != "" && e.Country != n.in.Home && rules.Applies(c.Kind, e.Kind) {
					p.add(e.Country, &e, SiteOf(&f))
				}
			}
			if len(p.countries) == 0 {
				continue // the repository shows no country to name
			}
			plans = append(plans, p)
		case rules.UndisclosedCountry:
			undisclosed = append(undisclosed, f)
		}
	}
	return n.planUndisclosed(plans, undisclosed)
}

// planUndisclosed adds each undisclosed country to a statement already
// planned that speaks of its evidence, or to a new one of its kind.
func (n *notice) planUndisclosed(plans []*plan, undisclosed []rules.Finding) []*plan {
	byKind := map[notices.Kind]*plan{}
	for _, f := range undisclosed {
		e := n.evidenceAt(f.Pos, f.Country)
		if e == nil {
			continue
		}
		k := kindOf(e.Kind)
		var to *plan
		for _, p := range plans {
			if p.countries[f.Country] && rules.Applies(p.kind, e.Kind) {
				to = p
				break
			}
		}
		if to == nil {
			for _, p := range plans {
				if p.claim == nil && p.kind == k {
					to = p
					break
				}
			}
		}
		if to == nil {
			to = byKind[k]
		}
		if to == nil {
			to = newPlan(k)
			to.anchor = n.anchorFor(k)
			byKind[k] = to
			plans = append(plans, to)
		}
		to.add(f.Country, e, SiteOf(&f))
	}
	return plans
}

// kindOf is the kind of statement that names evidence of kind k.
func kindOf(k evidence.Kind) notices.Kind {
	switch k {
	case evidence.Store:
		return notices.Storage
	case evidence.Access:
		return notices.Access
	}
	return notices.Transfer
}

// anchorFor is the statement a new one of kind k follows: the last of
// that kind read from prose, else the last read from prose; nil for the
// end of the notice.
func (n *notice) anchorFor(k notices.Kind) *notices.Claim {
	var last, lastOfKind *notices.Claim
	for i := range n.claims {
		c := &n.claims[i]
		if c.Explicit || c.End == 0 {
			continue
		}
		last = c
		if c.Kind == k {
			lastOfKind = c
		}
	}
	if lastOfKind != nil {
		return lastOfKind
	}
	return last
}

// claimOf finds the claim a finding refers to.
func (n *notice) claimOf(r *rules.ClaimRef) *notices.Claim {
	if r == nil {
		return nil
	}
	for i := range n.claims {
		c := &n.claims[i]
		if c.Path == r.Path && c.Line == r.Line && c.Text == r.Text {
			return c
		}
	}
	return nil
}

// evidenceAt returns the evidence at a site (the first, in evidence
// order), from an index made once per proposal.
func (n *notice) evidenceAt(pos evidence.Pos, code string) *evidence.Evidence {
	return n.sites[Site{pos, code}]
}

// replaceable reports whether a contradicted claim's sentence can be
// replaced by a statement: an exclusive one ("only in Japan", "not
// outside Japan") read from prose.
func replaceable(c *notices.Claim) bool {
	exclusive := c.Scope == notices.Exclusive || c.Scope == notices.Negative && c.Outside
	return exclusive && !c.Explicit && !c.Table && c.End > c.Offset
}

// allowed are the countries an exclusive claim keeps data in.
func allowed(c *notices.Claim, home string) []string {
	if c.Outside && len(c.Countries) == 0 {
		if home == "" {
			return nil
		}
		return []string{home}
	}
	return c.Countries
}

// codes lists a plan's countries: home first, then by code.
func (p *plan) codes(home string) []string {
	var out []string
	for c := range p.countries {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == home) != (out[j] == home) {
			return out[i] == home
		}
		return out[i] < out[j]
	})
	return out
}

// String describes a plan, for tests.
func (p *plan) String() string {
	at := "end"
	switch {
	case p.claim != nil:
		at = fmt.Sprintf("replace %d", p.claim.Line)
	case p.anchor != nil:
		at = fmt.Sprintf("after %d", p.anchor.Line)
	}
	return fmt.Sprintf("%s %s %v", at, p.kind, p.codes(""))
}

// ChangedLines returns the lines (1-based) of cur that are not lines of
// base as a line diff matches them: the lines a change from base to cur
// adds or rewrites.
func ChangedLines(base, cur string) map[int]bool {
	out := map[int]bool{}
	delta := 0 // how far the edits so far moved base's offsets in cur
	for _, e := range udiff.Lines(base, cur) {
		start := e.Start + delta
		delta += len(e.New) - (e.End - e.Start)
		if e.New == "" {
			continue // lines removed only: no line of cur changed
		}
		first := strings.Count(cur[:start], "\n") + 1
		last := strings.Count(cur[:start+len(strings.TrimSuffix(e.New, "\n"))], "\n") + 1
		for l := first; l <= last; l++ {
			out[l] = true
		}
	}
	return out
}
