// Package regions is noticevet's knowledge of where cloud locations are:
// which country holds each region of a Terraform provider (aws, google,
// azurerm, alicloud, oci, tencentcloud, huaweicloud, ncloud, nhncloud,
// sakuracloud), which regions or countries a Google Cloud Storage or
// BigQuery multi-region or dual-region spans, which region Azure
// geo-redundant storage copies to, and where the regions of application
// platforms are (fly, render, heroku, vercel, appengine, and Cloud Foundry
// platforms named by their API host under "cloudfoundry").
//
// The knowledge is in embedded tables beside this file (regions.tsv,
// gcs_locations.tsv, azure_pairs.tsv, paas.tsv), each naming its sources
// and the decision taken where sources disagree.
//
// The package deliberately does not guess. A location is always read
// together with its provider, because one id can name different countries
// under different providers (ap-southeast-3 is Indonesia on AWS, Malaysia
// on Alibaba Cloud and Singapore on Huawei Cloud). An unknown provider or
// location, an unresolved expression such as "${var.region}", a
// multi-region whose members no source names (GCS "ASIA") and an AWS Local
// Zone (which need not lie in its parent region's country) are all
// reported as not known. It does not evaluate Terraform expressions, follow
// provider blocks ("provider = aws.central") or read hostnames and ARNs:
// callers hand it a literal location string.
package regions

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed regions.tsv
var regionsTSV string

//go:embed gcs_locations.tsv
var gcsLocationsTSV string

//go:embed azure_pairs.tsv
var azurePairsTSV string

//go:embed paas.tsv
var paasTSV string

// Place is where a cloud location puts data.
type Place struct {
	Region    string   // the normalised region id: "ap-northeast-2", "japaneast", "asia-northeast1", "EU"
	Countries []string // ISO 3166-1 alpha-2, sorted, unique; one for a region, several for a multi-/dual-region
}

// entry is one location of one provider.
type entry struct {
	id        string   // the spelling in the table, returned as Place.Region
	countries []string // sorted, unique
	region    bool     // a single region, which a zone name may resolve to; false for multi-/dual-regions
}

// tables is everything parsed from the embedded files.
type tables struct {
	places    map[string]map[string]entry // provider → lower-case id → entry
	pairs     map[string]string           // azurerm region → paired region; "" where none or unknown
	providers []string                    // sorted, aliases included
}

// aliases maps Terraform providers that share another provider's location
// names onto it.
var aliases = map[string]string{
	"google-beta": "google",  // the google provider's beta build
	"awscc":       "aws",     // AWS Cloud Control: AWS region names
	"azapi":       "azurerm", // Azure's ARM API provider: Azure location names
}

// Keys of the "none" and "unknown" pair values in azure_pairs.tsv.
const (
	pairNone    = "none"
	pairUnknown = "unknown"
)

var (
	loadOnce sync.Once
	loaded   *tables
)

func load() *tables {
	loadOnce.Do(func() {
		loaded = parse(regionsTSV, gcsLocationsTSV, azurePairsTSV)
		loaded.addPaaS(paasTSV)
	})
	return loaded
}

// Lookup places a location string of a Terraform provider.
//
// The provider is a Terraform provider name ("aws", "google", "azurerm",
// "alicloud", "oci", "tencentcloud", "huaweicloud", "ncloud", "nhncloud",
// "sakuracloud", or "google-beta", "awscc", "azapi", which share a
// provider's names). The location is matched without regard to case or
// surrounding white space, and normalised as each provider writes it:
//   - azurerm: display names ("Japan East") match ids ("japaneast");
//   - aws and huaweicloud: an availability zone ("ap-northeast-2a") is its region;
//   - google: a zone ("asia-northeast1-b") is its region; a bucket location
//     may be a region ("ASIA-NORTHEAST1"), a dual-region ("ASIA1") or a
//     multi-region ("EU", "US");
//   - alicloud: OSS names ("oss-cn-shanghai") and zones ("cn-hangzhou-h",
//     "ap-southeast-1a") are their region;
//   - tencentcloud and ncloud: a zone ("ap-guangzhou-3", "KR-2") is its region.
//
// It reports false for an unknown provider or location and for a location
// whose countries no source names, such as the GCS multi-region "ASIA".
// The Countries slice is the caller's own.
func Lookup(provider, location string) (Place, bool) {
	t := load()
	p := normProvider(provider)
	ids, ok := t.places[p]
	if !ok {
		return Place{}, false
	}
	key := strings.ToLower(strings.TrimSpace(location))
	switch p {
	case "azurerm":
		key = strings.ReplaceAll(key, " ", "")
	case "cloudfoundry":
		key = apiHost(key)
	}
	if key == "" {
		return Place{}, false
	}
	if e, ok := ids[key]; ok {
		return e.place(), true
	}
	if p == "alicloud" && strings.HasPrefix(key, "oss-") {
		if e, ok := ids[key[len("oss-"):]]; ok && e.region {
			return e.place(), true
		}
	}
	for _, zone := range zoneRules[p] {
		if base, ok := zone(key); ok {
			if e, ok := ids[base]; ok && e.region {
				return e.place(), true
			}
		}
	}
	return Place{}, false
}

