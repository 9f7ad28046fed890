package notices

import (
	"strings"

	"github.com/noticevet/noticevet/internal/country"
)

// How a Japanese sentence is read (the words are in japanese.tsv):
//
//  1. The sentence is width-folded and cut into tokens: phrases of the
//     table, countries, runs of Latin letters, single characters. Breaks
//     (ただし, ますが, 場合は) and "。" start clauses; bracketed text is a
//     clause of its own.
//  2. Places are found: countries, joined into lists by と, ・, 、, および
//     and the like, with what follows them: 「日本以外」「日本国外」 are
//     outside Japan, 「米国内」 is the United States; and the words for
//     abroad (外国, 海外, 第三国, 国外) and home (国内, which in a Japanese
//     notice is Japan).
//  3. What follows a place says what it is (place): a particle gives its
//     role (で at, に/へ to, から from); の or にある makes it locate the
//     entity that follows (「韓国にある委託先」「日本国内のサーバー」),
//     whose particle then gives the role; a person after it (「日本の
//     ユーザー」「海外在住の」) makes it where people are, law or language
//     (「日本の法令」「日本語」) no place at all; のみ, だけ, 限定 right
//     after it make it exclusive.
//  4. The place is bound to the first verb after it in its clause that its
//     role suits (bind): 「から」 goes with access and with leaving (「日本から
//     持ち出す」), a transfer that needs a recipient (提供, 委託) does not go
//     with 「で」 (「日本で提供」 offers a service), a verb of origin (取得)
//     takes the place for itself. A place with no verb after it (「提供先：
//     Google LLC（米国）」「サーバーは米国にあります」) is bound to the verb or
//     data-holding noun before it.
//  5. A denial after the verb (ません, ない, せず, 遮断) makes the claim
//     negative; the te-form and "、" end the verb's reach (「日本で保管し、
//     韓国には移転しません」). Vague places beside named foreign ones for the
//     same verb are dropped, and the claims merged.
//
// A place followed by 「の個人情報保護制度」 and the like names the country
// for a transfer even without a verb: APPI notices name the foreign country
// and describe its protection system (法28条2項).

// jreader reads one sentence.
type jreader struct {
	toks []jtok
}

// jelem is one place of a list: countries named, or abroad unnamed.
type jelem struct {
	codes   []string
	vague   bool // no country named: 外国, 海外, 国外
	outside bool // outside the countries (日本以外) or the home (国外)
	leave   bool // the place data leaves (「日本から持ち出す」)
}

// jgroup is a list of places and the tokens it spans.
type jgroup struct {
	elems      []jelem
	first, end int
	// clause is the clause it is read in; a country alone in brackets
	// after a name (「Google LLC（米国）」) is read in the clause around them,
	// from after the closing bracket (from).
	clause, from int
}

// Roles a place can have.
const (
	roleNone jcls = 1 << 62 // nothing after it: bound forwards, else backwards
	rolePred jcls = 1 << 61 // a predicate (「米国にあります」「米国です」): bound backwards
	roleSubj jcls = 1 << 60 // it locates the subject: any verb
	// roleGrant: 「に」 after an entity that holds no data: the entity is
	// given the data or access to it (「中国の関連会社にアクセスを認める」).
	roleGrant jcls = 1 << 59
)

// maxReach is how many words away from a place its verb may be. It keeps
// the reading of a sentence linear in its length; real sentences put the
// verb within a few dozen words of its place (bracketed text is skipped
// and not counted).
const maxReach = 96

// jpost is what follows a place.
type jpost struct {
	skip, system bool
	role         jcls
	direct       int  // a verb right after the place (国外移転), or -1
	anchorKinds  jcls // the kinds of the data-holding entity it locates (サーバー)
	anchor       int  // that entity, or -1
	only         bool
	next         int // where the search for the verb starts
}

type jresult struct {
	chain int
	c     Claim
}

