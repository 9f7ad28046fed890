package suggest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// Evidence the cases share: a store in South Korea, a call to China, an
// access grant to China, and a store whose country is unknown.
var (
	seoul   = evidence.Evidence{Kind: evidence.Store, What: "aws_s3_bucket.media", Country: "KR", Region: "ap-northeast-2", Pos: evidence.Pos{Path: "infra/media.tf", Line: 4, Column: 1}}
	tokyo   = evidence.Evidence{Kind: evidence.Store, What: "aws_s3_bucket.main", Country: "JP", Region: "ap-northeast-1", Pos: evidence.Pos{Path: "infra/main.tf", Line: 1, Column: 1}}
	toChina = evidence.Evidence{Kind: evidence.Send, What: "http.Post to api.example.cn", Country: "CN", Pos: evidence.Pos{Path: "app/sync.go", Line: 9, Column: 2}}
	access  = evidence.Evidence{Kind: evidence.Access, What: "aws_iam_role.ops trust policy", Country: "CN", Pos: evidence.Pos{Path: "infra/iam.tf", Line: 2, Column: 3}}
	unknown = evidence.Evidence{Kind: evidence.Store, What: "aws_s3_bucket.logs", Unresolved: "region comes from var.region, which has no value", Pos: evidence.Pos{Path: "infra/logs.tf", Line: 1, Column: 1}}
)

