package regions

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/tsv"
)

// TestEveryRowLoads checks that every data row of every embedded table
// ends up in the loaded tables (none dropped, none merged).
func TestEveryRowLoads(t *testing.T) {
	tb := load()

	perProvider := map[string]int{}
	for _, r := range tsv.Rows("regions.tsv", regionsTSV, 4) {
		perProvider[r.Fields[0]]++
	}
	gcsKnown := 0
	for _, r := range tsv.Rows("gcs_locations.tsv", gcsLocationsTSV, 4) {
		if r.Fields[2] != "-" || r.Fields[3] != "-" {
			gcsKnown++
		}
	}
	for p, n := range perProvider {
		want := n
		if p == "google" {
			want += gcsKnown
		}
		if got := len(tb.places[p]); got != want {
			t.Errorf("provider %s: loaded %d locations, table has %d rows", p, got, want)
		}
	}
	if got, want := len(tb.pairs), len(tsv.Rows("azure_pairs.tsv", azurePairsTSV, 2)); got != want {
		t.Errorf("azure pairs: loaded %d, table has %d rows", got, want)
	}
	for _, p := range []string{"aws", "google", "azurerm", "alicloud", "oci", "tencentcloud", "huaweicloud"} {
		if perProvider[p] == 0 {
			t.Errorf("provider %s has no rows", p)
		}
	}
	t.Logf("rows per provider: %v; GCS multi/dual-regions known: %d", perProvider, gcsKnown)
}

func TestCountriesValid(t *testing.T) {
	for p, ids := range load().places {
		for key, e := range ids {
			if len(e.countries) == 0 {
				t.Errorf("%s %s: no country", p, key)
			}
			for _, cc := range e.countries {
				if !country.Valid(cc) {
					t.Errorf("%s %s: %q is not a valid country", p, key, cc)
				}
			}
			if !sort.StringsAreSorted(e.countries) || len(slices.Compact(slices.Clone(e.countries))) != len(e.countries) {
				t.Errorf("%s %s: countries %v not sorted and unique", p, key, e.countries)
			}
			if strings.ToLower(e.id) != key {
				t.Errorf("%s %s: keyed under %q", p, e.id, key)
			}
		}
	}
}

// TestNoDuplicates reads the raw tables, so a duplicate is caught here
// even if parsing were changed to keep the first or last row.
func TestNoDuplicates(t *testing.T) {
	seen := map[[2]string]int{}
	for _, r := range tsv.Rows("regions.tsv", regionsTSV, 4) {
		k := [2]string{r.Fields[0], strings.ToLower(r.Fields[1])}
		if prev, dup := seen[k]; dup {
			t.Errorf("regions.tsv line %d repeats %v from line %d", r.Line, k, prev)
		}
		seen[k] = r.Line
	}
	for _, r := range tsv.Rows("gcs_locations.tsv", gcsLocationsTSV, 4) {
		k := [2]string{"google", strings.ToLower(r.Fields[0])}
		if prev, dup := seen[k]; dup {
			t.Errorf("gcs_locations.tsv line %d repeats %v from line %d", r.Line, k, prev)
		}
		seen[k] = r.Line
	}
	pairs := map[string]bool{}
	for _, r := range tsv.Rows("azure_pairs.tsv", azurePairsTSV, 2) {
		if pairs[r.Fields[0]] {
			t.Errorf("azure_pairs.tsv line %d repeats %s", r.Line, r.Fields[0])
		}
		pairs[r.Fields[0]] = true
	}
}

func TestAzurePairsAreAzureRegions(t *testing.T) {
	azure := load().places["azurerm"]
	for _, r := range tsv.Rows("azure_pairs.tsv", azurePairsTSV, 2) {
		if _, ok := azure[r.Fields[0]]; !ok {
			t.Errorf("line %d: %s is not an Azure region", r.Line, r.Fields[0])
		}
		if p := r.Fields[1]; p != pairNone && p != pairUnknown {
			if _, ok := azure[p]; !ok {
				t.Errorf("line %d: pair %s is not an Azure region", r.Line, p)
			}
		}
	}
	// Every Azure region has a row, so a region missing from the pair
	// table is a decision written down, never an oversight.
	for key := range azure {
		if _, ok := load().pairs[key]; !ok {
			t.Errorf("Azure region %s has no row in azure_pairs.tsv", key)
		}
	}
}

