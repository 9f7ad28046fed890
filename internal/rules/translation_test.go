package rules

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

// in returns a claim of a notice file: "PRIVACY.md" is English, a path with
// ".ja." Japanese.
func in(path string, line int, k notices.Kind, s notices.Scope, countries ...string) notices.Claim {
	lang := "en"
	if strings.Contains(path, ".ja.") {
		lang = "ja"
	}
	return notices.Claim{Kind: k, Scope: s, Countries: country.Expand(countries), Path: path, Line: line, Column: 1, Text: "statement", Lang: lang}
}

const (
	en = "PRIVACY.md"
	ja = "PRIVACY.ja.md"
)

func TestTranslationMismatch(t *testing.T) {
	eu, _ := country.Members("EU")
	tests := []struct {
		name   string
		claims []notices.Claim
		home   string
		want   []string
	}{
		{
			name: "one is exclusive, the other names a country more",
			claims: []notices.Claim{
				in(ja, 5, notices.Storage, notices.Exclusive, "JP"),
				in(en, 9, notices.Storage, notices.Inclusive, "JP", "KR"),
			},
			home: "JP",
			want: []string{"PRIVACY.ja.md:5 translation-mismatch KR @9", "PRIVACY.md:9 translation-mismatch @5"},
		},
		{
			name: "a vague version omits what the other names",
			claims: []notices.Claim{
				in(en, 3, notices.Storage, notices.Inclusive, "JP"),
				in(en, 7, notices.Transfer, notices.Inclusive, "KR", "US"),
				in(ja, 4, notices.Storage, notices.Inclusive, "JP"),
				in(ja, 8, notices.Transfer, notices.VagueForeign),
			},
			home: "JP",
			want: []string{"PRIVACY.ja.md:8 translation-mismatch @7"},
		},
		{
			name: "a kind the other version never speaks of: its first statement",
			claims: []notices.Claim{
				in(ja, 4, notices.Storage, notices.Inclusive, "KR"),
				in(en, 2, notices.Transfer, notices.Negative, "CN"),
				in(en, 6, notices.Access, notices.Inclusive, "KR"),
			},
			home: "JP",
			want: []string{"PRIVACY.ja.md:4 translation-mismatch KR @6", "PRIVACY.md:2 translation-mismatch KR @4"},
		},
		{
			name: "the closest statement shares the most countries",
			claims: []notices.Claim{
				in(en, 3, notices.Storage, notices.Inclusive, "SG"),
				in(en, 5, notices.Storage, notices.Inclusive, "US"),
				in(ja, 4, notices.Storage, notices.Inclusive, "US", "VN"),
				in(ja, 6, notices.Storage, notices.Inclusive, "SG"),
			},
			home: "JP",
			want: []string{"PRIVACY.md:5 translation-mismatch VN @4"},
		},
		{
			name: "exclusive transfer in one, vague transfer in the other",
			claims: []notices.Claim{
				in(ja, 3, notices.Transfer, notices.Exclusive, "JP"),
				in(en, 3, notices.Storage, notices.Exclusive, "JP"),
				in(en, 8, notices.Transfer, notices.VagueForeign),
			},
			home: "JP",
			want: []string{"PRIVACY.md:8 translation-mismatch @3"},
		},
		{
			name: "a group against its members, both ways",
			claims: []notices.Claim{
				in(en, 4, notices.Storage, notices.Inclusive, "EU"),
				in(ja, 4, notices.Storage, notices.Inclusive, "JP"),
			},
			home: "JP",
			want: []string{"PRIVACY.ja.md:4 translation-mismatch @4"},
		},
		// Look-alikes: the versions agree.
		{
			name: "same countries, different wording",
			claims: []notices.Claim{
				in(en, 5, notices.Storage, notices.Inclusive, "JP", "KR"),
				in(en, 9, notices.Access, notices.Inclusive, "VN"),
				in(ja, 4, notices.Storage, notices.Inclusive, "KR"),
				in(ja, 5, notices.Storage, notices.Inclusive, "JP"),
				in(ja, 7, notices.Access, notices.Inclusive, "VN"),
			},
			home: "JP",
		},
		{
			name: "the EU against a list of its members",
			claims: []notices.Claim{
				in(en, 5, notices.Transfer, notices.Inclusive, "EU"),
				in(ja, 5, notices.Transfer, notices.Inclusive, eu...),
			},
			home: "JP",
		},
		{
			name: "the EEA against the EU and Iceland, Liechtenstein, Norway",
			claims: []notices.Claim{
				in(en, 5, notices.Transfer, notices.Exclusive, "EEA"),
				in(ja, 5, notices.Transfer, notices.Exclusive, append(append([]string{}, eu...), "IS", "LI", "NO")...),
			},
			home: "JP",
		},
		{
			name: "only Japan against not outside Japan",
			claims: []notices.Claim{
				in(en, 5, notices.Transfer, notices.Negative, "JP"),
				in(ja, 5, notices.Transfer, notices.Exclusive, "JP"),
				in(ja, 6, notices.Storage, notices.Inclusive, "JP"),
				in(en, 6, notices.Storage, notices.Inclusive, "JP"),
			},
			home: "JP",
		},
		{
			name: "「国外に移転しません」 against only Japan",
			claims: []notices.Claim{
				outside(in(ja, 5, notices.Transfer, notices.Negative)),
				in(en, 5, notices.Transfer, notices.Exclusive, "JP"),
				in(en, 6, notices.Transfer, notices.Inclusive, "JP"),
			},
			home: "JP",
		},
		{
			name: "transfer agrees with every kind",
			claims: []notices.Claim{
				in(ja, 5, notices.Transfer, notices.Inclusive, "KR"),
				in(en, 5, notices.Access, notices.Inclusive, "KR"),
				in(en, 6, notices.Storage, notices.Inclusive, "SG"),
				in(ja, 7, notices.Transfer, notices.Inclusive, "SG"),
			},
			home: "JP",
		},
		{
			name: "a recipient table against prose",
			claims: []notices.Claim{
				func() notices.Claim {
					c := in(en, 12, notices.Transfer, notices.Inclusive, "KR", "US")
					c.Table = true
					return c
				}(),
				in(ja, 8, notices.Transfer, notices.Inclusive, "KR"),
				in(ja, 9, notices.Transfer, notices.Inclusive, "US"),
			},
			home: "JP",
		},
		{
			name: "the home country needs no naming",
			claims: []notices.Claim{
				in(en, 5, notices.Storage, notices.Inclusive, "JP", "KR"),
				in(ja, 5, notices.Storage, notices.Inclusive, "KR"),
			},
			home: "JP",
		},
		{
			name: "a version silent on a kind is not weaker",
			claims: []notices.Claim{
				in(ja, 5, notices.Access, notices.Exclusive, "JP"),
				in(en, 5, notices.Storage, notices.Inclusive, "JP"),
			},
			home: "JP",
		},
		{
			name: "files in one language are not compared",
			claims: []notices.Claim{
				in(en, 5, notices.Storage, notices.Exclusive, "JP"),
				in("docs/privacy.md", 5, notices.Storage, notices.Inclusive, "JP", "KR"),
			},
			home: "JP",
		},
		{
			name: "one notice",
			claims: []notices.Claim{
				in(ja, 5, notices.Storage, notices.Exclusive, "JP"),
				in(ja, 9, notices.Storage, notices.Inclusive, "KR"),
			},
			home: "JP",
		},
		{
			name: "a denial names nothing",
			claims: []notices.Claim{
				in(en, 5, notices.Storage, notices.Negative, "CN"),
				in(ja, 5, notices.Storage, notices.Inclusive, "JP"),
			},
			home: "JP",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check(Input{Claims: tt.claims, Home: tt.home})
			var mism []Finding
			for _, f := range fs {
				if f.Rule == TranslationMismatch {
					mism = append(mism, f)
					if f.Severity != Warning || f.Claim == nil || f.Message == "" {
						t.Errorf("finding %+v", f)
					}
				}
			}
			if g := got(mism); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("got %q\nwant %q", g, tt.want)
				for _, f := range mism {
					t.Log(f.Message)
				}
			}
		})
	}
}

