package goevidence

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// Error is a Go package that could not be loaded or type-checked: the
// check cannot be done properly. Path is relative to the checked folder;
// the message names line and column, as the go command does.
type Error = diag.Diagnostic

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

// Collect finds the Go evidence of a repository: it loads the packages of
// every Go module under dir (not their tests), runs Analyzer over them and
// places every site (p, the configuration, may be nil). Positions are
// relative to dir with '/'. A package that cannot be loaded or
// type-checked is an *Error; nothing is skipped silently.
//
// A site inside a function whose destination its callers decide is
// dropped when a caller elsewhere in the repository reports it.
func Collect(dir string, p Placer) ([]evidence.Evidence, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	mods, err := Modules(abs)
	if err != nil {
		return nil, err
	}
	type found struct {
		site Site
		pos  evidence.Pos
		at   string // the site's position as an Origin names it
	}
	var all []found
	for _, mod := range mods {
		pkgs, err := Load(abs, mod)
		if err != nil {
			return nil, err
		}
		if len(pkgs) == 0 {
			continue
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", repo.Rel(abs, mod), err)
		}
		for _, act := range graph.Roots {
			if act.Err != nil {
				return nil, fmt.Errorf("%s: %v", act.Package.PkgPath, act.Err)
			}
			res, _ := act.Result.(*Result)
			if res == nil {
				continue
			}
			for _, s := range res.Sites {
				pos := act.Package.Fset.Position(s.Pos)
				all = append(all, found{
					site: s,
					pos:  evidence.Pos{Path: repo.Rel(abs, pos.Filename), Line: pos.Line, Column: pos.Column},
					at:   pos.String(),
				})
			}
		}
	}
	reported := map[string]bool{}
	for _, f := range all {
		if f.site.Origin != "" {
			reported[f.site.Origin] = true
		}
	}
	var out []evidence.Evidence
	for _, f := range all {
		if f.site.Deferred && reported[f.at] {
			continue
		}
		for _, e := range Evidence(f.site, p) {
			e.Pos = f.pos
			out = append(out, e)
		}
	}
	evidence.Sort(out)
	return out, nil
}

// Load loads the packages of the module in folder mod (not their tests)
// as Collect does before it analyses them: with syntax and types, the
// standard library and SDKs as outlines, offline. The first load or type
// error is an *Error whose path is relative to base.
func Load(base, mod string) ([]*packages.Package, error) {
	// check downloads nothing: a module whose dependencies are not in the
	// module cache (or vendored) is an error, not a fetch from the network.
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   mod,
		Tests: false,
		Env:   append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local"),
	}
	var o *outliner
	if outline {
		o = newOutliner(mod, cfg.Env)
	}
	if o != nil {
		cfg.ParseFile = o.parseFile
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		msg := goListNoise.ReplaceAllString(oneLine(err.Error()), "")
		return nil, &Error{Path: repo.Rel(base, filepath.Join(mod, "go.mod")), Msg: msg, ShowColumn: true}
	}
	if o != nil {
		o.forgive(pkgs)
	}
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
		return nil, loadError(base, mod, firstPkg, first)
	}
	// "./..." matching no package is fine: a module of only tests or data.
	var roots []*packages.Package
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 || len(p.CompiledGoFiles) > 0 {
			roots = append(roots, p)
		}
	}
	return roots, nil
}

func loadError(base, mod string, p *packages.Package, e *packages.Error) error {
	out := &Error{Msg: oneLine(e.Msg), ShowColumn: true}
	if strings.Contains(out.Msg, "GOPROXY=off") || strings.Contains(out.Msg, "missing go.sum entry") {
		out.Msg += " (noticevet reads Go modules offline: run go mod download in the module first)"
	}
	if file, line, col, ok := splitPos(e.Pos); ok {
		if !filepath.IsAbs(file) {
			// go list names files relative to the module it ran in.
			file = filepath.Join(mod, file)
		}
		out.Path, out.Line, out.Column = repo.Rel(base, file), line, col
		return out
	}
	out.Path = repo.Rel(base, filepath.Join(mod, "go.mod"))
	if p != nil && p.PkgPath != "" && !strings.Contains(out.Msg, p.PkgPath) {
		out.Msg = "package " + p.PkgPath + ": " + out.Msg
	}
	return out
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
