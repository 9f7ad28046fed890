package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

func claim(line int, k notices.Kind, s notices.Scope, countries ...string) notices.Claim {
	return notices.Claim{Kind: k, Scope: s, Countries: countries, Path: "PRIVACY.md", Line: line, Column: 1, Text: "sentence " + string(rune('A'+line)), Lang: "en"}
}

func outside(c notices.Claim) notices.Claim { c.Outside = true; return c }

func ev(line int, k evidence.Kind, what, country, region string) evidence.Evidence {
	return evidence.Evidence{Kind: k, What: what, Country: country, Region: region, Pos: evidence.Pos{Path: "infra/main.tf", Line: line, Column: 1}}
}

// got renders findings compactly: "line rule country".
func got(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		s := f.Pos.Path + ":" + strconv.Itoa(f.Pos.Line) + " " + f.Rule
		if f.Country != "" {
			s += " " + f.Country
		}
		if f.Claim != nil {
			s += " @" + strconv.Itoa(f.Claim.Line)
		}
		out = append(out, s)
	}
	return out
}

func TestCheck(t *testing.T) {
	bucketKR := ev(12, evidence.Store, "aws_s3_bucket.media", "KR", "ap-northeast-2")
	bucketJP := ev(3, evidence.Store, "aws_s3_bucket.logs", "JP", "ap-northeast-1")
	accessCN := ev(20, evidence.Access, "aws_iam_role.ops trust policy", "CN", "")
	sendUS := ev(30, evidence.Send, "http.Post to api.example.com", "US", "")
	tests := []struct {
		name   string
		claims []notices.Claim
		ev     []evidence.Evidence
		home   string
		want   []string
	}{
		{
			name:   "exclusive storage contradicted",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Exclusive, "JP")},
			ev:     []evidence.Evidence{bucketKR, bucketJP},
			want:   []string{"infra/main.tf:12 false-claim KR @5"},
		},
		{
			name:   "inclusive storage discloses",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Inclusive, "JP", "KR")},
			ev:     []evidence.Evidence{bucketKR, bucketJP},
			home:   "JP",
			want:   nil,
		},
		{
			name:   "home data needs no naming",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Inclusive, "KR")},
			ev:     []evidence.Evidence{bucketJP},
			home:   "JP",
			want:   nil,
		},
		{
			name:   "undisclosed when nothing rules it out",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Inclusive, "JP")},
			ev:     []evidence.Evidence{bucketKR},
			home:   "JP",
			want:   []string{"infra/main.tf:12 undisclosed-country KR"},
		},
		{
			name:   "storage claim does not speak of access",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Exclusive, "JP")},
			ev:     []evidence.Evidence{accessCN},
			want:   []string{"infra/main.tf:20 undisclosed-country CN"},
		},
		{
			name:   "negative transfer outside home covers access",
			claims: []notices.Claim{outside(claim(7, notices.Transfer, notices.Negative, "JP"))},
			ev:     []evidence.Evidence{accessCN, bucketJP},
			want:   []string{"infra/main.tf:20 false-claim CN @7"},
		},
		{
			name:   "negative outside with no country uses home",
			claims: []notices.Claim{outside(claim(7, notices.Transfer, notices.Negative))},
			ev:     []evidence.Evidence{sendUS},
			home:   "JP",
			want:   []string{"infra/main.tf:30 false-claim US @7"},
		},
		{
			name:   "negative outside with no home is a note at the claim",
			claims: []notices.Claim{outside(claim(7, notices.Transfer, notices.Negative))},
			ev:     nil,
			want:   []string{"PRIVACY.md:7 unresolved-destination @7"},
		},
		{
			name:   "negative named country",
			claims: []notices.Claim{claim(8, notices.Storage, notices.Negative, "CN"), claim(9, notices.Storage, notices.Inclusive, "KR")},
			ev:     []evidence.Evidence{bucketKR, ev(40, evidence.Store, "aws_s3_bucket.cn", "CN", "cn-north-1")},
			home:   "JP",
			want:   []string{"infra/main.tf:40 false-claim CN @8"},
		},
		{
			name:   "the earliest contradicted claim is named",
			claims: []notices.Claim{claim(9, notices.Transfer, notices.Exclusive, "JP"), claim(4, notices.Storage, notices.Exclusive, "JP")},
			ev:     []evidence.Evidence{bucketKR},
			want:   []string{"infra/main.tf:12 false-claim KR @4"},
		},
		{
			name:   "vague foreign with no country named",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Exclusive, "JP"), claim(9, notices.Transfer, notices.VagueForeign)},
			ev:     []evidence.Evidence{bucketKR, accessCN},
			want:   []string{"PRIVACY.md:9 no-country-named @9", "infra/main.tf:12 false-claim KR @5", "infra/main.tf:20 undisclosed-country CN"},
		},
		{
			name:   "vague foreign answered by a named country",
			claims: []notices.Claim{claim(9, notices.Transfer, notices.VagueForeign), claim(10, notices.Transfer, notices.Inclusive, "KR")},
			ev:     []evidence.Evidence{bucketKR},
			home:   "JP",
			want:   nil,
		},
		{
			name:   "vague foreign fires without evidence",
			claims: []notices.Claim{claim(9, notices.Access, notices.VagueForeign)},
			home:   "JP",
			want:   []string{"PRIVACY.md:9 no-country-named @9"},
		},
		{
			name:   "naming only the home country does not answer a vague statement",
			claims: []notices.Claim{claim(9, notices.Transfer, notices.VagueForeign), claim(10, notices.Storage, notices.Inclusive, "JP")},
			home:   "JP",
			want:   []string{"PRIVACY.md:9 no-country-named @9"},
		},
		{
			name:   "a denial is not a vague statement",
			claims: []notices.Claim{outside(claim(9, notices.Transfer, notices.Negative, "JP"))},
			want:   nil,
		},
		{
			name:   "unresolved evidence is a note",
			claims: []notices.Claim{claim(5, notices.Storage, notices.Exclusive, "JP")},
			ev:     []evidence.Evidence{{Kind: evidence.Store, What: "aws_s3_bucket.x", Unresolved: "region comes from var.region, which has no value", Pos: evidence.Pos{Path: "infra/main.tf", Line: 2, Column: 1}}},
			want:   []string{"infra/main.tf:2 unresolved-destination"},
		},
		{
			name:   "exclusive access contradicted",
			claims: []notices.Claim{claim(3, notices.Access, notices.Exclusive, "JP")},
			ev:     []evidence.Evidence{accessCN, bucketKR},
			want:   []string{"infra/main.tf:12 undisclosed-country KR", "infra/main.tf:20 false-claim CN @3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := Home(tt.home, tt.claims)
			fs := Check(Input{Claims: tt.claims, Evidence: tt.ev, Home: home})
			if g := strings.Join(got(fs), "\n"); g != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", g, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestOneFindingPerSiteAndCountry(t *testing.T) {
	a := ev(12, evidence.Store, "aws_s3_bucket.this", "KR", "ap-northeast-2")
	a.Instances = []string{"module.b"}
	b := a
	b.Instances = []string{"module.a"}
	c := a
	c.Instances = []string{"module.c", "module.d"}
	fs := Check(Input{Claims: []notices.Claim{claim(5, notices.Storage, notices.Exclusive, "JP")}, Evidence: []evidence.Evidence{a, b, c}})
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(fs), got(fs))
	}
	want := "aws_s3_bucket.this stores personal data in South Korea (ap-northeast-2) via module.a, module.b and 2 more, but PRIVACY.md:5 says it is stored only in Japan"
	if fs[0].Message != want {
		t.Errorf("message:\n%s\nwant:\n%s", fs[0].Message, want)
	}
}

