// Package check runs one check of a repository: it finds the notices and
// the configuration, reads claims and evidence, applies the rules and the
// config's ignores, and returns a report.Result. It is the whole of
// `noticevet check` except flags, output and exit status, so tests can run
// it without a process.
package check

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/appconfig"
	"github.com/noticevet/noticevet/internal/baseline"
	"github.com/noticevet/noticevet/internal/cloudformation"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/gosource"
	"github.com/noticevet/noticevet/internal/paas"
	"github.com/noticevet/noticevet/internal/pipeline"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/resultcache"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suggest"
	"github.com/noticevet/noticevet/internal/terraform"
	"github.com/noticevet/noticevet/internal/tfeval"
	"github.com/noticevet/noticevet/internal/tfplan"
	"github.com/noticevet/noticevet/notices"
)

// Options says what to check.
type Options struct {
	// Dir is the repository folder to check.
	Dir string
	// Notices are notice files named on the command line; when empty they
	// are discovered under Dir (see NoticePatterns).
	Notices []string
	// NoticeOptional lets a repository with no notice found be read: the
	// result then has no claims (what `noticevet map` needs). Without it,
	// no notice found is an error.
	NoticeOptional bool
	// Tags are build tags for the Go packages, as go vet -tags takes them.
	Tags []string
	// Plans are Terraform plans or states (the JSON of terraform show
	// -json) to read as evidence, named on the command line (-plan).
	Plans []string
	// Config is the configuration file; when empty, Dir/.noticevet.hcl is
	// read if present.
	Config string
	// Trusted, when set, is the configuration to use, already read (from
	// a git revision, -config-from): Config and the checked folder's file
	// are then not read.
	Trusted *config.Config
	// Baseline is a previous `-format json` output; the findings it holds
	// are suppressed. Empty for none.
	Baseline string
	// GoCache keeps the Go analysis of each module between runs
	// (internal/resultcache); nil analyses every module every time.
	GoCache *resultcache.Cache
	// Warn, when set, is called with each warning: something the check
	// could read but that the user should know because it may make the
	// check pass for the wrong reason (a notice that states nothing about
	// where personal data goes). A warning is one line, "path: reason",
	// and does not change the result.
	Warn func(msg string)
}

// MaxNoticeSize is the largest notice read, in bytes. A privacy notice is
// tens of kilobytes; a larger file is not one, and would only cost time.
const MaxNoticeSize = 1 << 20

// NoticePatterns are where notices are looked for under Dir, in order.
var NoticePatterns = []string{"PRIVACY.md", "PRIVACY.*.md", "privacy*.md", "docs/privacy*.md"}

// fail returns a reason the check could not be done properly, about a
// file or folder (path, as messages show it): the command exits 2 with it.
// Every error Run returns is a *diag.Diagnostic or diag.Diagnostics.
func fail(path, format string, args ...any) error { return diag.Errorf(path, 0, format, args...) }

// sources are the evidence sources a check reads, in the order their
// errors are reported. A new source is a package implementing
// evidence.Source and one line here.
var sources = []source{
	{Source: terraform.Source{}},
	{Source: gosource.Source{}, alone: true},
	{Source: appconfig.Source{}, alone: true},
	{Source: paas.Source{}, alone: true},
	{Source: cloudformation.Source{}},
}

// sourcesFor is the list of sources set for one check: the Go source
// takes its build tags and the configuration's development folders, the
// PaaS and CloudFormation sources the configuration's deploy blocks, and the plans named
// (-plan) are a source after the others. A plan's evidence replaces the
// Terraform source's (joinPlan) and places Go calls, so a plan that
// cannot be read fails the whole result.
func sourcesFor(opts Options, cfg *config.Config, absDir string) []source {
	list := append([]source(nil), sources...)
	for i, s := range list {
		switch src := s.Source.(type) {
		case gosource.Source:
			src.Tags, src.DevFolders, src.Cache = opts.Tags, cfg.DevFolders, opts.GoCache
			list[i].Source = src
		case terraform.Source:
			src.Deploy = deployFor(cfg)
			list[i].Source = src
		case appconfig.Source:
			src.Listed, src.ListedFile, src.ListedLine = cfg.ConfigFiles, cfg.File, cfg.ConfigFilesLine
			list[i].Source = src
		}
		if p, ok := s.Source.(paas.Source); ok {
			p.Deploy = cfg.DeployFor
			list[i].Source = p
		}
		if c, ok := s.Source.(cloudformation.Source); ok {
			c.Config = cfg
			list[i].Source = c
		}
	}
	if len(opts.Plans) > 0 {
		var plans []tfplan.Plan
		for _, p := range opts.Plans {
			plans = append(plans, tfplan.Plan{Path: p, Name: display(absDir, p)})
		}
		list = append(list, source{Source: tfplan.Source{Plans: plans}})
	}
	return list
}

