package notices

// places finds the places of the clause that data can be in: countries
// that a preposition of place ties to the sentence ("in Japan", "to the
// US, the UK and Korea", "outside the EEA", "from Vietnam"), that locate
// an entity ("Korean servers", "our US-based affiliate", "LINE Plus
// (Korea)"), and the vague places abroad ("overseas", "foreign countries",
// "outside your country"). A country that is where people are ("users in
// Japan"), part of a name ("the Korea Fair Trade Commission", "EU-U.S.
// Data Privacy Framework") or a matter of law ("the laws of Japan") is no
// place.
func (c *clause) places() []place {
	var out []place
	for i := c.a; i < c.b; i++ {
		u := c.us[i]
		var p place
		var ok bool
		switch {
		case u.m != nil:
			p, ok = c.countryPlace(i)
		case u.cls&cVague != 0 && i+1 < c.b && c.us[i+1].cls&cOutside != 0:
			// "any country outside the EEA": the place is what follows.
		case u.cls&(cVague|cOutsideHome|cLeaveHome) != 0:
			p, ok = c.vaguePlace(i)
		case bareCountries(c.us, c.a, c.b, i):
			// "to countries that the Commission has not recognised",
			// "in countries which may not have the same laws"
			p, ok = c.vaguePlace(i)
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

func (c *clause) countryPlace(i int) (place, bool) {
	us, a, b := c.us, c.a, c.b
	u := us[i]
	p := place{at: i, last: i, codes: u.m.Codes, anchor: -1, anchorAfter: -1}
	based := hyphenBased(us, i+1, b)
	if u.m.Adjective {
		// An adjective places the entity it qualifies, within a few words:
		// "Korean servers", "our Chinese software engineers", and with
		// other adjectives between: "Japanese and Korean servers".
		for k, words := i+1, 0; k < b && words < 3; k++ {
			t := us[k]
			if t.cls&cPerson != 0 {
				return p, false
			}
			if t.cls&cEntity != 0 {
				p.anchorAfter = k
				break
			}
			if t.m != nil && t.m.Adjective || t.low == "," || t.low == "and" || t.low == "or" {
				continue
			}
			if !t.word || t.cap || t.cls != 0 {
				break
			}
			words++
		}
		if p.anchorAfter < 0 && !based {
			return p, false
		}
	} else if lawAfter(us, i, b) {
		return p, false // "EU standard contractual clauses", "UK Processor Binding Corporate Rules"
	} else if personAfterList(us, i, b) {
		return p, false // "EEA and UK End Users"
	} else if j := i + 1; j < b {
		t := us[j]
		switch {
		case t.cls&cPerson != 0:
			return p, false // "EEA users"
		case t.low == "-" && !based:
			return p, false // "EU-U.S."
		case t.cls&cEntity != 0:
			p.anchorAfter = j // "US servers"
		case t.word && t.cap && t.cls == 0 && !(i-2 >= a && us[i-1].low == "," && us[i-2].m != nil) && !labelAt(us, j, b):
			// a name: "the Korea Fair Trade Commission", "Japan Post"; but
			// not the last of a list of countries that a capital follows
			// ("location: EU, US, United Kingdom Guarantees: ...").
			return p, false
		}
	}
	return c.toPreposition(p, i, p.anchorAfter >= 0 || based)
}

// toPreposition walks back from the country at i, across the list it is
// in, to the preposition that gives its role ("in", "to", "outside"), and
// says whether the country places data. adjunct is the answer when no
// preposition is found: the country qualifies an entity ("US servers") or
// is "-based".
func (c *clause) toPreposition(p place, i int, adjunct bool) (place, bool) {
	us, a := c.us, c.a
	u := us[i]
	comma := false
	for k, n := i-1, 0; k >= a && n < 64; k, n = k-1, n+1 {
		t := us[k]
		switch {
		case t.m != nil || t.cls&(cSkip|cVague|cOutsideHome) != 0 || t.low == "," || t.low == ":" || t.low == "/" || t.low == "&" || t.word && isDigits(t.low):
			comma = comma || t.low == ","
		case t.word && t.cap && t.cls == 0 && us[k+1].low == ",":
			// a city: "in Tokyo, Japan"
		case t.low == ")":
			// A parenthesis after an earlier place: "to: US (backend) and EU".
			j := k - 1
			for j >= a && k-j < 16 && us[j].low != "(" {
				j--
			}
			if j < a || us[j].low != "(" {
				return p, adjunct
			}
			k = j
		case comma && listElement(us, a, k) >= 0:
			// An earlier element of the list that is not a country:
			// "in several places, including your local region, the US".
			k = listElement(us, a, k)
		case t.low == "(" && k+1 < i && (us[k+1].low == "and" || us[k+1].low == "or"):
			// "the United Kingdom (and Gibraltar)": the list goes on.
		case t.low == "(":
			return p, true // "LINE Plus Corporation (Korea)"
		case t.cls&cLeave != 0 && t.cls&cLeaveHome == 0:
			p.outside, p.leave = true, true
			return p, true
		case t.cls&cOutside != 0 && k-2 >= a && us[k-1].low == "and" && us[k-2].cls&cIn != 0:
			// "both inside and outside of the United States": in it too.
			p.role = cIn
			return p, beforePrep(us, a, k-2, &p)
		case t.cls&cOutside != 0:
			p.outside = true
			q := k - 1
			for q >= a && k-q <= 3 && us[q].cls&cSkip != 0 {
				q--
			}
			if q >= a && us[q].cls&cPrep != 0 && us[q].cls&cOutside == 0 {
				p.role = us[q].cls & cPrep
				return p, beforePrep(us, a, q, &p)
			}
			return p, beforePrep(us, a, k, &p)
		case t.cls&cPrep != 0:
			p.role = t.cls & cPrep
			ok := beforePrep(us, a, k, &p)
			if ok && isCity(u.m) && p.anchor >= 0 && us[p.anchor].cls&cOffice != 0 {
				return p, false // "our privacy office in Tokyo": an address
			}
			return p, ok
		default:
			return p, adjunct
		}
	}
	return p, adjunct
}

// lawAfter reports whether the country at i names whose law or mechanism
// follows: "EU standard contractual clauses", "the UK Processor Binding
// Corporate Rules", "Swiss data protection law".
func lawAfter(us []tok, i, b int) bool {
	for k := i + 1; k < b && k-i <= 4; k++ {
		t := us[k]
		switch {
		case t.cls&cLaw != 0:
			return k+1 >= b || us[k+1].low != ":" // "Safeguards:" is the next label
		case t.low == "-", t.m != nil, t.word && (t.cap || t.cls&cEntity != 0):
		default:
			return false
		}
	}
	return false
}

// labelAt reports whether the words at j are a label that ends in ":"
// ("Guarantees for international transfer:"): the text of a list of
// labels, flattened, runs on after a country.
func labelAt(us []tok, j, b int) bool {
	for k := j; k < b && k-j < 6; k++ {
		if us[k].low == ":" {
			return true
		}
		if !us[k].word {
			return false
		}
	}
	return false
}

// personAfterList reports whether the list of countries at i ends in the
// people who are there: "EEA and UK End Users", "Japan or Korea residents".
func personAfterList(us []tok, i, b int) bool {
	for k, words := i+1, 0; k < b && words < 3; k++ {
		t := us[k]
		switch {
		case t.cls&cPerson != 0:
			return true
		case t.m != nil && !t.m.Adjective, t.low == ",", t.low == "and", t.low == "or":
		case t.word && t.cap && t.cls == 0:
			words++ // "End" of "End Users"
		default:
			return false
		}
	}
	return false
}

// bareCountries reports whether the token at i is "countries" after a
// preposition and before a relative word: countries described, not named.
func bareCountries(us []tok, a, b, i int) bool {
	switch us[i].low {
	case "countries", "jurisdictions":
	default:
		return false
	}
	if i-1 < a || us[i-1].cls&cPrep == 0 || i+1 >= b {
		return false
	}
	switch us[i+1].low {
	case "which", "that", "where", "whose", "for", "with", "without":
		return true
	}
	return false
}

// listElement: the words ending at k form an element of a list of places
// that is not a country ("your local region,"): up to four words after a
// comma or "including". It returns the index of that comma or word, or -1.
func listElement(us []tok, a, k int) int {
	for q := k; q >= a && k-q < 4; q-- {
		t := us[q]
		if t.low == "," || t.cls&cSkip != 0 && !t.word {
			return q
		}
		switch t.low {
		case "including", "such as", "e . g .", "for example":
			return q
		}
		if !t.word || t.cap || t.cls&^(cSkip|cObject) != 0 {
			return -1
		}
	}
	return -1
}

// hyphenBased reports whether the tokens at j read "-based", "-located" or
// "-hosted" ("a Japan-based company").
func hyphenBased(us []tok, j, b int) bool {
	if j+1 >= b || us[j].low != "-" {
		return false
	}
	switch us[j+1].low {
	case "based", "located", "hosted", "headquartered":
		return true
	}
	return false
}

// beforePrep looks at what stands before the preposition at k: a person
// makes the place theirs ("users in Japan", "if you are located in the
// EEA"), and so does a verb of origin ("collected in Japan"); "not" and
// "only" qualify the place; an entity is what the place locates ("our
// affiliates in Korea").
func beforePrep(us []tok, a, k int, p *place) bool {
	q := k - 1
	if q >= a && us[q].cls&cOrigin != 0 {
		return false // "data collected in Japan", "companies headquartered in the US"
	}
	if q >= a && us[q].cls&cOnly != 0 {
		p.only = true
	}
	if q >= a && us[q].cls&cNeg != 0 {
		p.neg = true
	}
	if q-1 >= a && us[q].low == "located" && us[q-1].low == "," && (q-2 < a || us[q-2].cls&(cEntity|cKinds) == 0) {
		return false // "Example B.V., located in Amsterdam, ...": a seat
	}
	if q >= a && us[q].cls&cLaw != 0 {
		return false // "laws within the EEA", "the law in Japan"
	}
	for q >= a && us[q].cls&cLocated != 0 && us[q].cls&cPerson == 0 {
		q--
	}
	if q >= a && us[q].cls&cPerson != 0 {
		return false
	}
	if q >= a && us[q].cls&cEntity != 0 {
		p.anchor = q
	}
	return true
}

func (c *clause) vaguePlace(i int) (place, bool) {
	us, a, b := c.us, c.a, c.b
	u := us[i]
	p := place{at: i, last: i, vague: true, anchor: -1, anchorAfter: -1}
	if u.cls&(cOutsideHome|cLeaveHome) != 0 {
		p.outside = true
		p.leave = u.cls&cLeaveHome != 0
	}
	if i+1 < b {
		switch t := us[i+1]; {
		case u.cap && t.word && t.cap && t.cls == 0:
			return p, false // a name: "the Foreign Corrupt Practices Act"
		case t.cls&cPerson != 0:
			return p, false // "foreign users", "overseas customers"
		case t.cls&cEntity != 0:
			p.anchorAfter = i + 1 // "foreign affiliates"
		}
	}
	if p.leave {
		return p, true
	}
	k := i - 1
	if k >= a && us[k].cls&cPrep != 0 {
		p.role = us[k].cls & cPrep
		return p, beforePrep(us, a, k, &p)
	}
	return p, beforePrep(us, a, i, &p)
}

// bind returns the chains of verbs a place belongs to:
//   - the verb that is the place itself ("leave the country");
//   - the noun it places ("Korean servers", "servers in Korea");
//   - the verbs an entity it locates is the subject of ("our staff in
//     Vietnam may access", "our Korean affiliate may access");
//   - else the nearest verb before it in the clause that its preposition
//     suits ("access data stored in Japan from Korea": "from" goes with
//     access), and with a noun ("transfer data to servers in Korea") the
//     nearest verb before that too;
//   - else the nearest verb after it ("In Japan, we store ...").
func (c *clause) bind(p place) []int {
	var out []int
	add := func(k int) {
		if k < 0 {
			return
		}
		for _, x := range out {
			if x == k {
				return
			}
		}
		out = append(out, k)
	}
	if k := c.chainAt(p.at); k != noChain {
		add(k)
		return out
	}
	add(c.chainAt(p.anchorAfter))
	if k := c.chainAt(p.anchor); k != noChain {
		add(k)
		return out
	}
	// The subject of a verb after it.
	if p.anchor >= 0 || p.anchorAfter >= 0 {
		q := max(p.last, p.anchorAfter) + 1
		for n := 0; q < c.b && n < 4 && subjectGlue(c.us[q]); n++ {
			q++
		}
		if k := c.chainAt(q); k != noChain {
			add(k)
			return out
		}
	}
	if i := c.back[roleIndex(p.role)][p.at-c.a]; i >= 0 {
		k := c.chainAt(i)
		if k == blockedVerb {
			return out
		}
		add(k)
		if c.us[i].cls&cEntity != 0 {
			if v := c.prevVerb[c.chains[k].first-c.a]; v >= 0 {
				add(c.chainAt(v))
			}
		}
		return out
	}
	if len(out) > 0 {
		return out
	}
	for i := p.last + 1; i < c.b && i <= p.last+8; i++ {
		if k := c.chainAt(i); k != noChain {
			add(k)
			break
		}
	}
	return out
}
