package goload

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// maxModFileSize is the largest go.mod or go.work read.
const maxModFileSize = 1 << 20

// errOutside is the reason a file is refused.
const errOutside = "a symbolic link that leads outside the repository"

// checkBoundary refuses, before the go command reads anything of the module
// in mod, what would make it read files outside root (the repository): a
// .go file, go.mod, go.sum or go.work below mod that is a symbolic link
// leading out of root, a replace directive of go.mod to a folder outside
// root, and the use and replace directives of a go.work inside root that
// lead out of it. It returns what else of the repository the module's
// load reads (localInputs).
func checkBoundary(base, root, mod string) (localInputs, error) {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		rootReal = root
	}
	err = filepath.WalkDir(mod, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // the go command reports what it cannot read
		}
		name := d.Name()
		if d.IsDir() {
			if name == ".git" && path != mod {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if !strings.HasSuffix(name, ".go") && name != "go.mod" && name != "go.sum" && name != "go.work" && name != "go.work.sum" {
			return nil
		}
		if real, err := filepath.EvalSymlinks(path); err == nil && !repo.Within(rootReal, real) {
			return &Error{Path: repo.Rel(base, path), Msg: errOutside}
		}
		return nil
	})
	if err != nil {
		return localInputs{}, err
	}
	in := localInputs{work: findWork(mod)}
	// check refuses a folder a directive names outside the repository and
	// keeps the others.
	check := func(file, dir, what, target, version string, at *modfile.Line) error {
		folder, err := checkReplaceDir(base, rootReal, file, dir, what, target, version, at)
		if folder != "" {
			in.folders = append(in.folders, folder)
		}
		return err
	}
	gomod := filepath.Join(mod, "go.mod")
	f, err := parseModFile(base, gomod, modfile.Parse)
	if err != nil {
		return in, err
	}
	for _, r := range f.Replace {
		if err := check(gomod, mod, "replace "+r.Old.Path+" =>", r.New.Path, r.New.Version, r.Syntax); err != nil {
			return in, err
		}
	}
	if in.work != "" && repo.Within(root, in.work) {
		w, err := parseModFile(base, in.work, modfile.ParseWork)
		if err != nil {
			return in, err
		}
		for _, u := range w.Use {
			if err := check(in.work, filepath.Dir(in.work), "use", u.Path, "", u.Syntax); err != nil {
				return in, err
			}
		}
		for _, r := range w.Replace {
			if err := check(in.work, filepath.Dir(in.work), "replace "+r.Old.Path+" =>", r.New.Path, r.New.Version, r.Syntax); err != nil {
				return in, err
			}
		}
	}
	return in, nil
}

// localInputs is what of the repository a module's load reads besides
// its own folder: the folders its go.mod replaces modules with, and those
// the go.work file uses and replaces with, in that order; and the go.work
// file the go command uses ("" for none; it may lie outside the
// repository, and is then not read).
type localInputs struct {
	folders []string
	work    string
}

// parseModFile reads and parses a go.mod or go.work file.
func parseModFile[F any](base, path string, parse func(string, []byte, modfile.VersionFixer) (F, error)) (F, error) {
	var zero F
	name := repo.Rel(base, path)
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return zero, &Error{Path: name, Msg: "not a regular file"}
	}
	src, err := repo.ReadLimited(path, name, maxModFileSize)
	if err != nil {
		var d *diag.Diagnostic
		if errors.As(err, &d) {
			return zero, &Error{Path: name, Msg: d.Msg}
		}
		return zero, &Error{Path: name, Msg: err.Error()}
	}
	f, err := parse(path, src, nil)
	if err != nil {
		// modfile names the file as it was given: keep the position only.
		msg := oneLine(err.Error())
		msg = strings.TrimPrefix(msg, path+":")
		if file, line, col, ok := splitPos(path + ":" + msg); ok && file == path {
			_, rest, _ := strings.Cut(msg, ": ")
			return zero, &Error{Path: name, Line: line, Column: col, Msg: rest}
		}
		return zero, &Error{Path: name, Msg: msg}
	}
	return f, nil
}

// checkReplaceDir refuses a directive of file, whose folder is dir, that
// names a folder outside root: what (a replace or a use) names target. A
// replacement with a version is a module, not a folder. It returns the
// folder the directive names when it is inside root.
func checkReplaceDir(base, rootReal, file, dir, what, target, version string, at *modfile.Line) (string, error) {
	if version != "" {
		return "", nil
	}
	p := filepath.FromSlash(target)
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	p = filepath.Clean(p)
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		real = p // the go command reports a folder that is not there
	}
	if repo.Within(rootReal, real) {
		return p, nil
	}
	e := &Error{Path: repo.Rel(base, file), Msg: fmt.Sprintf("%s %s leads outside the repository", what, target)}
	if at != nil {
		e.Line = at.Start.Line
	}
	return "", e
}

// findWork is the go.work file the go command would use in mod: GOWORK's,
// else the nearest at or above mod; "" for none.
func findWork(mod string) string {
	switch v := os.Getenv("GOWORK"); v {
	case "off":
		return ""
	case "":
	default:
		return v
	}
	for d := mod; ; {
		p := filepath.Join(d, "go.work")
		if _, err := os.Lstat(p); err == nil {
			return p
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// outsideFiles refuses the loaded files that lie in root by their names but
// outside it in fact: a file of a folder that is a symbolic link leading
// out of the repository, which an import reaches though "./..." does not
// walk it. (checkBoundary refused the files that are links themselves.)
func outsideFiles(base, root string, pkgs []*packages.Package) error {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		rootReal = root
	}
	var bad error
	dirs := map[string]bool{} // folder → inside
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.GoFiles {
			if bad != nil || !repo.Within(root, f) {
				continue
			}
			dir := filepath.Dir(f)
			in, ok := dirs[dir]
			if !ok {
				real, err := filepath.EvalSymlinks(dir)
				in = err != nil || repo.Within(rootReal, real)
				dirs[dir] = in
			}
			if in {
				if fi, err := os.Lstat(f); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
					real, err := filepath.EvalSymlinks(f)
					in = err != nil || repo.Within(rootReal, real)
				}
			}
			if !in {
				bad = &Error{Path: repo.Rel(base, f), Msg: "read through " + errOutside}
			}
		}
	})
	return bad
}
