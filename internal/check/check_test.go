package check

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
)

// TestWarnings: a notice from which no claim is read is said, once per
// notice, in the order the notices are read; it does not change the
// result.
func TestWarnings(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"PRIVACY.md":         "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"PRIVACY.de.md":      "",
		"docs/privacy-ko.md": "# Privacy\n\nWe value your privacy.\n",
		"main.tf":            "resource \"aws_s3_bucket\" \"b\" {\n  region = \"ap-northeast-1\"\n}\n",
	})
	var got []string
	res, err := Run(Options{Dir: dir, Warn: func(m string) { got = append(got, m) }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"PRIVACY.de.md: the notice is empty: it makes no statement about where personal data is stored, sent or accessed from",
		"docs/privacy-ko.md: the notice makes no statement about where personal data is stored, sent or accessed from",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%q\nwant\n%q", got, want)
	}
	if len(res.Findings) != 0 || len(res.Claims) == 0 {
		t.Errorf("findings %v, claims %v", res.Findings, res.Claims)
	}
	// Without Warn, nothing breaks.
	if _, err := Run(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
}

// TestNoticeOrder: notices are parsed concurrently, and their claims come
// back in notice order whatever order the parsing ends in.
func TestNoticeOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"PRIVACY.md", "PRIVACY.en-GB.md", "PRIVACY.en-US.md", "privacy-short.md", "docs/privacy-full.md"} {
		files[name] = "# Privacy\n\nAll personal data is stored only in Japan.\n"
	}
	testfs.Write(t, dir, files)
	for i := 0; i < 20; i++ {
		res, err := Run(Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, c := range res.Claims {
			paths = append(paths, c.Path)
		}
		want := []string{"PRIVACY.md", "PRIVACY.en-GB.md", "PRIVACY.en-US.md", "privacy-short.md", "docs/privacy-full.md"}
		if !reflect.DeepEqual(paths, want) {
			t.Fatalf("claims from %v, want %v", paths, want)
		}
	}
}

func TestNoticeLimits(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{"PRIVACY.md": string(make([]byte, MaxNoticeSize+1))})
	_, err := Run(Options{Dir: dir})
	if err == nil || err.Error() != "PRIVACY.md: the notice is larger than 1 MiB" {
		t.Errorf("got %v", err)
	}
	if _, err := Run(Options{Dir: dir, Notices: []string{dir}}); err == nil || err.Error() != ".: a folder, not a notice" {
		t.Errorf("folder as notice: %v", err)
	}
}

// TestGoPartFails: a Go package that does not compile is the run's error,
// and the result of the Terraform part comes with it.
func TestGoPartFails(t *testing.T) {
	res, err := Run(Options{Dir: "../../testdata/hard/go-broken"})
	const want = "app/main.go:4:2: undefined: upload (Go module example.com/app not analysed)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if res == nil || len(res.Findings) != 1 || res.Findings[0].Rule != "false-claim" || res.Findings[0].Pos.Path != "main.tf" {
		t.Fatalf("result %+v, want the Terraform part's false claim", res)
	}
}

// TestErrorOrder: the notices, the Terraform and the Go packages are read
// at the same time, and the error reported is the first in that order.
func TestErrorOrder(t *testing.T) {
	brokenGo := map[string]string{"app/go.mod": "module example.com/app\n\ngo 1.22\n", "app/main.go": "package main\n\nfunc main() { undefinedCall() }\n"}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"notice first", map[string]string{"PRIVACY.md": "bad \xff\n", "main.tf": "resource {\n"}, "PRIVACY.md:1: invalid UTF-8"},
		{"then Terraform", map[string]string{"PRIVACY.md": "All personal data is stored only in Japan.\n", "main.tf": "resource {\n"}, "main.tf:1: "},
		{"then Go", map[string]string{"PRIVACY.md": "All personal data is stored only in Japan.\n", "main.tf": "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n"}, "app/main.go:3:15: undefined: undefinedCall"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testfs.Dir(t, brokenGo)
			testfs.Write(t, dir, tc.files)
			_, err := Run(Options{Dir: dir})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want one starting %q", err, tc.want)
			}
		})
	}
}

