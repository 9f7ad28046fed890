package notices

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/country"
)

// readingTests are English sentences for the kinds of phrasing real
// notices use (see testdata/corpus): each kind has sentences that must
// make their claims and look-alikes that must make none.
var readingTests = []sentenceTest{
	// A remain verb says where the data its subject describes is: the
	// verbs inside that subject ("everything we store") count, and a
	// person after a preposition ("about you") is no subject.
	{"Everything we store about you stays only in Japan.", []string{"storage exclusive JP", "transfer exclusive JP"}},
	{"The information we keep on our members remains solely in Canada.", []string{"storage exclusive CA", "transfer exclusive CA"}},
	{"Whatever we hold about you remains in Germany.", []string{"transfer exclusive DE"}},
	{"Data about our customers stays within Australia.", []string{"transfer exclusive AU"}},
	{"You stay in Japan while you use the app.", nil},
	{"Customers who stay in France can call our hotline.", nil},
	{"Users remain in control of their settings in Italy.", nil},
	{"We store your files in Ireland, and a backup stays with you.", []string{"storage inclusive IE"}},

	// A label that names where data is handled, then its countries.
	{"Data processing location: United States, Singapore", []string{"transfer inclusive SG,US"}},
	{"Server location: Germany", []string{"storage inclusive DE"}},
	{"Hosting location: Canada", []string{"storage inclusive CA"}},
	{"Country of processing: India", []string{"transfer inclusive IN"}},
	{"Storage location: Norway", []string{"storage inclusive NO"}},
	{"Data processing location: EU, Switzerland, United Kingdom Safeguards: adequacy", []string{"transfer inclusive EU,CH,GB"}},
	{"Office location: Tokyo, Japan", nil},
	{"Location: Japan", nil},
	{"Country: Brazil", nil},
	{"Billing country: Mexico", nil},
	{"Language: Japanese", nil},
	{"Place of storage: Finland", []string{"storage inclusive FI"}},
	{"Processing location: not applicable", nil},
	{"Headquarters location: Canada", nil},

	// A title, a label or an item of a table of contents names a topic;
	// it says nothing of a place abroad.
	{"Transfer to a third country:", nil},
	{"7. Transfer to other countries", nil},
	{"International transfers of personal data", nil},
	{"Storage outside your home country", nil},
	{"Data transfers abroad:", nil},
	{"Section 9: Cross-border transfers", nil},
	{"How we transfer data internationally", nil},
	{"Personal data may be sent overseas", []string{"transfer vague-foreign"}},
	{"We transfer personal data to other countries.", []string{"transfer vague-foreign"}},
	{"Your data may be stored abroad", []string{"storage vague-foreign"}},
	{"Personal data is transferred to third countries:", []string{"transfer vague-foreign"}},

	// People of a list of countries: where they are, not where data is.
	{"Lawful bases for processing personal data (applicable to EEA and UK End Users)", nil},
	{"We process data of Japan and Korea residents.", nil},
	{"Information about Canadian or Mexican customers is processed by our team.", nil},
	{"We process data in Japan and Korea for our users.", []string{"transfer inclusive JP,KR"}},

	// A vague word at the head of a name is part of the name.
	{"We comply with the Foreign Corrupt Practices Act when we process data.", nil},
	{"Data is shared with the Overseas Development Institute.", nil},
	{"Data is shared with overseas partners.", []string{"transfer vague-foreign"}},

	// Law and transfer mechanisms are no places.
	{"We rely on the EU standard contractual clauses approved by the Commission for these transfers.", nil},
	{"Our UK Processor Binding Corporate Rules are published on our website.", nil},
	{"The Swiss-U.S. Privacy Shield is not a valid mechanism for the transfer of data to the United States.", nil},
	{"This adequacy decision covers transfers of data to Japan.", nil},
	{"Some countries may not offer the same protection as laws within the EEA.", nil},
	{"We comply with Brazilian data protection law when we store data.", nil},
	{"We transfer data to India under standard contractual clauses.", []string{"transfer inclusive IN"}},
	{"Data is stored in Canada and protected by binding corporate rules.", []string{"storage inclusive CA"}},

	// Where data comes from is no destination.
	{"Your order data is received by our Irish affiliate, Example International Ltd.", []string{"transfer inclusive IE"}},
	{"Requests received by us from Japan are answered in English.", nil},
	{"When we transfer personal data originating in Switzerland, we use safeguards.", nil},
	{"We adhere to the Principles for personal data received from the United Kingdom (and Gibraltar).", nil},
	{"Data originating in Brazil is sent to Portugal.", []string{"transfer inclusive PT"}},

	// Public visibility is no place data is kept or sent.
	{"Your public profile can be viewed by anyone and shared anywhere.", nil},
	{"Comments you post publicly may be re-shared anywhere in the world.", nil},
	{"Your profile is stored anywhere our providers operate.", []string{"storage vague-foreign"}},
	{"Data may be shared with public authorities in Korea.", []string{"transfer inclusive KR"}},
	{"Your public profile may be shown to anyone anywhere.", nil},

	// Inside and outside a country is in it too.
	{"We store records both inside and outside of Australia.", []string{"storage inclusive AU"}},
	{"Support staff work within and outside the EEA and may access tickets.", []string{"access inclusive EEA"}},

	// Countries other than the reader's own.
	{"We may send your data to countries other than the country where you live.", []string{"transfer vague-foreign outside"}},
	{"Your information may be stored in countries other than your own.", []string{"storage vague-foreign outside"}},
	{"We share data with vendors in countries other than your country, including Japan.", []string{"transfer inclusive JP"}},
	{"Users in countries other than your country cannot see your data.", nil},

	{"Your information may be stored on servers that are not in your home country.", []string{"storage vague-foreign outside"}},
	{"We may share data with recipients who are located outside.", []string{"transfer vague-foreign outside"}},
	{"Our support staff are based outside, in several time zones.", nil},
	{"Please do not post your address if you are not in your home country.", nil},
	{"Users who are located outside may see a different app.", nil},

	// Countries described, not named.
	{"We may transfer data to countries that do not have equivalent laws.", []string{"transfer vague-foreign"}},
	{"Your data may be stored in countries which have adequacy decisions.", []string{"storage vague-foreign"}},
	{"Some countries that we operate in have their own rules.", nil},
	{"We list the countries where we operate on our website.", nil},

	// A list of countries after an opening clause is one list.
	{"When we move your data outside of Canada, Mexico or Brazil, we protect it.", []string{"transfer vague-foreign outside BR,CA,MX"}},
	{"If you live in Norway, Sweden or Finland, you can contact our office.", nil},

	// A company's seat set apart by commas is no place for data.
	{"Example Corp Ltd, located in Dublin, Ireland, decides how data is processed.", nil},
	{"Our servers, located in Germany, store your backups.", []string{"storage inclusive DE"}},

	// Numbers and "other", "different", "a variety of" inside a list.
	{"We keep copies in 3 different EU countries.", []string{"storage inclusive EU"}},
	{"Data is processed in a variety of locations, including Singapore and other countries.", []string{"transfer inclusive SG"}},
	{"Service providers may be located in other regions, including Chile.", nil},
	{"We store data in 2 regions: Japan and Korea.", []string{"storage inclusive JP,KR"}},

	// A city of cities.tsv places its country.
	{"We host our databases in Frankfurt and Dublin.", []string{"storage inclusive DE,IE"}},
	{"Logs may be processed in Oregon.", []string{"transfer inclusive US"}},
	{"Backups are kept in Sydney, Australia.", []string{"storage inclusive AU"}},
	{"Support agents in Manila may access your tickets.", []string{"access inclusive PH"}},
	{"Send questions to our office in London.", nil},
	{"Our headquarters in Zurich handle press requests.", nil},
	{"The Frankfurt Stock Exchange lists our shares.", nil},
	{"Virginia Smith leads our privacy team.", nil},
	{"We sponsor a marathon in Berlin.", nil},
	{"Users in Toronto can transfer their data to another service.", nil},

	// Seats, addresses and where people live are no places for data.
	{"We are a US-based nonprofit organization.", nil},
	{"This section applies to individuals who reside in the EEA.", nil},
	{"Our postal address is 1 Main Street, San Francisco, CA 94105, United States.", nil},
	{"Example Inc. is a Delaware corporation headquartered in the United States.", nil},
	{"Residents of Brazil may request a copy of their data.", nil},
	{"People who live in Mexico can use the app.", nil},
	{"Our app is available in Japan and Korea.", nil},
	{"You can write to our representative in Ireland.", nil},

	// "only" that qualifies the data, not the place, is not exclusive.
	{"Analytics (sample data only): processed in the United States.", []string{"transfer inclusive US"}},
	{"Aggregate statistics only are shared with partners in Canada.", []string{"transfer inclusive CA"}},
	{"We keep backups only in Canada.", []string{"storage exclusive CA"}},
	{"Your data is stored in the UK and the EEA only.", []string{"storage exclusive EEA,GB"}},
	{"Only authorised staff may access data stored in Germany.", []string{"storage inclusive DE"}},

	// An opening "If"/"When" clause keeps its list, and "including" after
	// an unnamed place names the country.
	{"If we transfer data to Japan, Korea or Vietnam, we use contracts.", []string{"transfer inclusive JP,KR,VN"}},
	{"When we store data in Chile, Peru or Colombia, we encrypt it.", []string{"storage inclusive CL,CO,PE"}},
	{"Your data is stored in a variety of locations, including the United States.", []string{"storage inclusive US"}},
	{"If you live in Chile, Peru or Colombia, this section applies to you.", nil},
	{"When you travel to Spain, Italy or Greece, the app shows local tips.", nil},
}