// apiHost reads a Cloud Foundry API endpoint as its host: the provider's
// api_url and `cf api` take a URL ("https://api.example.com/"), the table
// holds hosts.
func apiHost(s string) string {
	if _, rest, ok := strings.Cut(s, "://"); ok {
		s = rest
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

// AzurePair returns the paired region of an Azure region (normalised id),
// for geo-redundant storage. The region is matched like an azurerm
// location in Lookup ("Brazil South" is "brazilsouth"). It reports false
// for a region without a pair and for one whose pair no source names.
func AzurePair(region string) (string, bool) {
	key := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(region)), " ", "")
	pair := load().pairs[key]
	return pair, pair != ""
}

// Providers lists the provider names Lookup knows, sorted.
func Providers() []string {
	return append([]string(nil), load().providers...)
}

func (e entry) place() Place {
	return Place{Region: e.id, Countries: append([]string(nil), e.countries...)}
}

func normProvider(provider string) string {
	p := strings.ToLower(strings.TrimSpace(provider))
	if a, ok := aliases[p]; ok {
		return a
	}
	return p
}

// zoneRules gives, per provider, the ways a zone name is built from its
// region name. A candidate region counts only if it is in the table as a
// single region, so "ap-northeast-9a" and "asia1-a" stay unknown. AWS
// Local Zones ("us-east-1-lim-1a") match none of these on purpose.
var zoneRules = map[string][]func(string) (string, bool){
	"aws":          {letterZone},
	"huaweicloud":  {letterZone},
	"google":       {dashLetterZone},
	"alicloud":     {dashLetterZone, letterZone},
	"tencentcloud": {dashNumberZone},
	"ncloud":       {dashNumberZone},
}

// letterZone strips one zone letter after the region's final digit:
// "ap-northeast-2a" → "ap-northeast-2".
func letterZone(s string) (string, bool) {
	n := len(s)
	if n < 3 || !isLower(s[n-1]) || !isDigit(s[n-2]) {
		return "", false
	}
	return s[:n-1], true
}

// dashLetterZone strips a "-x" zone suffix: "asia-northeast1-b" → "asia-northeast1".
func dashLetterZone(s string) (string, bool) {
	n := len(s)
	if n < 3 || !isLower(s[n-1]) || s[n-2] != '-' {
		return "", false
	}
	return s[:n-2], true
}

