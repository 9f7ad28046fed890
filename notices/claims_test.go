package notices

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/country"
)

// brief renders a claim as "kind scope [outside] [CODES] [table] [explicit]":
// "storage exclusive JP", "transfer negative outside JP", "transfer
// vague-foreign".
func brief(c Claim) string {
	parts := []string{string(c.Kind), string(c.Scope)}
	if c.Outside {
		parts = append(parts, "outside")
	}
	if len(c.Countries) > 0 {
		parts = append(parts, strings.Join(c.Countries, ","))
	}
	if c.Table {
		parts = append(parts, "table")
	}
	if c.Explicit {
		parts = append(parts, "explicit")
	}
	return strings.Join(parts, " ")
}

// expand rewrites the group ids in a brief ("storage inclusive EU,JP") as
// their members, the way claims carry them.
func expand(want string) string {
	fields := strings.Fields(want)
	for i, f := range fields {
		if i < 2 || f == "outside" || f == "table" || f == "explicit" {
			continue
		}
		fields[i] = strings.Join(country.Expand(strings.Split(f, ",")), ",")
	}
	return strings.Join(fields, " ")
}

func briefs(cs []Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, brief(c))
	}
	return out
}

// claimTests are sentences and the claims they make, in the order Parse
// returns them. A nil want is a look-alike: a sentence that names a country
// or speaks of data, and makes no claim.
// sentenceTest is one sentence and the claims it must yield, in briefs'
// form; nil for a look-alike that must yield none.
type sentenceTest struct {
	text string
	want []string
}

