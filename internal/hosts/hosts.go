// Package hosts is noticevet's public knowledge of where a host name puts
// data: cloud endpoints that name their region (s3.ap-northeast-2.amazonaws.com,
// europe-west4-aiplatform.googleapis.com, oss-cn-hangzhou.aliyuncs.com),
// cloud suffixes that name a country (*.amazonaws.com.cn, *.chinacloudapi.cn),
// region-specific endpoints of SaaS processors (Datadog sites, Sentry's EU
// storage, Mixpanel's India residency) and country-code top-level domains.
//
// The knowledge is in embedded tables beside this file (cloud.tsv,
// saas.tsv, generic_cctlds.tsv, tlds.tsv), each row naming its source.
//
// The package deliberately does not guess. A host that no row places —
// s3.amazonaws.com (no region), a public Azure storage account, an .io or
// .co domain, a single-label or internal name — is not placed. It does not
// resolve DNS, read the configuration (the caller applies the
// configuration's host and entity blocks first) or place IP addresses.
package hosts

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/regions"
	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed cloud.tsv
var cloudTSV string

//go:embed saas.tsv
var saasTSV string

//go:embed generic_cctlds.tsv
var genericTSV string

//go:embed tlds.tsv
var tldsTSV string

// tlds is the set of tlds.tsv.
var tlds = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, r := range tsv.Rows("tlds.tsv", tldsTSV, 1) {
		m[r.Fields[0]] = true
	}
	return m
})

// TopLevel reports whether label (lower case, ASCII) is a top-level
// domain a host name can be registered under (tlds.tsv): "kr", "com",
// "io"; not "xml" or "rss".
func TopLevel(label string) bool { return tlds()[label] }

// Place places a host name. It returns the country (ISO 3166-1 alpha-2),
// the cloud region when a region decided it ("ap-northeast-2"), and how it
// was decided, for messages ("AWS S3 endpoint", "country-code TLD .cn").
//
// The host is matched without regard to case; a port, a trailing dot and
// IPv6 brackets are ignored. ok is false when no public rule places the
// host. Then via is usually empty, but it says why when a rule knows the
// host and knows that it names no single country (Mixpanel's EU residency,
// Stripe's global API host).
func Place(host string) (countryCode, region, via string, ok bool) {
	h := Normalize(host)
	if h == "" || !isDNSName(h) {
		return "", "", "", false
	}
	t := load()
	labels := strings.Split(h, ".")
	for _, r := range t.cloud {
		if reg, ok := r.match(labels); ok {
			cc := r.country
			if cc == "" {
				p, found := regions.Lookup(r.provider, reg)
				if !found || len(p.Countries) != 1 {
					continue
				}
				cc, reg = p.Countries[0], p.Region
			} else if reg == "" {
				reg = r.region
			}
			return cc, reg, r.via, true
		}
	}
	if s, ok := t.saasFor(h); ok {
		return s.country, "", s.via, s.country != ""
	}
	tld := labels[len(labels)-1]
	if t.generic[tld] {
		return "", "", "", false
	}
	if cc, ok := ccTLD(tld); ok && len(labels) > 1 {
		return cc, "", "country-code TLD ." + tld, true
	}
	return "", "", "", false
}

// Generic reports whether a two-letter top-level domain is a country code
// used worldwide as a generic name (.io, .co, .ai, .me, .tv), which places
// nothing.
func Generic(tld string) bool {
	return load().generic[strings.ToLower(tld)]
}

// Normalize lower-cases a host and strips a port, IPv6 brackets and a
// trailing dot: "API.Example.CN:443" → "api.example.cn".
func Normalize(host string) string {
	h := strings.ToLower(strings.TrimSpace(host))
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i > 0 {
			return h[1:i]
		}
		return h
	}
	if i := strings.LastIndex(h, ":"); i >= 0 && strings.Count(h, ":") == 1 {
		h = h[:i]
	}
	return strings.TrimSuffix(h, ".")
}

// ccTLD maps a two-letter top-level domain to its country: the ISO code
// itself, except .uk, which is GB's.
func ccTLD(tld string) (string, bool) {
	if len(tld) != 2 {
		return "", false
	}
	cc := strings.ToUpper(tld)
	if cc == "UK" {
		cc = "GB"
	}
	return cc, country.Valid(cc)
}

