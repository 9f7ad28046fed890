package analyzer_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noticevet/noticevet/analyzer"
	"github.com/noticevet/noticevet/internal/testfs"
)

// TestDiagnosticsEscaped: go vet prints a diagnostic's message as it is, so
// a URL in the code holding a newline, a workflow command or an escape
// sequence must reach it escaped, on one line.
func TestDiagnosticsEscaped(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"src/example.com/hostile/PRIVACY.md": "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"src/example.com/hostile/hostile.go": `package hostile

import (
	"net/http"
	"strings"
)

type Customer struct{ Email string }

const bad = "\n::add-mask::hunter2\n::error file=x.go,line=1::forged\x1b]8;;https://evil\x07\u202e"

func send(c Customer, u string) {
	http.Post("https://api.example"+bad+".cn/", "text/plain", strings.NewReader(c.Email))
	http.Post("https://"+bad, "text/plain", strings.NewReader(c.Email))
	http.Post(bad+u, "text/plain", strings.NewReader(c.Email))
	http.Post("https://api.example.cn"+bad, "text/plain", strings.NewReader(c.Email))
}
`,
	})
	var got errorsOnly
	results := analysistest.Run(&got, filepath.Join(dir), analyzer.Analyzer, "example.com/hostile")
	n, shown := 0, 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if strings.Contains(d.Message, `\n::add-mask::hunter2\n::error file=x.go,line=1::forged\x1b]8`) {
				shown++
			}
			for _, c := range d.Message {
				if unicode.Is(unicode.Cc, c) || unicode.Is(unicode.Cf, c) {
					t.Errorf("message holds %U: %q", c, d.Message)
					break
				}
			}
		}
	}
	if n == 0 || shown == 0 {
		t.Fatalf("%d diagnostics, %d showing the escaped host; analysistest said:\n%s", n, shown, strings.Join(got.msgs, "\n"))
	}
}