func TestTranslationMessages(t *testing.T) {
	tests := []struct {
		claims []notices.Claim
		home   string
		want   []string
	}{
		{
			claims: []notices.Claim{
				in(ja, 5, notices.Storage, notices.Exclusive, "JP"),
				in(en, 9, notices.Storage, notices.Inclusive, "JP", "KR"),
			},
			home: "JP",
			want: []string{
				"PRIVACY.ja.md:5: the Japanese version does not name South Korea: it says personal data is stored only in Japan, while PRIVACY.md:9 says it is stored in Japan and South Korea",
				"PRIVACY.md:9: the English version is not exclusive: it says personal data is stored in Japan and South Korea, while PRIVACY.ja.md:5 says it is stored only in Japan",
			},
		},
		{
			claims: []notices.Claim{
				in(ja, 5, notices.Storage, notices.Exclusive, "JP"),
				in(en, 9, notices.Storage, notices.Exclusive, "JP", "KR"),
			},
			home: "JP",
			want: []string{
				"PRIVACY.ja.md:5: the Japanese version does not name South Korea: it says personal data is stored only in Japan, while PRIVACY.md:9 says it is stored only in Japan and South Korea",
			},
		},
		{
			claims: []notices.Claim{
				in(en, 3, notices.Transfer, notices.Exclusive, "JP", "KR"),
				in(ja, 4, notices.Transfer, notices.Inclusive, "JP"),
			},
			home: "JP",
			want: []string{
				"PRIVACY.ja.md:4: the Japanese version does not name South Korea and is not exclusive: it says personal data is transferred to Japan, while PRIVACY.md:3 says it stays in Japan and South Korea",
			},
		},
		{
			claims: []notices.Claim{
				in(en, 7, notices.Transfer, notices.Inclusive, "KR", "US"),
				in(ja, 8, notices.Transfer, notices.VagueForeign),
			},
			home: "JP",
			want: []string{
				"PRIVACY.ja.md:8: the Japanese version does not name South Korea and the United States: it says personal data may go abroad, while PRIVACY.md:7 says it is transferred to South Korea and the United States",
			},
		},
		{
			claims: []notices.Claim{
				outside(in(ja, 5, notices.Transfer, notices.Negative)),
				in(en, 6, notices.Transfer, notices.VagueForeign),
			},
			home: "JP",
			want: []string{
				"PRIVACY.md:6: the English version is not exclusive: it says personal data may go abroad, while PRIVACY.ja.md:5 says it is not transferred outside Japan",
			},
		},
		{
			claims: []notices.Claim{
				in(ja, 4, notices.Storage, notices.Inclusive, "KR"),
				in(en, 2, notices.Access, notices.Inclusive, "KR"),
			},
			home: "JP",
			want: []string{
				"PRIVACY.ja.md:4: the Japanese version does not name South Korea: it says nothing of where personal data is accessed from, while PRIVACY.md:2 says it is accessed from South Korea",
				"PRIVACY.md:2: the English version does not name South Korea: it says nothing of where personal data is stored, while PRIVACY.ja.md:4 says it is stored in South Korea",
			},
		},
		{
			claims: []notices.Claim{
				in(en, 4, notices.Storage, notices.Inclusive, "EEA", "SG"),
				in(ja, 4, notices.Storage, notices.Inclusive, "JP"),
			},
			home: "JP",
			want: []string{
				"PRIVACY.ja.md:4: the Japanese version does not name the EEA and Singapore: it says personal data is stored in Japan, while PRIVACY.md:4 says it is stored in the EEA and Singapore",
			},
		},
	}
	for _, tt := range tests {
		var msgs []string
		for _, f := range Check(Input{Claims: tt.claims, Home: tt.home}) {
			if f.Rule == TranslationMismatch {
				msgs = append(msgs, f.Pos.Path+":"+strconv.Itoa(f.Pos.Line)+": "+f.Message)
			}
		}
		if !reflect.DeepEqual(msgs, tt.want) {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestTranslationWithEvidence: translation-mismatch sits beside the other
// rules, in the sorted findings.
func TestTranslationWithEvidence(t *testing.T) {
	claims := []notices.Claim{
		in(ja, 5, notices.Storage, notices.Exclusive, "JP"),
		in(ja, 8, notices.Transfer, notices.VagueForeign),
		in(en, 11, notices.Storage, notices.Exclusive, "JP"),
		in(en, 16, notices.Transfer, notices.VagueForeign),
	}
	bucketKR := ev(12, evidence.Store, "aws_s3_bucket.media", "KR", "ap-northeast-2")
	fs := Check(Input{Claims: claims, Home: "JP", Evidence: []evidence.Evidence{bucketKR}})
	want := []string{
		"PRIVACY.ja.md:8 no-country-named @8",
		"PRIVACY.md:16 no-country-named @16",
		"infra/main.tf:12 false-claim KR @5",
	}
	if g := got(fs); !reflect.DeepEqual(g, want) {
		t.Errorf("got %q\nwant %q", g, want)
	}
}
