package country

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestValid(t *testing.T) {
	for _, c := range []string{"JP", "KR", "CN", "HK", "TW", "US", "GB", "VG", "XK"} {
		if !Valid(c) {
			t.Errorf("Valid(%q) = false", c)
		}
	}
	for _, c := range []string{"", "jp", "EU", "ZZ", "UK", "JPN", "J", "QO", "419"} {
		if Valid(c) {
			t.Errorf("Valid(%q) = true", c)
		}
	}
}

func TestNames(t *testing.T) {
	for code, want := range map[string]string{"KR": "South Korea", "HK": "Hong Kong", "US": "United States", "CN": "China", "EU": "EU"} {
		if got := Name(code); got != want {
			t.Errorf("Name(%q) = %q, want %q", code, got, want)
		}
	}
	if got := JapaneseName("KR"); got != "韓国" {
		t.Errorf("JapaneseName(KR) = %q", got)
	}
	for _, tt := range []struct {
		codes []string
		want  string
	}{
		{nil, ""},
		{[]string{"KR"}, "South Korea"},
		{[]string{"KR", "CN"}, "South Korea and China"},
		{[]string{"KR", "CN", "US"}, "South Korea, China and the United States"},
		{[]string{"NL"}, "the Netherlands"},
	} {
		if got := Names(tt.codes); got != tt.want {
			t.Errorf("Names(%v) = %q, want %q", tt.codes, got, tt.want)
		}
	}
}

func TestGroups(t *testing.T) {
	eu, ok := Members("EU")
	if !ok || len(eu) != 27 {
		t.Fatalf("EU: %d members, %v", len(eu), ok)
	}
	eea, _ := Members("eea")
	if len(eea) != 30 {
		t.Errorf("EEA: %d members", len(eea))
	}
	for _, g := range []string{"EU", "EEA", "EFTA"} {
		m, _ := Members(g)
		for _, c := range m {
			if !Valid(c) {
				t.Errorf("%s member %q is not a country", g, c)
			}
		}
	}
	if _, ok := Members("ASEAN"); ok {
		t.Error("unknown group known")
	}
	got := Expand([]string{"JP", "EFTA", "NO", "JP"})
	if want := []string{"CH", "IS", "JP", "LI", "NO"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Expand = %v, want %v", got, want)
	}
}

// TestAssignedAgreesWithCLDR checks the embedded code list against CLDR:
// every code in it is a country CLDR can name, and every CLDR country code
// it leaves out is a reserved or withdrawn one.
func TestAssignedAgreesWithCLDR(t *testing.T) {
	loadOnce.Do(load)
	if n := len(assigned); n != 250 {
		t.Errorf("%d codes, want 249 assigned + XK", n)
	}
	for c := range assigned {
		r, err := language.ParseRegion(c)
		if err != nil || !r.IsCountry() || r.Canonicalize() != r {
			t.Errorf("%s is not a canonical CLDR country", c)
		}
	}
	left := map[string]bool{}
	for _, c := range strings.Fields("AC CP CQ DG EA IC TA EZ UN AN CS NT SU YU FQ PC") {
		left[c] = true
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			c := string([]rune{a, b})
			r, err := language.ParseRegion(c)
			if err != nil || !r.IsCountry() || r.Canonicalize() != r || r.String() != c {
				continue
			}
			if !assigned[c] && !left[c] {
				t.Errorf("CLDR country %s is missing from iso3166.tsv", c)
			}
		}
	}
}
