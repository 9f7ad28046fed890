package notices

import (
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/country"
)

// How an English sentence is read (the words are in english.tsv):
//
//  1. The sentence is cut into clauses (clauses).
//  2. In each clause, the verbs and nouns that say data is stored, sent or
//     reached are found and coordinated ones joined into chains
//     ("transferred, stored and processed").
//  3. The places of the clause are found: countries that a preposition of
//     place ties to it, that locate an entity, or vague places abroad.
//  4. Each place is bound to the chain it belongs to (bind), and the chain,
//     the place and the words around them decide the scope (decide).
//  5. Vague places beside named ones for the same verbs are dropped, and
//     the claims of the sentence merged.
//
// Every step looks at a bounded window or at tables built once per clause,
// so a sentence is read in time linear in its length.

// clauses cuts a sentence's tokens where one statement gives way to
// another: at ";", before "but", "if", "unless" and the like, and at the
// comma that ends an opening subordinate clause ("If you are in the EEA,
// ..."; "For the operation of our services, ...").
func clauses(us []tok) [][2]int {
	var out [][2]int
	start := 0
	intro := len(us) > 0 && us[0].cls&cIntro != 0
	for i, u := range us {
		switch {
		case u.low == ";":
			out = append(out, [2]int{start, i})
			start = i + 1
			intro = start < len(us) && us[start].cls&cIntro != 0
		case u.cls&cBreak != 0 && i > start:
			out = append(out, [2]int{start, i})
			start = i
			intro = u.cls&cIntro != 0
		case u.low == "," && intro && !(i > 0 && i+1 < len(us) && us[i-1].m != nil && us[i+1].m != nil):
			// "When we send data outside of the EEA, UK or Switzerland,
			// ...": a comma between countries is their list's.
			out = append(out, [2]int{start, i})
			start = i + 1
			intro = false
		}
	}
	return append(out, [2]int{start, len(us)})
}

// place is where a claim puts data: countries named, or a vague "abroad".
type place struct {
	at, last int      // its tokens
	codes    []string // the countries named; for an "outside" place, what it is outside of
	vague    bool     // no country named ("overseas", "outside your country")
	outside  bool     // "outside X", "leaves X", "other than X"
	leave    bool     // the object of "leave"
	role     cls      // the preposition before it (cIn, cTo, cFrom, cVia), or 0
	neg      bool     // "not in China", "not outside Japan"
	only     bool     // "only in Japan"
	// anchor is the entity before the place that it locates ("our staff in
	// Vietnam"); anchorAfter the one after it ("Korean servers"); or -1.
	anchor, anchorAfter int
}

// chain is a run of coordinated verbs that share their places: "collected,
// transferred, stored and processed in the U.S.".
type chain struct {
	first, last int
	kinds       cls
	remain      bool
	neg         bool
}

// The chain of a token that is no verb, and of a verb whose subject is the
// person the data is about.
const (
	noChain     = -2
	blockedVerb = -1
)

// roles are the preposition roles places are bound by (see roleKinds).
var roles = [...]cls{0, cFrom, cTo}

func roleIndex(role cls) int {
	switch role {
	case cFrom:
		return 1
	case cTo, cVia:
		return 2
	}
	return 0
}

// roleKinds are the kinds of claim a preposition of place can make: data
// is reached "from" a place (data sent "from" a place comes from there),
// and goes "to" or "via" it.
func roleKinds(role cls) cls {
	switch role {
	case cFrom:
		return cAccess
	case cTo, cVia:
		return cStore | cTransfer
	}
	return cKinds
}

// clause is one clause of a sentence, with the tables its places are read
// with.
type clause struct {
	us     []tok // the whole sentence
	a, b   int   // the clause is us[a:b]
	chains []chain
	// chainOf[i-a] is the chain of the verb at i, noChain or blockedVerb.
	chainOf []int
	// back[r][i-a] is the nearest token before i that is a blocked verb or
	// a verb whose chain makes claims of role roles[r], or -1.
	back [len(roles)][]int
	// prevVerb[i-a] is the nearest verb (not a noun, maybe blocked) before
	// i, or -1.
	prevVerb []int
	// listEnd[i-a] is where the list of places that goes on after i ends.
	listEnd []int
	// onlys are the "only" words of the clause that are not conditions.
	onlys []int
}