// deployFor gives the Terraform reader the deploy blocks of the
// configuration: the first whose pattern matches a root module's folder.
func deployFor(cfg *config.Config) func(string) (tfeval.Deploy, bool) {
	if len(cfg.Deploys) == 0 {
		return nil
	}
	return func(dir string) (tfeval.Deploy, bool) {
		d, ok := cfg.DeployFor(dir)
		if !ok {
			return tfeval.Deploy{}, false
		}
		return tfeval.Deploy{Region: d.Region, Location: d.Location, VarFiles: d.VarFiles, File: cfg.File, Line: d.Line}, true
	}
}

// source is an evidence source and how its failure weighs on the others.
type source struct {
	evidence.Source
	// alone is set when no other source's evidence depends on this
	// one's: when it fails, the others' findings still stand and are
	// returned with the error. A source whose evidence places others' (the
	// Terraform resources that define the stores Go calls write to) is not
	// alone: when it fails, no result is returned.
	alone bool
}

// warnLeftOut says what the sources left out (Go files using cgo or
// excluded by build constraints), after the notices' warnings, in source
// order; then the links that lead nowhere, which no reader could read.
func warnLeftOut(warn func(string), found []evidence.Found, view *repo.View) {
	if warn == nil {
		return
	}
	for _, f := range found {
		for _, n := range f.Notes {
			warn(n.Error())
		}
	}
	for _, d := range view.Dangling() {
		warn(d)
	}
}

// Run checks a repository. When only sources that stand alone fail (a Go
// package that does not compile, a module that cannot be loaded offline),
// Run returns the result of everything else with the first error: the
// caller reports both and exits 2, so the Terraform findings still show
// while the run still fails.
func Run(opts Options) (*report.Result, error) {
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	view, err := openView(dir)
	if err != nil {
		return nil, err
	}
	absDir := view.Dir()
	cfg, err := opts.Trusted, error(nil)
	if cfg == nil {
		cfg, err = loadConfig(view, opts.Config)
	}
	if err != nil {
		return nil, err
	}
	// The notices and every source are read at the same time: the Go
	// source waits on go list and the Terraform one on the disk, and each
	// leaves cores the others can use. Errors are reported in the order of
	// the notices, then of sources, whichever finishes first.
	var (
		claims    []notices.Claim
		texts     map[string][]byte
		noticeErr error
		wg        sync.WaitGroup
		srcs      = sourcesFor(opts, cfg, absDir)
		found     = make([]evidence.Found, len(srcs))
		errs      = make([]error, len(srcs))
		placer    = place.New(cfg)
	)
	wg.Go(func() {
		claims, texts, noticeErr = readNotices(view, filepath.ToSlash(dir), opts.Notices, opts.Warn)
		if errors.Is(noticeErr, errNoNotice) && opts.NoticeOptional {
			claims, noticeErr = nil, nil
		}
	})
	for i, s := range srcs {
		wg.Go(func() { found[i], errs[i] = s.Read(view, placer) })
	}
	wg.Wait()
	if noticeErr != nil {
		return nil, noticeErr
	}
	var sourceErr error
	for i, s := range srcs {
		if errs[i] == nil {
			continue
		}
		if !s.alone {
			return nil, diag.All(errs[i])
		}
		if sourceErr == nil {
			sourceErr = diag.All(errs[i])
		}
	}

	warnLeftOut(opts.Warn, found, view)
	ev := evidenceOf(srcs, found)

	home := rules.Home(cfg.Home, claims)
	all := rules.Check(rules.Input{Claims: claims, Evidence: ev, Home: home})
	pl := &pipeline.Pipeline{Config: cfg, Read: func(p string) ([]byte, error) {
		if !filepath.IsAbs(p) {
			p = filepath.Join(absDir, filepath.FromSlash(p))
		}
		return os.ReadFile(p)
	}}
	if opts.Baseline != "" {
		b, err := baseline.Read(opts.Baseline)
		if err != nil {
			return nil, diag.All(err)
		}
		pl.Baseline = b
	}
	out := pl.Run(all)
	res := &report.Result{Claims: claims, Evidence: ev, Home: home,
		Findings: out.Findings, Suppressed: out.Suppressed, Lines: pl.Line}
	if res.Suggestions, err = propose(res, texts); err != nil {
		return nil, diag.All(err)
	}
	if sourceErr == nil {
		res.NoEvidence = noEvidence(claims, ev, srcs, found)
		if res.NoEvidence != "" && opts.Warn != nil {
			opts.Warn(res.NoEvidence)
		}
	}
	return res, sourceErr
}

