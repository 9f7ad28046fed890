package report

import (
	"fmt"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suggest"
	"github.com/noticevet/noticevet/notices"
)

// The results the golden tests render: none, one and many findings, and
// one made of the texts that formats must escape.
var fixtures = []struct {
	name string
	r    func() *Result
}{
	{"empty", emptyResult},
	{"one", oneResult},
	{"escaping", escapingResult},
	{"many", manyResult},
	{"suggested", suggestedResult},
}

// files holds the lines of the files the fixtures name, for Result.Lines.
type files map[string][]string

func (fs files) line(path string, n int) string {
	ls := fs[path]
	if n < 1 || n > len(ls) {
		return ""
	}
	return ls[n-1]
}

func emptyResult() *Result {
	return &Result{Home: "JP", Version: "v0.0.0-test"}
}

const (
	privacyLine = "All personal data is stored only on servers in Japan."
	mediaLine   = "  provider = aws.seoul"
)

// oneFiles are the files the one-finding result names.
var oneFiles = files{
	"PRIVACY.md":     {"# Privacy", "", "## Where we keep your data", "", privacyLine},
	"infra/media.tf": append(make([]string, 11), mediaLine),
	"infra/main.tf":  {"resource \"aws_s3_bucket\" \"main\" {", "  bucket = \"main\"", "  acl    = \"private\""},
}

func oneResult() *Result {
	fs := oneFiles
	claim := notices.Claim{Kind: notices.Storage, Scope: notices.Exclusive, Countries: []string{"JP"},
		Path: "PRIVACY.md", Line: 5, Column: 1, Text: privacyLine, Lang: "en"}
	return &Result{
		Findings: []rules.Finding{{
			Rule: rules.FalseClaim, Severity: rules.Error, Country: "KR",
			Message:     "aws_s3_bucket.media stores personal data in South Korea (ap-northeast-2), but PRIVACY.md:5 says it is stored only in Japan",
			Pos:         evidence.Pos{Path: "infra/media.tf", Line: 12, Column: 3},
			Claim:       &rules.ClaimRef{Path: "PRIVACY.md", Line: 5, Text: privacyLine},
			Fingerprint: "3f2a9c0d1b4e5f60",
		}},
		Claims: []notices.Claim{claim},
		Evidence: []evidence.Evidence{
			{Kind: evidence.Store, What: "aws_s3_bucket.main", Country: "JP", Region: "ap-northeast-1", Via: "provider aws",
				Pos: evidence.Pos{Path: "infra/main.tf", Line: 3, Column: 3}},
			{Kind: evidence.Store, What: "aws_s3_bucket.media", Country: "KR", Region: "ap-northeast-2", Via: "provider aws.seoul",
				Pos: evidence.Pos{Path: "infra/media.tf", Line: 12, Column: 3}},
		},
		Home:    "JP",
		Version: "v0.0.0-test",
		Lines:   fs.line,
	}
}

// The lines of the escaping fixture. The Japanese notice puts the second
// sentence at byte column 43, UTF-16 column 15; the Go line puts a call
// after a character outside the Basic Multilingual Plane (two UTF-16 units,
// four bytes).
const (
	jaLine      = "個人情報は日本で保管します。外国の事業者に提供することがあります。"
	goLine      = "\t_ = send(\"🌏\", os.Getenv(\"PARTNER_HOST\"))"
	spacedPath  = "infra/my module/cdn: edge,v2.tf"
	spacedLine  = "    provider = aws.virginia # 100%"
	trickyClaim = "We use `S3` | and <b>other</b> #1 stores & [links](x) *emphasis* _u_ ~s~ \\ back {0} `` two ``"
)

// escapingFiles are the files the escaping result names.
var escapingFiles = files{
	"PRIVACY.ja.md":          {"# 個人情報の取扱い", "", jaLine},
	"internal/send/send.go":  {"package send", "", "func f() {", goLine, "}"},
	spacedPath:               {"module \"cdn\" {", "  source = \"./cdn\"", "  providers = {", spacedLine},
	"docs/privacy policy.md": append(make([]string, 8), trickyClaim),
}