func newClause(us []tok, a, b int) *clause {
	c := &clause{us: us, a: a, b: b, chainOf: make([]int, b-a), prevVerb: make([]int, b-a), listEnd: make([]int, b-a)}
	// Where a "to" or "with" comes later, for "provide ... to" and "share
	// ... with".
	toAfter, withAfter := make([]bool, b-a), make([]bool, b-a)
	for i, to, with := b-1, false, false; i >= a; i-- {
		toAfter[i-a], withAfter[i-a] = to, with
		to = to || us[i].low == "to" || us[i].low == "into"
		with = with || strings.HasPrefix(us[i].low, "with")
	}
	for i := a; i < b; i++ {
		c.chainOf[i-a] = noChain
		u := us[i]
		switch {
		case u.cls&cKinds == 0 || u.cls&cIgnore != 0:
			continue
		case u.cls&cNeedTo != 0 && !toAfter[i-a], u.cls&cNeedWith != 0 && !withAfter[i-a]:
			continue
		case lawFor(us, a, i), lawSubject(us, a, i):
			continue // "a valid mechanism for the transfer of data to the US"
		case public(us, a, b, i):
			// "it can be viewed by everyone and re-shared anywhere"
			c.chainOf[i-a] = blockedVerb
			continue
		case c.subjectIsPerson(i):
			// "you can access your data", "information you provide": not
			// the service's doing.
			c.chainOf[i-a] = blockedVerb
			continue
		}
		k := len(c.chains) - 1
		if k < 0 || !c.coordinated(c.chains[k].last, i) && !(u.cls&cEntity != 0 && c.objectOf(c.chains[k].last, i)) {
			c.chains = append(c.chains, chain{first: i, neg: c.negated(i)})
			k++
		}
		ch := &c.chains[k]
		ch.last = i
		ch.kinds |= u.cls & cKinds
		ch.remain = ch.remain || u.cls&cRemain != 0
		c.chainOf[i-a] = k
	}
	for k := range c.chains {
		c.chains[k].neg = c.chains[k].neg || c.denied(c.chains[k].last)
	}
	for r, role := range roles {
		c.back[r] = make([]int, b-a)
		last := -1
		for i := a; i < b; i++ {
			c.back[r][i-a] = last
			if k := c.chainOf[i-a]; k == blockedVerb || k >= 0 && c.chains[k].kinds&roleKinds(role) != 0 {
				last = i
			}
		}
	}
	last := -1
	for i := a; i < b; i++ {
		c.prevVerb[i-a] = last
		if c.chainOf[i-a] != noChain && us[i].cls&cEntity == 0 {
			last = i
		}
	}
	for i := b - 1; i >= a; i-- {
		c.listEnd[i-a] = i
		if i+1 < b {
			if t := us[i+1]; t.m != nil || t.low == "," || t.cls&cSkip != 0 && t.cls&cOnly == 0 {
				c.listEnd[i-a] = c.listEnd[i+1-a]
			}
		}
		if us[i].cls&cOnly != 0 && !(i+1 < len(us) && us[i+1].cls&cCond != 0) && !c.onlyOfNoun(i) {
			c.onlys = append(c.onlys, i)
		}
	}
	sort.Ints(c.onlys)
	return c
}

// lawFor reports whether the verb or noun at i is what a law or a
// mechanism is for: "a valid mechanism for the transfer", "an adequate
// level of protection for transfers". The sentence describes the law.
func lawFor(us []tok, a, i int) bool {
	// ... or what it governs: "this adequacy decision covers transfers".
	q := i - 1
	for q >= a && i-q <= 3 && (us[q].low == "the" || us[q].low == "any") {
		q--
	}
	if q < a || !lawVerbs[us[q].low] {
		return false
	}
	return q-1 >= a && us[q-1].cls&cLaw != 0
}

// lawVerbs tie a law to the transfer it governs.
var lawVerbs = map[string]bool{
	"for": true, "covers": true, "governs": true, "allows": true, "permits": true,
	"requires": true, "regulates": true, "restricts": true, "authorises": true, "authorizes": true,
}

// lawSubject reports whether the subject of the verb at i is a law or a
// mechanism: "the Privacy Shield does not provide an adequate level of
// protection" speaks of the law.
func lawSubject(us []tok, a, i int) bool {
	for q := i - 1; q >= a && i-q <= 4; q-- {
		switch t := us[q]; {
		case t.cls&cLaw != 0:
			return true
		case t.cls&(cGlue|cNeg) != 0, t.low == "does", t.low == "do", t.low == "did":
		default:
			return false
		}
	}
	return false
}

