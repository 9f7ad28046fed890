package check

import (
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestNoEvidence: a notice that makes claims over a repository that gives
// no placed evidence is said to be untested, naming what each source
// read; placed evidence, or a notice with no claims, says nothing.
func TestNoEvidence(t *testing.T) {
	const notice = "# Privacy\n\nAll personal data is stored only in Japan.\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"nothing", map[string]string{"PRIVACY.md": notice, "README.md": "# app\n"},
			"the notice makes 1 claim, but the repository gives no evidence of where personal data goes, so no claim is tested (read terraform: nothing; go: nothing; config: nothing; paas: nothing; cloudformation: nothing)"},
		{"unresolved only", map[string]string{"PRIVACY.md": notice,
			"infra/main.tf": "provider \"aws\" { region = var.region }\n\nvariable \"region\" {}\n\nresource \"aws_s3_bucket\" \"a\" {}\n",
			"infra/vars.tf": "", "infra/more.tf": "", "infra/x.tf": ""},
			"the notice makes 1 claim, but the repository gives only evidence whose country cannot be decided (1 unresolved), so no claim is tested (read terraform: infra/main.tf, infra/more.tf, infra/vars.tf and 1 more; go: nothing; config: nothing; paas: nothing; cloudformation: nothing)"},
		{"placed", map[string]string{"PRIVACY.md": notice,
			"main.tf": "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n\nresource \"aws_s3_bucket\" \"a\" {}\n"}, ""},
		{"no claims", map[string]string{"PRIVACY.md": "# Privacy\n\nWe care about your privacy.\n"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Dir(t, c.files)
			var warned []string
			res, err := Run(Options{Dir: dir, Warn: func(m string) { warned = append(warned, m) }})
			if err != nil {
				t.Fatal(err)
			}
			if res.NoEvidence != c.want {
				t.Errorf("NoEvidence = %q\nwant %q", res.NoEvidence, c.want)
			}
			said := strings.Join(warned, "\n")
			if c.want != "" && !strings.Contains(said, c.want) {
				t.Errorf("not warned: %q", said)
			}
		})
	}
}
