package goevidence

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

type testPlacer struct{}

func (testPlacer) Host(h string) (string, string, bool) {
	if strings.HasSuffix(h, ".internal.example.com") {
		return "JP", "host *.internal.example.com", true
	}
	return "", "", false
}

func (testPlacer) CIDR(p netip.Prefix) (string, string, bool) {
	if netip.MustParsePrefix("198.51.100.0/24").Overlaps(p) {
		return "CN", "shanghai-contractor", true
	}
	return "", "", false
}

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
		es := Evidence(tt.site, testPlacer{})
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

func TestHostStore(t *testing.T) {
	for host, want := range map[string]string{
		"examplebackupkr.blob.core.windows.net": "azure-storage-account/examplebackupkr",
		"Media.Queue.Core.Windows.Net":          "azure-storage-account/media",
		"acct.dfs.core.windows.net":             "azure-storage-account/acct",
		"users.documents.azure.com":             "azure-cosmosdb-account/users",
		// Look-alikes: no account label, a deeper name, another service.
		"blob.core.windows.net":                    "",
		"x.acct.blob.core.windows.net":             "",
		"acct.vault.azure.net":                     "",
		"acct.blob.core.chinacloudapi.cn":          "",
		"media.s3.ap-northeast-2.amazonaws.com":    "",
		"acct.blob.core.windows.net.attacker.test": "",
	} {
		got := ""
		if st, ok := hostStore(host); ok {
			got = st.Type + "/" + st.Name
		}
		if got != want {
			t.Errorf("hostStore(%q) = %q, want %q", host, got, want)
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
