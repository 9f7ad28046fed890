package country

import (
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/tsv"
)

// found renders Find's mentions as "code@name" ("KR@Republic of Korea",
// "JP@Japanese/adj", "EU@the EU/group") for compact comparison.
func found(text string) []string {
	var out []string
	for _, m := range Find(text) {
		s := m.Code + "@" + text[m.Start:m.End]
		if m.Adjective {
			s += "/adj"
		}
		if m.Group {
			s += "/group"
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// CLDR names and the aliases it lacks.
		{"stored in Japan", []string{"JP@Japan"}},
		{"stored in South Korea and Viet Nam", []string{"KR@South Korea", "VN@Viet Nam"}},
		{"the Republic of Korea", []string{"KR@Republic of Korea"}},
		{"Korea", []string{"KR@Korea"}},
		{"ROK", []string{"KR@ROK"}},
		{"the Democratic People's Republic of Korea", []string{"KP@Democratic People's Republic of Korea"}},
		{"the Democratic People’s Republic of Korea", []string{"KP@Democratic People’s Republic of Korea"}},
		{"North Korea and South Korea", []string{"KP@North Korea", "KR@South Korea"}},
		{"Korea, Republic of", []string{"KR@Korea, Republic of"}},
		{"the People's Republic of China", []string{"CN@People's Republic of China"}},
		{"the Republic of China", []string{"TW@Republic of China"}},
		{"mainland China, Hong Kong and Taiwan", []string{"CN@mainland China", "HK@Hong Kong", "TW@Taiwan"}},
		{"Hong Kong, China", []string{"HK@Hong Kong, China"}},
		{"Hong Kong SAR China", []string{"HK@Hong Kong SAR China"}},
		{"Macau and Macao", []string{"MO@Macau", "MO@Macao"}},
		{"the PRC", []string{"CN@PRC"}},
		{"the US, the U.S., the USA and the United States of America", []string{"US@US", "US@U.S.", "US@USA", "US@United States of America"}},
		{"the U.S.A. and America", []string{"US@U.S.A.", "US@America"}},
		{"the UK, Britain, Great Britain, England and Northern Ireland", []string{"GB@UK", "GB@Britain", "GB@Great Britain", "GB@England", "GB@Northern Ireland"}},
		{"Ireland", []string{"IE@Ireland"}},
		{"the Netherlands", []string{"NL@Netherlands"}},
		{"Türkiye or Turkey", []string{"TR@Türkiye", "TR@Turkey"}},
		{"Côte d’Ivoire, Cote d'Ivoire, Ivory Coast", []string{"CI@Côte d’Ivoire", "CI@Cote d'Ivoire", "CI@Ivory Coast"}},
		{"Bosnia and Herzegovina, Bosnia & Herzegovina", []string{"BA@Bosnia and Herzegovina", "BA@Bosnia & Herzegovina"}},
		{"Saint Kitts and Nevis", []string{"KN@Saint Kitts and Nevis"}},
		{"Guinea-Bissau, Guinea Bissau, Equatorial Guinea, Guinea", []string{"GW@Guinea-Bissau", "GW@Guinea Bissau", "GQ@Equatorial Guinea", "GN@Guinea"}},
		{"Papua New Guinea", []string{"PG@Papua New Guinea"}},
		{"the Dominican Republic and Dominica", []string{"DO@Dominican Republic", "DM@Dominica"}},
		{"Sudan and South Sudan", []string{"SD@Sudan", "SS@South Sudan"}},
		{"American Samoa and Samoa", []string{"AS@American Samoa", "WS@Samoa"}},
		{"Democratic Republic of the Congo, Republic of the Congo, Congo", []string{"CD@Democratic Republic of the Congo", "CG@Republic of the Congo", "CG@Congo"}},
		{"Myanmar (Burma)", []string{"MM@Myanmar (Burma)"}},
		{"Georgia", []string{"GE@Georgia"}},
		{"Atlanta, Georgia", []string{"US@Atlanta, Georgia"}},
		{"the state of Georgia", []string{"US@state of Georgia"}},
		{"the  Republic   of\nKorea", []string{"KR@Republic   of\nKorea"}},
		// Groups expand to their members.
		{"the European Union", []string{"EU@European Union/group"}},
		{"the EU and the EEA", []string{"EU@EU/group", "EEA@EEA/group"}},
		{"the European Economic Area", []string{"EEA@European Economic Area/group"}},
		// Adjectives.
		{"Japanese servers", []string{"JP@Japanese/adj"}},
		{"Korean data centers and a Chinese affiliate", []string{"KR@Korean/adj", "CN@Chinese/adj"}},
		{"South Korean and North Korean", []string{"KR@South Korean/adj", "KP@North Korean/adj"}},
		{"an American company", []string{"US@American/adj"}},
		// Japanese.
		{"日本と韓国にあるデータセンター", []string{"JP@日本", "KR@韓国"}},
		{"米国、大韓民国、中華人民共和国、香港", []string{"US@米国", "KR@大韓民国", "CN@中華人民共和国", "HK@香港"}},
		{"アメリカ合衆国", []string{"US@アメリカ合衆国"}},
		{"インドネシアとインド", []string{"ID@インドネシア", "IN@インド"}},
		{"欧州連合", []string{"EU@欧州連合/group"}},
		{"Japanで", []string{"JP@Japan"}},
		// Case rules.
		{"let us know", nil},
		{"Let Us know", nil},
		{"LET US KNOW", nil},
		{"CONTACT US", nil},
		{"STORED IN THE US.", []string{"US@US"}},
		{"STORED IN THE UNITED STATES", []string{"US@UNITED STATES"}},
		{"fine china and a roast turkey", nil},
		{"a japan lacquer box", nil},
		{"the eu", nil},
		{"chad", nil},
		{"Mainland China", []string{"CN@Mainland China"}},
		// Whole words.
		{"Japanesque", nil},
		{"Nigeria", []string{"NG@Nigeria"}},
		{"Indiana", nil},
		{"Omanis", nil},
		{"Japan's and Japan-based", []string{"JP@Japan", "JP@Japan"}},
		{"EU-U.S. Data Privacy Framework", []string{"EU@EU/group", "US@U.S."}},
		{"アメリカン・エキスプレス", nil},
		// Stops.
		{"New Mexico", nil},
		{"New Jersey", nil},
		{"Jersey", []string{"JE@Jersey"}},
		{"New South Wales", nil},
		{"American Express", nil},
		{"North America and Latin America", nil},
		{"the Indian Ocean", nil},
		{"the British Indian Ocean Territory", []string{"IO@British Indian Ocean Territory"}},
		{"日本語版", nil},
		{"中国地方", nil},
		{"Europe and European", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := found(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindCodes(t *testing.T) {
	ms := Find("the EEA and Korea")
	if len(ms) != 2 {
		t.Fatalf("Find: %d mentions, want 2", len(ms))
	}
	eea, _ := Members("EEA")
	if !reflect.DeepEqual(ms[0].Codes, eea) || len(eea) != 30 {
		t.Errorf("EEA codes = %v, want the 30 members %v", ms[0].Codes, eea)
	}
	if !reflect.DeepEqual(ms[1].Codes, []string{"KR"}) {
		t.Errorf("Korea codes = %v, want [KR]", ms[1].Codes)
	}
	// The codes are the caller's to keep.
	ms[0].Codes[0] = "XX"
	if again := Find("the EEA"); again[0].Codes[0] == "XX" {
		t.Error("Find shares its Codes slices between calls")
	}
}

// TestFindEveryCountry checks that every valid country is found under its
// CLDR English and Japanese names and its short name.
func TestFindEveryCountry(t *testing.T) {
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !Valid(code) {
				continue
			}
			n++
			for _, name := range []string{Name(code), JapaneseName(code)} {
				text := "data in " + name + "."
				ms := Find(text)
				if len(ms) != 1 || ms[0].Code != code || text[ms[0].Start:ms[0].End] != name {
					t.Errorf("Find(%q) = %+v, want %s", text, ms, code)
				}
			}
		}
	}
	if n < 245 || n > 252 {
		t.Errorf("%d valid codes, want the ~250 of ISO 3166-1", n)
	}
}

func TestCanonical(t *testing.T) {
	for code, want := range map[string]string{
		"UK": "GB", "BU": "MM", "JP": "JP", "JPN": "JP", "KOR": "KR", "XK": "XK",
		"EU": "", "jp": "", "XX": "", "": "", "ZZ": "",
	} {
		if got := Canonical(code); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestAliasTableLoads(t *testing.T) {
	// buildGazetteer panics on a malformed or contradictory row.
	Find("")
	for _, r := range tsv.Rows("aliases.tsv", aliasesTSV, 3) {
		f := r.Fields
		if f[2] == "stop" {
			if got := Find(f[0]); len(got) != 0 {
				t.Errorf("stop %q is reported: %+v", f[0], got)
			}
			continue
		}
		ms := Find(f[0])
		if len(ms) != 1 || ms[0].Code != f[1] || ms[0].Start != 0 || ms[0].End != len(f[0]) {
			t.Errorf("alias %q: Find = %+v, want one %s over the whole name", f[0], ms, f[1])
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("Your personal data may be transferred to our affiliates in the Republic of Korea, Vietnam and the United States, and is stored on servers in Japan. ", 20)
	Find("")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
