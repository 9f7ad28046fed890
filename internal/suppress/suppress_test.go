package suppress

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

const message = "aws_s3_bucket.media stores personal data in South Korea"

// check applies the comments of one file to one finding of rule on line
// (1-based) and returns what is kept and why one was suppressed.
func check(t *testing.T, path, src, rule string, line int) (kept []rules.Finding, reason string) {
	t.Helper()
	read := func(p string) ([]byte, error) {
		if p != path || src == "" {
			return nil, fs.ErrNotExist
		}
		return []byte(src), nil
	}
	f := rules.Finding{Rule: rule, Severity: rules.Error, Country: "KR", Message: message,
		Pos: evidence.Pos{Path: path, Line: line, Column: 3}, Fingerprint: "ab"}
	kept, sup := Apply([]rules.Finding{f}, read)
	if len(kept)+len(sup) != 1 {
		t.Fatalf("kept %d and suppressed %d of one finding", len(kept), len(sup))
	}
	if len(sup) == 1 {
		if sup[0].Finding != f {
			t.Errorf("the suppressed finding changed: %+v", sup[0].Finding)
		}
		return nil, sup[0].Reason
	}
	return kept, ""
}

func TestApply(t *testing.T) {
	const fc, uc = rules.FalseClaim, rules.UndisclosedCountry
	for _, c := range []struct {
		name, path, src, rule string
		line                  int
		reason                string // "" when the finding is kept
		suffix                string // what the kept finding's message gains
	}{
		{"terraform hash above", "infra/media.tf",
			"resource \"aws_s3_bucket\" \"media\" {\n  # noticevet:ignore false-claim images move to Tokyo in Q3\n  provider = aws.seoul\n}",
			fc, 3, "images move to Tokyo in Q3", ""},
		{"terraform hash no space", "infra/media.tf", "#noticevet:ignore false-claim accepted\nprovider = aws.seoul", fc, 2, "accepted", ""},
		{"terraform slashes above", "infra/media.tf", "  // noticevet:ignore false-claim legal approved 2024-05\n  provider = aws.seoul", fc, 2, "legal approved 2024-05", ""},
		{"terraform same line", "infra/media.tf", "  provider = aws.seoul # noticevet:ignore false-claim disclosed in the annex", fc, 1, "disclosed in the annex", ""},
		{"terraform same line slashes", "infra/media.tf", "  provider = aws.seoul // noticevet:ignore false-claim ok", fc, 1, "ok", ""},
		{"tfvars", "prod.tfvars", "# noticevet:ignore false-claim staging only\nregion = \"ap-northeast-2\"", fc, 2, "staging only", ""},
		{"several rules", "infra/media.tf", "# noticevet:ignore undisclosed-country,false-claim both known\nprovider = aws.seoul", fc, 2, "both known", ""},
		{"reason keeps its words", "infra/media.tf", "#   noticevet:ignore   false-claim   a,  b:  c  \nx", fc, 2, "a, b: c", ""},
		{"go slashes", "internal/send/send.go", "\t// noticevet:ignore undisclosed-country the partner is in Japan\n\thttp.Post(url, body)", uc, 2, "the partner is in Japan", ""},
		{"go directive style", "internal/send/send.go", "//noticevet:ignore undisclosed-country known\nhttp.Post(url, body)", uc, 2, "known", ""},
		{"go same line", "internal/send/send.go", "\thttp.Post(url, body) //noticevet:ignore undisclosed-country known", uc, 1, "known", ""},
		{"terraform json above", "infra/main.tf.json", "{\n  \"//\": \"noticevet:ignore false-claim moved in Q3\",\n  \"provider\": \"aws.seoul\"\n}", fc, 3, "moved in Q3", ""},
		{"terraform json same line", "infra/main.tf.json", "  \"provider\": \"aws.seoul\", \"//\": \"noticevet:ignore false-claim a \\\"quoted\\\" reason\"", fc, 1, `a "quoted" reason`, ""},

		{"no reason above", "infra/media.tf", "# noticevet:ignore false-claim\nprovider = aws.seoul", fc, 2, "",
			", and the noticevet:ignore comment above it gives no reason"},
		{"no reason on the line", "infra/media.tf", "provider = aws.seoul # noticevet:ignore false-claim", fc, 1, "",
			", and the noticevet:ignore comment on its line gives no reason"},
		{"no rule", "infra/media.tf", "# noticevet:ignore\nprovider = aws.seoul", fc, 2, "",
			", and the noticevet:ignore comment above it names no rule"},

		{"other rule", "infra/media.tf", "# noticevet:ignore undisclosed-country reason\nprovider = aws.seoul", fc, 2, "", ""},
		{"two lines above", "infra/media.tf", "# noticevet:ignore false-claim reason\n\nprovider = aws.seoul", fc, 3, "", ""},
		{"line below", "infra/media.tf", "provider = aws.seoul\n# noticevet:ignore false-claim reason", fc, 1, "", ""},
		{"code above", "infra/media.tf", "bucket = \"x\" # noticevet:ignore false-claim reason\nprovider = aws.seoul", fc, 2, "", ""},
		{"go hash", "internal/send/send.go", "# noticevet:ignore undisclosed-country reason\nhttp.Post(url, body)", uc, 2, "", ""},
		{"in a word", "infra/media.tf", "x = \"a#noticevet:ignore false-claim reason\"", fc, 1, "", ""},
		{"longer keyword", "infra/media.tf", "# noticevet:ignored false-claim reason\nprovider = aws.seoul", fc, 2, "", ""},
		{"notice", "PRIVACY.md", "<!-- noticevet:ignore false-claim reason -->\nAll data stays in Japan.", fc, 2, "", ""},
		{"first line", "infra/media.tf", "provider = aws.seoul", fc, 1, "", ""},

		// A directive is a comment token, never text inside a string.
		{"go string", "internal/send/send.go",
			"package send\n\nfunc f() {\n\thttp.Post(url, \"application/json; x= //noticevet:ignore undisclosed-country approved\", b)\n}\n", uc, 4, "", ""},
		{"go string above", "internal/send/send.go",
			"package send\n\nvar s = \"\" +\n\t\"//noticevet:ignore undisclosed-country approved\"\nvar _ = http.Post(url, s, b)\n", uc, 5, "", ""},
		{"go raw string", "internal/send/send.go",
			"package send\n\nvar s = `\n//noticevet:ignore undisclosed-country approved\n`\nfunc f() { http.Post(url, s, b) }\n", uc, 5, "", ""},
		{"go raw string ends above", "internal/send/send.go",
			"package send\n\nvar s = `a\nb` //noticevet:ignore undisclosed-country approved\nfunc f() { http.Post(url, s, b) }\n", uc, 5, "", ""},
		{"go block comment", "internal/send/send.go", "/* //noticevet:ignore undisclosed-country approved */\nhttp.Post(url, body)", uc, 2, "", ""},
		{"terraform string", "infra/media.tf",
			"resource \"aws_s3_bucket\" \"media\" {\n  bucket   = \"a # noticevet:ignore false-claim approved\"\n  provider = aws.seoul\n}\n", fc, 2, "", ""},
		{"terraform string above", "infra/media.tf",
			"resource \"aws_s3_bucket\" \"media\" {\n  tags = { x = \"# noticevet:ignore false-claim approved\" }\n  provider = aws.seoul\n}\n", fc, 3, "", ""},
		{"terraform heredoc", "infra/media.tf",
			"resource \"aws_s3_bucket\" \"media\" {\n  policy = <<EOT\n# noticevet:ignore false-claim approved\nEOT\n  provider = aws.seoul\n}\n", fc, 4, "", ""},
		{"terraform template comment-like", "infra/media.tf",
			"locals {\n  a = \"${\"// noticevet:ignore false-claim approved\"}\"\n}\n", fc, 2, "", ""},
		{"terraform after a string", "infra/media.tf",
			"  bucket = \"a # b\" # noticevet:ignore false-claim approved\n", fc, 1, "approved", ""},
		{"go after a string", "internal/send/send.go",
			"package send\n\nfunc f() {\n\thttp.Post(\"//x\", t, b) // noticevet:ignore undisclosed-country approved\n}\n", uc, 4, "approved", ""},
		{"unreadable", "infra/missing.tf", "", fc, 4, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			kept, reason := check(t, c.path, c.src, c.rule, c.line)
			if reason != c.reason {
				t.Errorf("reason %q, want %q", reason, c.reason)
			}
			if c.reason == "" {
				if len(kept) != 1 {
					t.Fatal("the finding is not kept")
				}
				if want := message + c.suffix; kept[0].Message != want {
					t.Errorf("message %q, want %q", kept[0].Message, want)
				}
			}
		})
	}
}

