package goload

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

func TestModules(t *testing.T) {
	mods, err := Modules("testdata/repo")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range mods {
		got = append(got, m[strings.Index(m, "testdata/"):])
	}
	if want := "testdata/repo/app testdata/repo/worker"; strings.Join(got, " ") != want {
		t.Errorf("Modules = %v, want %s", got, want)
	}
}

func TestCollect(t *testing.T) {
	ev, err := collectEv("testdata/repo", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ev {
		got = append(got, show(e))
	}
	want := []string{
		// The store and the API client get their destinations from main:
		// main reports them, and the deferred notes inside are dropped.
		"app/cmd/server/main.go:15:2 store sql.DB.Exec to db.example.kr (store.Store.Save (sql.DB.Exec)) KR",
		"app/cmd/server/main.go:18:2 send api.Client.Notify (http.Post) to hooks.example.cn CN",
		"app/cmd/server/main.go:20:2 send api.Welcome (http.Post) to welcome.example.us US",
		// The hook gets from main only environment variables: the calls
		// inside stay, one each, naming the variables of their callers.
		`app/hook/hook.go:25:12 send http.Post ? the URL comes from os.Getenv("AUDIT_HOOK") or os.Getenv("SIGNUP_HOOK")`,
		`app/hook/hook.go:31:12 send http.Post ? the URL comes from os.Getenv("SIGNUP_HOOK")`,
		"worker/export.go:13:2 send http.Post to export.example.de DE",
	}
	// What is named: the caller's view of the call inside.
	for i := range want {
		want[i] = strings.Replace(want[i], "sql.DB.Exec to db.example.kr (store.Store.Save (sql.DB.Exec))", "store.Store.Save (sql.DB.Exec) to db.example.kr", 1)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Collect:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The variables place the calls inside as their values do.
	for _, e := range ev {
		if e.Pos.Path == "app/hook/hook.go" && e.Pos.Line == 25 && len(e.Keys) != 2 {
			t.Errorf("%s: keys %v, want AUDIT_HOOK and SIGNUP_HOOK", e.Pos, e.Keys)
		}
	}
}

func show(e evidence.Evidence) string {
	c := e.Country
	if c == "" {
		c = "? " + e.Unresolved
	}
	return fmt.Sprintf("%s %s %s %s", e.Pos, e.Kind, e.What, c)
}

var placer = func() *place.Placer {
	cfg, err := config.Parse("test.hcl", []byte("host \"hooks.example.cn\" {\n  country = \"SG\"\n}\n"))
	if err != nil {
		panic(err)
	}
	return place.New(cfg)
}()

// A deferred site stays for what its callers lend it only where no caller
// that reports it names the same already; with nothing lent, a caller
// that reports it replaces it; with no deferred site, the callers' notes
// are the findings.
func TestSettleLent(t *testing.T) {
	env := "the URL comes from os.Getenv(\"HOOK\")"
	inner := found{site: goevidence.Site{Kind: evidence.Send, What: "http.Post", Unresolved: "the URL comes from parameter url of Send", Deferred: true},
		pos: evidence.Pos{Path: "hook/hook.go", Line: 9, Column: 2}, at: "/r/hook/hook.go:9:2"}
	lends := func(line int, why string) found {
		return found{site: goevidence.Site{Kind: evidence.Send, What: "hook.Send (http.Post)", Unresolved: why, Origin: inner.at, ForInner: true},
			pos: evidence.Pos{Path: "main.go", Line: line, Column: 2}}
	}
	reports := found{site: goevidence.Site{Kind: evidence.Send, What: "hook.Send (http.Post)", Unresolved: env, Origin: inner.at},
		pos: evidence.Pos{Path: "main.go", Line: 20, Column: 2}}
	for _, c := range []struct {
		name string
		all  []found
		want string
	}{
		{"lent only", []found{inner, lends(10, env)}, "hook/hook.go:9:2 " + env},
		{"lent what a reporting caller says", []found{inner, lends(10, env), reports}, "main.go:20:2 " + env},
		{"lent something else", []found{inner, lends(10, "the URL comes from os.Getenv(\"OTHER\")"), reports},
			"hook/hook.go:9:2 the URL comes from os.Getenv(\"OTHER\")\nmain.go:20:2 " + env},
		// No site inside to take it: the caller's note is the finding,
		// unless it names nothing.
		{"no site inside", []found{lends(10, env), lends(12, "the URL comes from a value not known statically")}, "main.go:10:2 " + env},
	} {
		var got []string
		for _, e := range settle(c.all, nil, nil) {
			got = append(got, fmt.Sprintf("%s %s", e.Pos, e.Unresolved))
		}
		if strings.Join(got, "\n") != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), c.want)
		}
	}
}

