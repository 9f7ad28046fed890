package report

import (
	"strconv"
	"strings"
	"testing"
)

// command is a workflow command as the Actions runner reads one.
type command struct {
	name  string
	props map[string]string
	data  string
}

// parseCommand reads a line as the runner does (ActionCommand.TryParseV2):
// "::name k=v,k=v::data", with properties and data unescaped.
func parseCommand(t *testing.T, line string) command {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a workflow command: %q", line)
	}
	info, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no data separator: %q", line)
	}
	name, props, _ := strings.Cut(info, " ")
	c := command{name: name, props: map[string]string{}, data: unescapeData(data)}
	for _, p := range strings.Split(props, ",") {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			t.Fatalf("property without '=' in %q", line)
		}
		c.props[k] = unescapeProperty(v)
	}
	return c
}

var unescapeData = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace

var unescapeProperty = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace

func TestGitHubCommandsReadBack(t *testing.T) {
	for _, fx := range fixtures {
		r := fx.r()
		out := string(render(t, "github", r))
		if len(r.Findings) == 0 {
			if out != "" {
				t.Errorf("%s: output for no findings: %q", fx.name, out)
			}
			continue
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(r.Findings) {
			t.Fatalf("%s: %d lines for %d findings", fx.name, len(lines), len(r.Findings))
		}
		for i, line := range lines {
			f := r.Findings[i]
			c := parseCommand(t, line)
			want := map[string]string{"error": "error", "warning": "warning", "note": "notice"}[f.Severity.String()]
			if c.name != want {
				t.Errorf("%s %d: command %q, want %q", fx.name, i, c.name, want)
			}
			if c.props["file"] != f.Pos.Path || c.props["line"] != strconv.Itoa(f.Pos.Line) || c.props["title"] != "noticevet: "+f.Rule {
				t.Errorf("%s %d: properties %v, want %s %s", fx.name, i, c.props, f.Pos, f.Rule)
			}
			if col, _ := strconv.Atoi(c.props["col"]); col != r.utf16Column(f.Pos) {
				t.Errorf("%s %d: col %d, want %d", fx.name, i, col, r.utf16Column(f.Pos))
			}
			if !strings.HasPrefix(c.data, f.Message) {
				t.Errorf("%s %d: message %q does not start with %q", fx.name, i, c.data, f.Message)
			}
			if f.Claim != nil && !sameLine(&f) && !strings.HasSuffix(c.data, f.Claim.Text) {
				t.Errorf("%s %d: message %q does not end with the notice sentence", fx.name, i, c.data)
			}
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := ghData("100% a:b, c\r\nd"), "100%25 a:b, c%0D%0Ad"; got != want {
		t.Errorf("ghData = %q, want %q", got, want)
	}
	if got, want := ghProperty("100% a:b, c\r\nd"), "100%25 a%3Ab%2C c%0D%0Ad"; got != want {
		t.Errorf("ghProperty = %q, want %q", got, want)
	}
	// A message can never start a second command.
	r := oneResult()
	r.Findings[0].Message = "x\n::error::injected"
	out := string(render(t, "github", r))
	if strings.Count(out, "\n") != 1 || parseCommand(t, strings.TrimSuffix(out, "\n")).data != "x\n::error::injected\n\nThe notice says (PRIVACY.md:5): "+privacyLine {
		t.Errorf("a message broke out of its command: %q", out)
	}
}
