package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

var translationMismatch = &Rule{
	ID:       TranslationMismatch,
	Severity: Warning,
	Summary:  "Two language versions of the notice disagree on where data goes.",
	Help: "One language version names a country the other omits, or one is exclusive and the other is not. Reported at the weaker statement, " +
		"naming the other.",
	Fires: "PRIVACY.md: \"stored in Japan and South Korea\"; PRIVACY.ja.md: 「日本国内のみで保管します」",
	Quiet: "Both versions name Japan and South Korea.",
	Fix:   "Make the versions say the same thing; the binding version decides.",
	Example: map[string]string{
		"PRIVACY.md":    "# Privacy\n\nPersonal data is stored in Japan and South Korea.\n",
		"PRIVACY.ja.md": "# プライバシーポリシー\n\n個人情報は日本国内のみで保管します。\n",
	},
	LookAlike: map[string]string{
		"PRIVACY.md":    "# Privacy\n\nPersonal data is stored in Japan and South Korea.\n",
		"PRIVACY.ja.md": "# プライバシーポリシー\n\n個人情報は日本および韓国で保管します。\n",
	},
	notice: func(st *state) []Finding { return checkTranslations(st.Input) },
}

// translation-mismatch compares the language versions of the notice
// (PRIVACY.md and PRIVACY.ja.md, or the files given with -notice): notice
// files whose claims are in different languages. Files in the same
// language are not compared. Each ordered pair of files (A, B) in
// different languages is read for two ways B can be weaker than A:
//
//   - B omits a country A names. A country is named by a file for a kind of
//     claim (storage, transfer, access) when one of the file's inclusive or
//     exclusive statements of that kind names it, not as "outside" it
//     (tables and noticevet comments included; a group names its members,
//     so "the EU" and a list of its 27 members agree). B names it too when
//     one of its statements names it for the same kind or a compatible one:
//     transfer is compatible with every kind, as in the other rules, so
//     「韓国の委託先に提供」 (transfer) agrees with "staff in Korea may access
//     it" (access), while "stored in Korea" and "accessed from Korea" do not.
//     The home country needs no naming and is never missing. A missing
//     country is reported once per pair, for the first statement of A that
//     names it.
//   - A is exclusive for a kind and B is not: A has an exclusive statement
//     of the kind ("stored only in Japan", or "not outside Japan", which
//     says the same), B has none of that kind (nor an exclusive transfer
//     statement, which covers every kind), and B has a statement of the
//     kind that is inclusive or vague ("stored in Japan", "may be stored
//     abroad"). A B that says nothing of the kind is silent, not weaker.
//     Reported once per pair and kind.
//
// The weaker statement, where the finding is reported, is B's statement of
// the kind that shares the most countries with A's statement (for
// exclusivity, among B's inclusive and vague statements, inclusive first);
// on a tie the first in B. When B has no statement of the kind, it is B's
// first statement. The finding names A's statement (its claim). When both
// problems meet at the same pair of statements, one finding says both.
func checkTranslations(in Input) []Finding {
	files := noticeFiles(in.Claims)
	type key struct {
		weak, strong notices.Claim
	}
	type acc struct {
		missing   []string
		exclusive bool
		kind      notices.Kind
	}
	var order []key
	found := map[string]*acc{}
	id := func(w, s *notices.Claim) string {
		return fmt.Sprintf("%s:%d:%d|%s:%d:%d|%s", w.Path, w.Line, w.Column, s.Path, s.Line, s.Column, s.Kind)
	}
	note := func(w, s *notices.Claim) *acc {
		k := id(w, s)
		if a, ok := found[k]; ok {
			return a
		}
		a := &acc{kind: s.Kind}
		found[k] = a
		order = append(order, key{*w, *s})
		return a
	}
	for _, a := range files {
		for _, b := range files {
			if a.lang == b.lang {
				continue
			}
			reported := map[string]bool{}
			for i := range a.claims {
				s := &a.claims[i]
				if !names(s) {
					continue
				}
				var missing []string
				for _, x := range s.Countries {
					if x == in.Home || reported[x] || b.namesFor(s.Kind, x) {
						continue
					}
					reported[x] = true
					missing = append(missing, x)
				}
				if len(missing) > 0 {
					w := b.closest(s, false)
					ac := note(w, s)
					ac.missing = append(ac.missing, missing...)
				}
			}
			for _, k := range []notices.Kind{notices.Storage, notices.Transfer, notices.Access} {
				s := a.firstExclusive(k)
				if s == nil || b.exclusiveFor(k) {
					continue
				}
				if w := b.closest(s, true); w != nil {
					note(w, s).exclusive = true
				}
			}
		}
	}
	var out []Finding
	for _, k := range order {
		ac := found[id(&k.weak, &k.strong)]
		w, s := k.weak, k.strong
		missing := uniqueSorted(ac.missing)
		var problems []string
		if len(missing) > 0 {
			problems = append(problems, "does not name "+groupedNames(missing))
		}
		if ac.exclusive {
			problems = append(problems, "is not exclusive")
		}
		what := "it says nothing of where personal data " + kindPhrase(s.Kind)
		if w.Kind == s.Kind {
			what = "it says " + statement(&w, in.Home, "personal data")
		}
		f := Finding{
			Message: fmt.Sprintf("the %s version %s: %s, while %s:%d says %s",
				langName(w.Lang), strings.Join(problems, " and "), what, s.Path, s.Line, statement(&s, in.Home, "it")),
			Pos:   evidence.Pos{Path: w.Path, Line: w.Line, Column: w.Column},
			Claim: refOf(&s),
		}
		if len(missing) == 1 {
			f.Country = missing[0]
		}
		out = append(out, f)
	}
	return out
}

