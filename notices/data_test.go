package notices

import (
	"reflect"
	"strings"
	"testing"
)

// TestData: a statement that names kinds of data and not personal data in
// general is limited to them; explicit comments never are.
func TestData(t *testing.T) {
	for _, tc := range []struct {
		notice string
		want   [][]string // Data of each claim, in order
	}{
		{"Payment information is stored only in Japan.\n", [][]string{{"payment"}}},
		{"Images and videos you upload may be stored in South Korea.\n", [][]string{{"media"}}},
		{"Your credit card details and location data are stored only in Japan.\n", [][]string{{"location", "payment"}}},
		{"All personal data, including payment information, is stored only in Japan.\n", [][]string{nil}},
		{"Your data is stored only in Japan.\n", [][]string{nil}},
		{"We store data only in Japan.\n", [][]string{nil}},
		{"Chat messages are not stored outside Japan.\n", [][]string{{"message"}}},
		// Not "payment" inside another word.
		{"Repayments data is stored only in Japan.\n", [][]string{nil}},
		{"決済情報は日本国内のサーバーにのみ保存します。\n", [][]string{{"payment"}}},
		{"お客様の個人情報（決済情報を含みます）は日本国内にのみ保存します。\n", [][]string{nil}},
		{"トークの画像や動画は韓国のデータセンターに保存されることがあります。\n", [][]string{{"media", "message"}}},
		// A comment states the claim in place of its sentence, and of all
		// personal data.
		{"<!-- noticevet: stored-only-in=JP -->\nPayment information is stored only in Japan.\n", [][]string{nil}},
	} {
		claims, err := Parse("PRIVACY.md", []byte("# Privacy\n\n"+tc.notice))
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for _, c := range claims {
			got = append(got, c.Data)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: data %q, want %q", strings.TrimSpace(tc.notice), got, tc.want)
		}
	}
}
