package notices

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestCommentKeys(t *testing.T) {
	// The statement says all three kinds; the comment replaces its prose for
	// the kind it states and leaves the others.
	const statement = "Data is stored in Japan, sent to Korea and accessed from Vietnam."
	prose := map[Kind]string{
		Storage:  "storage inclusive JP",
		Transfer: "transfer inclusive KR",
		Access:   "access inclusive VN",
	}
	tests := []struct {
		comment string
		want    string
	}{
		{"stored-in=JP", "storage inclusive JP explicit"},
		{"stored-only-in=JP", "storage exclusive JP explicit"},
		{"not-stored-in=CN", "storage negative CN explicit"},
		{"transfers-to=KR,US", "transfer inclusive KR,US explicit"},
		{"transfers-only-to=US,KR", "transfer exclusive KR,US explicit"},
		{"no-transfers-to=CN", "transfer negative CN explicit"},
		{"access-from=VN", "access inclusive VN explicit"},
		{"access-only-from=JP", "access exclusive JP explicit"},
		{"no-access-from=CN,RU", "access negative CN,RU explicit"},
		{"transfers-to=EU", "transfer inclusive EU explicit"},
		{"stored-only-in=EEA,JP", "storage exclusive EEA,JP explicit"},
		{"transfers-to=EU,DE", "transfer inclusive EU explicit"},
		{"transfers-to=KR, US", "transfer inclusive KR,US explicit"},
	}
	for _, tt := range tests {
		src := fmt.Sprintf("# Notice\n\n<!-- noticevet: %s -->\n%s\n", tt.comment, statement)
		cs, err := Parse("p.md", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", tt.comment, err)
			continue
		}
		want := []string{}
		var explicit Kind
		for _, c := range cs {
			if c.Explicit {
				explicit = c.Kind
			}
		}
		for _, k := range []Kind{Storage, Transfer, Access} {
			if k == explicit {
				want = append(want, expand(tt.want))
			} else {
				want = append(want, prose[k])
			}
		}
		got := []string{}
		for _, c := range cs {
			got = append(got, brief(c))
			if c.Line != 4 || c.Column != 1 || c.Text != statement {
				t.Errorf("%s: claim at %d:%d %q, want 4:1 and the statement", tt.comment, c.Line, c.Column, c.Text)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.comment, got, want)
		}
	}
}

