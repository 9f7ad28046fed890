package suggest

import (
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

// FuzzPropose proposes text for any notice the reader accepts, against
// evidence in four countries: it must not panic, and the notice it
// proposes must still be read without error (a note must never break a
// comment, a replacement never a Markdown construct the reader checks).
func FuzzPropose(f *testing.F) {
	for _, s := range []string{
		"# P\n\nAll personal data is stored only in Japan. We protect it.\n",
		"Data may be sent to other countries.",
		"個人情報は日本国内のみで保管します。外国にある第三者に提供することがあります。",
		"- Data is stored only in **Japan**.\n- Data may go abroad.\n",
		"| Recipient | Country |\n|---|---|\n| AWS | Japan |\n\nData is only stored in Japan.",
		"> Data is stored only in Japan.\n",
		"<!-- noticevet: stored-only-in=JP -->\nWe keep data.\n",
		"Data is stored only in Japan --> and nowhere else.\r\n",
		"\uFEFFData is stored only in Japan.",
	} {
		f.Add(s)
	}
	ev := []evidence.Evidence{seoul, tokyo, toChina, access}
	f.Fuzz(func(t *testing.T, src string) {
		claims, err := notices.Parse("PRIVACY.md", []byte(src))
		if err != nil {
			return
		}
		props, err := Propose(Input{Claims: claims, Evidence: ev, Home: "JP",
			Read: func(string) ([]byte, error) { return []byte(src), nil }})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range props {
			n := p.New()
			if _, err := notices.Parse("PRIVACY.md", []byte(n)); err != nil {
				t.Fatalf("the proposed notice is not read: %v\n--- notice\n%s\n--- proposed\n%s", err, src, n)
			}
			p.Diff()
			p.LineChanges(p.Edits)
		}
	})
}
