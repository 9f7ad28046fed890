package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// FuzzRead reads fuzzed content as a baseline file. Read must return a
// baseline or a one-line error naming the file, never panic; a baseline
// it returns must accept no more findings than it has entries.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`{"version": 1, "findings": []}`,
		`{"version": 1, "findings": [{"rule": "false-claim", "country": "KR", "fingerprint": "0123456789abcdef", "location": {"path": "infra/a.tf", "line": 3}}]}`,
		`{"version": 1, "findings": [], "suppressed": [{"rule": "undisclosed-country", "country": "CN", "fingerprint": "ff", "location": {"path": "b.tf"}, "reason": "r"}]}`,
		`{"version": 2, "findings": []}`,
		`{"findings": []}`,
		`{"version": 1}`,
		`{"version": 1, "findings": {}}`,
		`{"version": "1", "findings": []}`,
		`{"version": 1, "findings": [{"rule": 3}]}`,
		`{"version": 1, "findings": [{"rule": "false-claim"}]}`,
		"{\"version\": 1,\n \"findings\": [\n",
		`[]`,
		``,
		"\xef\xbb\xbf{}",
		`{"version": 1e400, "findings": []}`,
		strings.Repeat("[", 20000),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "base.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := Read(path)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, path+":") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q: want one line starting with the path", msg)
			}
			return
		}
		if b.Len() < 0 {
			t.Fatalf("Len %d", b.Len())
		}
		// Offer every entry's finding twice: at most Len are accepted.
		var fs []rules.Finding
		for k, n := range b.entries {
			for i := 0; i < 2*n; i++ {
				fs = append(fs, rules.Finding{Rule: k.rule, Country: k.country, Fingerprint: k.fingerprint,
					Pos: evidence.Pos{Path: k.path, Line: 1, Column: 1}})
			}
		}
		kept, sup := b.Apply(fs)
		if len(sup) > b.Len() || len(kept)+len(sup) != len(fs) {
			t.Fatalf("%d entries accepted %d of %d findings (kept %d)", b.Len(), len(sup), len(fs), len(kept))
		}
	})
}
