package notices

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// positionDoc has sentences that start mid-line, a table, a list, emphasis
// and a multi-byte character before a sentence.
const positionDoc = `# Privacy Notice

We respect your privacy. Personal data is stored
in Japan. Backups are
kept in Singapore.

## Recipients

| Recipient | Country |
|-----------|---------|
| Acme Inc. | Korea |
|  Beta Ltd. | United States |

- First item.
- Our staff in Vietnam may access your data.
  Data is never sent to China.

Text. **Data** may be sent abroad.

Über uns. Data is stored in Japan.
`

var positionWant = []string{
	`3:26 storage inclusive JP "Personal data is stored in Japan."`,
	`4:11 storage inclusive SG "Backups are kept in Singapore."`,
	`11:3 transfer inclusive KR table "Acme Inc. | Korea"`,
	`12:4 transfer inclusive US table "Beta Ltd. | United States"`,
	`15:3 access inclusive VN "Our staff in Vietnam may access your data."`,
	`16:3 transfer negative CN "Data is never sent to China."`,
	`18:9 transfer vague-foreign "Data may be sent abroad."`,
	`20:12 storage inclusive JP "Data is stored in Japan."`,
}

func positions(t *testing.T, src string) []string {
	t.Helper()
	cs, err := Parse("PRIVACY.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s %q", c.Line, c.Column, brief(c), c.Text))
	}
	return got
}

func TestPositions(t *testing.T) {
	for name, src := range map[string]string{
		"LF":      positionDoc,
		"CRLF":    strings.ReplaceAll(positionDoc, "\n", "\r\n"),
		"BOM":     "\uFEFF" + positionDoc,
		"no EOL":  strings.TrimSuffix(positionDoc, "\n"),
		"CR LFCR": strings.ReplaceAll(positionDoc, "\n", "\r\n") + "\r\n",
	} {
		if got := positions(t, src); !reflect.DeepEqual(got, positionWant) {
			t.Errorf("%s:\n got %s\nwant %s", name, strings.Join(got, "\n     "), strings.Join(positionWant, "\n     "))
		}
	}
}

func TestPositionFirstLine(t *testing.T) {
	for _, src := range []string{"Data is stored in Japan.", "\uFEFFData is stored in Japan.", "  Data is stored in Japan."} {
		want := 1
		if strings.HasPrefix(src, "  ") {
			want = 3
		}
		cs, err := Parse("p.md", []byte(src))
		if err != nil || len(cs) != 1 || cs[0].Line != 1 || cs[0].Column != want {
			t.Errorf("Parse(%q) = %+v, %v; want one claim at 1:%d", src, cs, err, want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two? Three! Four", []string{"One.", "Two?", "Three!", "Four"}},
		{"We use processors, e.g. Amazon, i.e. AWS. Next.", []string{"We use processors, e.g. Amazon, i.e. AWS.", "Next."}},
		{"Data is stored in the U.S. Data Privacy Framework applies.", []string{"Data is stored in the U.S. Data Privacy Framework applies."}},
		{"Data is stored in the U.S. We also keep backups.", []string{"Data is stored in the U.S.", "We also keep backups."}},
		{"LINE Plus Inc. Korea is a recipient.", []string{"LINE Plus Inc. Korea is a recipient."}},
		{"We share it with Acme Ltd. The data stays.", []string{"We share it with Acme Ltd.", "The data stays."}},
		{"See Art. 28 and No. 5 of the Act.", []string{"See Art. 28 and No. 5 of the Act."}},
		{"The rate is 3.5 percent. Done.", []string{"The rate is 3.5 percent.", "Done."}},
		{"2. Where we keep it", []string{"2. Where we keep it"}},
		{"John F. Kennedy said so. Then.", []string{"John F. Kennedy said so.", "Then."}},
		{`He said "stored in Japan." Then left.`, []string{`He said "stored in Japan."`, "Then left."}},
		{"Stored in Japan (see below). Next.", []string{"Stored in Japan (see below).", "Next."}},
		{"It is stored. (Really.) Yes.", []string{"It is stored.", "(Really.)", "Yes."}},
		{"lower. case continues", []string{"lower. case continues"}},
		{"Visit example.jp. Then go.", []string{"Visit example.jp.", "Then go."}},
		{"日本で保管します。韓国からアクセスします。", []string{"日本で保管します。", "韓国からアクセスします。"}},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range english().sentences([]byte(tt.text)) {
			got = append(got, tt.text[s.start:s.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"# Notice\nData \xff is stored.\n", "N.md:2: invalid UTF-8"},
		{"# Notice\n\nok\nbinary\x00data\n", "N.md:4: NUL byte: not a text file"},
		{"a\x00\n\xff", "N.md:1: NUL byte: not a text file"},
		{"\xff\n\x00", "N.md:1: invalid UTF-8"},
	}
	for _, tt := range tests {
		_, err := Parse("N.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestLang(t *testing.T) {
	ja := `# プライバシーポリシー

<!-- noticevet: stored-in=JP,KR -->
日本のユーザーのパーソナルデータは、日本と韓国にあるデータセンターで保管しています。

| 提供先 | 国名 |
|---|---|
| LINE Plus Corporation | 韓国 |
`
	cs, err := Parse("PRIVACY.ja.md", []byte(ja))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s %s", c.Line, c.Column, brief(c), c.Lang))
	}
	want := []string{"4:1 storage inclusive JP,KR explicit ja", "8:3 transfer inclusive KR table ja"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Japanese notice: got %q, want %q", got, want)
	}
	for src, want := range map[string]string{
		"":                         "en",
		"Data is stored in Japan.": "en",
		"個人情報は日本国内で保管します。":                                       "ja",
		"Google LLC（米国）に提供することがあります。":                            "ja",
		"We call it 「国外」 in Japanese, and store nothing abroad.": "en",
	} {
		if got := detectLang([]byte(src)); got != want {
			t.Errorf("detectLang(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestEnglishTableLoads(t *testing.T) {
	// newEnglish panics on a malformed row; the package var already ran it.
	for _, w := range []string{"stored", "transfer", "access", "not", "only", "overseas", "outside", "in", "users", "affiliates"} {
		if len(english().phrases[w]) == 0 {
			t.Errorf("english().tsv: no phrase starts with %q", w)
		}
	}
	for _, bad := range []string{"classes\tphrase\nnope\tstored\n", "classes\tphrase\nstore\n", "classes\tphrase\nstore\t\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newEnglish(%q) did not panic", bad)
				}
			}()
			newEnglish(bad)
		}()
	}
}