var claimTests = []sentenceTest{
	// Storage.
	{"All personal data of our users is stored only on servers located in Japan.", []string{"storage exclusive JP"}},
	{"Personal data is stored in Japan.", []string{"storage inclusive JP"}},
	{"All personal data is stored in Japan.", []string{"storage inclusive JP"}}, // no restrictive word: inclusive
	{"Personal data is stored in Japan and the Republic of Korea.", []string{"storage inclusive JP,KR"}},
	{"Personal data of users in Japan is stored in data centers in Japan and Korea.", []string{"storage inclusive JP,KR"}},
	{"Backups are kept in Singapore.", []string{"storage inclusive SG"}},
	{"Our data is hosted by AWS in the U.S.", []string{"storage inclusive US"}},
	{"Your information is housed in data centres in the Netherlands.", []string{"storage inclusive NL"}},
	{"Records are retained in Germany for five years.", []string{"storage inclusive DE"}},
	{"Your data is maintained on servers in Canada.", []string{"storage inclusive CA"}},
	{"Our data centers are in Ireland.", []string{"storage inclusive IE"}},
	{"Data is hosted on Japanese servers.", []string{"storage inclusive JP"}},
	{"Baqend keeps data only in AWS data centres in Frankfurt, Germany.", []string{"storage exclusive DE"}},
	{"Data is stored in Japan only.", []string{"storage exclusive JP"}},
	{"Data is stored exclusively in Japan.", []string{"storage exclusive JP"}},
	{"Data is solely stored within the EEA.", []string{"storage exclusive EEA"}},
	{"Data is stored in the European Union.", []string{"storage inclusive EU"}},
	{"We do not store personal data in China.", []string{"storage negative CN"}},
	{"Data is stored in Japan but not in China.", []string{"storage negative CN", "storage inclusive JP"}},
	{"Personal data may be stored in the US from time to time.", []string{"storage inclusive US"}},
	{"The data is stored in Japan, and images and videos are stored in South Korea.", []string{"storage inclusive JP,KR"}},
	{"Our servers in Korea are accessed by engineers in Japan.", []string{"storage inclusive KR", "access inclusive JP"}},
	// Transfer.
	{"Your data may be transferred to the United States.", []string{"transfer inclusive US"}},
	{"We may transfer your data to Korea and Vietnam.", []string{"transfer inclusive KR,VN"}},
	{"Your data may be transferred to the United States and other countries.", []string{"transfer inclusive US"}},
	{"We may transfer your data outside Japan, including to Korea.", []string{"transfer inclusive KR"}},
	{"Your data may be disclosed to third parties in the US, such as our payment processor.", []string{"transfer inclusive US"}},
	{"We may share your data with service providers located in India, the Philippines and Vietnam.", []string{"transfer inclusive IN,PH,VN"}},
	{"We provide personal data to our group companies in Korea and Vietnam.", []string{"transfer inclusive KR,VN"}},
	{"We may entrust the handling of personal data to contractors in Vietnam.", []string{"transfer inclusive VN"}},
	{"We transfer personal data to LINE Plus Corporation (Korea) for development.", []string{"transfer inclusive KR"}},
	{"Payment data is processed in Singapore.", []string{"transfer inclusive SG"}},
	{"Personal data is sent to our Chinese affiliate.", []string{"transfer inclusive CN"}},
	{"Our US-based affiliate processes payment data.", []string{"transfer inclusive US"}},
	{"Data is transferred from the EEA to the US.", []string{"transfer inclusive US"}},
	{"We transfer data to Korea only if you consent.", []string{"transfer inclusive KR"}},
	{"Transfers to the US are protected by the EU-U.S. Data Privacy Framework.", []string{"transfer inclusive US"}},
	{"Your data remains in Japan.", []string{"transfer exclusive JP"}},
	{"Your data stays within the EEA.", []string{"transfer exclusive EEA"}},
	{"Your data never leaves Japan.", []string{"transfer exclusive JP"}},
	{"We do not transfer personal data outside Japan.", []string{"transfer negative outside JP"}},
	{"Personal data is never transferred to China or Russia.", []string{"transfer negative CN,RU"}},
	{"Your personal data will not be transferred to any country outside the European Economic Area.", []string{"transfer negative outside EEA"}},
	{"No personal data is sent outside Japan.", []string{"transfer negative outside JP"}},
	{"We do not transfer data outside the country.", []string{"transfer negative outside"}},
	{"We will never transfer your personal data to a foreign country without your consent.", []string{"transfer negative outside"}},
	{"Data is not transferred to third countries.", []string{"transfer negative outside"}},
	{"Meeting data of users outside China stays outside China.", []string{"transfer negative CN"}},
	// Vague-foreign.
	{"For the development and operation of our services, your personal data may be transferred to our group companies and contractors in foreign countries.", []string{"transfer vague-foreign"}},
	{"We may transfer your data abroad.", []string{"transfer vague-foreign"}},
	{"Your data may be sent overseas from time to time.", []string{"transfer vague-foreign"}},
	{"We may provide your personal data to third parties in foreign countries.", []string{"transfer vague-foreign"}},
	{"Personal data may be transferred to other countries.", []string{"transfer vague-foreign"}},
	{"We may transfer personal data outside Japan.", []string{"transfer vague-foreign outside JP"}},
	{"We may transfer data to countries other than Japan.", []string{"transfer vague-foreign outside JP"}},
	{"Your data may leave Japan.", []string{"transfer vague-foreign outside JP"}},
	{"Your data may be processed on servers outside your country.", []string{"storage vague-foreign outside", "transfer vague-foreign outside"}},
	{"Data may be stored in Japan and may be transferred overseas.", []string{"storage inclusive JP", "transfer vague-foreign"}},
	{"Personal data may be accessed from overseas.", []string{"access vague-foreign"}},
	// Access.
	{"Our Korean affiliate may access your data.", []string{"access inclusive KR"}},
	{"Engineers at our Chinese affiliate can access the data stored in Japan.", []string{"storage inclusive JP", "access inclusive CN"}},
	{"Our staff in Vietnam may access your data remotely.", []string{"access inclusive VN"}},
	{"Personal data may be accessed by our staff in Korea for support.", []string{"access inclusive KR"}},
	{"Personal data may be accessed remotely from China by our affiliate's engineers.", []string{"access inclusive CN"}},
	{"Remote access from Korea is possible for maintenance.", []string{"access inclusive KR"}},
	{"Your data may be viewed by staff in the Philippines.", []string{"access inclusive PH"}},
	{"Some of our contractors are located in the Philippines and may access your personal data.", []string{"access inclusive PH"}},
	{"Only authorised staff in Japan can access your data.", []string{"access exclusive JP"}},
	{"No access from outside Japan is permitted.", []string{"access negative outside JP"}},
	{"Staff outside Japan cannot access your data.", []string{"access negative outside JP"}},
	{"Nobody outside Japan can access your data.", []string{"access negative outside JP"}},
	// Several claims in one sentence.
	{"Your data is stored in Japan and accessed from Korea.", []string{"storage inclusive JP", "access inclusive KR"}},
	{"We use data centers in Japan and Korea, and our staff in Vietnam may access your data.", []string{"storage inclusive JP,KR", "access inclusive VN"}},
	{"LINE Corporation stores your data on servers in Japan; LINE Plus Corporation in Korea may access it for development.", []string{"storage inclusive JP", "access inclusive KR"}},
	{"If you use our services from outside the United States, your personal information will be transferred to, stored and processed in the United States.", []string{"storage inclusive US", "transfer inclusive US"}},
	{"Whether you are inside or outside the U.S., your information is collected, transferred, stored and processed in the U.S.", []string{"storage inclusive US", "transfer inclusive US"}},
	{"By using Zoom you acknowledge your data may be moved to or stored in the United States and in other countries outside the EEA, Switzerland and the UK.", []string{"storage inclusive US", "transfer inclusive US"}},
	{"Cloudflare primarily stores your information in the US and the EEA, and may transfer and access it from anywhere.", []string{"storage inclusive EEA,US", "access vague-foreign"}},
	{"We keep your data on our servers in the European Union and will never move it to servers outside the EEA.", []string{"storage negative outside EEA", "storage inclusive EU", "transfer negative outside EEA"}},
	{"We do not store data in China, and we store it only in Japan.", []string{"storage exclusive JP", "storage negative CN"}},
	{"GitHub stores and processes personal data in several places, including your local region, the United States, and other countries where its subprocessors operate.", []string{"storage inclusive US", "transfer inclusive US"}},
	{"Data stored in our EU data centers is not transferred to the US.", []string{"storage inclusive EU", "transfer negative US"}},
	{"Partner requests are processed within the UK and EEA only.", []string{"transfer exclusive EEA,GB"}},
	// Aliases, adjectives, case.
	{"Data is stored in the Democratic People's Republic of Korea.", []string{"storage inclusive KP"}},
	{"Data is stored in the People’s Republic of China and Hong Kong.", []string{"storage inclusive CN,HK"}},
	{"Data is stored in mainland China.", []string{"storage inclusive CN"}},
	{"Data is stored in the USA, the UK and Viet Nam.", []string{"storage inclusive GB,US,VN"}},
	{"Data is transferred to Japanese and Korean data centers.", []string{"storage inclusive JP,KR", "transfer inclusive JP,KR"}},
	{"DATA IS STORED IN THE US.", []string{"storage inclusive US"}},
	{"Data is stored in Papua New Guinea.", []string{"storage inclusive PG"}},
	{"Engineers may access personal information stored in Japan from Korea.", []string{"storage inclusive JP", "access inclusive KR"}},
	{"Your personal information may be transferred to the Republic of Korea, Vietnam, the Philippines, Thailand, Taiwan, Indonesia, Singapore and the United States.", []string{"transfer inclusive ID,KR,PH,SG,TH,TW,US,VN"}},
	{"Business customers can choose to keep their data in Japan only.", []string{"storage inclusive JP"}}, // an option, not exclusive
	{"We may transfer data to countries such as Korea and Singapore.", []string{"transfer inclusive KR,SG"}},
	{"Data may be processed in other countries, e.g. Vietnam.", []string{"transfer inclusive VN"}},
	{"Your data is processed by American and British service providers.", []string{"transfer inclusive GB,US"}},
	{"Our South Korean subsidiary hosts the image servers.", []string{"storage inclusive KR"}},
	{"YOUR DATA MAY BE TRANSFERRED TO THE UNITED STATES AND OTHER COUNTRIES.", []string{"transfer inclusive US"}},
	{"WE DO NOT TRANSFER YOUR DATA OUTSIDE JAPAN.", []string{"transfer negative outside JP"}},
	{"Personal data is not stored or processed outside the EEA.", []string{"storage negative outside EEA", "transfer negative outside EEA"}},
	{"We do not share your personal data with third parties outside Japan.", []string{"transfer negative outside JP"}},
	{"Personal information is handled only within Japan.", []string{"transfer exclusive JP"}},
	{"We will not store your data in any country other than Japan.", []string{"storage negative outside JP"}},
	{"Personal data collected in Japan is stored in Korea.", []string{"storage inclusive KR"}},
	{"Personal data of EEA residents is stored in Ireland.", []string{"storage inclusive IE"}},
	{"Our processors are located in Korea and Vietnam.", []string{"transfer inclusive KR,VN"}},
	{"Access is restricted to staff in Japan.", []string{"access exclusive JP"}},
	{"Access from China is not permitted.", []string{"access negative CN"}},
	{"Access to personal data from China has been blocked.", []string{"access negative CN"}},
	{"Your data will be stored on servers located in Frankfurt, Germany, and Dublin, Ireland.", []string{"storage inclusive DE,IE"}},
	// Look-alikes: no claim.
	{"This service is operated by LINE Yahoo Corporation, headquartered in Tokyo, Japan.", nil},
	{"Data may be transferred across borders.", nil},
	{"Is my data stored in Japan?", nil}, // a question
	{"We are a Japanese company.", nil},
	{"Users in Taiwan may contact us.", nil},
	{"This notice is governed by the laws of Japan.", nil},
	{"Our headquarters are in Tokyo, Japan.", nil},
	{"The Japanese version prevails.", nil},
	{"We comply with the GDPR of the European Union.", nil},
	{"Contact our Korean support team.", nil},
	{"We store cookies on your device.", nil},
	{"Data is stored securely.", nil},
	{"We are certified under the EU-U.S. Data Privacy Framework.", nil},
	{"Our app is available in the US and Japan.", nil},
	{"Prices are shown in Japanese yen.", nil},
	{"New Mexico", nil},
	{"We store data in New Mexico.", nil},
	{"You may file a complaint with the Korea Fair Trade Commission.", nil},
	{"We share information with the Korea Fair Trade Commission when required by law.", nil},
	{"We use American Express to process payments.", nil},
	{"We provide the LINE service in Japan, Taiwan, Thailand and Indonesia.", nil},
	{"We process your data in accordance with the laws of Japan.", nil},
	{"You can access your data from anywhere.", nil},
	{"Our customers in Korea may share data with us.", nil},
	{"We process data of Japanese users.", nil},
	{"Information you provide to us in Japan is stored locally.", nil},
	{"We do not sell your data to companies in China.", nil},
	{"This policy applies to users residing outside Japan.", nil},
	{"If you live in the EEA, you have the right to access your data.", nil},
	{"We store your data in accordance with Japanese law.", nil},
	{"Our company is located in Japan.", nil},
	{"Let us know if you want us to delete your data.", nil},
	{"We keep china and glassware safe.", nil},
	{"International transfers", nil},
	{"We may update this notice from time to time.", nil},
}

