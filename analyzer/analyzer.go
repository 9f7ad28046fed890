package analyzer

import (
	_ "embed"
	"flag"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/noticevet/noticevet/analyzer/internal/discover"
	"github.com/noticevet/noticevet/internal/baseline"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/pipeline"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// Analyzer reports the Go calls that send or store personal data where the
// privacy notice says it does not go. See the package documentation. Its
// flags (-noticevet.notice, -noticevet.config, -noticevet.baseline,
// -noticevet.allow-missing-notice) set its Options.
var Analyzer = newAnalyzer(&flagOptions)

// docGo is this package's doc.go: Analyzer.Doc is its "Analyzer noticevet"
// section, so `go vet help noticevet` and `go doc` say the same thing.
//
//go:embed doc.go
var docGo string

// doc is Analyzer.Doc, read once for every analyzer New makes.
var doc = mustExtractDoc(docGo, "noticevet")

// Options are the analyzer's settings, one field for each of its flags. The
// zero value is the flags' defaults: the notice and .noticevet.hcl are found
// by walking up from each package.
type Options struct {
	// Notices are the privacy notices' paths (-noticevet.notice). A
	// relative path is looked for in the working folder, then at the root
	// of the package's module. Empty: found by walking up.
	Notices []string
	// Config is the configuration file's path (-noticevet.config), resolved
	// as Notices are. Empty: the nearest .noticevet.hcl above the package.
	Config string
	// Baseline is a previous `noticevet check -format json` output
	// (-noticevet.baseline); the findings it holds are not reported.
	Baseline string
	// AllowMissingNotice silences the diagnostic for a package with export
	// sites when no notice is found (-noticevet.allow-missing-notice).
	AllowMissingNotice bool
	// Naming is how errors and the no-notice diagnostic name an option:
	// Naming followed by the flag's name (notice, config, baseline).
	// Empty: "-noticevet.", as go vet's flags are written.
	Naming string
}

// name is how messages name the option called flag.
func (o *Options) name(flag string) string {
	if o.Naming == "" {
		return "-noticevet." + flag
	}
	return o.Naming + flag
}

// New returns an analyzer named noticevet, like Analyzer, that uses o
// instead of flags: the way for a driver that configures its analyzers
// itself (a golangci-lint plugin, a multichecker with settings of its own)
// to set them. The analyzers share their cache of notices read.
func New(o Options) *analysis.Analyzer {
	o.Notices = slices.Clone(o.Notices)
	return newAnalyzer(&o)
}

func newAnalyzer(o *Options) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "noticevet",
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/noticevet/noticevet/analyzer",
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, o) },
		Requires: []*analysis.Analyzer{goevidence.Analyzer},
	}
}

// flagOptions are the options Analyzer's flags set.
var flagOptions Options

func init() {
	Analyzer.Flags.Var((*noticeList)(&flagOptions.Notices), "notice", "the privacy notice `PATH`; may repeat or be comma-separated (default: found by walking up from the package)")
	Analyzer.Flags.StringVar(&flagOptions.Config, "config", "", "the configuration file `PATH` (default: the nearest .noticevet.hcl above the package)")
	Analyzer.Flags.StringVar(&flagOptions.Baseline, "baseline", "", "a previous `noticevet check -format json` output `PATH`; the findings it holds are not reported")
	Analyzer.Flags.BoolVar(&flagOptions.AllowMissingNotice, "allow-missing-notice", false, "say nothing about a package with export sites when no notice is found (default: one diagnostic per such package)")
}

// noticeList is a flag that may repeat and takes comma-separated paths.
type noticeList []string

func (l *noticeList) String() string { return strings.Join(*l, ",") }