// A deferred site that is itself a call of another package's function
// (a wrapper's mail.Send, whose calls inside are its Origin) is dropped
// where a caller in another package reports the same calls inside; a site
// of the same calls in its own package is another caller, and stays.
func TestSettleDeferredThroughWrapper(t *testing.T) {
	const origin = "/r/mail/client.go:153:13"
	wrapper := found{site: goevidence.Site{Kind: evidence.Send, What: "mail.Send (smtp.Client.Rcpt)", Unresolved: "the mail server's address comes from field Host of parameter s of SendTest", Deferred: true, Origin: origin},
		pos: evidence.Pos{Path: "notify/email.go", Line: 133, Column: 9}, at: "/r/notify/email.go:133:9"}
	caller := found{site: goevidence.Site{Kind: evidence.Send, What: "notify.SendTest (smtp.Client.Rcpt)", Unresolved: "the mail server's address comes from field Host of a runtime value", Origin: origin},
		pos: evidence.Pos{Path: "api/settings.go", Line: 290, Column: 12}}
	sibling := caller
	sibling.pos = evidence.Pos{Path: "notify/digest.go", Line: 40, Column: 9}
	other := wrapper
	other.pos, other.at = evidence.Pos{Path: "api/token.go", Line: 161, Column: 13}, "/r/api/token.go:161:13"
	other.site.Unresolved = "the mail server's address comes from field Host of receiver a of API.Token"
	for _, c := range []struct {
		name string
		all  []found
		want string
	}{
		{"a caller elsewhere", []found{wrapper, caller}, "api/settings.go:290:12"},
		{"a sibling in its package", []found{wrapper, sibling}, "notify/digest.go:40:9\nnotify/email.go:133:9"},
		{"alone", []found{wrapper}, "notify/email.go:133:9"},
		{"beside another deferred", []found{wrapper, other}, "api/token.go:161:13\nnotify/email.go:133:9"},
	} {
		var got []string
		for _, e := range settle(c.all, nil, nil) {
			got = append(got, e.Pos.String())
		}
		if strings.Join(got, "\n") != c.want {
			t.Errorf("%s: got %q, want %q", c.name, strings.Join(got, "\n"), c.want)
		}
	}
}

func TestCollectPlacer(t *testing.T) {
	ev, err := collectEv("testdata/repo", placer)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range ev {
		if strings.Contains(e.What, "hooks.example.cn") {
			found = true
			if e.Country != "SG" || e.Via != "host hooks.example.cn" {
				t.Errorf("the configuration does not place the host first: %+v", e)
			}
		}
	}
	if !found {
		t.Error("no evidence for hooks.example.cn")
	}
}

func TestCollectBroken(t *testing.T) {
	_, err := collectEv("testdata/broken", nil)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Collect of a package that does not type-check: %v, want an *Error", err)
	}
	if e.Path != "broken.go" || e.Line != 4 || !strings.Contains(e.Error(), "broken.go:4:") {
		t.Errorf("error = %q (%+v), want broken.go:4", e.Error(), e)
	}
}

