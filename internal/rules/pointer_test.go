package rules

import (
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

// TestPointsElsewhere: a notice that points to a list it cannot read is
// one unresolved-destination note per notice file and list, and silences
// no-country-named for the vague statements of the same kind in that
// notice file only.
func TestPointsElsewhere(t *testing.T) {
	pointer := func(line int, k notices.Kind, link string) notices.Claim {
		c := claim(line, k, notices.Elsewhere)
		c.Link = link
		return c
	}
	inFile := func(c notices.Claim, path string) notices.Claim { c.Path = path; return c }
	const list = "https://example.com/subprocessors"
	sendUS := ev(30, evidence.Send, "http.Post to api.example.com", "US", "")
	tests := []struct {
		name   string
		claims []notices.Claim
		ev     []evidence.Evidence
		want   []string
	}{
		{
			name:   "a vague transfer covered by a transfer list",
			claims: []notices.Claim{claim(3, notices.Transfer, notices.VagueForeign), pointer(5, notices.Transfer, list)},
			ev:     []evidence.Evidence{sendUS},
			want:   []string{"PRIVACY.md:5 unresolved-destination @5", "infra/main.tf:30 undisclosed-country US"},
		},
		{
			name: "the same list twice is one note",
			claims: []notices.Claim{claim(3, notices.Transfer, notices.VagueForeign), pointer(5, notices.Transfer, list),
				pointer(9, notices.Transfer, list)},
			want: []string{"PRIVACY.md:5 unresolved-destination @5"},
		},
		{
			name:   "a vague storage statement is not covered by a transfer list",
			claims: []notices.Claim{claim(3, notices.Storage, notices.VagueForeign), pointer(5, notices.Transfer, list)},
			want:   []string{"PRIVACY.md:3 no-country-named @3", "PRIVACY.md:5 unresolved-destination @5"},
		},
		{
			name:   "a list in another notice file covers nothing here",
			claims: []notices.Claim{claim(3, notices.Transfer, notices.VagueForeign), inFile(pointer(5, notices.Transfer, list), "PRIVACY.ja.md")},
			want:   []string{"PRIVACY.ja.md:5 unresolved-destination @5", "PRIVACY.md:3 no-country-named @3"},
		},
		{
			name:   "without a pointer the vague statement fires",
			claims: []notices.Claim{claim(3, notices.Transfer, notices.VagueForeign)},
			want:   []string{"PRIVACY.md:3 no-country-named @3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check(Input{Claims: tt.claims, Evidence: tt.ev})
			if g := strings.Join(got(fs), "\n"); g != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", g, strings.Join(tt.want, "\n"))
			}
		})
	}
	fs := Check(Input{Claims: []notices.Claim{pointer(5, notices.Transfer, list)}})
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "("+list+")") {
		t.Errorf("the note must name the list: %v", fs)
	}
}
