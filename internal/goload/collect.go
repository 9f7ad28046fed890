package goload

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/metrics"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/resultcache"
)

// Error is a Go module that could not be loaded or type-checked, and
// why: the check cannot be done properly. Path is relative to the checked
// folder, and always in the repository: a cause in a dependency's file is
// placed at the module's go.mod.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
	// Module names the module not analysed because of it (its path in
	// go.mod, else its folder); "" when no module is concerned.
	Module string
	// Others are the errors of the other modules that could not be loaded
	// either, in path order: each module its own line, with its own cause.
	Others []*Error
}

func (e *Error) Error() string { return e.Diagnostic().Error() }

// Diagnostic is the error as the one positioned problem type every reader
// reports: the module's part is in its message.
func (e *Error) Diagnostic() *diag.Diagnostic {
	msg := e.Msg
	if e.Module != "" {
		msg += " (Go module " + e.Module + " not analysed)"
	}
	return &diag.Diagnostic{Path: e.Path, Line: e.Line, Column: e.Column, Msg: msg, ShowColumn: true}
}

// Diagnostics are the error and the others', one a module.
func (e *Error) Diagnostics() diag.Diagnostics {
	ds := diag.Diagnostics{e.Diagnostic()}
	for _, o := range e.Others {
		ds = append(ds, o.Diagnostic())
	}
	return ds
}

// Modules lists the Go modules under dir: the folders holding a go.mod,
// not below .git, .terraform, vendor, node_modules or testdata (dir itself
// may be inside one), sorted.
func Modules(dir string) ([]string, error) {
	var mods []string
	err := repo.Walk(dir, func(path string, d fs.DirEntry) error {
		if d.Name() == "go.mod" {
			mods = append(mods, filepath.Dir(path))
		}
		return nil
	})
	sort.Strings(mods)
	return mods, err
}

// Options says how Collect places what it finds.
type Options struct {
	// Places places hosts and regions before the built-in rules do (the
	// configuration); nil for none.
	Places goevidence.Placer
	// Root is the repository's boundary: the enclosing git root, or the
	// checked folder when empty. Nothing outside it is read (see
	// checkBoundary).
	Root string
	// Tags are build tags, as go build -tags takes them: files that need
	// them are analysed, files they exclude are left out (and said to be).
	Tags []string
	// DevFolders are the folder names under which a package that nothing
	// shipped imports is development code whose sites are not reported
	// (see devPackages); nil for config.DefaultDevFolders, empty for none.
	DevFolders []string
	// Cache keeps each module's analysis between runs, under a key of
	// everything it depends on (see moduleKey); nil for none.
	Cache *resultcache.Cache
}

// devFolders are the development folders the options name, the default
// ones when they name none.
func (o Options) devFolders() []string {
	if o.DevFolders == nil {
		return config.DefaultDevFolders
	}
	return o.DevFolders
}

// Result is the Go evidence of a repository, and the Go files it holds
// that were not analysed.
type Result struct {
	Evidence []evidence.Evidence
	// Notes name each file of a module's packages that the loader leaves
	// out (it uses cgo, or a build constraint excludes it), sorted.
	Notes []Note
	// Read are the go.mod files of the modules loaded (not those of
	// development code, which are not), relative with '/', sorted.
	Read []string
}

