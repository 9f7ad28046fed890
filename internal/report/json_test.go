package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/rules"
)

// jsonDoc is the document JSON writes, for encoding/json to encode whole.
type jsonDoc struct {
	Version     int                 `json:"version"`
	Home        string              `json:"home,omitempty"`
	Findings    []rules.Finding     `json:"findings"`
	Suppressed  []Suppressed        `json:"suppressed,omitempty"`
	Suggestions []jsonSuggestion    `json:"suggestions,omitempty"`
	Claims      []jsonClaim         `json:"claims"`
	Evidence    []evidence.Evidence `json:"evidence"`
}

// TestJSONAsWhole: writing the document an element at a time gives the
// bytes encoding/json gives for the whole document.
func TestJSONAsWhole(t *testing.T) {
	rs := map[string]*Result{"zero": {}}
	for _, fx := range fixtures {
		rs[fx.name] = fx.r()
	}
	noHome := oneResult()
	noHome.Home = ""
	rs["no home"] = noHome
	for name, r := range rs {
		doc := jsonDoc{Version: 1, Home: r.Home, Findings: r.Findings, Suppressed: r.Suppressed, Suggestions: suggestionsJSON(r), Claims: claimsJSON(r.Claims), Evidence: r.Evidence}
		if doc.Findings == nil {
			doc.Findings = []rules.Finding{}
		}
		if doc.Evidence == nil {
			doc.Evidence = []evidence.Evidence{}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := JSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestJSONWriteError: a failed write is an error, not a short document.
func TestJSONWriteError(t *testing.T) {
	if err := JSON(failWriter{}, manyResult()); err == nil || err.Error() != "disk full" {
		t.Errorf("JSON on a failing writer: %v", err)
	}
}
