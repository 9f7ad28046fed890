package analyzer

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/noticevet/noticevet/analyzer/internal/discover"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// Analyzer reports the Go calls that send or store personal data where the
// privacy notice says it does not go. See the package documentation.
var Analyzer = &analysis.Analyzer{
	Name:     "noticevet",
	Doc:      doc,
	URL:      "https://pkg.go.dev/github.com/noticevet/noticevet/analyzer",
	Run:      run,
	Requires: []*analysis.Analyzer{goevidence.Analyzer},
}

const doc = `report Go calls that contradict the privacy notice

The noticevet analyzer finds the calls that send or store personal data
(HTTP requests, gRPC calls, SQL statements, connections, mail, AWS, Google
Cloud and Azure SDK calls), decides the country each one puts the data in,
and reports, at the call, where that contradicts the privacy notice
(false-claim), where the notice never names the country
(undisclosed-country), and where the destination cannot be decided
statically (unresolved-destination). Each message ends with the rule in
brackets.

The notice is found by walking up from the package's folder (to the
repository root) for PRIVACY.md, PRIVACY.*.md, privacy*.md or
docs/privacy*.md, and .noticevet.hcl likewise; -notice and -config name
them instead.`

var (
	noticeFlag noticeList
	configFlag string
)

func init() {
	Analyzer.Flags.Var(&noticeFlag, "notice", "the privacy notice `PATH`; may repeat or be comma-separated (default: found by walking up from the package)")
	Analyzer.Flags.StringVar(&configFlag, "config", "", "the configuration file `PATH` (default: the nearest .noticevet.hcl above the package)")
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

func run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[goevidence.Analyzer].(*goevidence.Result)
	if res == nil || len(res.Sites) == 0 || len(pass.Files) == 0 {
		return nil, nil
	}
	// A dependency from the module cache is not the code the notice speaks
	// for; its sites matter only through the facts it exports.
	if pass.Module != nil && pass.Module.Version != "" {
		return nil, nil
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	st, err := settingsFor(dir)
	if err != nil {
		return nil, err
	}
	at := map[evidence.Pos]token.Pos{}
	var evs []evidence.Evidence
	for _, s := range res.Sites {
		p := pass.Fset.Position(s.Pos)
		ep := evidence.Pos{Path: repo.Rel(st.root, p.Filename), Line: p.Line, Column: p.Column}
		at[ep] = s.Pos
		for _, e := range goevidence.Evidence(s, place.New(st.cfg)) {
			e.Pos = ep
			evs = append(evs, e)
		}
	}
	evidence.Sort(evs)
	for _, f := range rules.Check(rules.Input{Claims: st.claims, Evidence: evs, Home: st.home}) {
		pos, ok := at[f.Pos]
		if !ok {
			continue // a finding about the notice itself: `noticevet check` reports it once
		}
		if _, ignored := st.cfg.Ignored(f.Rule, f.Pos.Path); ignored {
			continue
		}
		pass.Report(analysis.Diagnostic{Pos: pos, Category: f.Rule, Message: f.Message + " [" + f.Rule + "]"})
	}
	return nil, nil
}

// settings is what the rules need for a package: the notice's claims, the
// configuration and the home country.
type settings struct {
	claims []notices.Claim
	cfg    *config.Config
	home   string
	// root is the folder paths are relative to (for the configuration's
	// ignore blocks): the configuration's folder, else the notice's.
	root string
}

var (
	settingsMu    sync.Mutex
	settingsCache = map[string]*settings{} // by the files read (and their sizes and times)
)

// settingsFor reads the notice and configuration for a package folder. A
// driver that analyzes many packages in one process (noticevet check, the
// tests) reads each notice once.
func settingsFor(dir string) (*settings, error) {
	found := discover.Find(dir)
	key := noticeFlag.String() + "\x00" + configFlag + "\x00" + found.Config + stamp(found.Config)
	for _, n := range found.Notices {
		key += "\x00" + n + stamp(n)
	}
	if len(noticeFlag) > 0 || configFlag != "" {
		key += "\x00" + dir // flag paths may be relative to the folder
	}
	settingsMu.Lock()
	defer settingsMu.Unlock()
	if st, ok := settingsCache[key]; ok {
		return st, nil
	}
	st, err := loadSettings(dir, found)
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

func loadSettings(dir string, found discover.Found) (*settings, error) {
	st := &settings{cfg: &config.Config{}}
	type notice struct{ path, name string }
	var ns []notice
	if len(noticeFlag) > 0 {
		for _, p := range noticeFlag {
			abs, err := resolveFlagPath(dir, p)
			if err != nil {
				return nil, fmt.Errorf("-noticevet.notice: %w", err)
			}
			ns = append(ns, notice{abs, filepath.ToSlash(p)})
		}
	} else {
		if len(found.Notices) == 0 {
			return nil, fmt.Errorf("%s: no privacy notice found from this folder up to %s (looked for %s); name one with -noticevet.notice",
				filepath.ToSlash(dir), filepath.ToSlash(found.Searched[len(found.Searched)-1]), strings.Join(discover.NoticePatterns, ", "))
		}
		for _, p := range found.Notices {
			ns = append(ns, notice{p, repo.Rel(found.Base, p)})
		}
		st.root = found.Base
	}
	cfgPath, cfgName := found.Config, config.FileName
	if configFlag != "" {
		abs, err := resolveFlagPath(dir, configFlag)
		if err != nil {
			return nil, fmt.Errorf("-noticevet.config: %w", err)
		}
		cfgPath, cfgName = abs, filepath.ToSlash(configFlag)
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
	for _, n := range ns {
		src, err := os.ReadFile(n.path)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("%s: %v", n.name, err)
		}
		cs, err := notices.Parse(n.name, src)
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
			return "", fmt.Errorf("%s: %v", p, unwrap(err))
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

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