// TestErrorIsDiagnostic: a source's error comes out of Run positioned, as
// a diagnostic with file, line and column, whatever source found it.
func TestErrorIsDiagnostic(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  diag.Diagnostic
	}{
		{"Terraform", map[string]string{"main.tf": "locals {\n  a = \n}\n"}, diag.Diagnostic{Path: "main.tf", Line: 2, Column: 7}},
		{"Go", map[string]string{"app/go.mod": "module example.com/app\n\ngo 1.22\n", "app/main.go": "package main\n\nfunc main() { undefinedCall() }\n"}, diag.Diagnostic{Path: "app/main.go", Line: 3, Column: 15}},
		{"configuration", map[string]string{".noticevet.hcl": "home = \"Japan\"\nentity \"x\" {\n  country = \"Japan\"\n}\n"}, diag.Diagnostic{Path: ".noticevet.hcl"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testfs.Dir(t, map[string]string{"PRIVACY.md": "All personal data is stored only in Japan.\n"})
			testfs.Write(t, dir, tc.files)
			_, err := Run(Options{Dir: dir})
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %v (%T), want a diagnostic", err, err)
			}
			if d.Path != tc.want.Path || d.Line != tc.want.Line && tc.want.Line != 0 || d.Column != tc.want.Column && tc.want.Column != 0 {
				t.Errorf("diagnostic %+v, want at %s:%d:%d", *d, tc.want.Path, tc.want.Line, tc.want.Column)
			}
		})
	}
}

// fakeSource is a source that finds one bucket, or fails.
type fakeSource struct {
	ev  []evidence.Evidence
	err error
}

func (fakeSource) Name() string { return "fake" }

func (s fakeSource) Read(*repo.View, evidence.Placer) (evidence.Found, error) {
	return evidence.Found{Evidence: s.ev}, s.err
}

// TestSourceList: a source added to the list is read like the others: its
// evidence meets the claims, and its error follows the policy its entry
// says, after the errors of the sources before it.
func TestSourceList(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{"PRIVACY.md": "All personal data is stored only in Japan.\n"})
	kr := []evidence.Evidence{{Kind: evidence.Store, What: "bucket media", Country: "KR", Pos: evidence.Pos{Path: "config/storage.yaml", Line: 3, Column: 5}}}
	defer func(s []source) { sources = s }(sources)

	sources = append(sources[:len(sources):len(sources)], source{Source: fakeSource{ev: kr}})
	res, err := Run(Options{Dir: dir})
	if err != nil || len(res.Findings) != 1 || res.Findings[0].Pos.Path != "config/storage.yaml" {
		t.Fatalf("a new source's evidence: %v, %+v", err, res)
	}

	sources[len(sources)-1] = source{Source: fakeSource{err: diag.Errorf("config/storage.yaml", 3, "bad")}, alone: true}
	res, err = Run(Options{Dir: dir})
	if err == nil || err.Error() != "config/storage.yaml:3: bad" || res == nil {
		t.Errorf("a failing source that stands alone: %v, result %v", err, res)
	}
	sources[len(sources)-1].alone = false
	if res, err = Run(Options{Dir: dir}); err == nil || res != nil {
		t.Errorf("a failing source others depend on: %v, result %v", err, res)
	}
}

// TestConfigFiles: the config_files of .noticevet.hcl reach the
// configuration source: a listed file outside the usual folders is read,
// and a pattern naming nothing fails at its line in the configuration.
func TestConfigFiles(t *testing.T) {
	files := map[string]string{
		"PRIVACY.md":                "All personal data is stored only in Japan.\n",
		"deploy/prod/settings.yaml": "storage:\n  endpoint: https://s3.ap-northeast-2.amazonaws.com\n",
	}
	for _, c := range []struct {
		cfg, want string
	}{
		{"", "findings 0"},
		{"home = \"JP\"\nconfig_files = [\"deploy/prod/*.yaml\"]\n", "findings 1 deploy/prod/settings.yaml"},
		{"\nconfig_files = [\"deploy/production/*.yaml\"]\n", `error .noticevet.hcl:2: config_files: "deploy/production/*.yaml" matches no YAML, JSON, TOML, .env or Compose file`},
	} {
		dir := testfs.Dir(t, files)
		if c.cfg != "" {
			testfs.Write(t, dir, map[string]string{".noticevet.hcl": c.cfg})
		}
		res, err := Run(Options{Dir: dir})
		got := ""
		switch {
		case err != nil:
			got = "error " + err.Error()
		default:
			got = fmt.Sprintf("findings %d", len(res.Findings))
			for _, f := range res.Findings {
				got += " " + f.Pos.Path
			}
		}
		if got != c.want {
			t.Errorf("%q: %s, want %s", c.cfg, got, c.want)
		}
	}
}
