package suggest

import (
	"fmt"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

// BenchmarkPropose proposes text for a bilingual notice against n sites
// spread over a few countries and kinds: the time grows with n, not with
// its square (sites and findings are looked up in maps).
func BenchmarkPropose(b *testing.B) {
	countries := []string{"KR", "US", "CN", "DE", "SG", "JP"}
	kinds := []evidence.Kind{evidence.Store, evidence.Send, evidence.Access}
	files := map[string]string{
		"PRIVACY.md":    "# P\n\nAll personal data is stored only in Japan.\n\nData may be sent to other countries.\n",
		"PRIVACY.ja.md": "# P\n\n個人情報は日本国内のみで保管します。\n\n外国にある第三者に提供することがあります。\n",
	}
	var claims []notices.Claim
	for _, p := range []string{"PRIVACY.ja.md", "PRIVACY.md"} {
		cs, err := notices.Parse(p, []byte(files[p]))
		if err != nil {
			b.Fatal(err)
		}
		claims = append(claims, cs...)
	}
	for _, n := range []int{1000, 10000} {
		ev := make([]evidence.Evidence, n)
		for i := range ev {
			ev[i] = evidence.Evidence{Kind: kinds[i%len(kinds)], What: fmt.Sprintf("aws_s3_bucket.b%d", i), Country: countries[i%len(countries)],
				Pos: evidence.Pos{Path: fmt.Sprintf("infra/m%d.tf", i/100), Line: i%100 + 1, Column: 1}}
		}
		in := Input{Claims: claims, Evidence: ev, Home: "JP", Read: func(p string) ([]byte, error) { return []byte(files[p]), nil }}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Propose(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