// noticeFile is one notice file's claims, in notice order.
type noticeFile struct {
	path, lang string
	claims     []notices.Claim
}

// noticeFiles groups claims by file, in the order the files come.
func noticeFiles(cs []notices.Claim) []*noticeFile {
	var out []*noticeFile
	idx := map[string]*noticeFile{}
	for _, c := range cs {
		f, ok := idx[c.Path]
		if !ok {
			f = &noticeFile{path: c.Path, lang: c.Lang}
			idx[c.Path] = f
			out = append(out, f)
		}
		f.claims = append(f.claims, c)
	}
	for _, f := range out {
		sort.SliceStable(f.claims, func(i, j int) bool { return claimLess(&f.claims[i], &f.claims[j]) })
	}
	return out
}

// names reports whether a claim names its countries as places data is or
// may be.
func names(c *notices.Claim) bool {
	return !c.Outside && (c.Scope == notices.Inclusive || c.Scope == notices.Exclusive)
}

// exclusiveScope reports whether a claim keeps data in its countries:
// "only in Japan", "not outside Japan".
func exclusiveScope(c *notices.Claim) bool {
	return c.Scope == notices.Exclusive || c.Scope == notices.Negative && c.Outside
}

// namesFor reports whether the file names country x for a claim of kind k
// or a compatible kind.
func (f *noticeFile) namesFor(k notices.Kind, x string) bool {
	for i := range f.claims {
		c := &f.claims[i]
		if names(c) && compatible(c.Kind, k) && contains(c.Countries, x) {
			return true
		}
	}
	return false
}

func (f *noticeFile) firstExclusive(k notices.Kind) *notices.Claim {
	for i := range f.claims {
		if c := &f.claims[i]; c.Kind == k && exclusiveScope(c) {
			return c
		}
	}
	return nil
}

// exclusiveFor reports whether the file has an exclusive statement that
// covers kind k: one of the kind, or of transfer, which covers them all.
func (f *noticeFile) exclusiveFor(k notices.Kind) bool {
	for i := range f.claims {
		if c := &f.claims[i]; (c.Kind == k || c.Kind == notices.Transfer) && exclusiveScope(c) {
			return true
		}
	}
	return false
}

