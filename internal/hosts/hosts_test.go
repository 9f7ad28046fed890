package hosts

import "testing"

func TestPlace(t *testing.T) {
	tests := []struct {
		host            string
		country, region string
		ok              bool
	}{
		// AWS S3: virtual-hosted, path-style, dual-stack, legacy dash, website.
		{"s3.ap-northeast-2.amazonaws.com", "KR", "ap-northeast-2", true},
		{"media.s3.ap-northeast-2.amazonaws.com", "KR", "ap-northeast-2", true},
		{"my.dotted.bucket.s3.eu-west-1.amazonaws.com", "IE", "eu-west-1", true},
		{"s3.dualstack.ap-east-1.amazonaws.com", "HK", "ap-east-1", true},
		{"prod.s3.dualstack.ap-east-1.amazonaws.com", "HK", "ap-east-1", true},
		{"s3-us-west-2.amazonaws.com", "US", "us-west-2", true},
		{"bucket.s3-ap-northeast-1.amazonaws.com", "JP", "ap-northeast-1", true},
		{"site.s3-website-eu-central-1.amazonaws.com", "DE", "eu-central-1", true},
		{"site.s3-website.ap-southeast-1.amazonaws.com", "SG", "ap-southeast-1", true},
		{"S3.AP-NORTHEAST-2.AMAZONAWS.COM:443", "KR", "ap-northeast-2", true},
		{"s3.ap-northeast-2.amazonaws.com.", "KR", "ap-northeast-2", true},
		// S3-compatible stores: Backblaze B2, Wasabi, Scaleway.
		{"s3.eu-central-003.backblazeb2.com", "NL", "eu-central-003", true},
		{"media.s3.eu-central-003.backblazeb2.com", "NL", "eu-central-003", true},
		{"s3.us-west-004.backblazeb2.com", "US", "", true},
		{"s3.eu-central-2.wasabisys.com", "DE", "eu-central-2", true},
		{"s3.de-1.wasabisys.com", "DE", "de-1", true},
		{"s3.ap-northeast-1.wasabisys.com", "JP", "ap-northeast-1", true},
		{"s3.fr-par.scw.cloud", "FR", "fr-par", true},
		{"bucket.s3.pl-waw.scw.cloud", "PL", "pl-waw", true},
		{"s3.wasabisys.com", "", "", false},
		{"s3.eu-central-9.wasabisys.com", "", "", false},
		{"s3.fr-par.scw.cloud.evil.example", "", "", false},
		{"api.backblazeb2.com", "", "", false},
		// DigitalOcean Spaces, OVHcloud, Cloudflare R2.
		{"fra1.digitaloceanspaces.com", "DE", "fra1", true},
		{"media.sgp1.digitaloceanspaces.com", "SG", "sgp1", true},
		{"media.fra1.cdn.digitaloceanspaces.com", "", "", false},
		{"digitaloceanspaces.com", "", "", false},
		{"s3.gra.io.cloud.ovh.net", "FR", "gra", true},
		{"media.s3.waw.perf.cloud.ovh.net", "PL", "waw", true},
		{"s3.bhs.cloud.ovh.net", "CA", "bhs", true},
		{"s3.xyz.io.cloud.ovh.net", "", "", false},
		{"0123abcd.fedramp.r2.cloudflarestorage.com", "US", "", true},
		{"0123abcd.us.r2.cloudflarestorage.com", "US", "", true},
		{"0123abcd.eu.r2.cloudflarestorage.com", "", "", false},
		{"0123abcd.r2.cloudflarestorage.com", "", "", false},
		{"cluster0.ab1cd.mongodb.net", "", "", false},
		// Elastic Cloud.
		{"my-deployment.es.eu-central-1.aws.elastic-cloud.com", "DE", "eu-central-1", true},
		{"abc123.us-east-1.aws.found.io", "US", "us-east-1", true},
		{"abc123.europe-west3.gcp.cloud.es.io", "DE", "europe-west3", true},
		{"logs.es.japaneast.azure.elastic-cloud.com", "JP", "japaneast", true},
		{"abc123.nowhere-1.aws.found.io", "", "", false},
		// AWS China.
		{"s3.cn-north-1.amazonaws.com.cn", "CN", "cn-north-1", true},
		{"bucket.s3.cn-northwest-1.amazonaws.com.cn", "CN", "cn-northwest-1", true},
		{"something.amazonaws.com.cn", "CN", "", true},
		{"s3.dualstack.cn-north-1.api.amazonwebservices.com.cn", "CN", "", true},
		// SQS, RDS, generic regional endpoints, GovCloud, sovereign, ISO.
		{"sqs.us-east-1.amazonaws.com", "US", "us-east-1", true},
		{"mydb.abc123xyz.ap-northeast-2.rds.amazonaws.com", "KR", "ap-northeast-2", true},
		{"dynamodb.eu-west-3.amazonaws.com", "FR", "eu-west-3", true},
		{"kinesis.us-gov-west-1.amazonaws.com", "US", "us-gov-west-1", true},
		{"s3.eusc-de-east-1.amazonaws.eu", "DE", "eusc-de-east-1", true},
		{"s3.ap-south-1.api.aws", "IN", "ap-south-1", true},
		{"s3.us-iso-east-1.c2s.ic.gov", "US", "", true},
		// Google Cloud locational endpoints and Firebase.
		{"europe-west4-aiplatform.googleapis.com", "NL", "europe-west4", true},
		{"us-central1-aiplatform.googleapis.com", "US", "us-central1", true},
		{"asia-northeast3-pubsub.googleapis.com", "KR", "asia-northeast3", true},
		{"chat-app.asia-southeast1.firebasedatabase.app", "SG", "asia-southeast1", true},
		{"chat-app.europe-west1.firebasedatabase.app", "BE", "europe-west1", true},
		{"chat-app.firebaseio.com", "US", "us-central1", true},
		// Alibaba Cloud.
		{"oss-cn-hangzhou.aliyuncs.com", "CN", "cn-hangzhou", true},
		{"media.oss-ap-northeast-1.aliyuncs.com", "JP", "ap-northeast-1", true},
		{"oss-cn-shanghai-internal.aliyuncs.com", "CN", "cn-shanghai", true},
		{"ecs.cn-hangzhou.aliyuncs.com", "CN", "cn-hangzhou", true},
		{"business.ap-southeast-1.aliyuncs.com", "SG", "ap-southeast-1", true},
		// Azure sovereign clouds.
		{"acct.blob.core.chinacloudapi.cn", "CN", "", true},
		{"acct.blob.core.usgovcloudapi.net", "US", "", true},
		{"myvault.vault.azure.cn", "CN", "", true},
		// Other clouds.
		{"b.objectstorage.ap-tokyo-1.oci.customer-oci.com", "JP", "ap-tokyo-1", true},
		{"objectstorage.ap-seoul-1.oraclecloud.com", "KR", "ap-seoul-1", true},
		{"ecs.cn-north-4.myhuaweicloud.com", "CN", "cn-north-4", true},
		{"examplebucket-1250000000.cos.ap-seoul.myqcloud.com", "KR", "ap-seoul", true},
		{"cos.ap-guangzhou.myqcloud.com", "CN", "ap-guangzhou", true},
		{"swiftobjectstorage.us-ashburn-1.oraclecloud.com", "US", "us-ashburn-1", true},
		{"mydbcluster.cluster-123456789012.ap-northeast-1.rds.amazonaws.com", "JP", "ap-northeast-1", true},
		{"kr1-api-object-storage.nhncloudservice.com", "KR", "KR1", true},
		// SaaS.
		{"api.datadoghq.com", "US", "", true},
		{"http-intake.logs.ap1.datadoghq.com", "JP", "", true},
		{"api.ap2.datadoghq.com", "AU", "", true},
		{"api.datadoghq.eu", "DE", "", true},
		{"browser-intake-ap1-datadoghq.com", "JP", "", true},
		{"o123.ingest.de.sentry.io", "DE", "", true},
		{"o123.ingest.us.sentry.io", "US", "", true},
		{"o123.ingest.sentry.io", "US", "", true},
		{"events.eu1.segmentapis.com", "IE", "", true},
		{"eu1.api.segmentapis.com", "IE", "", true},
		{"api.segment.io", "US", "", true},
		{"api-in.mixpanel.com", "IN", "", true},
		{"api.mixpanel.com", "US", "", true},
		{"collector.newrelic.com", "US", "", true},
		{"api.postmarkapp.com", "US", "", true},
		{"example.auth0.com", "US", "", true},
		{"example.us.auth0.com", "US", "", true},
		{"example.au.auth0.com", "AU", "", true},
		{"example.jp.auth0.com", "JP", "", true},
		{"example.ca.auth0.com", "CA", "", true},
		{"example.uk.auth0.com", "GB", "", true},
		{"us.i.posthog.com", "US", "", true},
		{"us.posthog.com", "US", "", true},
		{"api2.amplitude.com", "US", "", true},
		{"api.dublin.ie1.twilio.com", "IE", "", true},
		{"api.twilio.com", "US", "", true},
		{"verify.twilio.com", "US", "", true},
		// Country-code TLDs, second-level included.
		{"api.partner.cn", "CN", "", true},
		{"shop.example.com.cn", "CN", "", true},
		{"api.example.kr", "KR", "", true},
		{"api.example.co.kr", "KR", "", true},
		{"api.example.jp", "JP", "", true},
		{"api.example.co.jp", "JP", "", true},
		{"api.example.co.uk", "GB", "", true},
		{"api.example.de", "DE", "", true},
		// Look-alikes and hosts no rule places.
		{"s3.amazonaws.com", "", "", false},
		{"bucket.s3.amazonaws.com", "", "", false},
		{"evil-amazonaws.com", "", "", false},
		{"s3.ap-northeast-2.evil-amazonaws.com", "", "", false},
		{"amazonaws.com.cn.evil.com", "", "", false},
		{"s3.ap-northeast-9.amazonaws.com", "", "", false},
		{"s3.nowhere.amazonaws.com", "", "", false},
		{"aiplatform.googleapis.com", "", "", false},
		{"storage.googleapis.com", "", "", false},
		{"pubsub.googleapis.com", "", "", false},
		{"example-googleapis.com", "", "", false},
		{"acct.blob.core.windows.net", "", "", false},
		{"example.io", "", "", false},
		{"api.example.io", "", "", false},
		{"example.co", "", "", false},
		{"example.ai", "", "", false},
		{"example.me", "", "", false},
		{"example.tv", "", "", false},
		{"example.fm", "", "", false},
		{"bit.ly", "", "", false},
		{"example.gg", "", "", false},
		{"example.sh", "", "", false},
		{"example.to", "", "", false},
		{"example.app", "", "", false},
		{"example.com", "", "", false},
		{"example.eu", "", "", false},
		{"cn", "", "", false},
		{"db", "", "", false},
		{"10.0.0.1", "", "", false},
		{"", "", "", false},
		{"api.eu.amplitude.com", "", "", false},
		{"api-eu.mixpanel.com", "", "", false},
		{"api.stripe.com", "", "", false},
		{"collector.eu01.nr-data.net", "", "", false},
		{"example.eu.auth0.com", "", "", false},
		{"example.okta-emea.com", "", "", false},
		{"example.okta.com", "", "", false}, // the org's cell may be in the US, Australia, Ireland, Japan, Canada or India
		{"eu.i.posthog.com", "", "", false},
		{"posthog.com.evil.io", "", "", false},
		{"example.oktapreview.com", "", "", false},
		{"auth0.com.evil.io", "", "", false},
		{"evil-okta.com", "", "", false},
		{"notdatadoghq.com", "", "", false},
		{"datadoghq.com.evil.io", "", "", false},
	}
	for _, tt := range tests {
		c, r, via, ok := Place(tt.host)
		if c != tt.country || r != tt.region || ok != tt.ok {
			t.Errorf("Place(%q) = %q, %q, %q, %v; want %q, %q, _, %v", tt.host, c, r, via, ok, tt.country, tt.region, tt.ok)
		}
		if ok && via == "" {
			t.Errorf("Place(%q): no via", tt.host)
		}
	}
}