func TestMessages(t *testing.T) {
	claims := []notices.Claim{claim(5, notices.Storage, notices.Exclusive, "JP"), claim(9, notices.Transfer, notices.VagueForeign)}
	access := ev(20, evidence.Access, "aws_iam_role.ops trust policy", "CN", "")
	access.Via = "entity shanghai-affiliate, AWS account 222233334444"
	fs := Check(Input{Claims: claims, Evidence: []evidence.Evidence{ev(12, evidence.Store, "aws_s3_bucket.media", "KR", "ap-northeast-2"), access}, Home: "JP"})
	want := []string{
		"the notice says personal data may go abroad but names no country; the repository puts it in China and South Korea",
		"aws_s3_bucket.media stores personal data in South Korea (ap-northeast-2), but PRIVACY.md:5 says it is stored only in Japan",
		"aws_iam_role.ops trust policy makes personal data accessible from China (entity shanghai-affiliate, AWS account 222233334444), which the notice never names",
	}
	if len(fs) != len(want) {
		t.Fatalf("got %v", got(fs))
	}
	for i, f := range fs {
		if f.Message != want[i] {
			t.Errorf("finding %d:\n%s\nwant:\n%s", i, f.Message, want[i])
		}
	}
}

func TestHome(t *testing.T) {
	ja := claim(1, notices.Storage, notices.Inclusive, "KR")
	ja.Lang = "ja"
	for _, tt := range []struct {
		cfg    string
		claims []notices.Claim
		want   string
	}{
		{"KR", []notices.Claim{claim(1, notices.Storage, notices.Exclusive, "JP")}, "KR"},
		{"", []notices.Claim{claim(1, notices.Storage, notices.Exclusive, "JP")}, "JP"},
		{"", []notices.Claim{outside(claim(1, notices.Transfer, notices.Negative, "DE"))}, "DE"},
		{"", []notices.Claim{claim(1, notices.Storage, notices.Exclusive, "JP", "KR")}, ""},
		{"", []notices.Claim{ja}, "JP"},
		{"", []notices.Claim{claim(1, notices.Storage, notices.Inclusive, "US")}, ""},
	} {
		if got := Home(tt.cfg, tt.claims); got != tt.want {
			t.Errorf("Home(%q, %v) = %q, want %q", tt.cfg, tt.claims, got, tt.want)
		}
	}
}