func TestClaims(t *testing.T) {
	checkSentences(t, "PRIVACY.md", "en", claimTests, 60, 20)
}

// checkSentences parses each sentence as a one-line notice and compares
// its claims; every claim must carry the sentence and its position. The
// table must hold at least minSentences, minLookalikes of them yielding
// nothing.
func checkSentences(t *testing.T, path, lang string, tests []sentenceTest, minSentences, minLookalikes int) {
	t.Helper()
	lookalikes := 0
	for _, tt := range tests {
		if tt.want == nil {
			lookalikes++
		}
		cs, err := Parse(path, []byte(tt.text))
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		var want []string
		for _, w := range tt.want {
			want = append(want, expand(w))
		}
		if got := briefs(cs); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
		for _, c := range cs {
			text := strings.TrimPrefix(tt.text, "## ")
			if c.Text != text || c.Line != 1 || c.Column != 1 || c.Path != path || c.Lang != lang {
				t.Errorf("%q: claim at %s:%d:%d %q lang %q", tt.text, c.Path, c.Line, c.Column, c.Text, c.Lang)
			}
		}
	}
	if len(tests) < minSentences || lookalikes < minLookalikes {
		t.Errorf("%d sentences, %d look-alikes: want at least %d and %d", len(tests), lookalikes, minSentences, minLookalikes)
	}
}