// Collect finds the Go evidence of a repository: it loads the packages of
// every Go module under dir (not their tests), runs goevidence.Analyzer
// over them and places every site. Positions are relative to dir with
// '/'. A module with a package that cannot be loaded or type-checked is
// not analysed: the error is an *Error naming it (and the other modules
// that failed), returned with the result of the modules that loaded.
// Nothing is skipped silently: files left out are the result's Notes.
//
// A site inside a function whose destination its callers decide is
// dropped when a caller elsewhere in the repository reports it, and names
// what its callers give it when they give only values not known
// statically.
func Collect(dir string, opts Options) (Result, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Result{}, err
	}
	mods, err := Modules(abs)
	if err != nil {
		return Result{}, err
	}
	root := abs
	if opts.Root != "" {
		if root, err = filepath.Abs(opts.Root); err != nil {
			return Result{}, err
		}
	}
	// Two modules are analysed at a time while the heap is small: while
	// the go command lists the packages of one, the other is type-checked.
	// Once the heap is large (a large module is loaded), the next module
	// waits for the running one. Each module's load is garbage once its
	// sites are taken, so memory follows the largest module, not the
	// number of modules.
	type moduleResult struct {
		writes []string
		sites  []found
		notes  []Note
		err    *Error
	}
	results := make([]moduleResult, len(mods))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	folders := opts.devFolders()
	var read []string
	for i, mod := range mods {
		gomod := repo.Rel(abs, filepath.Join(mod, "go.mod"))
		if devModule(abs, mod, folders) {
			// Development code as a whole (a module of `go run` scripts,
			// of tools): nothing of it ships, so it is not loaded, and a
			// module that would not load (several mains in one folder)
			// does not fail the run. It is said, not skipped silently.
			results[i].notes = []Note{{Path: gomod,
				Msg: fmt.Sprintf("not checked: a module of development code (under %s); dev_folders in .noticevet.hcl sets the folders", strings.Join(folders, ", "))}}
			continue
		}
		read = append(read, gomod)
		sem <- struct{}{}
		if liveHeap() > alongsideHeap {
			sem <- struct{}{} // wait for the other module to finish
			<-sem
		}
		wg.Go(func() {
			defer func() { <-sem }()
			r := &results[i]
			r.sites, r.writes, r.notes, r.err = cachedAnalyseModule(opts.Cache, abs, root, mod, opts)
		})
	}
	wg.Wait()
	var all []found
	writes := goevidence.Writers{}
	res := Result{Read: read}
	var failed []*Error
	for _, r := range results {
		res.Notes = append(res.Notes, r.notes...)
		if r.err != nil {
			// One module that cannot be loaded fails the run, but not the
			// analysis of the others.
			failed = append(failed, r.err)
			continue
		}
		all = append(all, r.sites...)
		writes.Add(r.writes)
	}
	res.Evidence = settle(all, writes, opts.Places)
	evidence.Sort(res.Evidence)
	sortNotes(res.Notes)
	if len(failed) > 0 {
		first := failed[0]
		if len(failed) > 1 {
			first.Others = failed[1:]
		}
		return res, first
	}
	return res, nil
}

// settle places the sites of the whole repository. Callers in several
// packages that report the same calls inside with the same destination
// (each supplies the data, not where it goes) are one finding: the first
// in path order.
func settle(all []found, writes goevidence.Writers, places goevidence.Placer) []evidence.Evidence {
	var out []evidence.Evidence
	sort.SliceStable(all, func(i, j int) bool { return all[i].pos.Less(all[j].pos) })
	// A deferred site is dropped where a caller that decides its
	// destination reports it, and stays, naming what they give it, where
	// callers give only values not known statically (ForInner) that no
	// caller that reports it names already. A caller's note that no site
	// inside can take (the call inside is no site of its own: a
	// dependency's API on the function's input) is the finding, at the
	// caller, as the only one that says where the call goes, unless it
	// names nothing (a value not known statically).
	reported := map[string]bool{}
	deferred := map[string]bool{}
	why := map[[2]string]bool{} // origin and reason of the reported
	// at is the folders of the sites through the same calls inside: a
	// deferred site that is itself a call of another package's function
	// (a wrapper's email.Send) is dropped where a caller in another
	// package that decides reports the same calls inside (the innermost
	// is every site's Origin); two deferred sites do not drop each other.
	at := map[string]map[string]bool{}
	for _, f := range all {
		if f.site.Deferred && !f.site.ForInner {
			deferred[f.at] = true
		}
		if f.site.Origin != "" && !f.site.ForInner && !f.site.Deferred {
			if at[f.site.Origin] == nil {
				at[f.site.Origin] = map[string]bool{}
			}
			at[f.site.Origin][path.Dir(f.pos.Path)] = true
		}
		for o := range strings.SplitSeq(f.site.Origin, "\n") {
			if o != "" && !f.site.ForInner {
				reported[o] = true
				why[[2]string{o, f.site.Unresolved}] = true
			}
		}
	}
	// The calls (through the same calls inside) with a destination
	// decided, for notes of fields whose values are all known
	// (Writers.Settled).
	type call struct {
		at, origin string
		kind       evidence.Kind
	}
	decided := map[call]bool{}
	for _, f := range all {
		if f.site.Unresolved == "" {
			decided[call{f.at, f.site.Origin, f.site.Kind}] = true
		}
	}
	lent := map[string][]goevidence.Site{}
	keep := make([]bool, len(all)) // a caller's note that stays at the caller
	for i, f := range all {
		if !f.site.ForInner {
			continue
		}
		for o := range strings.SplitSeq(f.site.Origin, "\n") {
			switch {
			case o == "" || why[[2]string{o, f.site.Unresolved}]:
			case deferred[o]:
				lent[o] = append(lent[o], f.site)
			default:
				keep[i] = !f.site.Vague()
			}
		}
	}
	once := map[string]bool{}
	for i, f := range all {
		if f.site.ForInner && !keep[i] || writes.Settled(f.site, decided[call{f.at, f.site.Origin, f.site.Kind}]) {
			continue
		}
		if f.site.Deferred && len(lent[f.at]) > 0 {
			f.site = goevidence.FromCallers(f.site, lent[f.at])
		} else if f.site.Deferred && (reported[f.at] || reportedElsewhere(at[f.site.Origin], path.Dir(f.pos.Path))) {
			continue
		}
		if k, ok := f.site.OriginKey(); ok {
			if once[k] {
				continue
			}
			once[k] = true
		}
		for _, e := range goevidence.Evidence(f.site, places) {
			e.Pos = f.pos
			out = append(out, e)
		}
	}
	return out
}

