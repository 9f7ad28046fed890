package place

import (
	"net/netip"
	"reflect"
	"testing"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
)

// TestPlacer: the configuration is asked before the public rules, and
// what neither places says why.
func TestPlacer(t *testing.T) {
	cfg, err := config.Parse("test.hcl", []byte(`
host "*.example.cn" {
  country = "SG"
}
entity "ops" {
  country      = "JP"
  aws_accounts = ["555566667777"]
  cidrs        = ["198.51.100.0/24"]
}
`))
	if err != nil {
		t.Fatal(err)
	}
	p := New(cfg)
	for _, tc := range []struct {
		name string
		got  evidence.Place
		want evidence.Place
	}{
		{"host block before the ccTLD", p.Host("api.example.cn"), evidence.Place{Countries: []string{"SG"}, Via: "host *.example.cn"}},
		{"ccTLD", p.Host("api.partner.cn"), evidence.Place{Countries: []string{"CN"}, Via: "country-code TLD .cn"}},
		{"public look-alike of a host block", Public.Host("api.example.cn"), evidence.Place{Countries: []string{"CN"}, Via: "country-code TLD .cn"}},
		{"address of an entity", p.Host("198.51.100.7"), evidence.Place{Countries: []string{"JP"}, Via: "entity ops"}},
		{"private address", p.Host("10.0.0.1"), evidence.Place{Unresolved: "10.0.0.1 is a private address; give its network to an entity's cidrs in .noticevet.hcl"}},
		{"internal name", p.Host("redis"), evidence.Place{Unresolved: "redis is an internal host name; add a host block"}},
		{"region", p.Region("aws", "ap-northeast-2"), evidence.Place{Countries: []string{"KR"}, Region: "ap-northeast-2"}},
		{"unknown region", p.Region("aws", "mars-north-1"), evidence.Place{}},
		{"account", p.Account("555566667777"), evidence.Place{Countries: []string{"JP"}, Via: "entity ops"}},
		{"other account", p.Account("222233334444"), evidence.Place{Unresolved: "AWS account 222233334444 is not placed by any entity"}},
		{"network", p.CIDR(netip.MustParsePrefix("198.51.0.0/16")), evidence.Place{Countries: []string{"JP"}, Via: "entity ops"}},
		{"other network", p.CIDR(netip.MustParsePrefix("203.0.113.0/24")), evidence.Place{}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}