func escapingResult() *Result {
	fs := escapingFiles
	jaCol := len("個人情報は日本で保管します。") + 1
	goCol := strings.Index(goLine, "os.Getenv") + 1
	tricky := &rules.ClaimRef{Path: "docs/privacy policy.md", Line: 9, Text: trickyClaim}
	return &Result{
		Findings: []rules.Finding{
			{
				Rule: rules.NoCountryNamed, Severity: rules.Error,
				Message:     "PRIVACY.ja.md:3 says personal data may go to foreign countries but names none; the evidence shows US",
				Pos:         evidence.Pos{Path: "PRIVACY.ja.md", Line: 3, Column: jaCol},
				Claim:       &rules.ClaimRef{Path: "PRIVACY.ja.md", Line: 3, Text: "外国の事業者に提供することがあります。"},
				Fingerprint: "00000000000000aa",
			},
			{
				Rule: rules.TranslationMismatch, Severity: rules.Warning, Country: "US",
				Message:     "docs/privacy policy.md:9 names United States, which PRIVACY.ja.md never names",
				Pos:         evidence.Pos{Path: "docs/privacy policy.md", Line: 9, Column: 1},
				Claim:       &rules.ClaimRef{Path: "PRIVACY.ja.md", Line: 3, Text: "外国の事業者に提供することがあります。"},
				Fingerprint: "00000000000000bb",
			},
			{
				Rule: rules.UnresolvedDestination, Severity: rules.Note,
				Message:     "send sends personal data to a host from the environment (PARTNER_HOST): where it goes cannot be decided statically",
				Pos:         evidence.Pos{Path: "internal/send/send.go", Line: 4, Column: goCol},
				Fingerprint: "00000000000000cc",
			},
			{
				Rule: rules.UndisclosedCountry, Severity: rules.Error, Country: "US",
				Message:     "module.cdn[\"us,east\"] sends 100% of logs: to us-east-1,\nand {replicas} [2] to\r\nthe \"edge\"",
				Pos:         evidence.Pos{Path: spacedPath, Line: 4, Column: 5},
				Claim:       tricky,
				Fingerprint: "00000000000000dd",
			},
		},
		Suppressed: []Suppressed{{
			Finding: rules.Finding{Rule: rules.UndisclosedCountry, Severity: rules.Error, Country: "SG",
				Message: "aws_s3_bucket.legacy stores personal data in Singapore",
				Pos:     evidence.Pos{Path: "legacy/old | store.tf", Line: 2, Column: 3}, Fingerprint: "00000000000000ee"},
			Reason: "decommissioned in Q3 | removal tracked in\n#123",
		}},
		Claims: []notices.Claim{
			{Kind: notices.Storage, Scope: notices.Inclusive, Countries: []string{"JP"}, Path: "PRIVACY.ja.md", Line: 3, Column: 1,
				Text: "個人情報は日本で保管します。", Lang: "ja"},
			{Kind: notices.Transfer, Scope: notices.VagueForeign, Path: "PRIVACY.ja.md", Line: 3, Column: jaCol,
				Text: "外国の事業者に提供することがあります。", Lang: "ja"},
			{Kind: notices.Transfer, Scope: notices.Inclusive, Countries: []string{"US"}, Path: "docs/privacy policy.md", Line: 9, Column: 1,
				Text: trickyClaim, Lang: "en"},
		},
		Evidence: []evidence.Evidence{
			{Kind: evidence.Send, What: "send to os.Getenv(\"PARTNER_HOST\")", Unresolved: "the host comes from the environment (PARTNER_HOST)",
				Pos: evidence.Pos{Path: "internal/send/send.go", Line: 4, Column: goCol}},
			{Kind: evidence.Send, What: "module.cdn[\"us,east\"] | `edge` <logs>", Country: "US", Region: "us-east-1",
				Pos: evidence.Pos{Path: spacedPath, Line: 4, Column: 5}},
		},
		Home:    "JP",
		Version: "v0.0.0-test",
		Lines:   fs.line,
	}
}

