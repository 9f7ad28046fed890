package goevidence

import (
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
)

// testPlacer places by a configuration with a host block and an entity.
var testPlacer = func() *place.Placer {
	cfg, err := config.Parse("test.hcl", []byte(`
host "*.internal.example.com" {
  country = "JP"
}
entity "shanghai-contractor" {
  country = "CN"
  cidrs   = ["198.51.100.0/24"]
}
`))
	if err != nil {
		panic(err)
	}
	return place.New(cfg)
}()

func TestEvidence(t *testing.T) {
	tests := []struct {
		site Site
		want string
	}{
		{Site{Kind: evidence.Send, Host: "api.partner.cn"}, "CN  country-code TLD .cn"},
		{Site{Kind: evidence.Send, Host: "db.internal.example.com"}, "JP  host *.internal.example.com"},
		{Site{Kind: evidence.Send, Host: "198.51.100.7"}, "CN  entity shanghai-contractor"},
		{Site{Kind: evidence.Send, Host: "10.1.2.3"}, "? 10.1.2.3 is a private address"},
		{Site{Kind: evidence.Send, Host: "203.0.113.9"}, "? no rule places the address 203.0.113.9"},
		{Site{Kind: evidence.Send, Host: "redis"}, "? redis is an internal host name"},
		{Site{Kind: evidence.Send, Host: "api.example.io"}, "? no public rule places api.example.io"},
		{Site{Kind: evidence.Send, Host: "api-eu.mixpanel.com"}, "? api-eu.mixpanel.com: Mixpanel EU residency names no country"},
		{Site{Kind: evidence.Store, Host: "acct.blob.core.windows.net"}, "? acct.blob.core.windows.net is an Azure public-cloud host"},
		{Site{Kind: evidence.Store, Host: "s3.ap-northeast-2.amazonaws.com"}, "KR ap-northeast-2 AWS S3 endpoint"},
		{Site{Kind: evidence.Store, Provider: "aws", Region: "ap-northeast-2"}, "KR ap-northeast-2 "},
		{Site{Kind: evidence.Store, Provider: "aws", Region: "mars-north-1"}, `? AWS location "mars-north-1" is not known to noticevet`},
		{Site{Kind: evidence.Store, Provider: "google", Region: "ASIA1"}, "JP ASIA1 "},
		{Site{Kind: evidence.Store, Unresolved: "the DSN comes from os.Getenv(\"DSN\")"}, "? the DSN comes from"},
	}
	for _, tt := range tests {
		es := Evidence(tt.site, testPlacer)
		var got []string
		for _, e := range es {
			if e.Country == "" {
				got = append(got, "? "+e.Unresolved)
				continue
			}
			got = append(got, e.Country+" "+e.Region+" "+e.Via)
		}
		if len(got) == 0 || !strings.HasPrefix(got[0], tt.want) {
			t.Errorf("Evidence(%+v) = %q, want %q…", tt.site, got, tt.want)
		}
	}
}

// An Azure public-cloud host names no region: the account it names lets
// check place it by the Terraform resource of that account.
func TestEvidenceNamesAzureAccount(t *testing.T) {
	es := Evidence(Site{Kind: "store", What: "azblob.Client.UploadBuffer", Host: "backupkr.blob.core.windows.net"}, nil)
	if len(es) != 1 || es[0].Country != "" || len(es[0].Stores) != 1 || es[0].Stores[0].Name != "backupkr" {
		t.Errorf("got %+v", es)
	}
}

func TestStoreName(t *testing.T) {
	url := Handle{Kind: hStoreName, Service: "sqs-queue", URL: true}
	name := Handle{Kind: hStoreName, Service: "s3-bucket"}
	for _, tc := range []struct {
		h    Handle
		s    Str
		want string
	}{
		{name, lit("media"), "media"},
		{name, concat(lit("media-"), hole("os.Getenv")), ""},
		{name, lit(""), ""},
		{url, lit("https://sqs.ap-northeast-2.amazonaws.com/123456789012/signups"), "signups"},
		{url, concat(hole(`os.Getenv("SQS_BASE")`), lit("/signups")), "signups"},
		{url, lit("https://sqs.example/123/signups?x=1"), "signups"},
		// Look-alikes: the name itself unknown, no path, a trailing slash.
		{url, concat(lit("https://sqs.example/123/"), hole("a flag")), ""},
		{url, lit("signups"), ""},
		{url, lit("https://sqs.example/123/"), ""},
	} {
		got, ok := storeName(tc.h, tc.s)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("storeName(%+v) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

// A site through a function of another package whose host no rule places
// gets its reason only here: a name too long for the note names the types
// without their packages; a short one, or one that is placed, stays.
func TestEvidenceFitsName(t *testing.T) {
	long := "limits.RequestLimitMiddleware.GlobalRequestLimiter (chatsdk.Session.ChannelMessageSendComplex) to api.partner.example.io"
	for _, tt := range []struct{ what, host, want string }{
		{long, "api.partner.example.io", "GlobalRequestLimiter (Session.ChannelMessageSendComplex) to api.partner.example.io"},
		{"hook.Post (http.Post) to api.example.io", "api.example.io", "hook.Post (http.Post) to api.example.io"},
		{long, "api.partner.cn", long},
	} {
		es := Evidence(Site{Kind: evidence.Send, What: tt.what, Host: tt.host}, testPlacer)
		if len(es) != 1 || es[0].What != tt.want {
			t.Errorf("Evidence(%q) names %q, want %q", tt.what, es[0].What, tt.want)
		}
	}
}