// public reports whether the verb at i is about what anyone can see: a
// public-visibility word right before or after it ("publicly shared",
// "viewed by everyone").
func public(us []tok, a, b, i int) bool {
	for q := max(a, i-2); q < min(b, i+3); q++ {
		if q != i && us[q].cls&cPublic != 0 {
			return true
		}
	}
	return false
}

// onlyOfNoun reports whether the "only" at i qualifies the noun before
// it, not a place: "(sample data only): processed in the US", "aggregate
// statistics only are shared". After a country ("in the UK and EEA
// only"), a verb ("stored only in") or before a preposition ("data only
// in Japan") it is about the place.
func (c *clause) onlyOfNoun(i int) bool {
	if i-1 < c.a || c.us[i].low != "only" {
		return false
	}
	prev := c.us[i-1]
	if !prev.word || prev.m != nil || prev.cls&^(cObject|cSkip) != 0 && prev.cls&cObject == 0 {
		return false
	}
	if i+1 < c.b && c.us[i+1].cls&(cPrep|cOutside) != 0 {
		return false
	}
	return true
}

func (c *clause) chainAt(i int) int {
	if i < c.a || i >= c.b {
		return noChain
	}
	return c.chainOf[i-c.a]
}

// claims implements language.
func (e *englishLang) claims(s string) []Claim {
	us := e.units(s)
	type chainID struct{ clause, chain int }
	type result struct {
		chain chainID
		c     Claim
	}
	var results []result
	for ci, cl := range clauses(us) {
		c := newClause(us, cl[0], cl[1])
		if len(c.chains) == 0 {
			continue
		}
		places := c.places()
		binds := make([][]int, len(places))
		bound := make([]bool, len(c.chains))
		for pi, p := range places {
			binds[pi] = c.bind(p)
			for _, k := range binds[pi] {
				bound[k] = true
			}
		}
		for pi, p := range places {
			for _, k := range binds[pi] {
				ch := c.chains[k]
				if ch.remain {
					ch.kinds |= c.subjectKinds(k, bound)
				}
				kinds := ch.kinds & roleKinds(p.role)
				scope, codes, outside := c.decide(p, ch)
				why := Because{Verb: c.text(s, ch.first, ch.last), Place: c.text(s, c.placeStart(p), p.last), Scope: c.scopeWord(s, scope, p, ch)}
				for _, kind := range []struct {
					c cls
					k Kind
				}{{cStore, Storage}, {cTransfer, Transfer}, {cAccess, Access}} {
					if kinds&kind.c != 0 {
						results = append(results, result{chainID{ci, k}, Claim{Kind: kind.k, Scope: scope, Countries: codes, Outside: outside, Why: why}})
					}
				}
			}
		}
	}
	// A vague place beside a named one, for the same verbs, is not vague:
	// "transferred to the United States and other countries" names the US.
	// Nor is "abroad" beside "outside your country": the latter says more.
	named := map[chainID]bool{}
	outsideVague := map[chainID]bool{}
	for _, r := range results {
		switch {
		case r.c.Scope == Inclusive || r.c.Scope == Exclusive:
			named[r.chain] = true
		case r.c.Scope == VagueForeign && r.c.Outside:
			outsideVague[r.chain] = true
		}
	}
	outsideKind := map[Kind]bool{}
	for _, r := range results {
		if r.c.Scope == VagueForeign && r.c.Outside && !named[r.chain] {
			outsideKind[r.c.Kind] = true
		}
	}
	var out []Claim
	for _, r := range results {
		if r.c.Scope == VagueForeign && (named[r.chain] || !r.c.Outside && (outsideVague[r.chain] || outsideKind[r.c.Kind])) {
			continue
		}
		out = append(out, r.c)
	}
	return mergeClaims(out)
}

// subjectKinds returns the kinds of the verbs in the subject of the
// remain verb of chain k: "everything we store about you stays in Japan"
// says where stored data is. A verb with a place of its own, or one a
// comma sets apart, is no part of the subject.
func (c *clause) subjectKinds(k int, bound []bool) cls {
	var kinds cls
	for j := k - 1; j >= 0; j-- {
		if bound[j] || c.chains[j].remain {
			break
		}
		for q := c.chains[j].last + 1; q < c.chains[k].first; q++ {
			if c.us[q].low == "," {
				return kinds
			}
		}
		kinds |= c.chains[j].kinds
	}
	return kinds
}