func (l *noticeList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

var _ flag.Value = (*noticeList)(nil)

func run(pass *analysis.Pass, o *Options) (any, error) {
	res, _ := pass.ResultOf[goevidence.Analyzer].(*goevidence.Result)
	if res == nil || len(res.Sites) == 0 || len(pass.Files) == 0 {
		return nil, nil
	}
	// A dependency is not the code the notice speaks for; its sites matter
	// only through the facts it exports.
	if isDependency(pass) {
		return nil, nil
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	st, err := settingsFor(dir, o)
	if err != nil {
		return nil, err
	}
	if st.missing != "" {
		if !o.AllowMissingNotice {
			pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Category: "no-notice", Message: st.missing})
		}
		return nil, nil
	}
	at := map[evidence.Pos]token.Pos{}
	var evs []evidence.Evidence
	for _, s := range res.Sites {
		if s.Deferred || s.ForInner && s.Vague() {
			// Its callers in other packages say where it goes and report
			// it, each at its own call, instead of this one: as noticevet
			// check does, one finding where the destination is decided.
			// go vet sees one package at a time, so a function that no
			// other package calls leaves no note here (check, which sees
			// the module, notes it). A caller's note lent to the call
			// inside (ForInner), which check gives to the deferred site
			// it names, is the finding here, at the caller, unless it
			// names nothing.
			continue
		}
		p := pass.Fset.Position(s.Pos)
		ep := evidence.Pos{Path: repo.Rel(st.root, p.Filename), Line: p.Line, Column: p.Column}
		at[ep] = s.Pos
		for _, e := range goevidence.Evidence(s, place.New(st.cfg)) {
			e.Pos = ep
			evs = append(evs, e)
		}
	}
	evidence.Sort(evs)
	var mine []rules.Finding
	for _, f := range rules.Check(rules.Input{Claims: st.claims, Evidence: evs, Home: st.home}) {
		if _, ok := at[f.Pos]; ok {
			mine = append(mine, f)
		} // else a finding about the notice itself: `noticevet check` reports it once
	}
	// The same pipeline as `noticevet check`: ignore blocks, noticevet:ignore
	// comments (read from the package's files through the driver) and the
	// baseline.
	pl := &pipeline.Pipeline{Config: st.cfg, Baseline: st.baseline, Read: func(rel string) ([]byte, error) {
		return readPassFile(pass, filepath.Join(st.root, filepath.FromSlash(rel)))
	}}
	for _, f := range pl.Run(mine).Findings {
		// go vet prints the message as it is: repository text in it (a URL,
		// a resource name) is escaped so it cannot start a line of its own.
		pass.Report(analysis.Diagnostic{Pos: at[f.Pos], Category: f.Rule, Message: report.Escape(f.Message) + " [" + f.Rule + "]"})
	}
	return nil, nil
}

// settings is what the rules need for a package: the notice's claims, the
// configuration, the home country and the baseline.
type settings struct {
	claims   []notices.Claim
	cfg      *config.Config
	home     string
	baseline *baseline.Baseline
	// root is the folder paths are relative to (for the configuration's
	// ignore blocks and the baseline): the configuration's folder, else the
	// notice's.
	root string
	// missing, when set, is the diagnostic for a package with sites and no
	// notice: nothing else is known.
	missing string
}

var (
	settingsMu    sync.Mutex
	settingsCache = map[string]*settings{} // by the files read (and their sizes and times)
)

// settingsFor reads the notice, configuration and baseline for a package
// folder. A driver that analyzes many packages in one process (noticevet
// check, the tests) reads each file once.
func settingsFor(dir string, o *Options) (*settings, error) {
	found := discover.Find(dir)
	key := o.Naming + "\x00" + strings.Join(o.Notices, "\x01") + "\x00" + o.Config + "\x00" + o.Baseline + stamp(o.Baseline) +
		"\x00" + found.Config + stamp(found.Config)
	for _, n := range found.Notices {
		key += "\x00" + n + stamp(n)
	}
	if len(o.Notices) > 0 || o.Config != "" || o.Baseline != "" || len(found.Notices) == 0 {
		key += "\x00" + dir // flag paths may be relative to the folder; "not found" names it
	}
	settingsMu.Lock()
	defer settingsMu.Unlock()
	if st, ok := settingsCache[key]; ok {
		return st, nil
	}
	st, err := loadSettings(dir, found, o)
	if err != nil {
		return nil, err
	}
	settingsCache[key] = st
	return st, nil
}

