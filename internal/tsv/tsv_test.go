package tsv

import (
	"reflect"
	"strings"
	"testing"
)

func TestRows(t *testing.T) {
	text := "# source: somewhere\ncode\tname\n\nJP\tJapan\r\n# a note\nKR\tSouth Korea\n"
	got := Rows("t.tsv", text, 2)
	want := []Row{{"t.tsv", 4, []string{"JP", "Japan"}}, {"t.tsv", 6, []string{"KR", "South Korea"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Rows = %v, want %v", got, want)
	}
}

func TestRowsPanics(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"a\tb\nJP\n", "embedded t.tsv line 2: 1 fields, want 2"},
		{"a\tb\nJP\t\n", `embedded t.tsv line 2: empty or space-padded field ""`},
		{"a\tb\nJP\t Japan\n", `embedded t.tsv line 2: empty or space-padded field " Japan"`},
		{"a\n", "embedded t.tsv line 1: 1 fields, want 2"},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), tt.want) {
					t.Errorf("Rows(%q) panicked with %v, want %q", tt.text, r, tt.want)
				}
			}()
			Rows("t.tsv", tt.text, 2)
		}()
	}
}