func TestApplyKeepsOrder(t *testing.T) {
	read := func(p string) ([]byte, error) {
		if p != "a.tf" {
			return nil, fs.ErrNotExist
		}
		return []byte("w\n# noticevet:ignore false-claim ok\ny\nz\n"), nil
	}
	var findings []rules.Finding
	for _, line := range []int{1, 3, 4} {
		findings = append(findings, rules.Finding{Rule: rules.FalseClaim, Severity: rules.Error, Message: "m",
			Pos: evidence.Pos{Path: "a.tf", Line: line, Column: 1}})
	}
	kept, sup := Apply(findings, read)
	if len(sup) != 1 || sup[0].Pos.Line != 3 {
		t.Fatalf("suppressed %+v", sup)
	}
	if len(kept) != 2 || kept[0].Pos.Line != 1 || kept[1].Pos.Line != 4 {
		t.Errorf("kept %+v", kept)
	}
	if kept, sup := Apply(nil, read); kept != nil || sup != nil {
		t.Error("Apply(nil) returned findings")
	}
}

// FuzzComments: any file, in any of the syntaxes, is scanned without a
// panic, and a directive is only ever found where the file has the keyword.
func FuzzComments(f *testing.F) {
	f.Add("x = \"a\" # noticevet:ignore false-claim r\n")
	f.Add("package p\nvar s = `//noticevet:ignore a b`\n// noticevet:ignore a b\n")
	f.Add("{\"//\": \"noticevet:ignore a b\"}\n")
	f.Add("a = <<EOT\n# noticevet:ignore a b\nEOT\n/* // noticevet:ignore a b */")
	f.Fuzz(func(t *testing.T, src string) {
		read := func(string) ([]byte, error) { return []byte(src), nil }
		for _, p := range []string{"a.go", "a.tf", "a.tfvars", "a.tf.json"} {
			cs := commentsOf(p, read)
			if len(cs) > 0 && !strings.Contains(src, Keyword) {
				t.Errorf("%s: directives %v in a file without %s", p, cs, Keyword)
			}
		}
	})
}