// propose parses the notices (path → text), proposes, and returns each
// file's new text.
func propose(t *testing.T, files map[string]string, ev []evidence.Evidence, home string, suppressed func(evidence.Pos, string) bool) map[string]string {
	t.Helper()
	var claims []notices.Claim
	for _, p := range sortedKeys(files) {
		cs, err := notices.Parse(p, []byte(files[p]))
		if err != nil {
			t.Fatal(err)
		}
		claims = append(claims, cs...)
	}
	props, err := Propose(Input{Claims: claims, Evidence: ev, Home: home, Suppressed: suppressed,
		Read: func(p string) ([]byte, error) { return []byte(files[p]), nil }})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range props {
		out[f.Path] = f.New()
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// fixable lists the findings of the rules on files that a sentence fixes.
func fixable(t *testing.T, files map[string]string, ev []evidence.Evidence, home string) []string {
	t.Helper()
	var claims []notices.Claim
	for _, p := range sortedKeys(files) {
		cs, err := notices.Parse(p, []byte(files[p]))
		if err != nil {
			t.Fatalf("%s: %v\n%s", p, err, files[p])
		}
		claims = append(claims, cs...)
	}
	var out []string
	for _, f := range rules.Check(rules.Input{Claims: claims, Evidence: ev, Home: home}) {
		switch f.Rule {
		case rules.FalseClaim, rules.UndisclosedCountry, rules.NoCountryNamed:
			out = append(out, fmt.Sprintf("%s %s %s", f.Pos, f.Rule, f.Country))
		}
	}
	return out
}

func TestPropose(t *testing.T) {
	all := []evidence.Evidence{seoul, tokyo, toChina, access}
	tests := []struct {
		name  string
		files map[string]string
		ev    []evidence.Evidence
		// want: the new text of each file proposed for; none when nil.
		want map[string]string
		// left: the fixable findings that must remain after the proposal.
		left []string
	}{
		{
			name:  "exclusive storage replaced, keeping the sentence after it",
			files: map[string]string{"PRIVACY.md": "# P\n\nAll personal data is stored only in Japan. We protect it.\n"},
			ev:    []evidence.Evidence{seoul, tokyo},
			want: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan and South Korea. For South Korea: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses]." +
				" <!-- noticevet: evidence: South Korea: aws_s3_bucket.media (infra/media.tf:4); replaces \"All personal data is stored only in Japan.\" --> We protect it.\n"},
		},
		{
			name:  "vague transfer answered by a paragraph after its own",
			files: map[string]string{"PRIVACY.md": "# P\n\nData may be sent to other countries.\nWe require safeguards.\n\n## Contact\n"},
			ev:    all,
			want: map[string]string{"PRIVACY.md": "# P\n\nData may be sent to other countries.\nWe require safeguards.\n\n" +
				"Personal data may be transferred to recipients in China and South Korea. For China: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses]. For South Korea: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses]." +
				" <!-- noticevet: evidence: China: http.Post to api.example.cn (app/sync.go:9), aws_iam_role.ops trust policy (infra/iam.tf:2); South Korea: aws_s3_bucket.media (infra/media.tf:4) -->\n\n## Contact\n"},
		},
		{
			name:  "undisclosed countries, a statement of each kind at the end of a notice without a final newline",
			files: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan."},
			ev:    all,
			want: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan.\n\n" +
				"Personal data is stored in South Korea. For South Korea: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses]. <!-- noticevet: evidence: South Korea: aws_s3_bucket.media (infra/media.tf:4) -->\n\n" +
				"Personal data may be transferred to recipients in China. For China: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses]. <!-- noticevet: evidence: China: http.Post to api.example.cn (app/sync.go:9), aws_iam_role.ops trust policy (infra/iam.tf:2) -->\n"},
		},
		{
			name:  "Japanese: exclusive storage and vague transfer",
			files: map[string]string{"PRIVACY.ja.md": "# P\n\n個人情報は日本国内のサーバーのみで保管します。\n\n外国にある第三者に提供することがあります。\n"},
			ev:    all,
			want: map[string]string{"PRIVACY.ja.md": "# P\n\n個人情報を日本及び韓国で保管します。韓国：[当該外国の個人情報保護制度を記載]。[提供先が講ずる個人情報保護のための措置を記載]。 <!-- noticevet: evidence: 韓国: aws_s3_bucket.media (infra/media.tf:4); 置き換え前「個人情報は日本国内のサーバーのみで保管します。」 -->\n\n" +
				"外国にある第三者に提供することがあります。\n\n個人情報を中国及び韓国にある第三者に提供することがあります。中国：[当該外国の個人情報保護制度を記載]。[提供先が講ずる個人情報保護のための措置を記載]。韓国：[当該外国の個人情報保護制度を記載]。[提供先が講ずる個人情報保護のための措置を記載]。 <!-- noticevet: evidence: 中国: http.Post to api.example.cn (app/sync.go:9), aws_iam_role.ops trust policy (infra/iam.tf:2); 韓国: aws_s3_bucket.media (infra/media.tf:4) -->\n"},
		},
		{
			name:  "a sentence with an inclusive claim too states it again",
			files: map[string]string{"PRIVACY.md": "# P\n\nData is stored only in Japan and may be accessed from Vietnam.\n"},
			ev:    []evidence.Evidence{seoul},
			want: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan and South Korea. For South Korea: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses]." +
				" <!-- noticevet: evidence: South Korea: aws_s3_bucket.media (infra/media.tf:4); replaces \"Data is stored only in Japan and may be accessed from Vietnam.\" --> Personal data may be accessed from Vietnam. For Vietnam: [describe the country's system for protecting personal information]; [describe the measures the recipient takes to protect personal data]; [name the safeguard for the transfer, such as an adequacy decision or standard contractual clauses].\n"},
		},
		// Look-alikes: nothing a sentence fixes, or nothing to fix.
		{
			name:  "the notice already names the country",
			files: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan and South Korea.\n"},
			ev:    []evidence.Evidence{seoul, tokyo},
		},
		{
			name:  "a negative statement the evidence contradicts is the author's to drop",
			files: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan and South Korea. We never send personal data to China.\n"},
			ev:    []evidence.Evidence{seoul, toChina},
			left:  []string{"app/sync.go:9:2 false-claim CN"},
		},
		{
			name:  "an undecided destination has no country to name",
			files: map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored only in Japan.\n"},
			ev:    []evidence.Evidence{unknown, tokyo},
		},
		{
			name:  "a vague statement with no evidence abroad gets no text",
			files: map[string]string{"PRIVACY.md": "# P\n\nData may be sent to other countries.\n"},
			ev:    []evidence.Evidence{tokyo},
			left:  []string{"PRIVACY.md:3:1 no-country-named "},
		},
		{
			name:  "a statement in a noticevet comment is not rewritten",
			files: map[string]string{"PRIVACY.md": "# P\n\n<!-- noticevet: stored-only-in=JP -->\nWe keep data safe.\n"},
			ev:    []evidence.Evidence{seoul},
			left:  []string{"infra/media.tf:4:1 false-claim KR"},
		},
		{
			name:  "a sentence with a link in it is not replaced",
			files: map[string]string{"PRIVACY.md": "# P\n\nData is stored only in [Japan](https://example.com/dc).\n"},
			ev:    []evidence.Evidence{seoul},
			left:  []string{"infra/media.tf:4:1 false-claim KR"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := propose(t, tt.files, tt.ev, "JP", nil)
			if len(tt.want) == 0 && len(got) > 0 {
				t.Fatalf("proposed %q, want nothing", got)
			}
			for p, want := range tt.want {
				if got[p] != want {
					t.Errorf("%s:\n got %q\nwant %q", p, got[p], want)
				}
			}
			after := map[string]string{}
			for p, s := range tt.files {
				after[p] = s
				if n, ok := got[p]; ok {
					after[p] = n
				}
			}
			if left := fixable(t, after, tt.ev, "JP"); !reflect.DeepEqual(left, tt.left) {
				t.Errorf("after the proposal: %q, want %q", left, tt.left)
			}
		})
	}
}