// alongsideHeap is the live heap above which modules are analysed one at
// a time.
const alongsideHeap = 256 << 20

// liveHeap is the heap that survived the last garbage collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// found is a site with its position.
// reportedElsewhere reports whether some of dirs, the folders of the
// sites through one call inside, is not dir.
func reportedElsewhere(dirs map[string]bool, dir string) bool {
	for d := range dirs {
		if d != dir {
			return true
		}
	}
	return false
}

type found struct {
	site goevidence.Site
	pos  evidence.Pos
	at   string // the site's position as an Origin names it
}

// analyseModule loads the module in folder mod and analyses its packages.
// Nothing of the load outlives the call but the sites: the syntax trees
// and types of a module are garbage once its evidence is taken.
func analyseModule(base, root, mod string, opts Options) ([]found, []string, []Note, *Error) {
	if _, err := checkBoundary(base, root, mod); err != nil {
		return nil, nil, nil, moduleError(base, mod, modulePath(base, mod), err)
	}
	return analyseChecked(base, root, mod, opts)
}

// analyseChecked is analyseModule once checkBoundary has passed.
func analyseChecked(base, root, mod string, opts Options) ([]found, []string, []Note, *Error) {
	modPath := modulePath(base, mod)
	var (
		own []*packages.Package // the module's packages, analysed
		run *analysis1
	)
	pkgs, untyped, release, err := loadPackages(base, root, mod, true, opts.Tags, func(pkgs []*packages.Package) (then func(*packages.Package)) {
		own = ownPackages(mod, pkgs)
		run = newAnalysis(goevidence.Analyzer, own)
		return run.run
	})
	if err != nil {
		return nil, nil, nil, moduleError(base, mod, modPath, err)
	}
	defer release()
	notes := append(leftOut(base, mod, pkgs), untyped...)
	if len(pkgs) == 0 {
		return nil, nil, notes, nil
	}
	if run.failed != nil {
		return nil, nil, notes, moduleError(base, mod, modPath, run.failed)
	}
	folders := opts.devFolders()
	var testOnly map[string]bool
	if len(folders) > 0 {
		testOnly = testImports(mod)
	}
	dev := devPackages(mod, own, folders, testOnly)
	var (
		sites   []found
		writes  []string // of the shipped packages (goevidence.Result.Writes)
		skipped []string // development packages that had sites
	)
	for _, p := range own {
		if err := run.errs[p]; err != nil {
			return nil, nil, notes, moduleError(base, mod, modPath, fmt.Errorf("package %s: %v", p.PkgPath, err))
		}
		r, _ := run.results[p].(*goevidence.Result)
		if r == nil {
			continue
		}
		if dev[p] {
			if len(r.Sites) > 0 {
				skipped = append(skipped, repo.Rel(base, packageDir(p)))
			}
			continue
		}
		writes = append(writes, r.Writes...)
		for _, s := range r.Sites {
			pos := p.Fset.Position(s.Pos)
			sites = append(sites, found{
				site: s,
				pos:  evidence.Pos{Path: repo.Rel(base, pos.Filename), Line: pos.Line, Column: pos.Column},
				at:   pos.String(),
			})
		}
	}
	if len(skipped) > 0 {
		sort.Strings(skipped)
		notes = append(notes, Note{Path: repo.Rel(base, filepath.Join(mod, "go.mod")),
			Msg: fmt.Sprintf("not checked: %s, development code (under %s, imported only by tests, or internal) that no shipped package imports; dev_folders in .noticevet.hcl sets the folders",
				diag.Some(skipped), strings.Join(folders, ", "))})
	}
	return sites, writes, notes, nil
}