// evidenceOf is the evidence the sources found, joined (joinSources). The
// configuration source's values are kept apart from the others: they
// place the Go calls that read them.
//
// Which source is which is told by its type, not its place in the list,
// so the result does not depend on the order of the sources: a plan's
// evidence meets the Terraform source's first (joinPlan).
func evidenceOf(srcs []source, found []evidence.Found) []evidence.Evidence {
	var ev, byStore, conf, tf, plan []evidence.Evidence
	for i, f := range found {
		switch srcs[i].Source.(type) {
		case appconfig.Source:
			conf = append(conf, f.Evidence...)
		case terraform.Source:
			tf = append(tf, f.Evidence...)
		case tfplan.Source:
			plan = append(plan, f.Evidence...)
		default:
			ev = append(ev, f.Evidence...)
		}
		byStore = append(byStore, f.ByStore...)
	}
	ev = append(ev, joinPlan(tf, plan)...)
	return joinSources(ev, byStore, conf)
}

// propose makes the notice text proposed for the result's findings from
// the notices' text as it was read: a notice named on the command line may
// be a pipe, which cannot be read twice.
func propose(res *report.Result, texts map[string][]byte) ([]suggest.File, error) {
	var paths []string
	for p := range texts {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return suggest.Propose(suggest.Input{Claims: res.Claims, Evidence: res.Evidence, Home: res.Home, Notices: paths,
		Suppressed: suppressedSite(res.Suppressed), Read: func(p string) ([]byte, error) {
			if src, ok := texts[p]; ok {
				return src, nil
			}
			return nil, fmt.Errorf("%s: not read as a notice", p)
		}})
}

// suppressedSite reports whether a finding at a site was suppressed, so
// that no text is proposed for it.
func suppressedSite(sup []report.Suppressed) func(evidence.Pos, string) bool {
	if len(sup) == 0 {
		return nil
	}
	sites := map[suggest.Site]bool{}
	for i := range sup {
		sites[suggest.SiteOf(&sup[i].Finding)] = true
	}
	return func(p evidence.Pos, country string) bool { return sites[suggest.Site{Pos: p, Country: country}] }
}

// openView checks that dir is a folder and returns the view of the
// repository it is in (bounded by the enclosing git root, else by dir).
func openView(dir string) (*repo.View, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fail(filepath.ToSlash(dir), "%v", diag.Cause(err))
	}
	if !info.IsDir() {
		return nil, fail(filepath.ToSlash(dir), "not a folder")
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fail(dir, "%v", err)
	}
	root, err := repo.Root(absDir)
	if err != nil {
		return nil, fail(dir, "%v", err)
	}
	view, err := repo.NewView(absDir, root)
	if err != nil {
		return nil, diag.All(err)
	}
	return view, nil
}

// noEvidence says, when the notice makes claims and no source placed any
// personal data in a country, that the check passes for want of evidence
// rather than because the notice is right, and names what each source
// read. It is "" otherwise.
func noEvidence(claims []notices.Claim, ev []evidence.Evidence, srcs []source, found []evidence.Found) string {
	if len(claims) == 0 {
		return ""
	}
	unresolved := 0
	for _, e := range ev {
		if e.Country != "" {
			return ""
		}
		unresolved++
	}
	what := "no evidence of where personal data goes"
	if unresolved > 0 {
		what = fmt.Sprintf("only evidence whose country cannot be decided (%d unresolved)", unresolved)
	}
	read := make([]string, len(srcs))
	for i, s := range srcs {
		read[i] = s.Name() + ": " + diag.Some(found[i].Read)
	}
	claimsWord := "claims"
	if len(claims) == 1 {
		claimsWord = "claim"
	}
	return fmt.Sprintf("the notice makes %d %s, but the repository gives %s, so no claim is tested (read %s)",
		len(claims), claimsWord, what, strings.Join(read, "; "))
}

func loadConfig(view *repo.View, path string) (*config.Config, error) {
	absDir := view.Dir()
	name := path
	if path == "" {
		path = filepath.Join(absDir, config.FileName)
		name = config.FileName
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return &config.Config{}, nil
		}
		// Found in the repository, not named by the user: it must not lead
		// out of it, nor be a pipe.
		if err := view.Inside(path); err != nil {
			return nil, err
		}
		if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
			return nil, fail(name, "not a regular file")
		}
	} else {
		name = display(absDir, path)
	}
	cfg, err := config.Load(path, name)
	if err != nil {
		return nil, diag.All(err)
	}
	return cfg, nil
}