func TestPlaceVia(t *testing.T) {
	for host, want := range map[string]string{
		"api.partner.cn":                  "country-code TLD .cn",
		"s3.ap-northeast-2.amazonaws.com": "AWS S3 endpoint",
		"api.eu.amplitude.com":            "Amplitude EU data center names no country",
		"o1.ingest.de.sentry.io":          "Sentry EU data storage",
	} {
		if _, _, via, _ := Place(host); via != want {
			t.Errorf("Place(%q) via = %q, want %q", host, via, want)
		}
	}
}

func TestGeneric(t *testing.T) {
	for _, tld := range []string{"io", "co", "ai", "me", "tv", "fm", "ly", "gg", "sh", "to", "IO"} {
		if !Generic(tld) {
			t.Errorf("Generic(%q) = false", tld)
		}
	}
	for _, tld := range []string{"cn", "kr", "jp", "uk", "de", "com", "app"} {
		if Generic(tld) {
			t.Errorf("Generic(%q) = true", tld)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"API.Example.CN:443": "api.example.cn",
		"example.cn.":        "example.cn",
		"[::1]:8080":         "::1",
		"::1":                "::1",
		" host ":             "host",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTables loads every embedded table; a malformed row panics.
func TestTables(t *testing.T) {
	tb := parse(cloudTSV, saasTSV, genericTSV)
	if len(tb.cloud) < 30 || len(tb.saas) < 30 || len(tb.generic) < 20 {
		t.Errorf("tables too small: %d cloud rows, %d SaaS rows, %d generic TLDs", len(tb.cloud), len(tb.saas), len(tb.generic))
	}
}

func TestBadRows(t *testing.T) {
	bad := []struct{ cloud, saas, generic string }{
		{"p\tpr\tc\tv\ts\n*.{region}.x.com\t-\t-\tvia\tsrc\n", "d\tc\tv\ts\n", "t\ts\n"},
		{"p\tpr\tc\tv\ts\nx.com\t-\tZZ\tvia\tsrc\n", "d\tc\tv\ts\n", "t\ts\n"},
		{"p\tpr\tc\tv\ts\nx.com\t-\t-\tvia\tsrc\n", "d\tc\tv\ts\n", "t\ts\n"},
		{"p\tpr\tc\tv\ts\n*.{region}.x.com\tnope\t-\tvia\tsrc\n", "d\tc\tv\ts\n", "t\ts\n"},
		{"p\tpr\tc\tv\ts\n", "d\tc\tv\ts\nX.com\tUS\tv\ts\n", "t\ts\n"},
		{"p\tpr\tc\tv\ts\n", "d\tc\tv\ts\na.com\tUS\tv\ts\na.com\tUS\tv\ts\n", "t\ts\n"},
		{"p\tpr\tc\tv\ts\n", "d\tc\tv\ts\n", "t\ts\ncom\tx\n"},
		{"p\tpr\tc\tv\ts\nx.com\t-\tUS\n", "d\tc\tv\ts\n", "t\ts\n"},
	}
	for i, b := range bad {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("case %d: no panic", i)
				}
			}()
			parse(b.cloud, b.saas, b.generic)
		}()
	}
}

func TestTopLevel(t *testing.T) {
	for label, want := range map[string]bool{"com": true, "kr": true, "io": true, "xn--p1ai": true, "xml": false, "rss": false, "atom": false, "": false, "Com": false} {
		if got := TopLevel(label); got != want {
			t.Errorf("TopLevel(%q) = %v, want %v", label, got, want)
		}
	}
}