func TestGCSMembersExist(t *testing.T) {
	google := load().places["google"]
	for _, r := range tsv.Rows("gcs_locations.tsv", gcsLocationsTSV, 4) {
		for _, m := range list(r.Fields[2]) {
			if e, ok := google[m]; !ok || !e.region {
				t.Errorf("line %d: %s member %s is not a Google Cloud region", r.Line, r.Fields[0], m)
			}
		}
		for _, cc := range list(r.Fields[3]) {
			if !country.Valid(cc) {
				t.Errorf("line %d: %s country %s is not valid", r.Line, r.Fields[0], cc)
			}
		}
	}
}

// TestGCSEUIsTheEURegions keeps the EU multi-region equal to the Google
// Cloud regions in EU member states, as gcs_locations.tsv documents.
func TestGCSEUIsTheEURegions(t *testing.T) {
	eu, ok := country.Members("EU")
	if !ok {
		t.Fatal("country package has no EU group")
	}
	var want []string
	for _, e := range load().places["google"] {
		if e.region && slices.Contains(eu, e.countries[0]) {
			want = append(want, e.id)
		}
	}
	sort.Strings(want)
	var got []string
	for _, r := range tsv.Rows("gcs_locations.tsv", gcsLocationsTSV, 4) {
		if r.Fields[0] == "EU" {
			got = list(r.Fields[2])
		}
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("EU members = %v, want the EU-member-state regions %v", got, want)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		provider, location string
		region             string
		countries          []string
	}{
		// AWS, including the LINE case and the other partitions.
		{"aws", "ap-northeast-2", "ap-northeast-2", []string{"KR"}},
		{"aws", "ap-northeast-1", "ap-northeast-1", []string{"JP"}},
		{"aws", "cn-north-1", "cn-north-1", []string{"CN"}},
		{"aws", "cn-northwest-1", "cn-northwest-1", []string{"CN"}},
		{"aws", "ap-east-1", "ap-east-1", []string{"HK"}},
		{"aws", "ap-east-2", "ap-east-2", []string{"TW"}},
		{"aws", "us-gov-west-1", "us-gov-west-1", []string{"US"}},
		{"aws", "us-isob-east-1", "us-isob-east-1", []string{"US"}},
		{"aws", "eusc-de-east-1", "eusc-de-east-1", []string{"DE"}},
		{"aws", "eu-west-1", "eu-west-1", []string{"IE"}},
		// Google Cloud regions and Cloud Storage locations.
		{"google", "asia-northeast1", "asia-northeast1", []string{"JP"}},
		{"google", "asia-northeast3", "asia-northeast3", []string{"KR"}},
		{"google", "europe-west2", "europe-west2", []string{"GB"}},
		{"google", "northamerica-south1", "northamerica-south1", []string{"MX"}},
		{"google", "EU", "EU", []string{"BE", "DE", "ES", "FI", "FR", "IT", "NL", "PL", "SE"}},
		{"google", "US", "US", []string{"US"}},
		{"google", "ASIA1", "ASIA1", []string{"JP"}},
		{"google", "NAM4", "NAM4", []string{"US"}},
		{"google", "EUR4", "EUR4", []string{"FI", "NL"}},
		{"google", "EUR5", "EUR5", []string{"BE", "GB"}},
		{"google", "EUR8", "EUR8", []string{"CH", "DE"}},
		// Azure, public and sovereign clouds.
		{"azurerm", "japaneast", "japaneast", []string{"JP"}},
		{"azurerm", "koreacentral", "koreacentral", []string{"KR"}},
		{"azurerm", "eastasia", "eastasia", []string{"HK"}},
		{"azurerm", "westeurope", "westeurope", []string{"NL"}},
		{"azurerm", "chinanorth3", "chinanorth3", []string{"CN"}},
		{"azurerm", "usgovvirginia", "usgovvirginia", []string{"US"}},
		// Alibaba Cloud.
		{"alicloud", "cn-hangzhou", "cn-hangzhou", []string{"CN"}},
		{"alicloud", "cn-hongkong", "cn-hongkong", []string{"HK"}},
		{"alicloud", "ap-northeast-1", "ap-northeast-1", []string{"JP"}},
		{"alicloud", "eu-central-1", "eu-central-1", []string{"DE"}},
		// Oracle Cloud.
		{"oci", "ap-tokyo-1", "ap-tokyo-1", []string{"JP"}},
		{"oci", "ap-seoul-1", "ap-seoul-1", []string{"KR"}},
		{"oci", "ap-chuncheon-1", "ap-chuncheon-1", []string{"KR"}},
		{"oci", "us-ashburn-1", "us-ashburn-1", []string{"US"}},
		// Tencent Cloud.
		{"tencentcloud", "ap-seoul", "ap-seoul", []string{"KR"}},
		{"tencentcloud", "ap-guangzhou", "ap-guangzhou", []string{"CN"}},
		{"tencentcloud", "ap-hongkong", "ap-hongkong", []string{"HK"}},
		{"tencentcloud", "na-siliconvalley", "na-siliconvalley", []string{"US"}},
		// Huawei Cloud.
		{"huaweicloud", "cn-north-4", "cn-north-4", []string{"CN"}},
		{"huaweicloud", "ap-southeast-1", "ap-southeast-1", []string{"HK"}},
		{"huaweicloud", "eu-west-101", "eu-west-101", []string{"IE"}},
		{"huaweicloud", "la-north-2", "la-north-2", []string{"MX"}},
		// Naver, NHN and Sakura clouds.
		{"ncloud", "KR", "KR", []string{"KR"}},
		{"ncloud", "JPN", "JPN", []string{"JP"}},
		{"ncloud", "DEN", "DEN", []string{"DE"}},
		{"nhncloud", "KR1", "KR1", []string{"KR"}},
		{"nhncloud", "JP1", "JP1", []string{"JP"}},
		{"nhncloud", "US1", "US1", []string{"US"}},
		{"sakuracloud", "is1a", "is1a", []string{"JP"}},
		{"sakuracloud", "tk1b", "tk1b", []string{"JP"}},
		{"sakuracloud", "is1b", "is1b", []string{"JP"}},
		// Providers sharing another provider's names.
		{"google-beta", "asia-northeast1", "asia-northeast1", []string{"JP"}},
		{"awscc", "ap-northeast-2", "ap-northeast-2", []string{"KR"}},
		{"azapi", "Japan East", "japaneast", []string{"JP"}},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.provider, tt.location)
		want := Place{Region: tt.region, Countries: tt.countries}
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("Lookup(%q, %q) = %+v, %v; want %+v, true", tt.provider, tt.location, got, ok, want)
		}
	}
}