// stamp identifies a version of a file: its size and modification time.
func stamp(p string) string {
	if p == "" {
		return ""
	}
	fi, err := os.Stat(p)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("@%d@%d", fi.Size(), fi.ModTime().UnixNano())
}

func loadSettings(dir string, found discover.Found, o *Options) (*settings, error) {
	st := &settings{cfg: &config.Config{}}
	type notice struct{ path, name string }
	var ns []notice
	if len(o.Notices) > 0 {
		for _, p := range o.Notices {
			abs, err := resolveFlagPath(dir, p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", o.name("notice"), err)
			}
			ns = append(ns, notice{abs, filepath.ToSlash(p)})
		}
	} else {
		if len(found.Notices) == 0 {
			st.missing = fmt.Sprintf("no privacy notice found from this folder up to %s (looked for %s): the calls here that send or store personal data are not checked; name one with %s",
				filepath.ToSlash(found.Searched[len(found.Searched)-1]), strings.Join(discover.NoticePatterns, ", "), o.name("notice"))
			return st, nil
		}
		for _, p := range found.Notices {
			name := repo.Rel(found.Base, p)
			if err := inside(found, p, name); err != nil {
				return nil, err
			}
			ns = append(ns, notice{p, name})
		}
		st.root = found.Base
	}
	cfgPath, cfgName := found.Config, config.FileName
	if cfgPath != "" && o.Config == "" {
		if err := inside(found, cfgPath, config.FileName); err != nil {
			return nil, err
		}
	}
	if o.Config != "" {
		abs, err := resolveFlagPath(dir, o.Config)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.name("config"), err)
		}
		cfgPath, cfgName = abs, filepath.ToSlash(o.Config)
	}
	if cfgPath != "" {
		cfg, err := config.Load(cfgPath, cfgName)
		if err != nil {
			return nil, err
		}
		st.cfg, st.root = cfg, filepath.Dir(cfgPath)
	}
	if st.root == "" {
		st.root = filepath.Dir(ns[0].path)
	}
	if o.Baseline != "" {
		abs, err := resolveFlagPath(dir, o.Baseline)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.name("baseline"), err)
		}
		if st.baseline, err = baseline.Read(abs); err != nil {
			return nil, err
		}
	}
	read := map[string]bool{}
	for _, n := range ns {
		read[n.path] = true
	}
	for _, n := range ns {
		src, err := readNotice(n.path, n.name)
		if err != nil {
			return nil, err
		}
		cs, err := notices.Parse(n.name, src)
		if err != nil {
			return nil, err
		}
		cs, err = followLists(found, n.path, n.name, cs, read)
		if err != nil {
			return nil, err
		}
		st.claims = append(st.claims, cs...)
	}
	st.home = rules.Home(st.cfg.Home, st.claims)
	return st, nil
}

// resolveFlagPath finds a file named by a flag. go vet runs the tool in
// each package's folder, so a relative path is tried there and then at the
// module root, where go vet is usually run.
func resolveFlagPath(dir, p string) (string, error) {
	if filepath.IsAbs(p) {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s: %v", p, diag.Cause(err))
		}
		return p, nil
	}
	candidates := []string{}
	if wd, err := os.Getwd(); err == nil {
		candidates = append(candidates, filepath.Join(wd, p))
	}
	if root := discover.ModuleRoot(dir); root != "" {
		candidates = append(candidates, filepath.Join(root, p))
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("%s: %v", filepath.ToSlash(p), fs.ErrNotExist)
}

// inside refuses a notice or configuration file found by walking up that
// is a symbolic link leading out of the folders searched (the repository,
// else the module): the same boundary `noticevet check` keeps. Files named
// by flags are the user's choice and are read wherever they are.
func inside(found discover.Found, path, name string) error {
	top := found.Searched[len(found.Searched)-1]
	topReal, err := filepath.EvalSymlinks(top)
	if err != nil {
		topReal = top
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("%s: %v", name, diag.Cause(err))
	}
	if !repo.Within(topReal, real) {
		return fmt.Errorf("%s: a symbolic link that leads outside the repository", name)
	}
	return nil
}