// text returns the words of tokens i..j of the sentence s.
func (c *clause) text(s string, i, j int) string {
	if i < 0 || j < i || j >= len(c.us) {
		return ""
	}
	return s[c.us[i].start:c.us[j].end]
}

// placeStart returns where the words of a place start: at the
// preposition or "outside" that ties it to its verb ("in Japan",
// "outside the EEA"), within a few words before it, else at the place.
func (c *clause) placeStart(p place) int {
	for k := p.at - 1; k >= c.a && p.at-k <= 6; k-- {
		t := c.us[k]
		if t.cls&(cPrep|cOutside|cLeave|cVague|cOutsideHome) != 0 {
			return k
		}
		if t.cls&cSkip == 0 || !t.word {
			break
		}
	}
	return p.at
}

// scopeWord returns the word that made an exclusive or negative scope.
func (c *clause) scopeWord(s string, scope Scope, p place, ch chain) string {
	switch scope {
	case Exclusive:
		lo, hi := max(c.a, min(ch.first, p.at)-4), min(c.b-1, max(c.listEnd[p.last-c.a], ch.last)+2)
		if p.anchor >= 0 {
			lo = max(c.a, min(lo, p.anchor-3))
		}
		for k := lo; k <= hi; k++ {
			if c.us[k].cls&cOnly != 0 {
				return c.text(s, k, k)
			}
		}
		for k := ch.first; k <= ch.last; k++ {
			if c.us[k].cls&cRemain != 0 {
				return c.text(s, k, k)
			}
		}
		fallthrough // "never leaves Japan"
	case Negative:
		for k := max(c.a, min(ch.first, p.at)-6); k < min(c.b, ch.last+9); k++ {
			if c.us[k].cls&(cNeg|cDenied) != 0 || k >= ch.first && c.us[k].cls&cRemain != 0 {
				return c.text(s, k, k)
			}
		}
	}
	return ""
}

// decide says what a place bound to a chain of verbs claims: its scope,
// countries and whether it speaks of outside them.
func (c *clause) decide(p place, ch chain) (Scope, []string, bool) {
	neg := ch.neg || p.neg
	switch {
	case p.vague && neg:
		return Negative, p.codes, true
	case p.vague:
		return VagueForeign, p.codes, p.outside
	case p.outside && ch.remain:
		return Negative, p.codes, false // "stays outside China"
	case p.outside && neg && p.leave:
		return Exclusive, p.codes, false // "never leaves Japan"
	case p.outside && neg:
		return Negative, p.codes, true // "not transferred outside Japan"
	case p.outside:
		return VagueForeign, p.codes, true // "transferred outside Japan"
	case neg:
		return Negative, p.codes, false
	case (ch.remain || p.only || c.onlyNear(p, ch)) && !c.optional(ch):
		return Exclusive, p.codes, false
	}
	return Inclusive, p.codes, false
}

// optional reports whether the verbs are an option someone may take
// ("customers can choose to keep their data in Japan only"): what is only
// so for those who choose it is not exclusive.
func (c *clause) optional(ch chain) bool {
	for i := ch.first - 1; i >= c.a && ch.first-i <= 4; i-- {
		if c.us[i].cls&cOption != 0 {
			return true
		}
	}
	return false
}

// onlyNear reports whether "only", "solely" or "exclusively" stands close
// to the verbs and the place (or after the list the place is in: "in the
// UK and EEA only"), and is not a condition ("only if", "only to the
// extent").
func (c *clause) onlyNear(p place, ch chain) bool {
	lo := min(ch.first, p.at) - 3
	if p.anchor >= 0 {
		lo = min(lo, p.anchor-3) // "only authorised staff in Japan"
	}
	lo = max(lo, c.a)
	hi := max(c.listEnd[p.last-c.a], ch.last) + 2
	i := sort.SearchInts(c.onlys, lo)
	return i < len(c.onlys) && c.onlys[i] <= hi
}

// coordinated reports whether the verbs at i < j share their places: only
// glue ("and", "or", ",", "may be") and stranded prepositions stand between
// ("transferred to, stored and processed in").
func (c *clause) coordinated(i, j int) bool {
	if j-i-1 > 4 {
		return false
	}
	for k := i + 1; k < j; k++ {
		if c.us[k].cls&(cGlue|cPrep|cSkip) == 0 {
			return false
		}
	}
	return true
}

// objectOf reports whether the noun at j is where the verb at i puts its
// object: "move it to servers", "transfer your data to servers".
func (c *clause) objectOf(i, j int) bool {
	if c.us[i].cls&cEntity != 0 || j-i-1 > 5 {
		return false
	}
	for k := i + 1; k < j; k++ {
		if c.us[k].cls&(cGlue|cPrep|cSkip|cObject) == 0 {
			return false
		}
	}
	return true
}