// devModule reports whether a module is development code as a whole: its
// folder, below the checked one, has an element named in folders (a
// module of its own under tools/, platform-tests/). Nothing of another
// module imports its packages, so none ships; checking the module's own
// folder checks it.
func devModule(base, mod string, folders []string) bool {
	rel, err := filepath.Rel(base, mod)
	return err == nil && rel != "." && config.DevPath(folders, filepath.ToSlash(rel))
}

// devPackages are the packages of own that are development code: their
// folder, below the module's, has an element named in folders (test,
// tools, examples, ...), or _test.go files of other packages import them
// (testOnly, by import path; a main package is never one), and no other
// package of the module imports them, directly or not, unless it is
// development code too. A package that a shipped one imports ships,
// wherever it lies, and is checked. An internal package (an "internal"
// element in its import path) ships only if a shipped package imports it:
// the go command lets nothing outside the module's tree import it, so one
// that none of the module's packages imports serves only its own tests
// (an integration suite's client). With folders empty, every package
// ships.
func devPackages(mod string, own []*packages.Package, folders []string, testOnly map[string]bool) map[*packages.Package]bool {
	dev := map[*packages.Package]bool{}
	if len(folders) == 0 {
		return dev
	}
	devDir := map[*packages.Package]bool{}
	for _, p := range own {
		if testOnly[p.PkgPath] && p.Name != "main" {
			devDir[p] = true
		} else if rel, err := filepath.Rel(mod, packageDir(p)); err == nil {
			devDir[p] = config.DevPath(folders, filepath.ToSlash(rel))
		}
	}
	internal := func(p *packages.Package) bool {
		return p.Name != "main" && slices.Contains(strings.Split(p.PkgPath, "/"), "internal")
	}
	// What ships is what the roots import: the packages that are neither
	// development code nor internal, or, in a module of internal packages
	// alone, those that are not development code.
	root := func(p *packages.Package) bool { return !devDir[p] && !internal(p) }
	if !slices.ContainsFunc(own, root) {
		root = func(p *packages.Package) bool { return !devDir[p] }
	}
	shipped := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if shipped[p] || !inModule(mod, p) {
			return
		}
		shipped[p] = true
		for _, q := range p.Imports {
			visit(q)
		}
	}
	for _, p := range own {
		if root(p) {
			visit(p)
		}
	}
	for _, p := range own {
		if !shipped[p] && (devDir[p] || internal(p)) {
			dev[p] = true
		}
	}
	return dev
}

// packageDir is the folder of a package's files.
func packageDir(p *packages.Package) string {
	for _, fs := range [][]string{p.GoFiles, p.CompiledGoFiles, p.IgnoredFiles} {
		if len(fs) > 0 {
			return filepath.Dir(fs[0])
		}
	}
	return p.PkgPath
}

// modulePath names the module in mod for messages: its path in go.mod,
// else its folder. A go.mod that is not a regular file is not read.
func modulePath(base, mod string) string {
	gomod := filepath.Join(mod, "go.mod")
	if fi, err := os.Lstat(gomod); err == nil && fi.Mode().IsRegular() && fi.Size() <= maxModFileSize {
		if src, err := os.ReadFile(gomod); err == nil {
			if p := modfile.ModulePath(src); p != "" {
				return p
			}
		}
	}
	return repo.Rel(base, mod)
}