// TestCollisions covers ids that name different countries under
// different providers (the same region id under two clouds, and eu-west-1).
func TestCollisions(t *testing.T) {
	tests := []struct {
		id   string
		want map[string]string // provider → country; "" = not a region of that provider
	}{
		{"ap-southeast-1", map[string]string{"aws": "SG", "alicloud": "SG", "huaweicloud": "HK"}},
		{"ap-southeast-2", map[string]string{"aws": "AU", "alicloud": "AU", "huaweicloud": "TH"}},
		{"ap-southeast-3", map[string]string{"aws": "ID", "alicloud": "MY", "huaweicloud": "SG"}},
		{"ap-southeast-4", map[string]string{"aws": "AU", "alicloud": "", "huaweicloud": "ID"}},
		{"ap-southeast-5", map[string]string{"aws": "MY", "alicloud": "ID", "huaweicloud": "PH"}},
		{"ap-southeast-6", map[string]string{"aws": "NZ", "alicloud": "PH", "huaweicloud": ""}},
		{"eu-west-1", map[string]string{"aws": "IE", "alicloud": "GB"}},
		{"eu-west-2", map[string]string{"aws": "GB", "alicloud": "FR"}},
		{"eu-west-3", map[string]string{"aws": "FR", "alicloud": "NL"}},
		{"me-central-1", map[string]string{"aws": "AE", "alicloud": "SA"}},
		{"me-east-1", map[string]string{"aws": "", "alicloud": "AE", "huaweicloud": "SA"}},
	}
	for _, tt := range tests {
		for provider, cc := range tt.want {
			got, ok := Lookup(provider, tt.id)
			switch {
			case cc == "" && ok:
				t.Errorf("Lookup(%q, %q) = %+v; want not known", provider, tt.id, got)
			case cc != "" && (!ok || !reflect.DeepEqual(got.Countries, []string{cc})):
				t.Errorf("Lookup(%q, %q) = %+v, %v; want %s", provider, tt.id, got, ok, cc)
			}
		}
	}
}