// TestClaimsInMarkdown checks that markup changes nothing: headings, list
// items, emphasis, links, code spans and escapes read as their text.
func TestClaimsInMarkdown(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"## Data stored in Japan", []string{"1:4 storage inclusive JP"}},
		{"## Japan", nil},
		{"## Access from outside Japan", nil}, // a heading names a topic: no vague claim
		{"## Your data stays in Japan", []string{"1:4 transfer exclusive JP"}},
		{"# Korea\n\nWe are here.", nil},
		{"- Data is stored in **Japan**.\n- Data may be *accessed* from [Korea](https://example.com/kr).", []string{"1:3 storage inclusive JP", "2:3 access inclusive KR"}},
		{"1. Backups are kept in `Singapore`.", []string{"1:4 storage inclusive SG"}},
		{"Data is stored \\*only\\* in Japan.", []string{"1:1 storage exclusive JP"}},
		{"Data is stored in Bosnia &amp; Herzegovina.", []string{"1:1 storage inclusive BA"}},
		{"> Data may be sent\n> to the United\n> States.", []string{"1:3 transfer inclusive US"}},
		{"Data is stored in\nthe Republic of\nKorea.", []string{"1:1 storage inclusive KR"}},
		{"```\nData is stored in China.\n```", nil},
		{"    Data is stored in China.", nil},
		{"Data is stored in Japan.<br>Data may be accessed from Korea.", []string{"1:1 storage inclusive JP", "1:29 access inclusive KR"}},
		{"Data is stored in Japan. Data may be accessed from Korea.", []string{"1:1 storage inclusive JP", "1:26 access inclusive KR"}},
		{"Visit <https://example.jp>. Data is stored in Japan.", []string{"1:29 storage inclusive JP"}},
		{"Intro.\n\n<https://example.jp> hosts data in Japan.", []string{"3:1 storage inclusive JP"}},
		// A sentence ending in ":" takes the countries its list starts with.
		{"We may transfer your personal data to the following countries:\n\n- South Korea (development)\n- Vietnam and the Philippines: support\n- LINE Plus Corporation (Taiwan)\n",
			[]string{"1:1 transfer inclusive KR,PH,VN"}},
		{"Your data is stored only in:\n\n* Japan\n* Singapore\n", []string{"1:1 storage exclusive JP,SG"}},
	}
	for _, tt := range tests {
		cs, err := Parse("p.md", []byte(tt.src))
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		var got []string
		for _, c := range cs {
			got = append(got, fmt.Sprintf("%d:%d %s", c.Line, c.Column, brief(c)))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q):\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestTables(t *testing.T) {
	src := `| Recipient | Purpose | Country |
|---|---|---|
| LINE Plus Corp. | development | South Korea |
| AWS | hosting | United States, Japan |
| Zendesk | support; data is stored in Ireland | EU |
| Acme | analytics | |
| Mail | *sending* \| queue | [U.S.](https://example.com) |

| Item | Notes |
|---|---|
| Logs | stored in Korea |
| Korea | none |
`
	want := []string{
		`3:3 transfer inclusive KR table "LINE Plus Corp. | development | South Korea"`,
		`4:3 transfer inclusive JP,US table "AWS | hosting | United States, Japan"`,
		`5:3 transfer inclusive EU table "Zendesk | support; data is stored in Ireland | EU"`,
		`5:13 storage inclusive IE "support; data is stored in Ireland"`,
		`7:3 transfer inclusive US table "Mail | sending | queue | U.S."`,
		`11:10 storage inclusive KR "stored in Korea"`,
	}
	cs, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s %q", c.Line, c.Column, brief(c), c.Text))
	}
	for i := range want {
		want[i] = strings.Replace(want[i], "EU", strings.Join(country.Expand([]string{"EU"}), ","), 1)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCountryColumn(t *testing.T) {
	for h, want := range map[string]bool{
		"Country": true, "Country of transfer": true, "Location of processing": true, "Where": true,
		"Region": true, "Destination": true, "Recipient country": true, "Countries": true,
		"Recipient": false, "Purpose": false, "Data": false, "Retention period": false,
	} {
		if got := english().countryColumn(h); got != want {
			t.Errorf("countryColumn(%q) = %v, want %v", h, got, want)
		}
	}
	for h, want := range map[string]bool{"提供先の国名": true, "所在地": true, "移転先": true, "目的": false, "Country": true} {
		if got := japanese().countryColumn(h); got != want {
			t.Errorf("japanese countryColumn(%q) = %v, want %v", h, got, want)
		}
	}
}
