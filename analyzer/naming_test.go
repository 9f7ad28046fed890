package analyzer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// TestNaming: errors and the no-notice diagnostic name an option as the
// driver lets users write it: go vet's flag by default, Options.Naming
// followed by the name otherwise.
func TestNaming(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{".git/HEAD": "ref: refs/heads/main\n", "app/go.mod": "module example.com/app\n", "app/main.go": "package main\n"})
	app := filepath.Join(dir, "app")
	// A notice, so that the configuration and baseline are looked for.
	withNotice := t.TempDir()
	testfs.Write(t, withNotice, map[string]string{"PRIVACY.md": "# Privacy\n\nAll personal data is stored only in Japan.\n", "go.mod": "module example.com/app\n", "main.go": "package main\n"})
	for _, tt := range []struct {
		o    Options
		want string
	}{
		{Options{Notices: []string{"no/such.md"}}, "-noticevet.notice: no/such.md: file does not exist"},
		{Options{Notices: []string{"no/such.md"}, Naming: "setting "}, "setting notice: no/such.md: file does not exist"},
		{Options{Config: "no/such.hcl", Naming: "setting "}, "setting config: no/such.hcl: file does not exist"},
		{Options{Baseline: "no/such.json", Naming: "setting "}, "setting baseline: no/such.json: file does not exist"},
	} {
		_, err := settingsFor(withNotice, &tt.o)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%+v: error %v, want %q", tt.o, err, tt.want)
		}
	}
	for naming, want := range map[string]string{"": "name one with -noticevet.notice", "setting ": "name one with setting notice"} {
		st, err := settingsFor(app, &Options{Naming: naming})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(st.missing, want) {
			t.Errorf("Naming %q: no-notice diagnostic %q, want it to end %q", naming, st.missing, want)
		}
	}
}