func TestNormalisation(t *testing.T) {
	tests := []struct {
		name, provider, location, region string
	}{
		{"case-insensitive aws", "aws", "AP-NORTHEAST-2", "ap-northeast-2"},
		{"case-insensitive provider", "AWS", "ap-northeast-2", "ap-northeast-2"},
		{"surrounding spaces", "aws", " eu-west-1 ", "eu-west-1"},
		{"trailing newline", "aws", "eu-west-1\n", "eu-west-1"},
		{"azure display name", "azurerm", "Japan East", "japaneast"},
		{"azure display name lower", "azurerm", "japan east", "japaneast"},
		{"azure display name upper", "azurerm", "JAPAN EAST", "japaneast"},
		{"azure id any case", "azurerm", "JapanEast", "japaneast"},
		{"azure display name with digit", "azurerm", "East US 2", "eastus2"},
		{"azure gov display name", "azurerm", "US Gov Virginia", "usgovvirginia"},
		{"azure china display name", "azurerm", "China North 3", "chinanorth3"},
		{"aws availability zone", "aws", "ap-northeast-2a", "ap-northeast-2"},
		{"aws availability zone upper", "aws", "AP-NORTHEAST-2C", "ap-northeast-2"},
		{"aws china zone", "aws", "cn-north-1b", "cn-north-1"},
		{"gcp zone", "google", "asia-northeast1-b", "asia-northeast1"},
		{"gcp zone upper", "google", "US-CENTRAL1-F", "us-central1"},
		{"gcs region lower", "google", "asia-northeast1", "asia-northeast1"},
		{"gcs region upper", "google", "ASIA-NORTHEAST1", "asia-northeast1"},
		{"gcs multi-region lower", "google", "eu", "EU"},
		{"gcs multi-region mixed", "google", "Us", "US"},
		{"gcs dual-region mixed", "google", "Asia1", "ASIA1"},
		{"gcs dual-region lower", "google", "nam4", "NAM4"},
		{"alibaba oss prefix", "alicloud", "oss-cn-shanghai", "cn-shanghai"},
		{"alibaba oss prefix upper", "alicloud", "OSS-CN-SHANGHAI", "cn-shanghai"},
		{"alibaba oss prefix overseas", "alicloud", "oss-ap-southeast-1", "ap-southeast-1"},
		{"alibaba zone dash letter", "alicloud", "cn-hangzhou-h", "cn-hangzhou"},
		{"alibaba zone letter", "alicloud", "ap-southeast-1a", "ap-southeast-1"},
		{"alibaba region with letters", "alicloud", "cn-wuhan-lr", "cn-wuhan-lr"},
		{"tencent cos region", "tencentcloud", "ap-seoul", "ap-seoul"},
		{"tencent upper", "tencentcloud", "AP-SEOUL", "ap-seoul"},
		{"tencent zone", "tencentcloud", "ap-guangzhou-3", "ap-guangzhou"},
		{"tencent finance region", "tencentcloud", "ap-shanghai-fsi", "ap-shanghai-fsi"},
		{"oci tokyo", "oci", "ap-tokyo-1", "ap-tokyo-1"},
		{"oci seoul upper", "oci", "AP-SEOUL-1", "ap-seoul-1"},
		{"oci chuncheon", "oci", "ap-chuncheon-1", "ap-chuncheon-1"},
		{"huawei region", "huaweicloud", "cn-north-4", "cn-north-4"},
		{"huawei overseas region", "huaweicloud", "ap-southeast-1", "ap-southeast-1"},
		{"huawei zone", "huaweicloud", "cn-north-4a", "cn-north-4"},
		{"ncloud lower", "ncloud", "kr", "KR"},
		{"ncloud zone", "ncloud", "KR-2", "KR"},
		{"nhncloud lower", "nhncloud", "kr1", "KR1"},
		{"sakuracloud upper", "sakuracloud", "IS1A", "is1a"},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.provider, tt.location)
		if !ok || got.Region != tt.region {
			t.Errorf("%s: Lookup(%q, %q) = %+v, %v; want region %s", tt.name, tt.provider, tt.location, got, ok, tt.region)
		}
	}
}