// manyResult has 240 findings over every rule, in sorted order, with the
// claims and evidence behind them, and a few suppressed.
func manyResult() *Result {
	fs := files{}
	countries := []string{"KR", "CN", "US", "SG", "DE", "IN"}
	r := &Result{Home: "JP", Version: "v0.0.0-test", Lines: fs.line}
	exclusive := notices.Claim{Kind: notices.Storage, Scope: notices.Exclusive, Countries: []string{"JP"},
		Path: "PRIVACY.md", Line: 5, Column: 1, Text: privacyLine, Lang: "en"}
	vague := notices.Claim{Kind: notices.Transfer, Scope: notices.VagueForeign,
		Path: "PRIVACY.md", Line: 9, Column: 1, Text: "Your personal data may be transferred to foreign countries.", Lang: "en"}
	access := notices.Claim{Kind: notices.Access, Scope: notices.Negative, Outside: true, Countries: []string{"JP"},
		Path: "PRIVACY.md", Line: 12, Column: 1, Text: "No one outside Japan can access personal data.", Lang: "en"}
	sg := notices.Claim{Kind: notices.Transfer, Scope: notices.Inclusive, Countries: []string{"SG", "US"},
		Path: "PRIVACY.ja.md", Line: 7, Column: 1, Text: "シンガポール及び米国の事業者に提供します。", Lang: "ja"}
	r.Claims = []notices.Claim{exclusive, vague, access, sg}
	ref := func(c notices.Claim) *rules.ClaimRef {
		return &rules.ClaimRef{Path: c.Path, Line: c.Line, Text: c.Text}
	}
	fs["PRIVACY.md"] = []string{"# Privacy", "", "", "", privacyLine, "", "", "", vague.Text, "", "", access.Text}
	for i := 0; i < 240; i++ {
		rule := rules.All[i%len(rules.All)]
		c := countries[(i/len(rules.All))%len(countries)]
		path := fmt.Sprintf("infra/module%02d/main.tf", i/12)
		line := 1 + (i%12)*4
		if fs[path] == nil {
			fs[path] = make([]string, 48)
		}
		fs[path][line-1] = fmt.Sprintf("  provider = aws.r%03d", i)
		what := fmt.Sprintf("aws_s3_bucket.b%03d", i)
		f := rules.Finding{
			Rule: rule.ID, Severity: rule.Severity, Country: c,
			Pos:         evidence.Pos{Path: path, Line: line, Column: 3},
			Fingerprint: fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15),
		}
		kind := evidence.Store
		switch rule.ID {
		case rules.FalseClaim:
			f.Message = fmt.Sprintf("%s stores personal data in %s, but PRIVACY.md:5 says it is stored only in Japan", what, c)
			f.Claim = ref(exclusive)
		case rules.UndisclosedCountry:
			kind = evidence.Send
			f.Message = fmt.Sprintf("%s sends personal data to %s, which the notice never names", what, c)
		case rules.NoCountryNamed:
			kind = evidence.Access
			f.Message = fmt.Sprintf("PRIVACY.md:9 says personal data may go to foreign countries but names none; %s makes it accessible from %s", what, c)
			f.Claim = ref(vague)
		case rules.TranslationMismatch:
			f.Message = fmt.Sprintf("PRIVACY.ja.md:7 names %s, which PRIVACY.md never names", c)
			f.Claim = ref(sg)
		case rules.UnresolvedDestination:
			f.Country = ""
			f.Message = fmt.Sprintf("%s: the region comes from var.region_%03d, which has no value", what, i)
		}
		r.Findings = append(r.Findings, f)
		e := evidence.Evidence{Kind: kind, What: what, Country: f.Country, Pos: f.Pos}
		if f.Country == "" {
			e.Unresolved = fmt.Sprintf("the region comes from var.region_%03d, which has no value", i)
		}
		r.Evidence = append(r.Evidence, e)
	}
	for i := 0; i < 7; i++ {
		r.Suppressed = append(r.Suppressed, Suppressed{
			Finding: rules.Finding{Rule: rules.UndisclosedCountry, Severity: rules.Error, Country: "SG",
				Message: fmt.Sprintf("aws_s3_bucket.legacy%d stores personal data in Singapore", i),
				Pos:     evidence.Pos{Path: fmt.Sprintf("legacy/l%d.tf", i), Line: 2, Column: 3}, Fingerprint: fmt.Sprintf("%016x", i)},
			Reason: "in the baseline baseline.json",
		})
	}
	return r
}

// suggestedNotice is the notice of the result with proposed text: an
// exclusive sentence a Seoul bucket contradicts, and a vague one.
const suggestedNotice = "# Privacy\n\n## Where we keep your data\n\n" + privacyLine + "\n\nWe may share data with partners overseas.\n"

// suggestedResult has a finding in Terraform whose proposal is in the
// notice (SARIF fixes, an rdjson diagnostic of its own) and one in the
// notice itself (an rdjson suggestion of its diagnostic); the pull
// request changed line 5 only (a suggestion block there, a diff for the
// rest).
func suggestedResult() *Result {
	claims, err := notices.Parse("PRIVACY.md", []byte(suggestedNotice))
	if err != nil {
		panic(err)
	}
	seoul := evidence.Evidence{Kind: evidence.Store, What: "aws_s3_bucket.media", Country: "KR", Region: "ap-northeast-2", Via: "provider aws.seoul",
		Pos: evidence.Pos{Path: "infra/media.tf", Line: 12, Column: 3}}
	ev := []evidence.Evidence{seoul}
	found := rules.Check(rules.Input{Claims: claims, Evidence: ev, Home: "JP"})
	props, err := suggest.Propose(suggest.Input{Claims: claims, Evidence: ev, Home: "JP",
		Read: func(string) ([]byte, error) { return []byte(suggestedNotice), nil }})
	if err != nil {
		panic(err)
	}
	fs := files{"PRIVACY.md": strings.Split(suggestedNotice, "\n"), "infra/media.tf": oneFiles["infra/media.tf"]}
	for i := range found {
		found[i].Fingerprint = fmt.Sprintf("00000000000000%02x", i+1)
	}
	return &Result{
		Findings: found, Claims: claims, Evidence: ev, Home: "JP", Version: "v0.0.0-test", Lines: fs.line,
		Suggestions: props,
		Changed:     func(p string, line int) bool { return p == "PRIVACY.md" && line == 5 },
	}
}