// Facts must encode and decode, and encode the same way twice.
func TestFactsSanity(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a module twice")
	}
	abs, _ := filepath.Abs("testdata/repo/app")
	pkgs, err := Load(abs, abs)
	if err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	graph, err := checker.Analyze([]*analysis.Analyzer{goevidence.Analyzer}, pkgs, &checker.Options{SanityCheck: true, FactLog: &log})
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
	}
	for _, want := range []string{"(*store.Store).Save", "store.New", "(*api.Client).Notify"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("no fact about %s; facts:\n%s", want, log.String())
		}
	}
}

func TestCollectMissingModule(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	_, err := collectEv("testdata/missingdep", nil)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Collect of a module whose dependency cannot be had: %v, want an *Error", err)
	}
	if e.Path != "go.mod" && e.Path != "main.go" || strings.Contains(e.Msg, "exit status") {
		t.Errorf("error = %q", e.Error())
	}
}

// collectEv is Collect's evidence, with p placing first.
func collectEv(dir string, p goevidence.Placer) ([]evidence.Evidence, error) {
	res, err := Collect(dir, Options{Places: p})
	return res.Evidence, err
}

// TestCollectDevModule: a module of its own whose folder, below the
// checked one, is a dev folder (tools/) is development code whole, not
// loaded, and a note says so; the same module checked from its own
// folder is checked.
func TestCollectDevModule(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"tools/go.mod":    "module example.com/tools\n\ngo 1.22\n",
		"tools/export.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\ntype User struct{ Email string }\n\nfunc main() { u := User{}; http.Post(\"https://export.example.de/u\", \"text/plain\", strings.NewReader(u.Email)) }\n",
	})
	res, err := Collect(dir, Options{})
	if err != nil || len(res.Evidence) != 0 || len(res.Notes) != 1 || res.Notes[0].Path != "tools/go.mod" || !strings.Contains(res.Notes[0].Msg, "not checked: a module of development code") {
		t.Errorf("from the repository: %v, evidence %v, notes %v", err, res.Evidence, res.Notes)
	}
	res, err = Collect(filepath.Join(dir, "tools"), Options{})
	if err != nil || len(res.Evidence) != 1 {
		t.Errorf("from the module's folder: %v, evidence %v", err, res.Evidence)
	}
}

// TestDevPackagesInternal: an internal package that no shipped package
// imports is development code, and one that main imports ships; in a
// module of internal packages alone (no root to follow), each ships.
func TestDevPackagesInternal(t *testing.T) {
	mod := t.TempDir()
	module := &packages.Module{Path: "example.com/m", Dir: mod, Main: true}
	pkg := func(path, name string, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{PkgPath: path, Name: name, Module: module, Imports: map[string]*packages.Package{},
			GoFiles: []string{filepath.Join(mod, strings.TrimPrefix(path, "example.com/m"), "x.go")}}
		for _, q := range imports {
			p.Imports[q.PkgPath] = q
		}
		return p
	}
	used := pkg("example.com/m/internal/used", "used")
	client := pkg("example.com/m/internal/client", "client")
	suite := pkg("example.com/m/internal/suite", "suite", client)
	app := pkg("example.com/m/cmd/app", "main", used)
	dev := devPackages(mod, []*packages.Package{used, client, suite, app}, []string{"test"}, nil)
	if dev[used] || dev[app] || !dev[client] || !dev[suite] {
		t.Errorf("dev: used %v, app %v, client %v, suite %v; want false, false, true, true", dev[used], dev[app], dev[client], dev[suite])
	}
	alone := devPackages(mod, []*packages.Package{used, client, suite}, []string{"test"}, nil)
	if len(alone) != 0 {
		t.Errorf("a module of internal packages alone: dev %v, want none", alone)
	}
	if none := devPackages(mod, []*packages.Package{used, client, suite, app}, nil, nil); len(none) != 0 {
		t.Errorf("no dev folders: dev %v, want none", none)
	}
}