// TestBilingual checks that each language version is answered on its own:
// the English one, which no reported finding names, is fixed too, and the
// two name the same countries afterwards.
func TestBilingual(t *testing.T) {
	files := map[string]string{
		"PRIVACY.md":    "# P\n\nAll personal data is stored only in Japan.\n",
		"PRIVACY.ja.md": "# P\n\n個人情報は日本国内のみで保管します。\n",
	}
	got := propose(t, files, []evidence.Evidence{seoul, tokyo}, "JP", nil)
	if len(got) != 2 {
		t.Fatalf("proposed for %d files, want 2: %q", len(got), got)
	}
	if left := fixable(t, got, []evidence.Evidence{seoul, tokyo}, "JP"); left != nil {
		t.Errorf("after the proposal: %q", left)
	}
}

// TestSuppressed checks that a finding accepted by an ignore block or a
// baseline gets no text.
func TestSuppressed(t *testing.T) {
	files := map[string]string{"PRIVACY.md": "# P\n\nAll personal data is stored only in Japan.\n"}
	got := propose(t, files, []evidence.Evidence{seoul}, "JP", func(p evidence.Pos, c string) bool {
		return p == seoul.Pos && c == "KR"
	})
	if len(got) != 0 {
		t.Errorf("proposed %q for a suppressed finding", got)
	}
}

// TestFixes checks which findings an edit answers, and the diff of one.
func TestFixes(t *testing.T) {
	files := map[string]string{"PRIVACY.md": "# P\n\nAll personal data is stored only in Japan.\n\nData may be sent abroad.\n"}
	var claims []notices.Claim
	cs, _ := notices.Parse("PRIVACY.md", []byte(files["PRIVACY.md"]))
	claims = append(claims, cs...)
	props, err := Propose(Input{Claims: claims, Evidence: []evidence.Evidence{seoul, toChina}, Home: "JP",
		Read: func(p string) ([]byte, error) { return []byte(files[p]), nil }})
	if err != nil || len(props) != 1 {
		t.Fatalf("%v, %d proposals", err, len(props))
	}
	f := props[0]
	var got []string
	for _, e := range f.Edits {
		lc := f.LineChanges([]Edit{e})
		got = append(got, fmt.Sprintf("%d-%d %v", lc[0].First, lc[0].Last, e.Fixes))
	}
	if lc := f.LineChanges(f.Edits); len(lc) != 2 || !strings.HasPrefix(lc[1].Text, "Data may be sent abroad.\n\nPersonal data may be transferred") || strings.HasSuffix(lc[1].Text, "\n") {
		t.Errorf("line changes: %v", lc)
	}
	// Edits on one line are one change.
	g := File{Path: "p.md", Old: "ab cd\nef\n"}
	if lc := g.LineChanges([]Edit{{Start: 0, End: 2, New: "AB"}, {Start: 3, End: 5, New: "CD"}, {Start: 6, End: 6, New: "x\n"}}); !reflect.DeepEqual(lc, []LineChange{{1, 1, "AB CD\nx"}}) {
		t.Errorf("joined: %v", lc)
	}
	want := []string{
		"3-3 [{infra/media.tf:4:1 KR}]",
		"5-5 [{PRIVACY.md:5:1 } {app/sync.go:9:2 CN}]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("edits:\n got %q\nwant %q", got, want)
	}
	d := f.DiffFor(Site{seoul.Pos, "KR"})
	if !strings.HasPrefix(d, "--- a/PRIVACY.md\n+++ b/PRIVACY.md\n@@ -1,5 +1,5 @@\n") || strings.Contains(d, "transferred") {
		t.Errorf("diff for the Seoul bucket:\n%s", d)
	}
	if f.DiffFor(Site{tokyo.Pos, "JP"}) != "" {
		t.Error("a diff for a site no edit answers")
	}
}

