package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/testfs"
)

// hostile is text a pull request can put in a file name, a URL or a label
// to make a CI log run workflow commands or a terminal obey escapes.
const hostile = "x\n::add-mask::hunter2\n::error file=PRIVACY.md,line=1::forged\r\x1b[2J\x1b]8;;https://evil.example\x07link\u202e##[add-mask]y"

// assertInert fails when out holds a byte a terminal or GitHub's runner
// would act on: a control character other than the newline ending each
// line, a line that starts a workflow command, or the older ##[ form.
func assertInert(t *testing.T, what, out string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") || strings.Contains(line, "##[") {
			t.Errorf("%s: line %d is a workflow command: %q", what, i+1, line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("%s: line %d is not UTF-8: %q", what, i+1, line)
		}
		for _, r := range line {
			if unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
				t.Errorf("%s: line %d holds %U: %q", what, i+1, r, line)
				break
			}
		}
	}
}

// TestControlCharactersInOutput: a file name from the repository holding
// newlines, workflow commands and escape sequences is printed escaped by
// check, map and claims, and an error naming it is one inert line.
func TestControlCharactersInOutput(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md":              "# Privacy\n\nAll personal data is stored only in Japan.\n",
		hostile + ".tf":           "provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\n\nresource \"aws_s3_bucket\" \"media\" {}\n",
		"docs/" + hostile + ".md": "All personal data is stored only in Japan.\n",
		"::warning file=PRIVACY.md,line=1::forged.tf": "resource \"aws_s3_bucket\" \"other\" {\n  region = \"ap-northeast-2\"\n}\n",
		"app/go.mod": "module example.com/app\n\ngo 1.22\n",
		"app/main.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\ntype User struct{ Email string }\n\n" +
			"const host = \"api.example\\n::add-mask::hunter2\\n::error file=a.go,line=1::forged\\x1b]8;;x\\x07.io\"\n\n" +
			"func main() {\n\tu := User{}\n\thttp.Post(\"https://\"+host+\"/u\", \"application/json\", strings.NewReader(u.Email))\n}\n",
	})
	code, out, errOut := runCmd("check", dir)
	if code != exitFindings || !strings.Contains(out, `x\n::add-mask::hunter2\n::error`) ||
		!strings.Contains(out, `\x3a:warning file=PRIVACY.md,line=1::forged.tf:2:3:`) ||
		!strings.Contains(out, `the URL "https://api.example\n::add-mask::hunter2\n::error file=a.go,li..." names no host`) {
		t.Errorf("check: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	assertInert(t, "check", out)
	assertInert(t, "check stderr", errOut)

	code, out, errOut = runCmd("map", dir)
	if code != exitClean || !strings.Contains(out, "aws_s3_bucket.media") {
		t.Errorf("map: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	assertInert(t, "map", out)
	assertInert(t, "map stderr", errOut)

	code, out, errOut = runCmd("claims", dir+"/docs/"+hostile+".md")
	if code != exitClean || out == "" {
		t.Errorf("claims: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	assertInert(t, "claims", out)

	// An error naming the file: one line, escaped.
	testfs.Write(t, dir, map[string]string{hostile + "-broken.tf": "resource {\n"})
	code, out, errOut = runCmd("check", dir)
	if code != exitError || strings.Count(errOut, "\n") != 1 {
		t.Errorf("broken file: exit %d, stderr %q", code, errOut)
	}
	assertInert(t, "error", errOut)
	assertInert(t, "error stdout", out)
}

// TestInvalidBlockLabel: Terraform refuses a block label that is not an
// identifier, and so does noticevet, at the label's position, on one line.
func TestInvalidBlockLabel(t *testing.T) {
	for _, c := range []struct{ src, stderr string }{
		{"resource \"aws_s3_bucket\" \"media\\n::add-mask::x\" {}\n",
			`noticevet: main.tf:1:26: invalid resource label "media\n::add-mask::x": a name must start with a letter or underscore and may contain only letters, digits, underscores and dashes` + "\n"},
		{"provider \"aws\" {}\nmodule \"a\\u001b]0;x\\u0007\" {\n  source = \"./m\"\n}\n",
			`noticevet: main.tf:2:8: invalid module label "a\x1b]0;x\a": a name must start with a letter or underscore and may contain only letters, digits, underscores and dashes` + "\n"},
		{"resource \"aws s3\" \"media\" {}\n",
			`noticevet: main.tf:1:10: invalid resource label "aws s3": a name must start with a letter or underscore and may contain only letters, digits, underscores and dashes` + "\n"},
	} {
		dir := t.TempDir()
		testfs.Write(t, dir, map[string]string{"PRIVACY.md": "All personal data is stored only in Japan.\n", "main.tf": c.src})
		hardCase{args: []string{"check", dir}, code: exitError, stderr: c.stderr}.check(t)
	}
	// A label that is an identifier, dashes included, is read.
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"PRIVACY.md": "All personal data is stored only in Japan.\n",
		"main.tf": "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\nresource \"aws_s3_bucket\" \"media-2_x\" {}\n"})
	hardCase{args: []string{"check", dir}, code: exitClean, stdout: str("")}.check(t)
}

// TestSuppressionInStrings: a noticevet:ignore inside a Go string or a
// Terraform string is data, and suppresses nothing; the same directive in
// a comment does.
func TestSuppressionInStrings(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md": "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"main.tf": "provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\n\nresource \"aws_s3_bucket\" \"media\" { bucket = \"media # noticevet:ignore false-claim approved\" }\n\n" +
			"resource \"aws_s3_bucket\" \"logs\" { # noticevet:ignore false-claim moved in Q3\n}\n",
		"app/go.mod": "module example.com/app\n\ngo 1.22\n",
		"app/main.go": `package main

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func main() {
	u := User{}
	http.Post("https://api.example.cn/u", "application/json; x= //noticevet:ignore undisclosed-country approved", strings.NewReader(u.Email))
	http.Post("https://api.example.cn/v", "application/json", strings.NewReader(u.Email)) //noticevet:ignore undisclosed-country partner approved
}
`,
	})
	code, out, errOut := runCmd("check", "-format", "json", dir)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Findings   []struct{ Message string }
		Suppressed []struct{ Message, Reason string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var found, suppressed []string
	for _, f := range doc.Findings {
		found = append(found, f.Message)
	}
	for _, s := range doc.Suppressed {
		suppressed = append(suppressed, s.Reason)
	}
	if len(found) != 2 || !strings.Contains(found[0], "api.example.cn") || !strings.Contains(found[1], "aws_s3_bucket.media") {
		t.Errorf("findings %q, want the two whose directive is in a string", found)
	}
	if strings.Join(suppressed, "|") != "partner approved|moved in Q3" {
		t.Errorf("suppressed for %q, want the two comments", suppressed)
	}
}

// TestBaselineInvalidUTF8Name: a finding in a file whose name is not UTF-8
// can be baselined like any other.
func TestBaselineInvalidUTF8Name(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"PRIVACY.md":   "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"m\xffedia.tf": "resource \"aws_s3_bucket\" \"media\" {\n  region = \"ap-northeast-2\"\n}\n",
	})
	code, out, errOut := runCmd("check", "-format", "json", dir)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(base, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	hardCase{args: []string{"check", "-baseline", base, dir}, code: exitClean, stdout: str(""),
		stderr: "noticevet: 1 finding suppressed (by config ignore blocks, noticevet:ignore comments or the baseline); -format json lists them with their reasons\n"}.check(t)
}