func (r *jreader) read() []Claim {
	var results []jresult
	chainIDs := 0
	for i := 0; i < len(r.toks); {
		if !r.toks[i].placeStart() {
			i++
			continue
		}
		g := r.group(i)
		i = max(g.end, i+1)
		if len(g.elems) == 0 {
			continue
		}
		p := r.post(g)
		if p.skip {
			continue
		}
		if p.system {
			var codes []string
			for _, e := range g.elems {
				if !e.vague && !e.outside {
					for _, c := range e.codes {
						if c != "JP" {
							codes = append(codes, c)
						}
					}
				}
			}
			if len(codes) > 0 {
				chainIDs++
				why := Because{Verb: "(the protection system of the country)", Place: r.words(g.first, g.end-1)}
				results = append(results, jresult{-chainIDs, Claim{Kind: Transfer, Scope: Inclusive, Countries: country.Expand(codes), Why: why}})
			}
			continue
		}
		kinds, chain, last, leave := r.bind(g, p)
		if kinds == 0 {
			continue
		}
		neg := r.denied(last, g.clause)
		remain := false
		for _, q := range chain {
			remain = remain || r.toks[q].cls&jRemain != 0
		}
		id := chain[0]
		for _, e := range g.elems {
			if leave && !e.vague {
				e.outside, e.leave = true, true
			}
			scope, codes, outside := jdecide(e, neg, remain, p.only)
			why := Because{Verb: r.words(chain[0], chain[len(chain)-1]), Place: r.words(g.first, g.end-1), Scope: r.scopeWord(scope, g, chain, last)}
			for _, k := range []struct {
				c jcls
				k Kind
			}{{jStore, Storage}, {jTransfer, Transfer}, {jAccess, Access}} {
				if kinds&k.c != 0 {
					results = append(results, jresult{id, Claim{Kind: k.k, Scope: scope, Countries: codes, Outside: outside, Why: why}})
				}
			}
		}
	}
	// A vague place beside a named foreign one, for the same verb, is not
	// vague (「韓国その他の外国」); Japan beside 海外 names nothing abroad
	// (「日本および海外のサーバー」 is still vague). 「国外」 beside 「海外」 says
	// more.
	named := map[int]bool{}
	outsideVague := map[int]bool{}
	for _, res := range results {
		switch {
		case res.c.Scope == Inclusive || res.c.Scope == Exclusive:
			for _, c := range res.c.Countries {
				if c != "JP" {
					named[res.chain] = true
				}
			}
		case res.c.Scope == VagueForeign && res.c.Outside:
			outsideVague[res.chain] = true
		}
	}
	var out []Claim
	for _, res := range results {
		if res.c.Scope == VagueForeign && (named[res.chain] || !res.c.Outside && outsideVague[res.chain]) {
			continue
		}
		out = append(out, res.c)
	}
	return mergeClaims(out)
}

// words returns the text of tokens i..j.
func (r *jreader) words(i, j int) string {
	var b strings.Builder
	for q := max(i, 0); q <= j && q < len(r.toks); q++ {
		b.WriteString(r.toks[q].text)
	}
	return b.String()
}

// scopeWord returns the word that made an exclusive or negative scope:
// のみ after the place, the remain verb, or the denial after the verb.
func (r *jreader) scopeWord(scope Scope, g jgroup, chain []int, last int) string {
	switch scope {
	case Exclusive:
		for q := g.end; q < len(r.toks) && q <= chain[0]; q++ {
			if r.toks[q].cls&jOnly != 0 {
				return r.toks[q].text
			}
		}
		for _, q := range chain {
			if r.toks[q].cls&(jRemain|jLeave) != 0 {
				return r.toks[q].text
			}
		}
		if q := r.deniedAt(last, g.clause); q >= 0 {
			return r.toks[q].text // 「持ち出すことはありません」
		}
	case Negative:
		if q := r.deniedAt(last, g.clause); q >= 0 {
			return r.toks[q].text
		}
		for _, q := range chain {
			if r.toks[q].cls&jRemain != 0 {
				return r.toks[q].text
			}
		}
	}
	return ""
}

// jdecide says what a place claims, given whether its verb is denied,
// says data remains there, and whether the place is exclusive.
func jdecide(e jelem, neg, remain, only bool) (Scope, []string, bool) {
	switch {
	case e.vague && neg:
		return Negative, e.codes, true // 「外国にある第三者に提供しません」
	case e.vague:
		return VagueForeign, e.codes, e.outside
	case e.outside && remain:
		return Negative, e.codes, false
	case e.outside && neg && e.leave:
		return Exclusive, e.codes, false // 「日本から持ち出すことはありません」
	case e.outside && neg:
		return Negative, e.codes, true // 「日本国外に移転しません」
	case e.outside:
		return VagueForeign, e.codes, true // 「日本以外の国に移転することがあります」
	case neg:
		return Negative, e.codes, false
	case remain || only:
		return Exclusive, e.codes, false
	}
	return Inclusive, e.codes, false
}

