package report

import (
	"encoding/json"
	"strings"
	"testing"
)

type rdDoc struct {
	Source      struct{ Name, URL string }
	Severity    string
	Diagnostics []struct {
		Message  string
		Severity string
		Code     struct{ Value, URL string }
		Location struct {
			Path  string
			Range struct {
				Start struct{ Line, Column int }
				End   *struct{ Line, Column int }
			}
		}
		RelatedLocations []struct {
			Message  string
			Location struct {
				Path  string
				Range struct{ Start struct{ Line int } }
			}
		} `json:"related_locations"`
	}
}

func TestRDJSON(t *testing.T) {
	for _, fx := range fixtures {
		r := fx.r()
		var d rdDoc
		if err := json.Unmarshal(render(t, "rdjson", r), &d); err != nil {
			t.Fatal(err)
		}
		if d.Source.Name != "noticevet" || d.Source.URL != InformationURI {
			t.Errorf("%s: source %+v", fx.name, d.Source)
		}
		// The proposals for findings outside the notice come after the
		// findings, as diagnostics of their own (TestRDJSONSuggestions).
		for len(d.Diagnostics) > len(r.Findings) && d.Diagnostics[len(d.Diagnostics)-1].Code.Value == "suggestion" {
			d.Diagnostics = d.Diagnostics[:len(d.Diagnostics)-1]
		}
		if len(d.Diagnostics) != len(r.Findings) {
			t.Fatalf("%s: %d diagnostics for %d findings", fx.name, len(d.Diagnostics), len(r.Findings))
		}
		worst := ""
		for i, dg := range d.Diagnostics {
			f := r.Findings[i]
			sev := map[string]string{"error": "ERROR", "warning": "WARNING", "note": "INFO"}[f.Severity.String()]
			if worst == "" || sev == "ERROR" || sev == "WARNING" && worst == "INFO" {
				worst = sev
			}
			loc := dg.Location
			// reviewdog counts UTF-8 bytes, as a Pos does: no conversion.
			if dg.Message != rdMessage(f.Message) || dg.Severity != sev || dg.Code.Value != f.Rule || loc.Path != f.Pos.Path ||
				loc.Range.Start.Line != f.Pos.Line || loc.Range.Start.Column != f.Pos.Column {
				t.Errorf("%s %d: %+v, want %+v", fx.name, i, dg, f)
			}
			if end := loc.Range.End; end != nil {
				line := r.Lines(f.Pos.Path, f.Pos.Line)
				if end.Line != f.Pos.Line || end.Column <= f.Pos.Column || end.Column > len(line)+1 {
					t.Errorf("%s %d: end %+v for a line of %d bytes", fx.name, i, *end, len(line))
				}
			}
			if f.Claim != nil && !sameLine(&f) {
				if len(dg.RelatedLocations) != 1 || dg.RelatedLocations[0].Location.Path != f.Claim.Path ||
					dg.RelatedLocations[0].Location.Range.Start.Line != f.Claim.Line {
					t.Errorf("%s %d: related %+v", fx.name, i, dg.RelatedLocations)
				}
			}
		}
		if d.Severity != worst {
			t.Errorf("%s: overall severity %q, want %q", fx.name, d.Severity, worst)
		}
	}
}

// Repository text cannot form a link, mention anyone or drive a terminal
// through reviewdog.
func TestRDJSONMessageEscaped(t *testing.T) {
	r := oneResult()
	r.Findings[0].Message = "see [docs](https://evil.example) @octocat $$x$$\x1b]0;t\x07"
	var d rdDoc
	if err := json.Unmarshal(render(t, "rdjson", r), &d); err != nil {
		t.Fatal(err)
	}
	want := `see \[docs\](https:&#8203;//evil.example) @&#8203;octocat &#36;&#36;x&#36;&#36;\x1b\]0;t\x07`
	if got := d.Diagnostics[0].Message; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

// TestRDJSONSuggestions checks the proposals of the suggested fixture: the
// notice's own finding carries its suggestion, and the Terraform finding's
// proposal is an INFO diagnostic at the notice line that names it. Each
// suggestion, applied as reviewdog applies it, gives the proposed text.
func TestRDJSONSuggestions(t *testing.T) {
	r := suggestedResult()
	var d struct {
		Diagnostics []struct {
			Message     string
			Severity    string
			Code        struct{ Value string }
			Location    struct{ Path string }
			Suggestions []struct {
				Range struct{ Start, End struct{ Line, Column int } }
				Text  string
			}
		}
	}
	if err := json.Unmarshal(render(t, "rdjson", r), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 3 {
		t.Fatalf("%d diagnostics, want 3", len(d.Diagnostics))
	}
	extra := d.Diagnostics[2]
	if extra.Code.Value != "suggestion" || extra.Severity != "INFO" || extra.Location.Path != "PRIVACY.md" ||
		!strings.Contains(extra.Message, "infra/media.tf:12:3 (false-claim)") {
		t.Errorf("proposal diagnostic: %+v", extra)
	}
	old := suggestedNotice
	lines := strings.SplitAfter(old, "\n")
	offset := func(line, col int) int {
		n := 0
		for _, l := range lines[:line-1] {
			n += len(l)
		}
		return n + col - 1
	}
	want := r.Suggestions[0].New()
	// Apply the two suggestions, the later one first.
	got := old
	for _, i := range []int{0, 2} {
		sg := d.Diagnostics[i].Suggestions
		if len(sg) != 1 {
			t.Fatalf("diagnostic %d: %d suggestions", i, len(sg))
		}
		s, e := offset(sg[0].Range.Start.Line, sg[0].Range.Start.Column), offset(sg[0].Range.End.Line, sg[0].Range.End.Column)
		got = got[:s] + sg[0].Text + got[e:]
	}
	if got != want {
		t.Errorf("applied:\n%s\nwant:\n%s", got, want)
	}
}