func TestRulesDocumented(t *testing.T) {
	for _, r := range All {
		if r.ID == "" || r.Severity == 0 || r.Summary == "" || r.Help == "" || r.Fires == "" || r.Quiet == "" || r.Fix == "" {
			t.Errorf("rule %q is missing documentation", r.ID)
		}
	}
	for _, s := range []string{"note", "warning", "error", "never"} {
		if _, err := ParseSeverity(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity(fatal) succeeded")
	}
}

// TestOutsideWithoutHome: which statements about outside "the country"
// make which finding when no home country is set. One that data may go
// outside it names no country, as "to other countries" does: it is
// no-country-named, home or not. A denial cannot be weighed without
// knowing the country: a note asks for home.
func TestOutsideWithoutHome(t *testing.T) {
	outside := func(scope notices.Scope) notices.Claim {
		c := claim(3, notices.Transfer, scope)
		c.Outside = true
		return c
	}
	for _, c := range []struct {
		claim notices.Claim
		home  string
		want  string
	}{
		{outside(notices.VagueForeign), "", NoCountryNamed},
		{outside(notices.VagueForeign), "JP", NoCountryNamed},
		{claim(3, notices.Transfer, notices.VagueForeign), "", NoCountryNamed},
		{outside(notices.Negative), "", UnresolvedDestination},
		{outside(notices.Negative), "JP", ""},
	} {
		got := Check(Input{Claims: []notices.Claim{c.claim}, Home: c.home})
		rule := ""
		if len(got) > 0 {
			rule = got[0].Rule
		}
		if len(got) > 1 || rule != c.want {
			t.Errorf("%s outside=%v home=%q: got %v, want %q", c.claim.Scope, c.claim.Outside, c.home, got, c.want)
		}
	}
}
