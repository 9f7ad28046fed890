package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

// Finding is a rule applied to the claims and the evidence.
type Finding struct {
	Rule     string       `json:"rule"`
	Severity Severity     `json:"severity"`
	Country  string       `json:"country,omitempty"`
	Message  string       `json:"message"`
	Pos      evidence.Pos `json:"location"`
	Claim    *ClaimRef    `json:"claim,omitempty"`
	// Fingerprint identifies the finding across commits (see check); the
	// engine leaves it empty.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// ClaimRef points at the notice statement a finding is about.
type ClaimRef struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

func refOf(c *notices.Claim) *ClaimRef {
	return &ClaimRef{Path: c.Path, Line: c.Line, Text: c.Text}
}

// Input is what the engine compares.
type Input struct {
	Claims   []notices.Claim
	Evidence []evidence.Evidence
	// Home is the country the notice speaks for (see Home); "" for none.
	Home string
}

// Home decides the home country: the configured one; else the single
// country an exclusive claim keeps data in ("only in Japan", "not outside
// Japan"); else Japan
// for a notice written in Japanese, where 「国外」 means outside Japan; else
// none.
func Home(configured string, claims []notices.Claim) string {
	if configured != "" {
		return configured
	}
	for _, c := range claims {
		// "Only in Japan" and "not outside Japan" say the same thing.
		if (c.Scope == notices.Exclusive || c.Scope == notices.Negative && c.Outside) && len(c.Countries) == 1 {
			return c.Countries[0]
		}
	}
	for _, c := range claims {
		if c.Lang == "ja" {
			return "JP"
		}
	}
	return ""
}

// Check applies every rule and returns the findings sorted by path, line,
// column, rule, country. Each evidence site gets the finding of the first
// rule in All that reports it; the notice rules report on the claims.
func Check(in Input) []Finding {
	st := &state{Input: in, named: namedCountries(in.Claims)}
	var out []Finding
	for _, s := range groupSites(in.Evidence) {
		for _, r := range All {
			if r.site == nil {
				continue
			}
			if f := r.site(st, s); f != nil {
				out = append(out, r.report(*f))
				break
			}
		}
	}
	for _, r := range All {
		if r.notice == nil {
			continue
		}
		for _, f := range r.notice(st) {
			out = append(out, r.report(f))
		}
	}
	Sort(out)
	return out
}

// state is what the rules of one check share: the input and what is
// derived from it once.
type state struct {
	Input
	// named are the countries the notice names as places data may be.
	named map[string]bool
}

// Sort orders findings by path, line, column, rule, country, message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return Less(&fs[i], &fs[j]) })
}