// moduleError is err as the *Error of the module in mod (modPath names it).
func moduleError(base, mod, modPath string, err error) *Error {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Path: repo.Rel(base, filepath.Join(mod, "go.mod")), Msg: oneLine(err.Error())}
	}
	e.Module = modPath
	return e
}

// ownPackages are pkgs and the packages of the module in mod they import,
// wherever those lie: one under testdata or _hidden that a package
// imports is no match of "./..." but ships all the same, and is analysed
// like the others.
func ownPackages(mod string, pkgs []*packages.Package) []*packages.Package {
	own := slices.Clone(pkgs)
	seen := map[*packages.Package]bool{}
	for _, p := range pkgs {
		seen[p] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if !seen[p] && inModule(mod, p) {
			seen[p] = true
			own = append(own, p)
		}
	})
	return own
}

// Load loads the packages of the module in folder mod (not their tests)
// as Collect does before it analyses them: with syntax and types, the
// standard library and SDKs as outlines, without cgo (loaderEnv says
// what else the go command may not do). The first load or type error is
// an *Error whose path is relative to base.
func Load(base, mod string) ([]*packages.Package, error) {
	if _, err := checkBoundary(base, base, mod); err != nil {
		return nil, err
	}
	pkgs, _, _, err := loadPackages(base, base, mod, false, nil, nil)
	return pkgs, err
}

// loadPackages is Load once checkBoundary has passed, with root the
// repository's boundary. With shared, the standard library's outlines are
// shared with the other loads of the process (see stdFiles), and release
// must be called once the packages are no longer used.
//
// With analyse, the packages are not kept whole: analyse is given the
// module's packages once the go command has listed them, and the function
// it returns is called on each package of their graph once the package is
// type-checked (after the packages it imports); the package's syntax and
// type information are dropped when it returns. A module's graph is then
// never held whole, only its types.
func loadPackages(base, root, mod string, shared bool, tags []string, analyse func([]*packages.Package) func(*packages.Package)) (pkgs []*packages.Package, notes []Note, release func(), err error) {
	cfg := &packages.Config{
		Mode:  metaMode,
		Dir:   mod,
		Tests: false,
		Env:   loaderEnv(userGoFlags()),
	}
	if len(tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(tags, ",")}
	}
	fset := token.NewFileSet()
	parse := parseFunc(defaultParse)
	var outlined func(*packages.Package) bool
	var o *outliner
	if outline {
		o = newOutliner(mod, cfg.Env)
	}
	if o != nil {
		parse, outlined = o.parseFile, o.outlined
		if shared {
			o.shared, fset = true, stdFset
		}
	}
	release = o.release
	pkgs, err = packages.Load(cfg, "./...")
	if err != nil {
		release()
		msg := relPaths(base, hideCache(goListNoise.ReplaceAllString(oneLine(err.Error()), ""), mod))
		return nil, nil, func() {}, &Error{Path: repo.Rel(base, filepath.Join(mod, "go.mod")), Msg: msg}
	}
	if err := outsideFiles(base, root, pkgs); err != nil {
		release()
		return nil, nil, func() {}, err
	}
	// "./..." matching no package is fine: a module of only tests or data.
	var roots []*packages.Package
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 || len(p.CompiledGoFiles) > 0 {
			roots = append(roots, p)
		}
	}
	var then func(*packages.Package)
	if analyse != nil {
		then = analyse(roots)
	}
	cgo := newCgoForgiver(base, root, mod, pkgs)
	checkGraph(pkgs, fset, parse, outlined, cgo.forgive, then)
	notes = cgo.notes()
	var first *packages.Error
	var firstPkg *packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for i := range p.Errors {
			if first == nil {
				first, firstPkg = &p.Errors[i], p
			}
		}
	})
	if first != nil {
		release()
		return nil, nil, func() {}, loadError(base, root, mod, firstPkg, first)
	}
	return roots, notes, release, nil
}