// elem reads the place that starts at token i and returns it and the token
// after it.
func (r *jreader) elem(i int) ([]jelem, int) {
	t := r.toks[i]
	switch {
	case t.cls&jBoth != 0:
		return []jelem{{codes: []string{"JP"}}, {vague: true}}, i + 1
	case t.cls&jDomestic != 0:
		return []jelem{{codes: []string{"JP"}}}, i + 1
	case t.cls&jOutsideHome != 0:
		return []jelem{{vague: true, outside: true}}, i + 1
	case t.cls&jVague != 0:
		return []jelem{{vague: true}}, i + 1
	}
	e := jelem{codes: t.m.Codes}
	i++
	if i < len(r.toks) {
		s := r.toks[i]
		switch {
		case s.cls&(jOutsideSuffix|jOutsideHome) != 0 && (s.text != "外" || !r.kanjiAt(i+1)):
			e.outside = true // 日本以外, 日本国外, EU域外
			i++
		case s.cls&(jInsideSuffix|jDomestic) != 0 && (s.text != "内" || !r.kanjiAt(i+1)):
			i++ // 米国内, EU域内, 韓国国内
		}
	}
	return []jelem{e}, i
}

// kanjiAt reports whether token i is a single kanji or katakana, which
// makes a 外 or 内 before it part of a word (「中国外資」).
func (r *jreader) kanjiAt(i int) bool {
	if i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	if t.cls != 0 || t.m != nil {
		return false
	}
	rs := []rune(t.text)
	return len(rs) == 1 && isJapaneseRune(rs[0]) && !isHiragana(rs[0])
}

func isHiragana(r rune) bool { return r >= 0x3041 && r <= 0x309F }

// group reads the list of places that starts at token i: 「日本と韓国」
// 「タイ・台湾・インドネシア」「韓国その他の外国」「米国および欧州連合(EU)」.
func (r *jreader) group(i int) jgroup {
	g := jgroup{first: i, clause: r.toks[i].clause, from: -1}
	k := i
	for {
		es, next := r.elem(k)
		g.elems = append(g.elems, es...)
		g.end = next
		k = next
		// A bracketed restatement: 「欧州連合(EU)」.
		if k < len(r.toks) && r.toks[k].opens() && r.onlyPlaces(k+1, r.toks[k].pair) {
			k = r.toks[k].pair + 1
			g.end = k
		}
		q := k
		for q < len(r.toks) && q-k < 3 && r.toks[q].cls&jConn != 0 {
			q++
		}
		if q == k || q >= len(r.toks) || !r.toks[q].placeStart() || r.toks[q].clause != g.clause {
			break
		}
		k = q
	}
	// A country alone in brackets after a name: 「Google LLC（米国）」,
	// 「Supabase Inc.（米国。ただし…）」.
	// A place in brackets that a recipient before them includes:
	// 「管理機関（申請する外国の企業等を含む）に提供」 provides abroad.
	if o := r.enclosing(i); o >= 0 && r.includes(g.end, r.toks[o].pair) {
		g.clause = r.toks[o].clause
		g.from = r.toks[o].pair + 1
		return g
	}
	// The last of the bracket, after a name and a slash: 「Google LLC
	// （Gemini API／米国）」.
	if o := r.enclosing(i); o >= 0 && g.end == r.toks[o].pair && i-1 > o && (r.toks[i-1].text == "/" || r.toks[i-1].text == "・") {
		g.clause = r.toks[o].clause
		g.from = r.toks[o].pair + 1
		return g
	}
	o := i - 1
	if o >= 0 && r.toks[o].cls&jLabel != 0 {
		o-- // 「enom（国名：アメリカ）」: a label inside the brackets
	}
	if o >= 0 && r.toks[o].opens() {
		if e := g.end; e < len(r.toks) && (e == r.toks[o].pair || r.toks[e].text == "。" || r.toks[e].text == "、" || r.toks[e].text == ":") {
			g.clause = r.toks[o].clause
			g.from = r.toks[o].pair + 1
		}
	}
	return g
}