// Less is the order of Sort: path, line, column, rule, country, message.
func Less(a, b *Finding) bool {
	if a.Pos != b.Pos {
		return a.Pos.Less(b.Pos)
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	if a.Country != b.Country {
		return a.Country < b.Country
	}
	return a.Message < b.Message
}

// namedCountries are the countries the notice names as places data is or
// may be: inclusive and exclusive statements, tables included. A negative
// statement names a country only to rule it out, and an "outside X"
// statement's X is a reference point, not a destination.
func namedCountries(claims []notices.Claim) map[string]bool {
	named := map[string]bool{}
	for _, c := range claims {
		if c.Outside || (c.Scope != notices.Inclusive && c.Scope != notices.Exclusive) {
			continue
		}
		for _, x := range c.Countries {
			named[x] = true
		}
	}
	return named
}

// Applies reports whether a claim of kind k speaks to evidence of kind e,
// as the rules decide it (see applies): for writing a statement that
// answers the evidence.
func Applies(k notices.Kind, e evidence.Kind) bool { return applies(k, e) }

// applies reports whether a claim of kind k speaks to evidence of kind e.
// Storage claims speak of data at rest, access claims of access; transfer
// claims speak of every way data reaches a country, since data stored in or
// reached from a country has been transferred there (APPI treats access from
// abroad as provision to a foreign third party).
func applies(k notices.Kind, e evidence.Kind) bool {
	switch k {
	case notices.Storage:
		return e == evidence.Store
	case notices.Access:
		return e == evidence.Access
	case notices.Transfer:
		return true
	}
	return false
}

// rulesOut reports whether claim c says data of its kind cannot be in
// country x. ok is false when c cannot be decided (an "outside the
// country" statement with no home).
func rulesOut(c *notices.Claim, x, home string) (out, ok bool) {
	allowed := c.Countries
	if c.Outside && len(allowed) == 0 {
		if home == "" {
			return false, false
		}
		allowed = []string{home}
	}
	switch {
	case c.Scope == notices.Exclusive, c.Scope == notices.Negative && c.Outside:
		return !contains(allowed, x), true
	case c.Scope == notices.Negative:
		return contains(c.Countries, x), true
	}
	return false, true
}

// site groups the evidence that one place in the repository gives for one
// country: one finding per site and country.
type site struct {
	ev        evidence.Evidence
	instances []string
	// contra is the claim the site contradicts, once contraDone.
	contra     *notices.Claim
	contraDone bool
}

func groupSites(es []evidence.Evidence) []*site {
	type key struct {
		pos     evidence.Pos
		country string
		what    string
	}
	idx := map[key]*site{}
	var sites []*site
	for _, e := range es {
		k := key{e.Pos, e.Country, e.What}
		if e.Country == "" {
			k.country = "?" + e.Unresolved
		}
		s, ok := idx[k]
		if !ok {
			s = &site{ev: e}
			idx[k] = s
			sites = append(sites, s)
		}
		s.instances = append(s.instances, e.Instances...)
	}
	for _, s := range sites {
		s.instances = uniqueSorted(s.instances)
	}
	return sites
}

// contradiction returns the first claim (by notice order) that rules out
// the evidence's country.
func contradiction(in Input, e evidence.Evidence) *notices.Claim {
	var best *notices.Claim
	var held []string // what the evidence's names say it holds, when a claim asks
	heldKnown := false
	for i := range in.Claims {
		c := &in.Claims[i]
		if len(c.Data) > 0 && !heldKnown {
			held, heldKnown = dataHeld(e), true
		}
		if !applies(c.Kind, e.Kind) || !speaksOf(c, held) {
			continue
		}
		if out, ok := rulesOut(c, e.Country, in.Home); ok && out {
			if best == nil || claimLess(c, best) {
				best = c
			}
		}
	}
	return best
}

func claimLess(a, b *notices.Claim) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// compatible reports whether claims of kinds a and b speak of the same
// movement of data, for deciding whether a vague statement is answered by a
// named one elsewhere in the notice.
func compatible(a, b notices.Kind) bool {
	return a == b || a == notices.Transfer || b == notices.Transfer
}

// namesForeign reports whether the notice names, for kind k, a country
// other than the home country.
func namesForeign(in Input, k notices.Kind) bool {
	for _, c := range in.Claims {
		if c.Outside || !compatible(c.Kind, k) || (c.Scope != notices.Inclusive && c.Scope != notices.Exclusive) {
			continue
		}
		for _, x := range c.Countries {
			if x != in.Home {
				return true
			}
		}
	}
	return false
}

// foreignCountries lists the countries outside home where the evidence puts
// data in a way kind k speaks of.
func foreignCountries(in Input, k notices.Kind) []string {
	seen := map[string]bool{}
	for _, e := range in.Evidence {
		if e.Country == "" || e.Country == in.Home || !applies(k, e.Kind) {
			continue
		}
		seen[e.Country] = true
	}
	out := make([]string, 0, len(seen))
	for x := range seen {
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}

func describe(e evidence.Evidence, instances []string) string {
	detail := e.Region
	if detail == "" {
		detail = e.Via
	} else if e.Replica && e.Via != "" && !strings.HasSuffix(e.Via, " "+address(e.What)) {
		// "replica of aws_s3_bucket.media" says something only when the
		// site is not that resource itself.
		detail += ", " + e.Via
	}
	if e.Defined != "" {
		// Placed by the resource that defines its store.
		if detail != "" {
			detail += ", "
		}
		detail += e.Defined
	}
	s := fmt.Sprintf("%s %s %s", e.What, verb(e), country.InText(e.Country))
	if detail != "" {
		s += " (" + detail + ")"
	}
	return s + via(instances)
}

// address is the resource address a site's name starts with.
func address(what string) string {
	if i := strings.IndexByte(what, ' '); i >= 0 {
		return what[:i]
	}
	return what
}

func verb(e evidence.Evidence) string {
	switch e.Kind {
	case evidence.Send:
		return "sends personal data to"
	case evidence.Access:
		return "makes personal data accessible from"
	case evidence.Read:
		return "reads personal data from"
	case evidence.Delete:
		return "deletes personal data in"
	}
	if e.Replica {
		if strings.HasSuffix(e.What, " replica") || strings.HasSuffix(e.What, " copy") {
			return "holds a copy of personal data in"
		}
		return "copies personal data to"
	}
	return "stores personal data in"
}

func verbBare(e evidence.Evidence) string {
	switch e.Kind {
	case evidence.Send:
		return "sends"
	case evidence.Access:
		return "gives access to"
	case evidence.Read:
		return "reads"
	case evidence.Delete:
		return "deletes"
	}
	return "stores"
}

// via names the module instances a site came through: the first two and
// how many more.
func via(instances []string) string {
	switch n := len(instances); {
	case n == 0:
		return ""
	case n <= 2:
		return " via " + strings.Join(instances, " and ")
	default:
		return fmt.Sprintf(" via %s, %s and %d more", instances[0], instances[1], n-2)
	}
}

func vagueVerb(k notices.Kind) string {
	switch k {
	case notices.Storage:
		return "may be stored abroad"
	case notices.Access:
		return "may be accessed from abroad"
	}
	return "may go abroad"
}

// paraphrase says what a claim rules out, for a false-claim message.
func paraphrase(c *notices.Claim, home string) string {
	names := country.Names(c.Countries)
	if c.Outside && len(c.Countries) == 0 {
		names = country.Name(home)
	}
	var verbs [3]string // exclusive, negative-outside, negative
	switch c.Kind {
	case notices.Storage:
		verbs = [3]string{"%s is stored only in %s", "%s is not stored outside %s", "%s is not stored in %s"}
	case notices.Access:
		verbs = [3]string{"%s is accessed only from %s", "%s is not accessed from outside %s", "%s is not accessed from %s"}
	default:
		verbs = [3]string{"%s stays in %s", "%s is not transferred outside %s", "%s is not transferred to %s"}
	}
	// "it" is the data of the evidence; a statement limited to some kinds
	// of data says which ("payment data").
	subject := "it"
	if len(c.Data) > 0 {
		subject = strings.Join(c.Data, " and ") + " data"
	}
	switch {
	case c.Scope == notices.Exclusive:
		return fmt.Sprintf(verbs[0], subject, names)
	case c.Outside:
		return fmt.Sprintf(verbs[1], subject, names)
	}
	return fmt.Sprintf(verbs[2], subject, names)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func uniqueSorted(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	sort.Strings(xs)
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