// negated reports whether a negation governs the verb at i: "do not
// store", "is never transferred", "no personal data is sent", "nobody
// outside Japan can access". It looks back at most six tokens and not past
// "and", "or" or another verb.
func (c *clause) negated(i int) bool {
	for p := i - 1; p >= c.a && i-p <= 6; p-- {
		u := c.us[p]
		if u.cls&cNeg != 0 {
			return true
		}
		if u.low == "and" || u.low == "or" || u.cls&cKinds != 0 {
			return false
		}
	}
	return false
}

// denied reports whether a word after the verbs denies them: "access from
// China is blocked", "transfers abroad are not permitted". It looks ahead
// at most eight tokens and not past "and", "or" or another verb.
func (c *clause) denied(last int) bool {
	for p := last + 1; p < c.b && p-last <= 8; p++ {
		u := c.us[p]
		if u.cls&cDenied != 0 {
			return true
		}
		if u.low == "and" || u.low == "or" || u.cls&cKinds != 0 {
			return false
		}
	}
	return false
}

// subjectIsPerson reports whether the subject of the active verb at i is
// the person the data is about ("you can access", "information you
// provide", "users may view"). A passive verb ("data of users is stored")
// has its data as subject.
func (c *clause) subjectIsPerson(i int) bool {
	for p, n := i-1, 0; p >= c.a && n < 4; p, n = p-1, n+1 {
		switch c.us[p].low {
		case ",", "be", "is", "are", "was", "were", "been", "being":
			return false
		}
		switch {
		case c.us[p].cls&cPerson != 0:
			// "everything we hold about you stays in Japan": a person after
			// a preposition is its object, not the verb's subject.
			q := p - 1
			for q > c.a && determiner[c.us[q].low] {
				q--
			}
			return q < c.a || !objectPrep[c.us[q].low]
		case c.us[p].cls&cGlue == 0:
			return false
		}
	}
	return false
}

// objectPrep are the prepositions that make the person after them their
// object ("about you", "of our users").
var objectPrep = map[string]bool{
	"about": true, "of": true, "for": true, "from": true, "with": true, "by": true,
	"on": true, "regarding": true, "concerning": true, "to": true,
}

// determiner are the words that may stand between a preposition and the
// person it governs ("about our users").
var determiner = map[string]bool{"our": true, "the": true, "your": true, "its": true, "their": true, "all": true, "any": true}

// subjectGlue reports whether t may stand between a subject and its verb:
// "may", "can also", "will be able to", but not "and" or a comma.
func subjectGlue(t tok) bool {
	switch t.low {
	case ",", "(", ")", "and", "or", "and / or":
		return false
	}
	return t.cls&cGlue != 0 && t.cls&cKinds == 0
}

// mergeClaims joins the claims of a sentence that say the same of
// different countries, and orders them.
func mergeClaims(cs []Claim) []Claim {
	type key struct {
		kind    Kind
		scope   Scope
		outside bool
		home    bool
	}
	var keys []key
	by := map[key][]string{}
	whys := map[key]Because{}
	for _, c := range cs {
		k := key{c.Kind, c.Scope, c.Outside, c.Outside && len(c.Countries) == 0}
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
			by[k] = []string{}
			whys[k] = c.Why
		} else {
			whys[k] = joinBecause(whys[k], c.Why)
		}
		by[k] = append(by[k], c.Countries...)
	}
	out := make([]Claim, 0, len(keys))
	for _, k := range keys {
		var codes []string
		if len(by[k]) > 0 {
			codes = country.Expand(by[k])
		}
		out = append(out, Claim{Kind: k.kind, Scope: k.scope, Countries: codes, Outside: k.outside, Why: whys[k]})
	}
	sortClaims(out)
	return out
}

// joinBecause adds the words of b to a, each once: the places of a list
// ("in Japan; to Korea").
func joinBecause(a, b Because) Because {
	join := func(x, y string) string {
		switch {
		case y == "" || x == y || strings.Contains("; "+x+"; ", "; "+y+"; "):
			return x
		case x == "":
			return y
		}
		return x + "; " + y
	}
	return Because{Verb: join(a.Verb, b.Verb), Place: join(a.Place, b.Place), Scope: join(a.Scope, b.Scope), Data: a.Data}
}