// closest returns the file's statement that answers s: of the same kind,
// sharing the most countries with s, then the first. For exclusivity only
// inclusive and vague statements count (inclusive ones first), and nil is
// returned when there is none; otherwise the file's first statement stands
// in when it has none of the kind.
func (f *noticeFile) closest(s *notices.Claim, exclusivity bool) *notices.Claim {
	var best *notices.Claim
	bestShared, bestRank := -1, 0
	for i := range f.claims {
		c := &f.claims[i]
		if c.Kind != s.Kind {
			continue
		}
		rank := 0
		switch {
		case c.Scope == notices.Inclusive:
			rank = 2
		case c.Scope == notices.VagueForeign:
			rank = 1
		}
		if exclusivity && rank == 0 {
			continue
		}
		shared := 0
		for _, x := range c.Countries {
			if contains(s.Countries, x) {
				shared++
			}
		}
		if shared > bestShared || shared == bestShared && exclusivity && rank > bestRank {
			best, bestShared, bestRank = c, shared, rank
		}
	}
	if best == nil && !exclusivity && len(f.claims) > 0 {
		best = &f.claims[0]
	}
	return best
}

// statement says what a claim states, with subject "it" or "personal
// data": "it is stored only in Japan", "personal data may be transferred
// abroad".
func statement(c *notices.Claim, home, subject string) string {
	names := groupedNames(c.Countries)
	if c.Outside && len(c.Countries) == 0 {
		names = "the country"
		if home != "" {
			names = country.Name(home)
		}
	}
	var f [6]string // exclusive, negative outside, negative, inclusive, vague, vague outside
	switch c.Kind {
	case notices.Storage:
		f = [6]string{"is stored only in %s", "is not stored outside %s", "is not stored in %s", "is stored in %s",
			"may be stored abroad", "may be stored outside %s"}
	case notices.Access:
		f = [6]string{"is accessed only from %s", "is not accessed from outside %s", "is not accessed from %s", "is accessed from %s",
			"may be accessed from abroad", "may be accessed from outside %s"}
	default:
		f = [6]string{"stays in %s", "is not transferred outside %s", "is not transferred to %s", "is transferred to %s",
			"may go abroad", "may go outside %s"}
	}
	var s string
	switch {
	case c.Scope == notices.Exclusive:
		s = fmt.Sprintf(f[0], names)
	case c.Scope == notices.Negative && c.Outside:
		s = fmt.Sprintf(f[1], names)
	case c.Scope == notices.Negative:
		s = fmt.Sprintf(f[2], names)
	case c.Scope == notices.Inclusive:
		s = fmt.Sprintf(f[3], names)
	case c.Outside:
		s = fmt.Sprintf(f[5], names)
	default:
		s = f[4]
	}
	return subject + " " + s
}

func kindPhrase(k notices.Kind) string {
	switch k {
	case notices.Storage:
		return "is stored"
	case notices.Access:
		return "is accessed from"
	}
	return "goes"
}

// groupedNames names countries for a message, a whole group by its name:
// "the European Union", "the EEA and South Korea".
func groupedNames(codes []string) string {
	rest := append([]string(nil), codes...)
	var groups []string
	for _, g := range []struct{ id, name string }{{"EEA", "the EEA"}, {"EU", "the European Union"}} {
		members, ok := country.Members(g.id)
		if !ok || len(members) == 0 {
			continue
		}
		all := true
		for _, m := range members {
			all = all && contains(rest, m)
		}
		if !all {
			continue
		}
		groups = append(groups, g.name)
		kept := rest[:0]
		for _, x := range rest {
			if !contains(members, x) {
				kept = append(kept, x)
			}
		}
		rest = kept
	}
	parts := groups
	for _, x := range rest {
		parts = append(parts, country.InText(x))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func langName(tag string) string {
	switch tag {
	case "en":
		return "English"
	case "ja":
		return "Japanese"
	}
	return tag
}