// enclosing returns the opening bracket, within a few words before token
// i, of the brackets i is in, or -1.
func (r *jreader) enclosing(i int) int {
	for o := i - 1; o >= 0 && i-o <= 8; o-- {
		t := r.toks[o]
		if t.opens() && t.pair > i {
			return o
		}
		if t.pair >= 0 {
			return -1
		}
	}
	return -1
}

// includes reports whether the tokens [a, close) end in 「含む」: the
// bracket says what the word before it includes.
func (r *jreader) includes(a, close int) bool {
	if close-a > 16 {
		return false
	}
	var b strings.Builder
	for q := a; q < close; q++ {
		b.WriteString(r.toks[q].text)
	}
	t := b.String()
	return strings.HasSuffix(t, "含む") || strings.HasSuffix(t, "含みます")
}

// onlyPlaces reports whether tokens [a, b) are places and list words only.
func (r *jreader) onlyPlaces(a, b int) bool {
	if b <= a || b-a > 12 {
		return false
	}
	for q := a; q < b; q++ {
		if !r.toks[q].placeStart() && r.toks[q].cls&jConn == 0 {
			return false
		}
	}
	return true
}

// post reads what follows a place.
func (r *jreader) post(g jgroup) jpost {
	p := jpost{direct: -1, anchor: -1, role: roleNone}
	k := g.end
	if g.from >= 0 {
		k = g.from
	}
	n := len(r.toks)
	// 「日本と同等の」: a comparison.
	if k+1 < n && r.toks[k].cls&jConn != 0 && r.toks[k+1].cls&jCompare != 0 {
		p.skip = true
		return p
	}
	inNP := false // after の or にある: reading the noun the place qualifies
	content := 0  // words read after the place, not counting の and にある
	firstEntity, lastEntity := -1, -1
	for steps := 0; k < n && steps < 24; steps++ {
		t := r.toks[k]
		if t.opens() {
			k = t.pair + 1 // 「米国（オレゴン州）に」
			continue
		}
		if t.clause != g.clause {
			break
		}
		switch {
		case t.cls&jOnly != 0 && t.cls&jParticle == 0:
			p.only = true
			k++
			continue
		case t.cls&(jPerson|jPersonAt) != 0:
			p.skip = true // 「日本のユーザー」「海外在住の」「日本人」
			return p
		case t.cls&jSystem != 0:
			p.system = true // 「米国の個人情報保護制度」
			return p
		case t.cls&(jMisc|jCompare) != 0 && k == g.end:
			p.skip = true // 「日本円」「日本時間」「日本製」「日本同等」
			return p
		case t.cls&(jLaw|jData) != 0 && content == 0:
			p.skip = true // 「日本の法令」「日本法」「韓国のデータ」
			return p
		case t.cls&jCopula != 0:
			if inNP {
				p.skip = true // 「日本の会社です」
				return p
			}
			p.role = rolePred // 「移転先の国は米国です」
			p.next = k + 1
			return r.finish(p, firstEntity, lastEntity)
		case t.cls&jBe != 0:
			p.role = rolePred // 「サーバーは米国にあります」
			p.next = k + 1
			return r.finish(p, firstEntity, lastEntity)
		case t.cls&(jRelation|jOf) != 0:
			inNP = true
			k++
			continue
		case t.cls&jEntity != 0:
			content++
			if firstEntity < 0 {
				firstEntity = k
			}
			lastEntity = k
			inNP = true
			k++
			continue
		case t.cls&jParticle != 0:
			return r.afterParticle(p, k, firstEntity, lastEntity)
		case t.cls&jAgent != 0 || t.text == "を":
			if lastEntity >= 0 && t.text != "を" {
				p.role = roleSubj // 「韓国の委託先の従業員が」
			}
			p.next = k + 1
			return r.finish(p, firstEntity, lastEntity)
		case t.verb() && !inNP:
			p.direct = k // 「国外移転」「国内保管」
			p.next = k
			return r.finish(p, firstEntity, lastEntity)
		case t.verb():
			p.next = k // 「日本の保管」: the verb is next
			return r.finish(p, firstEntity, lastEntity)
		case t.cls&(jConn|jBreak) != 0 || t.placeStart() || t.text == "。":
			p.next = k
			return r.finish(p, firstEntity, lastEntity)
		}
		content++
		k++ // a word of the noun phrase: 「日本の安全なサーバー」
	}
	p.next = k
	return r.finish(p, firstEntity, lastEntity)
}