func TestNotKnown(t *testing.T) {
	tests := []struct {
		name, provider, location string
	}{
		{"empty", "aws", ""},
		{"only spaces", "aws", "   "},
		{"no such aws region", "aws", "ap-northeast-9"},
		{"zone of no such region", "aws", "ap-northeast-9a"},
		{"country name", "azurerm", "japan"},
		{"azure geography", "azurerm", "Europe"},
		{"aws region under google", "google", "us-east-1"},
		{"gcp region under aws", "aws", "asia-northeast1"},
		{"azure region under aws", "aws", "japaneast"},
		{"unresolved expression", "aws", "${var.region}"},
		{"unresolved expression google", "google", "${var.location}"},
		{"trailing junk", "aws", "eu-west-1,"},
		{"trailing quote", "aws", `eu-west-1"`},
		{"trailing slash", "aws", "eu-west-1/"},
		{"inner space", "aws", "eu west 1"},
		{"leading junk", "aws", "xeu-west-1"},
		{"aws local zone", "aws", "us-east-1-lim-1a"},
		{"aws wavelength zone", "aws", "us-east-1-wl1-bos-wlz-1"},
		{"aws zone id", "aws", "apne2-az1"},
		{"gcs multi-region without members", "google", "ASIA"},
		{"gcs multi-region without members lower", "google", "asia"},
		{"zone of a dual-region", "google", "asia1-a"},
		{"zone of a multi-region", "google", "eu-b"},
		{"gcs location under aws", "aws", "EU"},
		{"oss prefix elsewhere", "aws", "oss-cn-shanghai"},
		{"oss prefix alone", "alicloud", "oss-"},
		{"azure display name elsewhere", "aws", "Japan East"},
		{"azure hyphenated", "azurerm", "japan-east"},
		{"unknown provider", "digitalocean", "nyc3"},
		{"empty provider", "", "ap-northeast-2"},
		{"alias of unknown", "google-beta", "us-east-1"},
		{"ncloud dropped code", "ncloud", "FKR"},
		{"huawei id of aws only", "huaweicloud", "us-east-1"},
		{"tencent zone of nothing", "tencentcloud", "ap-nowhere-1"},
		{"global", "google", "global"},
	}
	for _, tt := range tests {
		if got, ok := Lookup(tt.provider, tt.location); ok {
			t.Errorf("%s: Lookup(%q, %q) = %+v; want not known", tt.name, tt.provider, tt.location, got)
		}
	}
}

func TestAzurePair(t *testing.T) {
	tests := []struct {
		region, pair string
		ok           bool
	}{
		{"brazilsouth", "southcentralus", true}, // BR → US
		{"southcentralus", "northcentralus", true},
		{"eastasia", "southeastasia", true}, // HK → SG
		{"southeastasia", "eastasia", true}, // SG → HK
		{"northeurope", "westeurope", true}, // IE → NL
		{"westeurope", "northeurope", true}, // NL → IE
		{"japaneast", "japanwest", true},
		{"koreacentral", "koreasouth", true},
		{"westus3", "eastus", true},
		{"chinanorth3", "chinaeast3", true},
		{"Brazil South", "southcentralus", true},
		{" NorthEurope ", "westeurope", true},
		{"italynorth", "", false},     // no pair
		{"usgovtexas", "", false},     // pair not known
		{"jioindiawest", "", false},   // pair not known
		{"ap-northeast-2", "", false}, // not Azure
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := AzurePair(tt.region)
		if got != tt.pair || ok != tt.ok {
			t.Errorf("AzurePair(%q) = %q, %v; want %q, %v", tt.region, got, ok, tt.pair, tt.ok)
		}
	}
	// The cross-border pairs really cross borders.
	for _, r := range []string{"brazilsouth", "eastasia", "southeastasia", "northeurope", "westeurope"} {
		pair, _ := AzurePair(r)
		a, _ := Lookup("azurerm", r)
		b, _ := Lookup("azurerm", pair)
		if reflect.DeepEqual(a.Countries, b.Countries) {
			t.Errorf("%s (%v) → %s (%v): expected a cross-border pair", r, a.Countries, pair, b.Countries)
		}
	}
}