func TestReading(t *testing.T) {
	checkSentences(t, "PRIVACY.md", "en", readingTests, 90, 45)
}

// TestTableRegions: a table with one column per place data is kept reads a
// mark under a column as storage there; header cells say nothing.
func TestTableRegions(t *testing.T) {
	src := `| Data | US Server | EU Server |
|---|---|---|
| Account data | Yes | Yes |
| Sample data only | ✓ | No |
| Logs | - | x |
| Backups | | |

| Transfer to third countries | Safeguard |
|---|---|
| Support tickets | standard contractual clauses |

| Item | Japan office | Price (US) |
|---|---|---|
| Plan | Tokyo | $5 |

| 項目 | 国内サーバー | 海外サーバー（シンガポール） |
|---|---|---|
| 会員情報 | ○ | × |
| ログ | なし | 保管 |
`
	want := []string{
		`3:3 storage inclusive EU,US table`,
		`4:3 storage inclusive US table`,
		`5:3 storage inclusive EU table`,
		`18:3 storage inclusive JP table`,
		`19:3 storage inclusive SG table`,
	}
	cs, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s", c.Line, c.Column, brief(c)))
	}
	for i := range want {
		want[i] = strings.Replace(want[i], "EU", strings.Join(country.Expand([]string{"EU"}), ","), 1)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBlocksApart: a heading, the paragraph after it and each list item
// are statements of their own; none runs into the next.
func TestBlocksApart(t *testing.T) {
	src := `## Transfers to other countries
We store your data in Japan.

- Support is provided from Vietnam
- Backups stay in Korea

Where we keep data
------------------
Logs are kept in Canada.
`
	want := []string{
		`2:1 storage inclusive JP`,
		`5:3 storage exclusive KR`,
		`5:3 transfer exclusive KR`,
		`9:1 storage inclusive CA`,
	}
	cs, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s", c.Line, c.Column, brief(c)))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBecause: each claim keeps the words that made it.
func TestBecause(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []Because
	}{
		{"Payment information is stored only in Japan.", []Because{{Verb: "stored", Place: "in Japan", Scope: "only", Data: []string{"payment"}}}},
		{"We do not transfer personal data outside the EEA.", []Because{{Verb: "transfer", Place: "outside the EEA", Scope: "not"}}},
		{"We may transfer your data to Japan, Korea and Vietnam.", []Because{{Verb: "transfer", Place: "to Japan; Korea; Vietnam"}}},
		{"Data processing location: Singapore", []Because{{Verb: "processing", Place: "location: Singapore"}}},
		{"個人情報は日本国内のサーバーにのみ保管します。", []Because{{Verb: "保管", Place: "日本国内", Scope: "にのみ"}}},
		{"個人情報を国外に移転しません。", []Because{{Verb: "移転", Place: "国外", Scope: "ません"}}},
		{"<!-- noticevet: stored-only-in=JP -->\nWe keep data safe.", []Because{{Verb: "noticevet comment stored-only-in", Place: "JP"}}},
		{"| Recipient | Country |\n|---|---|\n| Acme | Korea |", []Because{{Verb: "table column Country", Place: "Korea"}}},
	} {
		cs, err := Parse("PRIVACY.md", []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []Because
		for _, c := range cs {
			got = append(got, c.Why)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.src, got, tt.want)
		}
	}
}

// TestListOfCities: a lead-in ending in ":" takes the places its list
// items start with, cities included.
func TestListOfCities(t *testing.T) {
	src := "Your data is stored redundantly across multiple providers:\n\n- Amsterdam, Netherlands\n- Paris, France\n- Frankfurt\n\nOur team meets in:\n\n- Berlin\n- Tokyo\n"
	cs, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(cs); !reflect.DeepEqual(got, []string{"storage inclusive DE,FR,NL"}) {
		t.Errorf("got %q, want storage inclusive DE,FR,NL", got)
	}
}