// loadError turns a package's error into an *Error placed in the
// repository (root): a cause in a file outside it (the module cache, the
// standard library) is placed at the module's go.mod, and the message
// names the dependency by module@version rather than by the cache's path.
func loadError(base, root, mod string, p *packages.Package, e *packages.Error) error {
	if m := allExcluded.FindStringSubmatch(oneLine(e.Msg)); m != nil {
		return excludedError(base, root, mod, m[1])
	}
	out := &Error{Msg: relPaths(base, hideCache(oneLine(e.Msg), mod))}
	if file, line, col, ok := splitPos(e.Pos); ok {
		if !filepath.IsAbs(file) {
			// go list names files relative to the module it ran in.
			file = filepath.Join(mod, file)
		}
		if repo.Within(root, file) {
			out.Path, out.Line, out.Column = repo.Rel(base, file), line, col
			return out
		}
		out.Msg = hideCache(e.Pos, mod) + ": " + out.Msg
	}
	out.Path = repo.Rel(base, filepath.Join(mod, "go.mod"))
	if p != nil && p.PkgPath != "" && !strings.Contains(out.Msg, p.PkgPath) {
		out.Msg = "package " + p.PkgPath + ": " + out.Msg
	}
	return out
}

// allExcluded is the go command's error for a package none of whose files
// it builds.
var allExcluded = regexp.MustCompile(`^build constraints exclude all Go files in (.+)$`)

// excludedError says why no file of the package in folder dir is built:
// most often, under the loader, because they use cgo. A package of the
// repository is named by its folder; one of a dependency at the module's
// go.mod, by module@version.
func excludedError(base, root, mod, dir string) error {
	why := ""
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			name := e.Name()
			if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && e.Type().IsRegular() {
				why = name + ": " + whyLeftOut(filepath.Join(dir, name))
				break
			}
		}
	}
	msg := "build constraints exclude all Go files"
	if why != "" {
		msg += " (" + why + ")"
	}
	if repo.Within(root, dir) {
		return &Error{Path: repo.Rel(base, dir), Msg: msg}
	}
	return &Error{Path: repo.Rel(base, filepath.Join(mod, "go.mod")), Msg: hideCache(dir, mod) + ": " + msg}
}

// splitPos splits "file:line:col" (or "file:line").
func splitPos(pos string) (string, int, int, bool) {
	if pos == "" || pos == "-" {
		return "", 0, 0, false
	}
	parts := strings.Split(pos, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	if len(nums) == 0 {
		return "", 0, 0, false
	}
	file := strings.Join(parts, ":")
	if len(nums) == 1 {
		return file, nums[0], 0, true
	}
	return file, nums[0], nums[1], true
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// goListNoise is how go/packages wraps the go command's own message.
var goListNoise = regexp.MustCompile(`^err: exit status \d+: stderr: (go: )?`)

// hideCache removes the module cache's folder from a message: what
// follows it names the dependency as module@version/file.
func hideCache(msg, mod string) string {
	v, ok := goPaths(mod, loaderEnv(userGoFlags()))
	if !ok || v.GOMODCACHE == "" {
		return msg
	}
	return strings.ReplaceAll(msg, filepath.Clean(v.GOMODCACHE)+string(filepath.Separator), "")
}

// relPaths makes the paths of the checked folder in a message of the go
// command relative to it, as every path noticevet prints is.
func relPaths(base, msg string) string {
	msg = strings.ReplaceAll(msg, base+string(filepath.Separator), "")
	if msg == base || strings.HasSuffix(msg, " "+base) {
		msg = msg[:len(msg)-len(base)] + "."
	}
	return strings.ReplaceAll(msg, " "+base+" ", " . ")
}

// testImports are the import paths that the _test.go files of the module
// in mod import, each but the package of the test file's own folder (an
// external test package imports the package it tests). Folders that the
// go command leaves out (vendor, testdata, names starting with '.' or
// '_') and nested modules are not read; a file that does not parse is
// the go command's to report, and imports nothing here.
func testImports(mod string) map[string]bool {
	out := map[string]bool{}
	modPath := modulePath(mod, mod)
	fset := token.NewFileSet()
	_ = filepath.WalkDir(mod, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != mod {
				if name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Lstat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(name, "_test.go") || !d.Type().IsRegular() {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return nil
		}
		self := modPath
		if rel, err := filepath.Rel(mod, filepath.Dir(path)); err == nil && rel != "." {
			self = modPath + "/" + filepath.ToSlash(rel)
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && p != self {
				out[p] = true
			}
		}
		return nil
	})
	return out
}