func TestProviders(t *testing.T) {
	got := Providers()
	want := []string{"alicloud", "appengine", "aws", "awscc", "azapi", "azurerm", "cloudfoundry", "fly", "google", "google-beta", "heroku", "huaweicloud", "ncloud", "nhncloud", "oci", "render", "sakuracloud", "tencentcloud", "vercel"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Providers() = %v, want %v", got, want)
	}
	for _, p := range got {
		if _, ok := load().places[p]; !ok {
			t.Errorf("Providers() lists %s, which has no table", p)
		}
	}
	got[0] = "changed"
	if Providers()[0] != "alicloud" {
		t.Error("Providers() returns shared state")
	}
}

// TestPaaS: platform regions by their own names, Cloud Foundry platforms
// by API host or URL; look-alikes of another platform or a host below a
// known one are not placed.
func TestPaaS(t *testing.T) {
	for _, tt := range []struct{ provider, loc, want string }{
		{"fly", "NRT", "JP"},
		{"fly", "lhr", "GB"},
		{"render", "frankfurt", "DE"},
		{"heroku", "eu", "IE"},
		{"heroku", "tokyo", "JP"},
		{"vercel", "hnd1", "JP"},
		{"appengine", "europe-west", "BE"},
		{"cloudfoundry", "api.london.cloud.service.gov.uk", "GB"},
		{"cloudfoundry", "https://api.london.cloud.service.gov.uk/", "GB"},
		{"cloudfoundry", "https://api.cloud.service.gov.uk", "IE"},
		{"cloudfoundry", "https://API.cf.eu10.hana.ondemand.com/v3?x", "DE"},
		// Look-alikes.
		{"fly", "hnd1", ""},
		{"render", "tokyo", ""},
		{"heroku", "frankfurt-2", ""},
		{"vercel", "nrt", ""},
		{"appengine", "europe-west1", ""},
		{"cloudfoundry", "london.cloud.service.gov.uk", ""},
		{"cloudfoundry", "api.london.cloud.service.gov.uk.attacker.test", ""},
		{"cloudfoundry", "https://evil.test/api.london.cloud.service.gov.uk", ""},
	} {
		got := ""
		if p, ok := Lookup(tt.provider, tt.loc); ok {
			got = strings.Join(p.Countries, ",")
		}
		if got != tt.want {
			t.Errorf("Lookup(%q, %q) = %q, want %q", tt.provider, tt.loc, got, tt.want)
		}
	}
}

func TestMalformedPaaSPanics(t *testing.T) {
	for _, row := range []string{
		"flyio\tams\tAmsterdam\tNL\tx\n",
		"fly\tams\tAmsterdam\tNLD\tx\n",
		"cloudfoundry\thttps://api.example.com\tX\tGB\tx\n",
		"fly\tams\tAmsterdam\tNL\tx\nfly\tAMS\tAmsterdam\tNL\tx\n",
	} {
		func() {
			defer func() {
				if msg, _ := recover().(string); !strings.Contains(msg, "paas.tsv line") {
					t.Errorf("row %q: panic %q, want one naming paas.tsv and a line", row, msg)
				}
			}()
			parse("", "", "").addPaaS("platform\tregion\tcity\tcountry\tsource\n" + row)
		}()
	}
}

