package report

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// renderHTML renders Markdown as GitHub does, tables included.
func renderHTML(t *testing.T, md []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var (
	rowRE  = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRE = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	tagRE  = regexp.MustCompile(`<[^>]+>`)
)

// tables returns the text of every cell of every table row, as a reader
// sees it.
func tables(h string) [][]string {
	var rows [][]string
	for _, m := range rowRE.FindAllStringSubmatch(h, -1) {
		var cells []string
		for _, c := range cellRE.FindAllStringSubmatch(m[1], -1) {
			// A reader does not see the zero-width spaces that keep
			// mentions and URLs inert.
			cells = append(cells, strings.ReplaceAll(html.UnescapeString(tagRE.ReplaceAllString(c[1], "")), "\u200b", ""))
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestMarkdownStartsWithTheMarker(t *testing.T) {
	for _, fx := range fixtures {
		out := render(t, "markdown", fx.r())
		if !bytes.HasPrefix(out, []byte(Marker+"\n")) {
			t.Errorf("%s: does not start with %q", fx.name, Marker)
		}
	}
}

// Every finding's row reads back as the finding's text, whatever it holds.
func TestMarkdownTablesReadBack(t *testing.T) {
	for _, fx := range fixtures {
		r := fx.r()
		rows := tables(renderHTML(t, render(t, "markdown", r)))
		byWhere := map[string][]string{}
		for _, row := range rows {
			if len(row) == 6 {
				byWhere[row[2]+" "+row[1]] = row
			}
		}
		for _, f := range r.Findings {
			where := fmt.Sprintf("%s:%d", f.Pos.Path, f.Pos.Line)
			row, ok := byWhere[where+" "+f.Rule]
			if !ok {
				t.Errorf("%s: no row for %s %s", fx.name, where, f.Rule)
				continue
			}
			if row[0] != f.Severity.String() || row[4] != oneLineText(f.Message) {
				t.Errorf("%s: row %q, want %s %q", fx.name, row, f.Severity, oneLineText(f.Message))
			}
			if f.Claim != nil {
				want := fmt.Sprintf("%s:%d “%s”", f.Claim.Path, f.Claim.Line, clip(f.Claim.Text, maxSentence))
				if row[5] != want {
					t.Errorf("%s: notice cell %q, want %q", fx.name, row[5], want)
				}
			}
			if f.Country != "" && !strings.HasPrefix(row[3], f.Country+" ") {
				t.Errorf("%s: country cell %q, want %s", fx.name, row[3], f.Country)
			}
		}
		// Every row of a table has as many cells as its header.
		for _, row := range rows {
			if n := len(row); n != 3 && n != 4 && n != 6 {
				t.Errorf("%s: a row has %d cells: %q", fx.name, n, row)
			}
		}
	}
}

func TestMarkdownSummary(t *testing.T) {
	for _, c := range []struct {
		r    *Result
		want string
	}{
		{emptyResult(), "**No findings.**\n"},
		{oneResult(), "**1 finding**: 1 error.\n"},
		{escapingResult(), "**4 findings**: 2 errors, 1 warning, 1 note. 1 finding suppressed (by config ignore blocks, noticevet:ignore comments or the baseline).\n"},
		{manyResult(), "**240 findings**: 144 errors, 48 warnings, 48 notes. 7 findings suppressed"},
	} {
		if out := string(render(t, "markdown", c.r)); !strings.Contains(out, "\n"+c.want) {
			t.Errorf("summary: want %q in\n%s", c.want, out[:min(len(out), 400)])
		}
	}
}

// Long lists fold into <details>; short ones do not.
func TestMarkdownFoldsLongLists(t *testing.T) {
	if out := string(render(t, "markdown", oneResult())); strings.Contains(out, "<details>") {
		t.Error("one finding is folded")
	}
	out := string(render(t, "markdown", manyResult()))
	if !strings.Contains(out, "<details><summary>All 240 findings</summary>") {
		t.Error("240 findings are not folded")
	}
	// The count by rule stays in view.
	for _, r := range rules.All {
		if !strings.Contains(out, fmt.Sprintf("| `%s` | %s | 48 |", r.ID, r.Severity)) {
			t.Errorf("no count for %s", r.ID)
		}
	}
}

// However many findings, the comment fits GitHub's limit and says what it
// left out.
func TestMarkdownFitsAComment(t *testing.T) {
	r := manyResult()
	long := strings.Repeat("a very long message about where the data goes ", 20)
	var fs []rules.Finding
	for i := 0; i < 2000; i++ {
		f := r.Findings[i%len(r.Findings)]
		f.Pos.Path = fmt.Sprintf("infra/m%04d.tf", i)
		f.Message = long
		fs = append(fs, f)
	}
	r.Findings = fs
	out := render(t, "markdown", r)
	if len(out) > maxComment {
		t.Errorf("comment is %d bytes, more than %d", len(out), maxComment)
	}
	if !bytes.Contains(out, []byte("more findings, left out to keep this comment within GitHub's size limit")) {
		t.Error("the comment does not say that findings were left out")
	}
	if !bytes.Contains(out, []byte("### Where personal data goes")) {
		t.Error("the data map was crowded out")
	}
	rows := tables(renderHTML(t, out))
	shown := 0
	for _, row := range rows {
		if len(row) == 6 && row[0] != "Severity" {
			shown++
		}
	}
	if want := fmt.Sprintf("…and %d more findings", 2000-shown); !bytes.Contains(out, []byte(want)) {
		t.Errorf("%d rows shown, but the comment does not say %q", shown, want)
	}
}

// A data map of many countries shrinks to leave room for the findings.
func TestMarkdownFitsManyCountries(t *testing.T) {
	r := manyResult()
	r.Evidence = nil
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'J'; b++ {
			for i := 0; i < 6; i++ {
				r.Evidence = append(r.Evidence, evidence.Evidence{Kind: evidence.Store, Country: string([]rune{a, b}),
					What: fmt.Sprintf("module.region_%c%c.aws_s3_bucket.a_rather_long_name_for_a_bucket_%d", a, b, i),
					Pos:  evidence.Pos{Path: "infra/a/very/deep/module/path/main.tf", Line: i + 1, Column: 1}})
			}
		}
	}
	out := render(t, "markdown", r)
	if len(out) > maxComment {
		t.Errorf("comment is %d bytes, more than %d", len(out), maxComment)
	}
	if !bytes.Contains(out, []byte("<br>and 5 more |")) {
		t.Error("the data map did not shrink to one item a cell")
	}
	if !bytes.Contains(out, []byte("| error | `false-claim` |")) {
		t.Error("no room was left for the findings")
	}
}

func TestDataMap(t *testing.T) {
	rows := tables(renderHTML(t, render(t, "markdown", oneResult())))
	var got [][]string
	for _, row := range rows {
		if len(row) == 3 {
			got = append(got, row)
		}
	}
	want := [][]string{
		{"Country", "Claimed in the notice", "Found in code and infrastructure"},
		{"JP Japan (home)", "stored only in JP (PRIVACY.md:5)", "stored: aws_s3_bucket.main (infra/main.tf:3)"},
		{"KR South Korea", "—", "stored: aws_s3_bucket.media (infra/media.tf:12)"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("data map\n got %q\nwant %q", got, want)
	}
	// A cell lists five items and counts the rest.
	out := string(render(t, "markdown", manyResult()))
	if !regexp.MustCompile(`<br>and \d+ more \|`).MatchString(out) {
		t.Errorf("a long cell is not cut short:\n%s", out[strings.Index(out, "### Where"):])
	}
	// The same view stands alone for `noticevet map`.
	var buf bytes.Buffer
	if err := DataMap(&buf, oneResult()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(render(t, "markdown", oneResult())), "\n\n"+buf.String()) {
		t.Error("DataMap differs from the report's section")
	}
}

func TestClaimPhrases(t *testing.T) {
	r := manyResult()
	var got []string
	for i := range r.Claims {
		for _, p := range claimPhrases(&r.Claims[i], "JP") {
			got = append(got, p.key+": "+p.phrase)
		}
	}
	want := []string{
		"JP: stored only in JP",
		"abroad: may be transferred abroad",
		"JP: no access from outside JP",
		"SG: transferred here",
		"US: transferred here",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestMermaidLabel(t *testing.T) {
	in := "a \"b\" <c> & d | `e` #1;\nf\r\ng"
	got := mermaidLabel(in)
	if want := "a #34;b#34; #60;c#62; #38; d #124; #96;e#96; #35;1; f g"; got != want {
		t.Errorf("mermaidLabel = %q, want %q", got, want)
	}
	for _, c := range []string{`"`, "<", ">", "|", "`", "\n", "\r"} {
		if strings.Contains(got, c) {
			t.Errorf("label keeps %q", c)
		}
	}
	if id := nodeID("K R|\"x"); id != "c_K_20R_7c_22x" {
		t.Errorf("nodeID = %q", id)
	}
}

func TestMarkdownCode(t *testing.T) {
	for in, want := range map[string]string{
		"a.tf:1":       "`a.tf:1`",
		"a`b":          "``a`b``",
		"`a``":         "``` `a`` ```",
		"a|b":          "`a\\|b`",
		"two\nlines":   "`two lines`",
		"infra/x y.tf": "`infra/x y.tf`",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdFence("x ``` y"); !strings.HasPrefix(got, "````text\n") || !strings.HasSuffix(got, "\n````") {
		t.Errorf("mdFence = %q", got)
	}
}

func TestSuppressedNote(t *testing.T) {
	if got := SuppressedNote(oneResult()); got != "" {
		t.Errorf("SuppressedNote with none = %q", got)
	}
	if got, want := SuppressedNote(manyResult()), "noticevet: 7 findings suppressed (by config ignore blocks, noticevet:ignore comments or the baseline); -format json lists them with their reasons"; got != want {
		t.Errorf("SuppressedNote = %q, want %q", got, want)
	}
}

func TestMarkdownWithoutCountries(t *testing.T) {
	r := &Result{Findings: []rules.Finding{{Rule: rules.UnresolvedDestination, Severity: rules.Note,
		Message: "m", Pos: evidence.Pos{Path: "a.tf", Line: 1, Column: 1}}}}
	out := string(render(t, "markdown", r))
	if !strings.Contains(out, "Nothing that was read places personal data in a country.") || strings.Contains(out, "mermaid") {
		t.Errorf("empty data map:\n%s", out)
	}
}

// A name of 33,000 or 70,000 characters is shortened: every finding is
// shown, the most severe first, the data map too, and the comment stays
// within GitHub's limit.
func TestMarkdownHugeName(t *testing.T) {
	for _, n := range []int{33000, 70000} {
		r := manyResult()
		r.Findings, r.Evidence, r.Suppressed = r.Findings[:8], r.Evidence[:8], r.Suppressed[:1]
		huge := "aws_s3_bucket." + strings.Repeat("n", n)
		r.Findings[1].Message = huge + " stores personal data in CN, but PRIVACY.md:5 says it is stored only in Japan"
		r.Evidence[1].What = huge
		r.Findings[2].Pos.Path = "infra/" + strings.Repeat("d", n) + ".tf"
		r.Suppressed[0].Reason = strings.Repeat("r", n)
		out := render(t, "markdown", r)
		if len(out) > maxComment-4096 {
			t.Errorf("%d: comment is %d bytes, more than GitHub's %d less a margin", n, len(out), maxComment)
		}
		if bytes.Contains(out, []byte("left out")) {
			t.Errorf("%d: findings or places were left out", n)
		}
		var sev []string
		for _, row := range tables(renderHTML(t, out)) {
			if len(row) == 6 && row[0] != "Severity" {
				sev = append(sev, row[0])
			}
		}
		if len(sev) != 8 {
			t.Errorf("%d: %d findings shown, want 8", n, len(sev))
		}
		rank := map[string]int{"error": 3, "warning": 2, "note": 1}
		for i := 1; i < len(sev); i++ {
			if rank[sev[i]] > rank[sev[i-1]] {
				t.Errorf("%d: a %s after a %s: want the most severe first (%q)", n, sev[i], sev[i-1], sev)
				break
			}
		}
		if !bytes.Contains(out, []byte("### Where personal data goes")) || !bytes.Contains(out, []byte("```mermaid")) {
			t.Errorf("%d: the data map was crowded out", n)
		}
		if !bytes.Contains(out, []byte("nnnnnnnn…")) {
			t.Errorf("%d: the long name is not shown shortened", n)
		}
	}
}

// The data map counts against the limit too: a thousand places with long
// names leave the findings their room.
func TestMarkdownHugeDataMap(t *testing.T) {
	r := oneResult()
	for i := 0; i < 1000; i++ {
		r.Evidence = append(r.Evidence, evidence.Evidence{Kind: evidence.Store, Country: fmt.Sprintf("Q%03d", i),
			What: strings.Repeat("w", 2000), Pos: evidence.Pos{Path: strings.Repeat("p", 3000) + ".tf", Line: 1, Column: 1}})
	}
	out := render(t, "markdown", r)
	if len(out) > maxComment-4096 {
		t.Errorf("comment is %d bytes, more than GitHub's %d less a margin", len(out), maxComment)
	}
	if !bytes.Contains(out, []byte("| error | `false-claim` |")) {
		t.Error("no room was left for the findings")
	}
	if !bytes.Contains(out, []byte("more places, left out")) {
		t.Error("the data map does not say what it left out")
	}
}

// Repository text in the comment renders as text: no one is mentioned, no
// bare URL or address becomes a link, no $…$ becomes math.
func TestMarkdownInertText(t *testing.T) {
	msg := "ping @octocat and @github/security, mail root@example.com, see https://evil.example/x?a=1 " +
		"or www.evil.example or HTTP://EVIL.EXAMPLE, price $$\\sum_{i} x$$ and $x$, email-ish a@b"
	r := oneResult()
	r.Findings[0].Message = msg
	r.Evidence[0].What = "aws_s3_bucket.@octocat https://evil.example $$x$$ \x1b]0;title\x07 \u202e"
	r.Evidence[0].Pos.Path = "infra/\x1b[2J\xff.tf"
	r.Findings[0].Pos.Path = "infra/\x1b[2J\xff.tf"
	out := render(t, "markdown", r)
	for i, c := range string(out) {
		if c < 0x20 && c != '\n' || c == 0x7f || c == '\u202e' || c == utf8.RuneError {
			t.Errorf("the comment holds %U at byte %d: a terminal showing it would act on it", c, i)
			break
		}
	}
	h := renderHTML(t, out)
	if strings.Contains(h, "<a ") {
		t.Errorf("a link was made:\n%s", h)
	}
	if regexp.MustCompile(`@[A-Za-z0-9]`).MatchString(html.UnescapeString(h)) {
		t.Errorf("a mention is left:\n%s", h)
	}
	if bytes.ContainsAny(out, "$") {
		t.Errorf("a $ is left, which GitHub may read as math:\n%s", out)
	}
	for _, row := range tables(h) {
		if len(row) == 6 && row[0] == "error" && row[4] != msg && row[4] != Escape(msg) {
			t.Errorf("the message reads back as %q, want %q", row[4], msg)
		}
	}
}

// Suppressed findings have the room the findings before them left, counted
// once: findings that take a third of the comment leave the rest to the
// suppressed list, which here fits whole.
func TestMarkdownSuppressedRoom(t *testing.T) {
	r := manyResult()
	long := strings.Repeat("where the data goes ", 25)
	var fs []rules.Finding
	for i := 0; i < 40; i++ {
		f := r.Findings[i%len(r.Findings)]
		f.Pos.Path = fmt.Sprintf("infra/f%04d.tf", i)
		f.Message = long
		fs = append(fs, f)
	}
	r.Findings = fs
	r.Suppressed = nil
	for i := 0; i < 30; i++ {
		f := fs[i%len(fs)]
		f.Pos.Path = fmt.Sprintf("infra/s%04d.tf", i)
		r.Suppressed = append(r.Suppressed, Suppressed{Finding: f, Reason: long})
	}
	out := render(t, "markdown", r)
	if len(out) > maxComment {
		t.Fatalf("comment is %d bytes, more than %d", len(out), maxComment)
	}
	if bytes.Contains(out, []byte("more findings, left out")) {
		t.Fatal("findings were left out; the test wants them all shown")
	}
	if bytes.Contains(out, []byte("\n…and ")) {
		t.Errorf("suppressed findings were left out of a %d-byte comment that had room for them", len(out))
	}
}
