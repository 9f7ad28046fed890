package goevidence

import (
	"strings"
	"testing"
)

// str builds a Str from pieces: "{why}" is a hole, "{0}" input 0.
func str(pieces ...string) Str {
	var s Str
	for _, p := range pieces {
		switch {
		case p == "{0}":
			s.Parts = append(s.Parts, Part{Param: 1})
		case strings.HasPrefix(p, "{"):
			s.Parts = append(s.Parts, Part{Hole: strings.Trim(p, "{}")})
		default:
			s.Parts = append(s.Parts, Part{Lit: p})
		}
	}
	return s
}

func TestDecode(t *testing.T) {
	name := func(i int) string { return "parameter url of Send" }
	tests := []struct {
		syntax string
		s      Str
		want   string // host, "provider/region", "local", or "? reason"
	}{
		{sURL, str("https://api.partner.cn/v1/users"), "api.partner.cn"},
		{sURL, str("https://api.partner.cn"), "api.partner.cn"},
		{sURL, str("https://API.Partner.CN:8443/x?y=1"), "api.partner.cn"},
		{sURL, str("https://user:pw@api.partner.cn/x"), "api.partner.cn"},
		{sURL, str("//cdn.example.kr/x"), "cdn.example.kr"},
		{sURL, str("api.example.kr/x"), "api.example.kr"},
		{sURL, str("api.example.kr:8443"), "api.example.kr"},
		{sURL, str("203.0.113.7/x"), "203.0.113.7"},
		// Without a scheme, a first segment that is no host name is a
		// reference relative to a base: it goes nowhere by itself.
		{sURL, str("feed.xml"), "nowhere"},
		{sURL, str("rss/feed.xml"), "nowhere"},
		{sURL, str("feed/"), "nowhere"},
		{sURL, str("index.rss"), "nowhere"},
		{sURL, str("https"), "nowhere"},
		{sURL, str("https:./"), "nowhere"},
		{sURL, str("mailto:a@example.kr"), "nowhere"},
		{sURL, str(""), "local"},
		{sURL, str("https://https:./"), `? the URL "https://https:./" names no host`},
		{sURL, str("https://[::1]:8080/x"), "local"},
		{sURL, str("https:./", "{x}"), "nowhere"},
		{sURL, str("https://api.partner.cn/v1/", "{the result of id()}"), "api.partner.cn"},
		{sURL, str("https://api.partner.cn?email=", "{x}"), "api.partner.cn"},
		{sURL, str("http://localhost:8126/v1"), "local"},
		{sURL, str("http://127.0.0.1/v1"), "local"},
		{sURL, str("http://[::1]:80/"), "local"},
		{sURL, str("unix:///var/run/x.sock"), "local"},
		{sURL, str(`{os.Getenv("API")}`, "/v1"), `? the URL comes from os.Getenv("API")`},
		{sURL, str("https://", "{region}", ".api.example.com"), "? the URL comes from region"},
		{sURL, str("https://api.", "{tld}"), "? the URL comes from tld"},
		{sURL, str("https://api.partner.cn", "{suffix}"), "? the URL comes from suffix"},
		{sURL, str("{0}", "/x"), "? the URL comes from parameter url of Send"},
		{sHostPort, str("collector.example.cn:9000"), "collector.example.cn"},
		{sHostPort, str("collector.example.cn:", "{port}"), "collector.example.cn"},
		{sHostPort, str("{host}", ":9000"), "? the address comes from host"},
		{sHostPort, str(":9000"), "local"},
		{sHostPort, str("/var/run/redis/redis.sock"), "local"},
		{sCloudID, str("my-deployment:ZXVyb3BlLXdlc3QzLmdjcC5jbG91ZC5lcy5pbyRhYmMxMjMkZGVmNDU2"), "abc123.europe-west3.gcp.cloud.es.io"},
		{sCloudID, str("name:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbzo0NDMkZXNpZCRrYmlk"), "esid.us-east-1.aws.found.io"},
		{sCloudID, str("no-colon"), `? the Cloud ID "no-colon" has no ':'`},
		{sCloudID, str("name:!!!"), `? the Cloud ID "name:!!!" is not base64 after ':'`},
		{sCloudID, str(`{os.Getenv("ELASTIC_CLOUD_ID")}`), `? the Cloud ID comes from os.Getenv("ELASTIC_CLOUD_ID")`},
		{sHostPort, str("[2001:db8::1]:443"), "2001:db8::1"},
		{sGRPC, str("dns:///sync.example.kr:443"), "sync.example.kr"},
		{sGRPC, str("dns://8.8.8.8/sync.example.kr:443"), "sync.example.kr"},
		{sGRPC, str("passthrough:///10.0.0.7:50051"), "10.0.0.7"},
		{sGRPC, str("profile.partner.cn:443"), "profile.partner.cn"},
		{sGRPC, str("unix:///tmp/agent.sock"), "local"},
		{sGRPC, str("xds:///profile"), "? the target is an xDS name, resolved at run time"},
		{"dsn:postgres", str("host=db.example.kr port=5432 user=app"), "db.example.kr"},
		{"dsn:postgres", str("user=app host='db.example.kr' dbname=x"), "db.example.kr"},
		{"dsn:pgx", str("postgres://app:pw@db.example.us:5432/app?sslmode=require"), "db.example.us"},
		{"dsn:postgres", str("postgresql://db.example.us/app"), "db.example.us"},
		{"dsn:postgres", str("host=/var/run/postgresql user=app"), "local"},
		{"dsn:postgres", str("user=app dbname=app"), "local"},
		{"dsn:postgres", str("host=", "{os.Getenv(\"PGHOST\")}", " user=app"), `? the DSN comes from os.Getenv("PGHOST")`},
		{"dsn:postgres", str("{os.Getenv(\"DSN\")}"), `? the DSN comes from os.Getenv("DSN")`},
		{"dsn:postgres", str("user=app ", "{rest}"), "? the DSN comes from rest"},
		{"dsn:mysql", str("app:pw@tcp(mysql.example.de:3306)/app"), "mysql.example.de"},
		{"dsn:mysql", str("app:pw@tcp(", "{host}", ")/app"), "? the DSN comes from host"},
		{"dsn:mysql", str("app:pw@unix(/tmp/mysql.sock)/app"), "local"},
		{"dsn:mysql", str("app:pw@/app"), "local"},
		{"dsn:sqlserver", str("sqlserver://sa@mssql.example.sg:1433?database=app"), "mssql.example.sg"},
		{"dsn:sqlserver", str("server=mssql.example.sg;user id=sa;database=app"), "mssql.example.sg"},
		{"dsn:sqlite3", str("file:app.db?cache=shared"), "local"},
		{"dsn:sqlite", str("/data/app.db"), "local"},
		{sAzureConn, str("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=k;EndpointSuffix=core.chinacloudapi.cn"), "acct.blob.core.chinacloudapi.cn"},
		{sAzureConn, str("AccountName=acct;AccountKey=k"), "acct.blob.core.windows.net"},
		{sAzureConn, str("BlobEndpoint=https://acct.blob.core.usgovcloudapi.net/;SharedAccessSignature=x"), "acct.blob.core.usgovcloudapi.net"},
		{sAzureConn, str("UseDevelopmentStorage=true"), "local"},
		{sAzureConn, str("{os.Getenv(\"AZ\")}"), `? the connection string comes from os.Getenv("AZ")`},
		{sAWSRegion, str("ap-northeast-2"), "aws/ap-northeast-2"},
		{sAWSRegion, str("{os.Getenv(\"AWS_REGION\")}"), `? the region comes from os.Getenv("AWS_REGION")`},
		{sGCPRegion, str("asia-northeast3"), "google/asia-northeast3"},
		{sLocal, Str{}, "local"},
	}
	for _, tt := range tests {
		d := decode(tt.syntax, tt.s, name)
		got := d.host
		switch {
		case d.local:
			got = "local"
		case d.nowhere:
			got = "nowhere"
		case d.unresolved != "":
			got = "? " + d.unresolved
		case d.provider != "":
			got = d.provider + "/" + d.region
		}
		if got != tt.want {
			t.Errorf("decode(%s, %s) = %q, want %q", tt.syntax, tt.s, got, tt.want)
		}
	}
}

func TestDecodeFromInput(t *testing.T) {
	d := decode(sURL, str("{0}"), func(int) string { return "parameter url of Send" })
	if !d.fromInput {
		t.Errorf("a URL that is an input: fromInput not set: %+v", d)
	}
	d = decode(sURL, str("{os.Getenv(\"X\")}"), func(int) string { return "" })
	if d.fromInput {
		t.Errorf("a URL from the environment: fromInput set: %+v", d)
	}
}

// FuzzCloudID: a Cloud ID of any text decodes to a host or a reason,
// never a panic.
func FuzzCloudID(f *testing.F) {
	f.Add("my-deployment:ZXVyb3BlLXdlc3QzLmdjcC5jbG91ZC5lcy5pbyRhYmMxMjMkZGVmNDU2")
	f.Add("name:JA==")
	f.Add(":")
	f.Fuzz(func(t *testing.T, s string) {
		d := decode(sCloudID, lit(s), func(int) string { return "x" })
		if d.host == "" && d.unresolved == "" && !d.local {
			t.Errorf("decode(%q) gave neither a host nor a reason", s)
		}
	})
}