// readNotices reads the named notices, or discovers them, and returns their
// claims in notice order. The notices are read and parsed concurrently, as
// many at a time as there are threads. A notice from which no claim is read
// is a warning. It returns the text of each file read, by the path its
// claims name, for the proposals of internal/suggest.
func readNotices(view *repo.View, dirName string, named []string, warn func(string)) ([]notices.Claim, map[string][]byte, error) {
	absDir := view.Dir()
	paths := named
	if len(paths) == 0 {
		seen := map[string]bool{}
		for _, pat := range NoticePatterns {
			m, err := filepath.Glob(filepath.Join(absDir, filepath.FromSlash(pat)))
			if err != nil {
				return nil, nil, fail(pat, "%v", err)
			}
			sort.Strings(m)
			for _, p := range m {
				if !seen[p] {
					seen[p] = true
					paths = append(paths, p)
				}
			}
		}
		if len(paths) == 0 {
			d := diag.Errorf(dirName, 0, "no privacy notice found (looked for %s); name one with -notice", strings.Join(NoticePatterns, ", "))
			return nil, nil, noNotice{d}
		}
	}
	type result struct {
		claims []notices.Claim
		src    []byte
		empty  bool
		err    error
	}
	results := make([]result, len(paths))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range paths {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() {
				if r := recover(); r != nil {
					results[i].err = fail(display(absDir, p), "internal error: %v", r)
				}
				<-slots
				wg.Done()
			}()
			name := display(absDir, p)
			if len(named) == 0 {
				if err := view.Inside(p); err != nil {
					results[i].err = err
					return
				}
			}
			read := ReadNotice
			if len(named) == 0 {
				read = readFoundNotice
			}
			src, err := read(p, name)
			if err != nil {
				results[i].err = err
				return
			}
			cs, err := notices.Parse(name, src)
			if err != nil {
				results[i].err = diag.All(err)
				return
			}
			results[i] = result{claims: cs, src: src, empty: len(bytes.TrimSpace(src)) == 0}
		}()
	}
	wg.Wait()
	abs := make([]string, len(paths))
	each := make([][]notices.Claim, len(paths))
	texts := map[string][]byte{}
	for i, r := range results {
		if r.err != nil {
			return nil, nil, r.err
		}
		if len(r.claims) == 0 && warn != nil {
			warn(NoStatement(display(absDir, paths[i]), r.empty))
		}
		abs[i], _ = filepath.Abs(paths[i])
		each[i] = r.claims
		texts[display(absDir, paths[i])] = r.src
	}
	if err := followPointers(view, abs, each, texts); err != nil {
		return nil, nil, err
	}
	var claims []notices.Claim
	for _, cs := range each {
		claims = append(claims, cs...)
	}
	return claims, texts, nil
}

// ReadNotice reads the notice at path, named name in messages, of at most
// MaxNoticeSize bytes. The user named it: it may be a pipe (-notice
// <(git show main:PRIVACY.md)).
func ReadNotice(path, name string) ([]byte, error) {
	return readLimited(path, name, MaxNoticeSize, "the notice", false)
}

// readFoundNotice reads a notice found in the repository, which must be a
// regular file: a pipe there would block the check for ever.
func readFoundNotice(path, name string) ([]byte, error) {
	return readLimited(path, name, MaxNoticeSize, "the notice", true)
}

// NoStatement is the warning for a notice from which no claim is read:
// a check against it passes whatever the repository does.
func NoStatement(name string, empty bool) string {
	if empty {
		return name + ": the notice is empty: it makes no statement about where personal data is stored, sent or accessed from"
	}
	return name + ": the notice makes no statement about where personal data is stored, sent or accessed from"
}

// readLimited reads a file of at most max bytes, which must be a regular
// file when regular is set. what names the file in the message when it is
// larger.
func readLimited(path, name string, max int64, what string, regular bool) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fail(name, "%v", diag.Cause(err))
	}
	if info.IsDir() {
		return nil, fail(name, "a folder, not a notice")
	}
	if regular && !info.Mode().IsRegular() {
		return nil, fail(name, "not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(name, "%v", diag.Cause(err))
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fail(name, "%v", diag.Cause(err))
	}
	if int64(len(src)) > max {
		return nil, fail(name, "%s is larger than %d MiB", what, max>>20)
	}
	return src, nil
}

// display names a file for messages and reports: relative to the checked
// folder with '/', or as given when it lies outside it.
func display(absDir, p string) string {
	abs, err := filepath.Abs(p)
	if err == nil && repo.Within(absDir, abs) {
		return repo.Rel(absDir, abs)
	}
	return filepath.ToSlash(p)
}

// errNoNotice is what readNotices returns, wrapped, when no notice is found.
var errNoNotice = errors.New("no privacy notice found")

// noNotice is the "no privacy notice found" diagnostic, recognisable as
// errNoNotice.
type noNotice struct{ *diag.Diagnostic }

func (n noNotice) Is(target error) bool { return target == errNoNotice }
func (n noNotice) Unwrap() error        { return n.Diagnostic }
