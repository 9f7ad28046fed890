package notices

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// A pointer is a sentence that sends the reader elsewhere for the list of
// countries or recipients: "see our list of sub-processors", "the countries
// are listed at <link>", 「提供先の国名は『外国への第三者提供一覧』をご確認く
// ださい」. It needs both a list of where data goes (recipients, countries,
// locations) and words that send the reader to it; a link alone ("see our
// cookie policy", "contact us at …") is no pointer, nor is a list in the
// notice itself ("listed below", 「以下の表」).
var (
	// enListOf: "list of (our) sub-processors", "sub-processor list",
	// "service providers and their locations".
	enListOf = regexp.MustCompile(`\blists? of (?:our |the |all |current )?(?:[a-z-]+ ){0,2}(?:sub-?processors?|subprocessors?|processors|service providers|vendors|recipients|third[- ]parties|affiliates|countries|locations|data cent(?:er|re)s)\b` +
		`|\b(?:sub-?processors?|subprocessors?|recipients?|vendors?) (?:list|page)\b` +
		`|\b(?:service providers|sub-?processors|subprocessors|recipients|vendors) and their (?:locations|countries)\b`)
	// enSendTo: the words that send the reader to the list.
	enSendTo = regexp.MustCompile(`\b(?:see|refer to|visit|consult|review|available|can be found|found (?:here|at|on|in)|published|listed|set out|maintained)\b`)
	// enListed: "the countries are listed at", "locations are available here".
	enListed = regexp.MustCompile(`^(?:the |these |such )?(?:countries|locations|sub-?processors|subprocessors|recipients)(?: (?:and|of|in which|where|to which) [a-z ,-]{0,60})? (?:are|is) (?:listed|named|identified|set out|published|available|maintained) (?:at|on|in|here)\b`)
	// enLaw: a list of countries by their law ("countries for which the
	// European Commission has issued an adequacy decision") names no
	// recipient.
	enLaw = regexp.MustCompile(`\badequa|\blaws?\b|\blegal\b|\bregulat`)
	// enHere: a list in the notice itself.
	enHere = regexp.MustCompile(`\b(?:below|above|following|this (?:notice|policy|section|table)|in section \d)`)

	// jaList: the list of where data goes: 「外国の名称」「国名」「提供先」「委託先」.
	// 「提供先の所在する外国における制度」 is the law there, no list.
	jaList = regexp.MustCompile(`(?:外国|国|地域)の名称|国名|所在国|(?:移転先|提供先|委託先|再委託先|サブプロセッサー?)(?:の)?(?:一覧|リスト|名称|所在国|国名)|第三者提供一覧|外国[^。]{0,12}一覧`)
	// jaSendTo: 「ご確認ください」「ご参照ください」「…に掲載しています」.
	jaSendTo = regexp.MustCompile(`ご確認ください|ご覧ください|ご参照ください|参照してください|ご確認いただけます|ご覧いただけます|に掲載して|に掲載され|に記載して|に記載され|で公表して|にて公表`)
	// jaHere: the list is in this notice: 「以下」「下記」「次の表」.
	jaHere = regexp.MustCompile(`以下|下記|次の|次表|上記|本ポリシー|本プライバシー`)

	// urlRe is a bare address in the text ("listed at https://…").
	urlRe = regexp.MustCompile(`https?://[^\s<>()「」『』、。]+`)
	// stores: a pointer about where data is kept rather than sent.
	enStores = regexp.MustCompile(`\b(?:stor(?:e|ed|age)|data cent(?:er|re)s|hosted)\b`)
	jaStores = regexp.MustCompile(`保管|保存|データセンター`)
)

// isPointer reports whether a sentence, in lower case, sends the reader
// elsewhere for the list of countries or recipients.
func isPointer(s string) bool {
	if japaneseRunes(s) > 0 && jaList.MatchString(s) {
		return jaSendTo.MatchString(s) && !jaHere.MatchString(s)
	}
	if enHere.MatchString(s) || enLaw.MatchString(s) {
		return false
	}
	s = strings.TrimLeft(s, " \"'“(")
	return enListed.MatchString(s) || enListOf.MatchString(s) && enSendTo.MatchString(s)
}

// pointer turns a sentence that points elsewhere for its list into an
// elsewhere claim, beside the claims read from its words. A sentence that
// links to a heading of this notice adds nothing: the list is read where
// it stands.
func (p *parser) pointer(st statement, found []Claim) []Claim {
	low := strings.ToLower(st.text)
	if !isPointer(low) {
		return found
	}
	dest := ""
	for _, l := range st.links {
		if strings.HasPrefix(l, "#") {
			if p.anchors[strings.ToLower(unescape(l[1:]))] {
				return found
			}
		}
		if dest == "" {
			dest = l
		}
	}
	if dest == "" {
		dest = strings.TrimRight(urlRe.FindString(st.text), ".,;:!?'\"")
	}
	kind := Transfer
	for _, c := range found {
		if c.Scope == VagueForeign {
			kind = c.Kind
			break
		}
	}
	if kind == Transfer && (enStores.MatchString(low) || jaStores.MatchString(low)) {
		kind = Storage
	}
	place := dest
	if place == "" {
		place = listTitle(st.text)
	}
	return append(found, Claim{
		Kind: kind, Scope: Elsewhere, Link: dest,
		Why: Because{Verb: "points elsewhere", Place: place},
	})
}

// quoted is a title in quotation marks: 「外国への第三者提供一覧」, “Subprocessors”.
var quoted = regexp.MustCompile(`[「『“"]([^「」『』“”"]{1,80})[」』”"]`)

// listTitle is the last quoted title of a pointer with no link, which names
// the list it points to, or "".
func listTitle(s string) string {
	m := quoted.FindAllStringSubmatch(s, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1][1]
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// anchor records the GitHub anchor of a heading: lower case, letters,
// digits, '-' and '_' kept, spaces made '-', the rest dropped; a repeated
// one gets "-1", "-2"….
func (p *parser) anchor(text string) {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	if p.anchors == nil {
		p.anchors = map[string]bool{}
		p.anchorN = map[string]int{}
	}
	a := b.String()
	if n := p.anchorN[a]; n > 0 {
		p.anchors[a+"-"+strconv.Itoa(n)] = true
	} else {
		p.anchors[a] = true
	}
	p.anchorN[a]++
}

// LocalList returns the file an elsewhere claim links to, as a clean
// slash path relative to the notice's folder, when it may be read as part
// of the notice: a relative link (no scheme, host or leading '/') to a
// ".md" file. Whether that file lies inside the repository is the
// caller's to check.
func (c Claim) LocalList() (string, bool) {
	if c.Scope != Elsewhere || c.Link == "" {
		return "", false
	}
	u, err := url.Parse(c.Link)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.Path == "" {
		return "", false
	}
	if strings.HasPrefix(u.Path, "/") || !strings.EqualFold(path.Ext(u.Path), ".md") {
		return "", false
	}
	return path.Clean(u.Path), true
}