// afterParticle reads the particle at k that gives a place its role
// (に, で, へ, から) and a のみ after it, and finishes the reading of what
// follows the place.
func (r *jreader) afterParticle(p jpost, k, firstEntity, lastEntity int) jpost {
	n := len(r.toks)
	t := r.toks[k]
	p.only = p.only || t.cls&jOnly != 0 // 「日本国内でのみ」
	p.role = t.cls & jParticle
	if p.role&jFrom != 0 {
		p.role = jFrom
	} else if p.role&jAt != 0 {
		p.role = jAt
	} else {
		p.role = jTo
	}
	k++
	for k < n && r.toks[k].cls&jOnly != 0 {
		p.only = true
		k++
	}
	if k < n && r.toks[k].cls&jSystem != 0 {
		p.system = true // 「外国における個人情報の保護に関する制度」
		return p
	}
	p.next = k
	return r.finish(p, firstEntity, lastEntity)
}

// finish records the entity a place locates: its kinds count when it holds
// data (「韓国のデータセンターで」) and is what the place's particle follows.
func (r *jreader) finish(p jpost, first, last int) jpost {
	if first >= 0 {
		p.anchor = first
		p.anchorKinds = r.toks[first].cls & r.toks[last].cls & jKinds
		switch {
		case p.role == roleNone && last == p.next-1:
			p.role = roleSubj
		case p.role == jTo && r.toks[last].cls&jStore == 0:
			p.role = roleGrant
		}
	}
	return p
}

// suits returns the kinds a verb makes for a place of a role.
func suits(role, cls jcls) jcls {
	k := cls & jKinds
	switch role {
	case jAt:
		if cls&jToOnly != 0 {
			k &^= jTransfer
		}
		return k
	case jTo:
		return k &^ jAccess
	case roleGrant:
		return k // 「中国の関連会社にアクセスを認める」
	case jFrom:
		if cls&jLeave != 0 {
			return jTransfer
		}
		return k & jAccess
	}
	return k
}

// bind finds the verbs a place belongs to. It returns the kinds of claim,
// the chain of verbs (or the entity) they come from, the last token to
// read a denial after, and whether data leaves the place.
func (r *jreader) bind(g jgroup, p jpost) (kinds jcls, chain []int, last int, leave bool) {
	n := len(r.toks)
	c := g.clause
	found := -1
	if p.direct >= 0 {
		found = p.direct
	} else if p.role != rolePred {
	search:
		for q, steps := p.next, 0; q < n && steps < maxReach; q, steps = q+1, steps+1 {
			t := r.toks[q]
			if t.opens() {
				q = t.pair // bracketed text is a clause of its own
				continue
			}
			if t.clause != c {
				if t.cls&jBreak != 0 || t.text == "。" {
					break // a clause that is not the place's own
				}
				continue
			}
			switch {
			case t.cls&jPerson != 0 && p.anchor < 0 && q > 0 && verbEnd(r.toks[q-1]):
				return 0, nil, 0, false // 「日本から本サービスを利用するお客様」
			case t.cls&jOrigin != 0 && t.cls&jKinds == 0:
				if nx := r.chainNext(q); nx < 0 {
					return 0, nil, 0, false // 「日本で取得した」
				}
			case t.verb():
				if suits(p.role, t.cls) != 0 {
					found = q
					break search
				}
				if p.role == jFrom && t.cls&jTransfer != 0 {
					return 0, nil, 0, false // 「日本から韓国へ移転」: data comes from Japan
				}
			}
		}
	}
	if found >= 0 {
		chain = r.chain(found)
	} else if p.anchorKinds == 0 {
		// No verb after the place: the verb or data-holding noun before it.
		from := g.first - 1
		if g.from >= 0 {
			from = r.toks[g.from-1].pair - 1
		}
		for q, steps := from, 0; q >= 0 && steps < maxReach; q, steps = q-1, steps+1 {
			t := r.toks[q]
			if t.pair >= 0 && !t.opens() {
				q = t.pair // skip bracketed text
				continue
			}
			if t.text == "、" && q > 0 && continuative(r.toks[q-1]) && t.clause == c {
				break // 「保管されており、外国の第三者による閲覧は」: that predicate is done
			}
			if t.clause != c || t.cls&jKinds == 0 || t.cls&jIgnore != 0 {
				continue
			}
			role := p.role
			if role != jFrom {
				role = roleNone
			}
			if suits(role, t.cls) != 0 {
				found = q
				break
			}
		}
		if found < 0 {
			return 0, nil, 0, false
		}
		chain = []int{found}
		if p.role != jFrom {
			p.role = roleNone
		}
	}
	if found >= 0 && p.anchor < 0 && r.personSubject(g, found) {
		return 0, nil, 0, false // 「ユーザーが海外からアクセスした場合」
	}
	kinds = p.anchorKinds
	last = p.anchor
	for _, q := range chain {
		kinds |= suits(p.role, r.toks[q].cls)
		leave = leave || p.role == jFrom && r.toks[q].cls&jLeave != 0
		last = max(last, q)
	}
	if p.anchorKinds&jStore != 0 {
		kinds &^= jAccess // 「韓国のサーバーに中国からアクセス」: the server is in Korea
	}
	if len(chain) == 0 {
		chain = []int{p.anchor}
	}
	return kinds, chain, last, leave
}

