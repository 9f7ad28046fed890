package diag

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestError(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "main.tf", Line: 3, Column: 5, Msg: "bad"}, "main.tf:3: bad"},
		{Diagnostic{Path: "main.go", Line: 3, Column: 5, Msg: "bad", ShowColumn: true}, "main.go:3:5: bad"},
		{Diagnostic{Path: "main.go", Line: 3, Msg: "bad", ShowColumn: true}, "main.go:3: bad"},
		{Diagnostic{Path: "x.tf", Msg: "bad"}, "x.tf: bad"},
		{Diagnostic{Msg: "bad"}, "bad"},
		{Diagnostic{Path: "a\nb.tf", Msg: "bad\r"}, `a\nb.tf: bad\r`},
	} {
		if got := tc.d.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.d, got, tc.want)
		}
	}
}

// TestDiagnostics: a list reads as its first error, and errors.As finds
// both the list and that error.
func TestDiagnostics(t *testing.T) {
	warn := &Diagnostic{Severity: Warning, Path: "a", Msg: "careful"}
	first := Errorf("b", 2, "broken %d", 1)
	ds := Diagnostics{warn, first, Errorf("c", 3, "also")}
	if !ds.HasErrors() || ds.First() != first || ds.Error() != "b:2: broken 1" {
		t.Errorf("HasErrors %v, First %v, Error %q", ds.HasErrors(), ds.First(), ds.Error())
	}
	if (Diagnostics{warn}).Err() != nil {
		t.Errorf("warnings only: Err is not nil")
	}
	var err error = fmt.Errorf("reading: %w", ds)
	var d *Diagnostic
	if !errors.As(err, &d) || d != first {
		t.Errorf("errors.As found %v", d)
	}
	if all := All(err); len(all) != 3 {
		t.Errorf("All kept %d diagnostics", len(all))
	}
	if all := All(errors.New("plain")); len(all) != 1 || all[0].Error() != "plain" {
		t.Errorf("All of a plain error: %v", all)
	}
	if All(nil) != nil {
		t.Errorf("All(nil) is not nil")
	}
}

// TestFromHCL: every diagnostic is kept with its range; the message is
// the summary and the detail without its full stop.
func TestFromHCL(t *testing.T) {
	_, diags := hclsyntax.ParseConfig([]byte("x = \"${\"\ny = \"${\"\n"), "m.tf", hcl.InitialPos)
	ds := FromHCL("other.tf", diags)
	if len(ds) != len(diags) || len(ds) < 2 {
		t.Fatalf("%d diagnostics from %d", len(ds), len(diags))
	}
	d := ds[0]
	if d.Path != "m.tf" || d.Line != 1 || d.Column != 9 || d.EndLine != 2 || d.Msg[len(d.Msg)-1] == '.' {
		t.Errorf("first: %+v", *d)
	}
	ds = FromHCL("v.tf", hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Deprecated", Detail: "Use y instead. "}})
	if ds[0].Severity != Warning || ds[0].Path != "v.tf" || ds[0].Msg != "Deprecated: Use y instead" || ds.Err() != nil {
		t.Errorf("warning: %+v", *ds[0])
	}
}

func TestSome(t *testing.T) {
	for _, c := range []struct {
		items []string
		want  string
	}{
		{nil, "nothing"},
		{[]string{"a"}, "a"},
		{[]string{"a", "b", "c"}, "a, b, c"},
		{[]string{"a", "b", "c", "d", "e"}, "a, b, c and 2 more"},
	} {
		if got := Some(c.items); got != c.want {
			t.Errorf("Some(%q) = %q, want %q", c.items, got, c.want)
		}
	}
}