// TestCollectFieldNoOtherWrites: a client's exported BaseURL field that its
// package sets to a known URL, and that no other package writes (a test
// overrides it), holds only that URL: the call is placed by it, with no
// note of a runtime value beside it. A field another package writes
// (from the environment), or whose struct another package decodes by
// reflection (json.Unmarshal), may hold anything: the note stays.
func TestCollectFieldNoOtherWrites(t *testing.T) {
	server := `package server

import (
	"net/http"
	"strings"
)

type Config struct {
	BaseURL  string
	HookURL  string
	ExtraURL string
	Account  string
}

func NewConfig() *Config {
	return &Config{BaseURL: "https://api.example.us", HookURL: "https://hooks.example.us", ExtraURL: "https://extra.example.us"}
}

type Server struct{ config *Config }

func New(c *Config) *Server { return &Server{config: c} }

type User struct{ Phone string }

var queue []User

func (s *Server) Call() {
	for _, u := range queue {
		http.Post(s.config.BaseURL+"/Accounts/"+s.config.Account+"/Calls", "text/plain", strings.NewReader(u.Phone))
	}
}

func (s *Server) Hook() {
	for _, u := range queue {
		http.Post(s.config.HookURL+"/hook", "text/plain", strings.NewReader(u.Phone))
	}
}

func (s *Server) Extra() {
	for _, u := range queue {
		http.Post(s.config.ExtraURL+"/x", "text/plain", strings.NewReader(u.Phone))
	}
}
`
	// main builds the configuration, does what sets it up, and calls.
	main := func(imports, setup string) string {
		return "package main\n\nimport (\n" + imports + "\n\t\"example.com/m/server\"\n)\n\nfunc main() {\n\tc := server.NewConfig()\n" +
			setup + "\ts := server.New(c)\n\ts.Call()\n\ts.Hook()\n\ts.Extra()\n}\n"
	}
	for _, c := range []struct {
		name, main string
		notes      []string // the calls with a note beside their placed row
	}{
		{"settled", main("\t\"os\"\n", "\tc.Account = os.Getenv(\"ACCOUNT\")\n"), nil},
		{"written", main("\t\"os\"\n", "\tc.HookURL = os.Getenv(\"HOOK_URL\")\n"), []string{"Hook"}},
		{"decoded", main("\t\"encoding/json\"\n\t\"fmt\"\n\t\"os\"\n",
			"\tb, _ := os.ReadFile(\"config.json\")\n\tfmt.Println(&c)\n\tjson.Unmarshal(b, c)\n"), []string{"Call", "Extra", "Hook"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{
				"go.mod":                "module example.com/m\n\ngo 1.22\n",
				"server/server.go":      server,
				"server/server_test.go": "package server\n\nfunc init() { NewConfig().ExtraURL = \"http://127.0.0.1:1\" }\n",
				"main.go":               c.main,
			})
			res, err := Collect(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			lines := map[int]string{}
			for i, l := range strings.Split(server, "\n") {
				for _, f := range []string{"Base", "Hook", "Extra"} {
					if strings.Contains(l, "s.config."+f+"URL+") {
						lines[i+1] = map[string]string{"Base": "Call", "Hook": "Hook", "Extra": "Extra"}[f]
					}
				}
			}
			var placed, notes []string
			for _, e := range res.Evidence {
				name := lines[e.Pos.Line]
				if e.Pos.Path == "main.go" { // the caller that gives the configuration
					_, name, _ = strings.Cut(e.What, "server.Server.")
					name, _, _ = strings.Cut(name, " ")
				}
				if e.Unresolved != "" {
					notes = append(notes, name)
				} else {
					placed = append(placed, name)
				}
			}
			notes = slices.Compact(slices.Sorted(slices.Values(notes)))
			placed = slices.Compact(slices.Sorted(slices.Values(placed)))
			if !slices.Equal(notes, c.notes) || !slices.Equal(placed, []string{"Call", "Extra", "Hook"}) {
				t.Errorf("notes at %v, placed at %v; want notes at %v, every call placed", notes, placed, c.notes)
			}
		})
	}
}