func TestPlaceIsCallersOwn(t *testing.T) {
	p, _ := Lookup("google", "EU")
	p.Countries[0] = "XX"
	if q, _ := Lookup("google", "EU"); q.Countries[0] != "BE" {
		t.Errorf("changing a returned Place changed the table: %v", q.Countries)
	}
}

// TestMalformedTablesPanic checks that a defect in an embedded table is
// reported with its file and line instead of being skipped.
func TestMalformedTablesPanic(t *testing.T) {
	const (
		goodRegions = "provider\tregion\tcity\tcountry\ngoogle\teurope-west1\tSt. Ghislain\tBE\nazurerm\tjapaneast\tTokyo\tJP\nazurerm\tjapanwest\tOsaka\tJP\n"
		goodGCS     = "location\tkind\tregions\tcountries\nEU\tmulti-region\teurope-west1\t-\n"
		goodPairs   = "region\tpair\njapaneast\tjapanwest\n"
	)
	parse(goodRegions, goodGCS, goodPairs) // must not panic

	tests := []struct {
		name                   string
		regions, gcs, pairs    string
		wantFile, wantLineText string
	}{
		{"too few fields", goodRegions + "# c\naws\tus-east-1\tUS\n", goodGCS, goodPairs, "regions.tsv", "line 6"},
		{"empty field", goodRegions + "aws\tus-east-1\t\tUS\n", goodGCS, goodPairs, "regions.tsv", "line 5"},
		{"padded field", goodRegions + "aws\tus-east-1 \tVirginia\tUS\n", goodGCS, goodPairs, "regions.tsv", "line 5"},
		{"bad country", goodRegions + "aws\tus-east-1\tVirginia\tUSA\n", goodGCS, goodPairs, "regions.tsv", "line 5"},
		{"group is not a country", goodRegions + "aws\teu\tEurope\tEU\n", goodGCS, goodPairs, "regions.tsv", "line 5"},
		{"duplicate", goodRegions + "azurerm\tJapanEast\tTokyo\tJP\n", goodGCS, goodPairs, "regions.tsv", "line 5"},
		{"upper-case provider", goodRegions + "AWS\tus-east-1\tVirginia\tUS\n", goodGCS, goodPairs, "regions.tsv", "line 5"},
		{"unknown member", goodRegions, goodGCS + "EUR4\tdual-region\teurope-west1,europe-north1\t-\n", goodPairs, "gcs_locations.tsv", "line 3"},
		{"dual-region of one", goodRegions, goodGCS + "EUR4\tdual-region\teurope-west1\t-\n", goodPairs, "gcs_locations.tsv", "line 3"},
		{"bad kind", goodRegions, goodGCS + "EUR4\ttri-region\teurope-west1\t-\n", goodPairs, "gcs_locations.tsv", "line 3"},
		{"location repeats a region", goodRegions, goodGCS + "europe-west1\tmulti-region\t-\tBE\n", goodPairs, "gcs_locations.tsv", "line 3"},
		{"pair to unknown region", goodRegions, goodGCS, goodPairs + "japanwest\tosaka\n", "azure_pairs.tsv", "line 3"},
		{"pair of unknown region", goodRegions, goodGCS, goodPairs + "osaka\tjapaneast\n", "azure_pairs.tsv", "line 3"},
		{"pair listed twice", goodRegions, goodGCS, goodPairs + "japaneast\tnone\n", "azure_pairs.tsv", "line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, tt.wantFile) || !strings.Contains(msg, tt.wantLineText+":") {
					t.Errorf("panic %q; want one naming %s %s", msg, tt.wantFile, tt.wantLineText)
				}
			}()
			parse(tt.regions, tt.gcs, tt.pairs)
		})
	}
}

func BenchmarkLookup(b *testing.B) {
	cases := [][2]string{
		{"aws", "ap-northeast-2"},
		{"azurerm", "Japan East"},
		{"google", "asia-northeast1-b"},
		{"alicloud", "oss-cn-shanghai"},
		{"google", "EU"},
		{"aws", "${var.region}"},
	}
	load()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		Lookup(c[0], c[1])
	}
}