// personSubject reports whether the person the data is about is the
// subject of the access verb at v that a place with no entity of its own
// is bound to: 「ユーザーが海外からアクセスした場合」.
func (r *jreader) personSubject(g jgroup, v int) bool {
	if r.toks[v].cls&jAccess == 0 {
		return false
	}
	for q := g.first - 1; q >= 0 && q >= g.first-maxReach && r.toks[q].clause == g.clause; q-- {
		t := r.toks[q]
		switch {
		case t.cls&jEntity != 0:
			return false
		case t.cls&jPerson != 0 && q+1 < len(r.toks):
			switch r.toks[q+1].text {
			case "が", "は", "も":
				return true
			}
		}
	}
	return false
}

// chain returns the verbs coordinated with the one at q: 「保管・管理」
// 「保存および処理」.
func (r *jreader) chain(q int) []int {
	out := []int{q}
	for {
		nx := r.chainNext(q)
		if nx < 0 {
			return out
		}
		out = append(out, nx)
		q = nx
	}
}

// chainNext returns the verb joined to the one at q by list words only, or
// -1.
func (r *jreader) chainNext(q int) int {
	k := q + 1
	for k < len(r.toks) && k-q <= 2 && r.toks[k].cls&jConn != 0 {
		k++
	}
	if k == q+1 || k >= len(r.toks) || r.toks[k].clause != r.toks[q].clause || !r.toks[k].verb() {
		return -1
	}
	return k
}

// verbEnd reports whether a token ends a verb that qualifies the noun
// after it (「利用する」「訪れた」「しない」).
func verbEnd(t jtok) bool {
	if t.cls&jNeg != 0 {
		return true
	}
	switch t.text {
	case "る", "た", "う", "く", "す", "つ", "ぬ", "む", "ぶ", "ぐ", "い", "だ":
		return true
	}
	return false
}

// denied reports whether a denial follows the verb ending at last, before
// the verb's reach ends: another verb or place, a break, or "、" after the
// te-form (「保管し、」).
func (r *jreader) denied(last, clause int) bool { return r.deniedAt(last, clause) >= 0 }

// deniedAt returns the token that denies the verb ending at last, or -1.
func (r *jreader) deniedAt(last, clause int) int {
	for q, steps := last+1, 0; q < len(r.toks) && steps < 24; q, steps = q+1, steps+1 {
		t := r.toks[q]
		if t.opens() {
			q = t.pair
			continue
		}
		if t.clause != clause {
			return -1
		}
		switch {
		case t.cls&(jNeg|jDenied) != 0:
			return q
		case t.verb() && r.toks[q-1].cls&jConn == 0, t.placeStart(), t.cls&jBreak != 0:
			return -1
		case t.text == "、" && q > 0 && continuative(r.toks[q-1]):
			return -1
		}
	}
	return -1
}

// continuative reports whether a token ends a clause that goes on after
// "、": the te-form and the continuative (「保管し、」「保管しており、」
// 「取り扱い、」「であり、」).
func continuative(t jtok) bool {
	switch t.text {
	case "し", "て", "り", "れ", "い", "であり":
		return true
	}
	return false
}