// isDNSName accepts letters, digits, '-' and '_' in non-empty labels.
func isDNSName(h string) bool {
	for _, l := range strings.Split(h, ".") {
		if l == "" {
			return false
		}
		for _, c := range l {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// tables is everything parsed from the embedded files.
type tables struct {
	cloud   []cloudRow
	saas    map[string]saasRow // domain → row
	generic map[string]bool
}

type cloudRow struct {
	pattern  string
	labels   [][]seg // per label; nil for a leading "*" label
	anyFirst bool    // the first label is "*": one or more labels
	provider string
	country  string // fixed country, or "" when the region decides
	region   string // fixed region ("US@us-central1")
	via      string
}

type saasRow struct {
	country string
	via     string
}

// seg is a part of a label pattern: literal text, {region} or "*".
type seg struct {
	kind byte // 'l' literal, 'r' region, '*' any non-empty text
	text string
}

var (
	loadOnce sync.Once
	loaded   *tables
)

func load() *tables {
	loadOnce.Do(func() { loaded = parse(cloudTSV, saasTSV, genericTSV) })
	return loaded
}

// parse builds the tables. A malformed row is a build defect, so it panics
// naming the file and line; the tests load every table.
func parse(cloudText, saasText, genericText string) *tables {
	t := &tables{saas: map[string]saasRow{}, generic: map[string]bool{}}
	for _, r := range tsv.Rows("cloud.tsv", cloudText, 5) {
		row := cloudRow{pattern: r.Fields[0], provider: r.Fields[1], via: r.Fields[3]}
		if row.provider == "-" {
			row.provider = ""
		}
		if cc := r.Fields[2]; cc != "-" {
			cc, reg, _ := strings.Cut(cc, "@")
			if !country.Valid(cc) {
				r.Fail("%q is not an ISO 3166-1 alpha-2 country code", cc)
			}
			row.country, row.region = cc, reg
		}
		ls := strings.Split(row.pattern, ".")
		if ls[0] == "*" {
			row.anyFirst = true
			ls = ls[1:]
		}
		hasRegion := false
		for _, l := range ls {
			segs := parseLabel(l)
			if segs == nil {
				r.Fail("bad label %q in %q", l, row.pattern)
			}
			for _, s := range segs {
				hasRegion = hasRegion || s.kind == 'r'
			}
			row.labels = append(row.labels, segs)
		}
		if hasRegion != (row.provider != "") {
			r.Fail("pattern %q: a provider goes with {region} and only with it", row.pattern)
		}
		if !hasRegion && row.country == "" {
			r.Fail("pattern %q names neither a region nor a country", row.pattern)
		}
		if row.provider != "" && !knownProvider(row.provider) {
			r.Fail("provider %q is not known to internal/regions", row.provider)
		}
		t.cloud = append(t.cloud, row)
	}
	for _, r := range tsv.Rows("saas.tsv", saasText, 4) {
		d := r.Fields[0]
		if d != strings.ToLower(d) || !isDNSName(d) {
			r.Fail("%q is not a lower-case domain name", d)
		}
		if _, dup := t.saas[d]; dup {
			r.Fail("%q is listed twice", d)
		}
		s := saasRow{via: r.Fields[2]}
		if cc := r.Fields[1]; cc != "-" {
			if !country.Valid(cc) {
				r.Fail("%q is not an ISO 3166-1 alpha-2 country code", cc)
			}
			s.country = cc
		}
		t.saas[d] = s
	}
	for _, r := range tsv.Rows("generic_cctlds.tsv", genericText, 2) {
		tld := r.Fields[0]
		if _, ok := ccTLD(tld); !ok && tld != "su" {
			r.Fail("%q is not a country-code TLD", tld)
		}
		t.generic[tld] = true
	}
	return t
}

func knownProvider(p string) bool {
	for _, q := range regions.Providers() {
		if q == p {
			return true
		}
	}
	return false
}

// parseLabel splits a label pattern into segments; nil when malformed.
func parseLabel(l string) []seg {
	var segs []seg
	for l != "" {
		switch {
		case strings.HasPrefix(l, "{region}"):
			segs = append(segs, seg{kind: 'r'})
			l = l[len("{region}"):]
		case l[0] == '*':
			segs = append(segs, seg{kind: '*'})
			l = l[1:]
		default:
			i := strings.IndexAny(l, "{*")
			if i < 0 {
				i = len(l)
			}
			if i == 0 {
				return nil
			}
			segs = append(segs, seg{kind: 'l', text: l[:i]})
			l = l[i:]
		}
	}
	return segs
}

// match matches host labels against the row; it returns the region the
// {region} segment matched ("" when the row has none).
func (r *cloudRow) match(labels []string) (string, bool) {
	n := len(r.labels)
	if len(labels) < n || (!r.anyFirst && len(labels) != n) || (r.anyFirst && len(labels) == n) {
		return "", false
	}
	rest := labels[len(labels)-n:]
	region := ""
	for i, segs := range r.labels {
		reg, ok := matchLabel(segs, rest[i], r.provider)
		if !ok {
			return "", false
		}
		if reg != "" {
			region = reg
		}
	}
	return region, true
}

// matchLabel matches one label, trying every split for {region} and "*";
// a {region} candidate must be a single-country location of the provider.
func matchLabel(segs []seg, s, provider string) (string, bool) {
	if len(segs) == 0 {
		return "", s == ""
	}
	switch sg := segs[0]; sg.kind {
	case 'l':
		if !strings.HasPrefix(s, sg.text) {
			return "", false
		}
		return matchLabel(segs[1:], s[len(sg.text):], provider)
	case '*':
		for i := len(s); i >= 1; i-- {
			if reg, ok := matchLabel(segs[1:], s[i:], provider); ok {
				return reg, true
			}
		}
		return "", false
	default: // region: prefer the longest candidate
		for i := len(s); i >= 1; i-- {
			cand := s[:i]
			p, found := regions.Lookup(provider, cand)
			if !found || len(p.Countries) != 1 {
				continue
			}
			if _, ok := matchLabel(segs[1:], s[i:], provider); ok {
				return cand, true
			}
		}
		return "", false
	}
}

// saasFor finds the longest domain of the SaaS table that covers h.
func (t *tables) saasFor(h string) (saasRow, bool) {
	for d := h; ; {
		if s, ok := t.saas[d]; ok {
			return s, true
		}
		i := strings.Index(d, ".")
		if i < 0 {
			return saasRow{}, false
		}
		d = d[i+1:]
	}
}