// dashNumberZone strips a "-N" zone suffix: "ap-guangzhou-3" → "ap-guangzhou".
func dashNumberZone(s string) (string, bool) {
	i := len(s)
	for i > 0 && isDigit(s[i-1]) {
		i--
	}
	if i == len(s) || i < 2 || s[i-1] != '-' {
		return "", false
	}
	return s[:i-1], true
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parse builds the tables from the text of the three embedded files. A
// malformed row is a build defect, so it panics naming the file and line
// rather than skipping the row; the tests load every table.
func parse(regionsText, gcsText, pairsText string) *tables {
	t := &tables{places: map[string]map[string]entry{}, pairs: map[string]string{}}

	for _, r := range tsv.Rows("regions.tsv", regionsText, 4) {
		provider, id, cc := r.Fields[0], r.Fields[1], r.Fields[3]
		if provider != strings.ToLower(provider) {
			r.Fail("provider %q is not lower case", provider)
		}
		if !country.Valid(cc) {
			r.Fail("%q is not an ISO 3166-1 alpha-2 country code", cc)
		}
		t.add(r, provider, entry{id: id, countries: []string{cc}, region: true})
	}

	for _, r := range tsv.Rows("gcs_locations.tsv", gcsText, 4) {
		id, kind := r.Fields[0], r.Fields[1]
		if kind != "multi-region" && kind != "dual-region" {
			r.Fail("kind %q is neither multi-region nor dual-region", kind)
		}
		members := list(r.Fields[2])
		if kind == "dual-region" && len(members) != 2 {
			r.Fail("dual-region %s has %d member regions, want 2", id, len(members))
		}
		set := map[string]bool{}
		for _, m := range members {
			e, ok := t.places["google"][strings.ToLower(m)]
			if !ok || !e.region || e.id != m {
				r.Fail("member %q is not a google region in regions.tsv", m)
			}
			set[e.countries[0]] = true
		}
		for _, cc := range list(r.Fields[3]) {
			if !country.Valid(cc) {
				r.Fail("%q is not an ISO 3166-1 alpha-2 country code", cc)
			}
			set[cc] = true
		}
		if len(set) == 0 {
			continue // members named by no source: not known
		}
		var ccs []string
		for cc := range set {
			ccs = append(ccs, cc)
		}
		sort.Strings(ccs)
		t.add(r, "google", entry{id: id, countries: ccs})
	}

	azure := t.places["azurerm"]
	for _, r := range tsv.Rows("azure_pairs.tsv", pairsText, 2) {
		region, pair := r.Fields[0], r.Fields[1]
		if e, ok := azure[region]; !ok || e.id != region {
			r.Fail("region %q is not an azurerm region in regions.tsv", region)
		}
		if _, dup := t.pairs[region]; dup {
			r.Fail("region %q is listed twice", region)
		}
		switch pair {
		case pairNone, pairUnknown:
			t.pairs[region] = ""
		default:
			if e, ok := azure[pair]; !ok || e.id != pair || pair == region {
				r.Fail("pair %q is not another azurerm region in regions.tsv", pair)
			}
			t.pairs[region] = pair
		}
	}

	for p := range t.places {
		t.providers = append(t.providers, p)
	}
	for a, p := range aliases {
		if _, ok := t.places[p]; ok {
			t.places[a] = t.places[p]
			t.providers = append(t.providers, a)
		}
	}
	sort.Strings(t.providers)
	return t
}

// addPaaS adds the platform tables of paas.tsv (fly, render, heroku,
// vercel, appengine, cloudfoundry), each a provider of its own, so that
// Lookup and Providers treat them as the Terraform providers are treated.
func (t *tables) addPaaS(text string) {
	for _, r := range tsv.Rows("paas.tsv", text, 5) {
		platform, id, cc := r.Fields[0], r.Fields[1], r.Fields[3]
		if !paasPlatforms[platform] {
			r.Fail("platform %q is not one of fly, render, heroku, vercel, appengine, cloudfoundry", platform)
		}
		if !country.Valid(cc) {
			r.Fail("%q is not an ISO 3166-1 alpha-2 country code", cc)
		}
		if platform == "cloudfoundry" && apiHost(strings.ToLower(id)) != id {
			r.Fail("%q is not a lower-case API host", id)
		}
		if _, known := t.places[platform]; !known {
			t.providers = append(t.providers, platform)
		}
		t.add(r, platform, entry{id: id, countries: []string{cc}, region: true})
	}
	sort.Strings(t.providers)
}

// paasPlatforms are the platforms paas.tsv may name.
var paasPlatforms = map[string]bool{"fly": true, "render": true, "heroku": true, "vercel": true, "appengine": true, "cloudfoundry": true}

func (t *tables) add(r tsv.Row, provider string, e entry) {
	ids := t.places[provider]
	if ids == nil {
		ids = map[string]entry{}
		t.places[provider] = ids
	}
	key := strings.ToLower(e.id)
	if _, dup := ids[key]; dup {
		r.Fail("%s %q is listed twice", provider, e.id)
	}
	ids[key] = e
}

// list splits a comma-separated column; "-" is the empty list.
func list(s string) []string {
	if s == "-" {
		return nil
	}
	return strings.Split(s, ",")
}