func TestCommentBinding(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"several pairs", "<!-- noticevet: stored-in=JP; transfers-to=KR access-only-from=JP -->\nHello world.",
			[]string{"2:1 storage inclusive JP explicit", "2:1 transfer inclusive KR explicit", "2:1 access exclusive JP explicit"}},
		{"first sentence only", "<!-- noticevet: stored-only-in=JP -->\nData is stored in Japan. Backups are kept in Korea.",
			[]string{"2:1 storage exclusive JP explicit", "2:26 storage inclusive KR"}},
		{"across a blank line", "<!-- noticevet: stored-only-in=JP -->\n\n## Where we keep data\n\nData is stored in Korea.",
			[]string{"3:4 storage exclusive JP explicit", "5:1 storage inclusive KR"}},
		{"list item", "- <!-- noticevet: transfers-to=KR -->\n  Data may be sent abroad.\n- Other.",
			[]string{"2:3 transfer inclusive KR explicit"}},
		{"inline", "Data is stored in Japan. <!-- noticevet: access-from=VN --> Staff in Vietnam may access it.",
			[]string{"1:1 storage inclusive JP", "1:61 access inclusive VN explicit"}},
		{"multi-line block", "<!--\n  noticevet:\n  stored-in=JP\n  transfers-to=US\n-->\nData may be sent abroad.",
			[]string{"6:1 storage inclusive JP explicit", "6:1 transfer inclusive US explicit"}},
		{"blockquote", "> <!-- noticevet: no-transfers-to=CN -->\n> Data is never sent to China.",
			[]string{"2:3 transfer negative CN explicit"}},
		{"table", "<!-- noticevet: transfers-to=US -->\n| Recipient | Country |\n|---|---|\n| AWS | Korea |",
			[]string{"2:3 transfer inclusive US explicit", "4:3 transfer inclusive KR table"}},
		{"two comments", "<!-- noticevet: stored-in=JP -->\n<!-- noticevet: stored-in=KR -->\nData is stored in Japan.",
			[]string{"3:1 storage inclusive JP explicit", "3:1 storage inclusive KR explicit"}},
		{"other comments", "<!-- a note -->\n<!-- noticevet-like text --> \n\nData is stored in Japan.",
			[]string{"4:1 storage inclusive JP"}},
		{"in code", "```\n<!-- noticevet: bogus -->\n```\n\nWrite `<!-- noticevet: bogus` to fail.", nil},
		// A note (as noticevet suggest writes) states and binds nothing, in
		// either language, after a sentence, at the end of the notice or
		// before a comment that does bind.
		{"note after a sentence", "Data is stored in Japan and South Korea. <!-- noticevet: evidence: South Korea: aws_s3_bucket.media (infra/media.tf:4); replaces \"Data is stored only in Japan.\" -->\nStaff may access it.",
			[]string{"1:1 storage inclusive JP,KR"}},
		{"note in Japanese, last", "個人情報は日本と韓国で保管します。 <!-- noticevet: evidence: 韓国、中国: aws_s3_bucket.media (infra/media.tf:4) -->",
			[]string{"1:1 storage inclusive JP,KR"}},
		{"note then a binding comment", "<!-- noticevet: evidence -->\n<!-- noticevet: stored-in=KR -->\nData is kept.",
			[]string{"3:1 storage inclusive KR explicit"}},
		{"note as an HTML block", "<!-- noticevet: evidence: stored-only-in=CN -->\n\nData is stored in Japan.",
			[]string{"3:1 storage inclusive JP"}},
	}
	for _, tt := range tests {
		cs, err := Parse("p.md", []byte(tt.src))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, c := range cs {
			got = append(got, fmt.Sprintf("%d:%d %s", c.Line, c.Column, brief(c)))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestCommentErrors(t *testing.T) {
	keys := "access-from, access-only-from, no-access-from, no-transfers-to, not-stored-in, stored-in, stored-only-in, transfers-only-to, transfers-to"
	tests := []struct {
		src, want string
	}{
		{"# N\n\n<!-- noticevet: stored-at=JP -->\nText.",
			`p.md:3: noticevet comment: unknown key "stored-at" (want one of ` + keys + ")"},
		{"# N\n\n<!-- noticevet: stored-in=jp -->\nText.",
			`p.md:3: noticevet comment: stored-in: "jp" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA); write "JP"`},
		{"<!-- noticevet: transfers-to=eu -->\nText.",
			`p.md:1: noticevet comment: transfers-to: "eu" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA); write "EU"`},
		{"<!-- noticevet: stored-in=XX -->\nText.",
			`p.md:1: noticevet comment: stored-in: "XX" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA)`},
		{"<!-- noticevet: stored-in=UK -->\nText.",
			`p.md:1: noticevet comment: stored-in: "UK" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA); United Kingdom is "GB"`},
		{"<!-- noticevet: stored-in=JPN -->\nText.",
			`p.md:1: noticevet comment: stored-in: "JPN" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA); Japan is "JP"`},
		{"<!-- noticevet: stored-in JP -->\nText.",
			`p.md:1: noticevet comment: "stored-in" has no "=" (want key=CODE,...)`},
		{"<!-- noticevet: stored-in= -->\nText.",
			`p.md:1: noticevet comment: stored-in: a country code is missing`},
		{"<!-- noticevet: stored-in=JP,,KR -->\nText.",
			`p.md:1: noticevet comment: stored-in: a country code is missing`},
		{"<!-- noticevet: -->\nText.",
			`p.md:1: noticevet comment: no key=CODE,... after "noticevet:"`},
		{"<!-- noticevet: evidence=JP -->\nText.",
			`p.md:1: noticevet comment: unknown key "evidence" (want one of ` + keys + ")"},
		{"<!-- noticevet: evidences: x -->\nText.",
			`p.md:1: noticevet comment: "evidences:" has no "=" (want key=CODE,...)`},
		{"<!-- noticevet stored-in=JP -->\nText.",
			`p.md:1: noticevet comment: want "noticevet: key=CODE,..."`},
		{"Text.\n\n<!-- noticevet: stored-in=JP -->\n",
			`p.md:3: noticevet comment: no statement follows it`},
		{"Text. <!-- noticevet: stored-in=JP -->",
			`p.md:1: noticevet comment: no statement follows it`},
		{"Text.\n\n<!-- noticevet: stored-in=JP\n\nMore text.\n",
			`p.md:3: noticevet comment: not closed with -->`},
		{"Text.\n\nSee <!-- noticevet: stored-in=JP and more.\n",
			`p.md:3: noticevet comment: not read as a comment (is it closed with "-->"?)`},
		{"<!-- noticevet: stored-in=JP -->\nOne.\n\n<!-- noticevet: bad -->\nTwo.",
			`p.md:4: noticevet comment: "bad" has no "=" (want key=CODE,...)`},
		{"> quote\n>\n> <!-- noticevet: stored-in=J -->\n> Text.",
			`p.md:3: noticevet comment: stored-in: "J" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA)`},
	}
	for _, tt := range tests {
		_, err := Parse("p.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q):\n got error %v\nwant %s", tt.src, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%q): error of more than one line: %q", tt.src, err)
		}
	}
}