func TestChangedLines(t *testing.T) {
	base := "a\nb\nc\nd\n"
	cur := "a\nB\nc\nnew\nd\ne\n"
	got := ChangedLines(base, cur)
	want := map[int]bool{2: true, 4: true, 6: true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := ChangedLines(cur, cur); len(got) != 0 {
		t.Errorf("no change: %v", got)
	}
}

// TestTemplatesReadBack checks what templates.tsv promises: each
// statement, read by the notice reader, names exactly its countries for
// its kind, and its details and the note claim nothing.
func TestTemplatesReadBack(t *testing.T) {
	for lang := range templates() {
		w := wordsFor(lang)
		for _, k := range []notices.Kind{notices.Storage, notices.Transfer, notices.Access} {
			for _, codes := range [][]string{{"KR"}, {"CN", "KR"}, {"JP", "KR", "US"}} {
				p := &plan{kind: k, countries: map[string]bool{}, evidence: map[string][]evidence.Evidence{"KR": {seoul}}, fixes: []Site{{}}}
				for _, c := range codes {
					p.countries[c] = true
				}
				text := "# P\n\n" + w.statement(k, codes, "JP") + " " + w.note(p, "JP") + "\n"
				cs, err := notices.Parse("p.md", []byte(text))
				if err != nil {
					t.Fatalf("%s: %v", text, err)
				}
				if len(cs) != 1 || cs[0].Kind != k || cs[0].Scope != notices.Inclusive || !reflect.DeepEqual(cs[0].Countries, codes) || cs[0].Lang != lang {
					t.Errorf("%s %s %v: read as %+v\n%s", lang, k, codes, cs, text)
				}
			}
		}
	}
}

func TestCommentSafe(t *testing.T) {
	for in, want := range map[string]string{
		"a --> b":         "a - -> b",
		"a ---> b":        "a - - -> b",
		"x\x1b[31m\u202e": `x\x1b[31m\u202e`,
	} {
		if got := commentSafe(in); got != want {
			t.Errorf("commentSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoteNamesEachCountry: one site that puts data in two countries (a
// dual-region bucket) is named under each country in the note.
func TestNoteNamesEachCountry(t *testing.T) {
	fi := evidence.Evidence{Kind: evidence.Store, What: "google_storage_bucket.eu", Country: "FI", Pos: evidence.Pos{Path: "main.tf", Line: 24, Column: 1}}
	nl := fi
	nl.Country = "NL"
	got := propose(t, map[string]string{"PRIVACY.md": "# P\n\nPersonal data is stored in Japan.\n"}, []evidence.Evidence{fi, nl}, "JP", nil)
	if !strings.Contains(got["PRIVACY.md"], "<!-- noticevet: evidence: Finland: google_storage_bucket.eu (main.tf:24); the Netherlands: google_storage_bucket.eu (main.tf:24) -->") {
		t.Errorf("note:\n%s", got["PRIVACY.md"])
	}
}

// TestListCountsWithItsNotice: a list of the repository a notice links to
// for its countries is read in its language, and its claims answer the
// notice's: a country it names needs no statement in the notice, and its
// own exclusive sentence is replaced where it stands.
func TestListCountsWithItsNotice(t *testing.T) {
	sg := evidence.Evidence{Kind: evidence.Send, What: "http.Post to api.example.sg", Country: "SG", Pos: evidence.Pos{Path: "app/q.go", Line: 3, Column: 2}}
	files := map[string]string{
		"PRIVACY.md":         "# P\n\nData may be sent to other countries.\n",
		"docs/processors.md": "# Processors\n\nWe transfer personal data only to Example Inc. in Singapore.\n",
	}
	if got := propose(t, files, []evidence.Evidence{sg}, "JP", nil); len(got) != 0 {
		t.Errorf("proposed %q, though the list names Singapore", got)
	}
	got := propose(t, files, []evidence.Evidence{sg, toChina}, "JP", nil)
	if len(got) != 1 || !strings.HasPrefix(got["docs/processors.md"], "# Processors\n\nPersonal data may be transferred to recipients in China and Singapore.") {
		t.Errorf("proposed %q, want the list's sentence replaced", got)
	}
}

// TestNoticeWithoutClaims: a notice from which no claim is read (empty,
// or only contact details) gets its statements at its end, in its own
// language; one in a language whose claims other files make gets none
// of its own.
func TestNoticeWithoutClaims(t *testing.T) {
	files := map[string]string{
		"PRIVACY.ja.md": "# プライバシーポリシー\n\nお問い合わせは窓口までご連絡ください。",
		"PRIVACY.md":    "# Privacy\n\nPersonal data is stored in South Korea.\n",
		"docs/about.md": "# About\n\nWe are a small team.\n",
	}
	claims, _ := notices.Parse("PRIVACY.md", []byte(files["PRIVACY.md"]))
	props, err := Propose(Input{Claims: claims, Evidence: []evidence.Evidence{seoul}, Home: "JP",
		Notices: []string{"PRIVACY.ja.md", "PRIVACY.md", "docs/about.md"},
		Read:    func(p string) ([]byte, error) { return []byte(files[p]), nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(props) != 1 || props[0].Path != "PRIVACY.ja.md" || props[0].Lang != "ja" ||
		!strings.HasPrefix(props[0].New(), files["PRIVACY.ja.md"]+"\n\n個人情報を韓国で保管します。") {
		t.Fatalf("proposals: %+v", props)
	}
}
