package notices

import (
	"fmt"
	"strings"
	"testing"
)

// pointerTests are paragraphs (Markdown) and the elsewhere claim they
// make: "kind link", "kind -" for a pointer without a link, "" for a
// look-alike that must make none.
var pointerTests = []struct {
	md   string
	want string
}{
	// Pointers, English.
	{"See our [list of sub-processors](https://example.com/legal/subprocessors) for who receives your data.", "transfer https://example.com/legal/subprocessors"},
	{"The countries are listed at [our trust centre](https://trust.example.org/countries).", "transfer https://trust.example.org/countries"},
	{"A list of our service providers and their locations is available [here](docs/providers.md).", "transfer docs/providers.md"},
	{"Our current subprocessor list is published at https://example.net/subprocessors.", "transfer https://example.net/subprocessors"},
	{"Please refer to the list of recipients we keep on our website.", "transfer -"},
	{"The locations of the data centres where we store account records are listed on [this page](https://example.com/dc).", "storage https://example.com/dc"},
	{"Visit <https://example.io/vendors> to review the list of vendors that process customer data.", "transfer https://example.io/vendors"},
	{"Recipients and their countries can be found [in our vendor register](vendors.md#register).", "transfer vendors.md#register"},
	// Pointers, Japanese.
	{"個人データの提供先となる外国の名称は、[外部提供先一覧](https://example.jp/list)をご確認ください。", "transfer https://example.jp/list"},
	{"委託先の所在国については「委託先一覧」をご参照ください。", "transfer -"},
	{"移転先の国名は[当社ウェブサイト](docs/countries.md)に掲載しています。", "transfer docs/countries.md"},
	{"サブプロセッサーの一覧は https://example.co.jp/sub に記載しています。", "transfer https://example.co.jp/sub"},
	// Look-alikes, English: a link, or a list, that is not the list of
	// where data goes.
	{"See our [cookie policy](cookies.md) to learn how we use cookies.", ""},
	{"Contact us at [privacy@example.com](mailto:privacy@example.com) with any question.", ""},
	{"[Learn more about your rights](https://example.com/rights) under the law in your country.", ""},
	{"Our sub-processors are bound by written contracts.", ""},
	{"A list of our offices is available [here](https://example.com/offices).", ""},
	{"The countries to which we transfer data are listed below.", ""},
	{"See the list of countries for which an adequacy decision was adopted [here](https://ec.europa.eu/adequacy).", ""},
	{"You can see the list of data we collect in our [data inventory](inventory.md).", ""},
	// Look-alikes, Japanese.
	{"クッキーの利用については[クッキーポリシー](cookie.md)をご確認ください。", ""},
	{"お問い合わせは[こちら](https://example.jp/contact)をご覧ください。", ""},
	{"提供先の所在する外国における個人情報保護制度については、個人情報保護委員会が公表する情報をご確認ください。", ""},
	{"委託先の名称と所在国は以下の表をご確認ください。", ""},
	{"委託先を適切に監督します。", ""},
	{"開示請求の手続きは[こちらのページ](procedure.md)をご参照ください。", ""},
}

func elsewhereOf(cs []Claim) string {
	var got []string
	for _, c := range cs {
		if c.Scope == Elsewhere {
			link := c.Link
			if link == "" {
				link = "-"
			}
			got = append(got, fmt.Sprintf("%s %s", c.Kind, link))
		}
	}
	return strings.Join(got, "; ")
}

func TestPointers(t *testing.T) {
	alike := 0
	for _, tt := range pointerTests {
		if tt.want == "" {
			alike++
		}
		cs, err := Parse("PRIVACY.md", []byte("# Privacy\n\n"+tt.md+"\n"))
		if err != nil {
			t.Fatalf("%q: %v", tt.md, err)
		}
		if got := elsewhereOf(cs); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.md, got, tt.want)
		}
	}
	if alike*2 < len(pointerTests) {
		t.Errorf("%d look-alikes of %d sentences: half must be", alike, len(pointerTests))
	}
}

// TestPointerToHeading: a link to a heading of the notice points to a list
// that is read where it stands, so it adds no elsewhere claim; a link to a
// heading the notice lacks is a list that cannot be read.
func TestPointerToHeading(t *testing.T) {
	src := "# Privacy\n\nThe countries are listed in [Our recipients](#our-recipients).\n\n" +
		"外国の名称は[提供先一覧](#提供先一覧)をご確認ください。\n\n" +
		"## Our recipients\n\nWe transfer personal data to Amazon Web Services in the United States.\n\n" +
		"## 提供先一覧\n\n米国のGoogle LLCに個人データを提供します。\n"
	cs, err := Parse("PRIVACY.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := elsewhereOf(cs); got != "" {
		t.Errorf("links to headings of the notice: got %q, want none", got)
	}
	src = strings.Replace(src, "## Our recipients", "## Recipients", 1)
	cs, err = Parse("PRIVACY.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := elsewhereOf(cs), "transfer #our-recipients"; got != want {
		t.Errorf("link to a missing heading: got %q, want %q", got, want)
	}
}

// TestAnchors follows GitHub's anchors: punctuation dropped, spaces made
// '-', repeated headings numbered.
func TestAnchors(t *testing.T) {
	p := &parser{}
	for _, h := range []string{"Sub-processors & Vendors!", "FAQ", "FAQ", "国外への移転（第三者提供）"} {
		p.anchor(h)
	}
	for _, a := range []string{"sub-processors--vendors", "faq", "faq-1", "国外への移転第三者提供"} {
		if !p.anchors[a] {
			t.Errorf("no anchor %q in %v", a, p.anchors)
		}
	}
}
