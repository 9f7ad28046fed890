package goload

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// The loader runs without cgo, so a package's files that import "C" are
// left out of its build. When its other files (or another package) use
// a name that only those files declare, the go command's build with cgo
// would type-check, but this load reports "undefined". Such errors say
// nothing wrong about the repository: cgoForgiver drops them, so that the
// module is analysed with those names untyped, and says once per package
// what was not typed and why.

// undefinedName and missingMember are the type checker's messages for a
// name a package lacks and for a field or method a type lacks.
var (
	undefinedName = regexp.MustCompile(`^undefined: (?:(\w+)\.)?(\w+)$`)
	missingMember = regexp.MustCompile(`^.*\.(\w+) undefined \(type .* has no field or method \w+`)
)

// untyped is what a package's cgo files declare that the module uses.
type untyped struct {
	pkg   *packages.Package // the package whose cgo files declare them
	names map[string]bool
	uses  int
	first evidence.Pos // the first use, as the go command gives it (ordered as numbers: as text, line 10 is before line 9)
	name  string       // the name used there
}

// cgoForgiver drops, package by package as checkGraph type-checks them,
// the type errors whose only cause is that a package's cgo files are left
// out, recomputes IllTyped (a package's imports are forgiven before it),
// and gathers one note per package whose cgo files declare what was used.
// Every other error is kept: a name that no file of the package declares
// is the repository's own error.
type cgoForgiver struct {
	base, root, mod string
	byPath          map[string]*packages.Package // read only once made

	mu    sync.Mutex
	decls map[string]map[string]string // package path -> name -> the cgo file declaring it
	found map[string]*untyped          // by the package whose cgo files declare the names
}

func newCgoForgiver(base, root, mod string, pkgs []*packages.Package) *cgoForgiver {
	c := &cgoForgiver{base: base, root: root, mod: mod, byPath: map[string]*packages.Package{},
		decls: map[string]map[string]string{}, found: map[string]*untyped{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) { c.byPath[p.PkgPath] = p })
	return c
}

// declared reports whether a cgo file of the package pkgPath declares name.
// Its caller holds c.mu.
func (c *cgoForgiver) declared(pkgPath, name string) bool {
	d, ok := c.decls[pkgPath]
	if !ok {
		d = cgoDecls(c.byPath[pkgPath])
		c.decls[pkgPath] = d
	}
	return d[name] != ""
}

// forgive drops p's errors that left-out cgo files cause. It runs once p
// is type-checked (its syntax and type information are still there) and
// after its imports were forgiven.
func (c *cgoForgiver) forgive(p *packages.Package) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var kept []packages.Error
	for _, e := range p.Errors {
		owner, name, ok := cgoCause(p, e)
		if !ok || !c.declared(owner, name) {
			kept = append(kept, e)
			continue
		}
		u := c.found[owner]
		if u == nil {
			u = &untyped{pkg: c.byPath[owner], names: map[string]bool{}}
			c.found[owner] = u
		}
		u.names[name] = true
		u.uses++
		if file, line, col, ok := splitPos(e.Pos); ok {
			if at := (evidence.Pos{Path: file, Line: line, Column: col}); u.first.Path == "" || at.Less(u.first) {
				u.first, u.name = at, name
			}
		}
	}
	p.Errors = kept
	markIllTyped(p)
}

// shownAt is a first use as a note places it: relative to the checked
// folder, or the module's go.mod when it lies outside the repository.
func (c *cgoForgiver) shownAt(first evidence.Pos) evidence.Pos {
	file := first.Path
	if !filepath.IsAbs(file) {
		file = filepath.Join(c.mod, file)
	}
	if repo.Within(c.root, file) {
		return evidence.Pos{Path: repo.Rel(c.base, file), Line: first.Line, Column: first.Column}
	}
	return evidence.Pos{Path: repo.Rel(c.base, filepath.Join(c.mod, "go.mod"))}
}

// notes are what was left untyped, one note per package whose cgo files
// declare it, in the order of their first use.
func (c *cgoForgiver) notes() []Note {
	c.mu.Lock()
	defer c.mu.Unlock()
	var notes []Note
	for _, u := range c.found {
		shown := u.pkg.Name + "." + u.name
		if n := len(u.names) - 1; n > 0 {
			shown += fmt.Sprintf(" and %d more", n)
		}
		uses := "1 use"
		if u.uses > 1 {
			uses = strconv.Itoa(u.uses) + " uses"
		}
		at := c.shownAt(u.first)
		notes = append(notes, Note{Path: at.Path, Line: at.Line, Column: at.Column, Msg: fmt.Sprintf(
			"not typed: %s (%s), declared only in %s of %s, which uses cgo and is not built; the rest is analysed",
			shown, uses, c.decls[u.pkg.PkgPath][u.name], u.pkg.PkgPath)})
	}
	sort.Slice(notes, func(i, j int) bool {
		a, b := notes[i], notes[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
	return notes
}

// cgoCause is the package and name that a type error says are missing, when
// it is one that left-out cgo files can cause: an undefined name of the
// package itself or of an imported one, or a field or method missing from
// a type of another package.
func cgoCause(p *packages.Package, e packages.Error) (pkgPath, name string, ok bool) {
	if e.Kind != packages.TypeError {
		return "", "", false
	}
	if m := undefinedName.FindStringSubmatch(e.Msg); m != nil {
		if m[1] == "" {
			return p.PkgPath, m[2], true
		}
		if sel := selectorAt(p, e.Pos); sel != nil {
			if id, isID := sel.X.(*ast.Ident); isID && p.TypesInfo != nil {
				if pn, isPkg := p.TypesInfo.Uses[id].(*types.PkgName); isPkg {
					return pn.Imported().Path(), m[2], true
				}
			}
		}
		return "", "", false
	}
	if m := missingMember.FindStringSubmatch(e.Msg); m != nil {
		sel := selectorAt(p, e.Pos)
		if sel == nil || p.TypesInfo == nil {
			return "", "", false
		}
		t := p.TypesInfo.TypeOf(sel.X)
		if ptr, isPtr := t.(*types.Pointer); isPtr {
			t = ptr.Elem()
		}
		if n, isNamed := t.(*types.Named); isNamed && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() != p.PkgPath {
			return n.Obj().Pkg().Path(), m[1], true
		}
	}
	return "", "", false
}

// selectorAt is the selector expression of p whose selected name starts at
// pos ("file:line:col"), or nil.
func selectorAt(p *packages.Package, pos string) *ast.SelectorExpr {
	file, line, col, ok := splitPos(pos)
	if !ok || p.Fset == nil {
		return nil
	}
	for _, f := range p.Syntax {
		tf := p.Fset.File(f.Pos())
		if tf == nil || filepath.Clean(tf.Name()) != filepath.Clean(file) || line < 1 || line > tf.LineCount() {
			continue
		}
		at := tf.LineStart(line) + token.Pos(col-1)
		var sel *ast.SelectorExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if sel != nil || n == nil || at < n.Pos() || at >= n.End() {
				return false
			}
			if s, isSel := n.(*ast.SelectorExpr); isSel && s.Sel.Pos() == at {
				sel = s
				return false
			}
			return true
		})
		return sel
	}
	return nil
}

// cgoDecls are the names that the files of p the loader left out because
// they import "C" declare at top level (types, functions, variables,
// constants, methods and the fields of their struct types), each with the
// base name of the first such file (in the go command's order) declaring
// it. A file that does not parse declares nothing.
func cgoDecls(p *packages.Package) map[string]string {
	names := map[string]string{}
	if p == nil {
		return names
	}
	declare := func(file, name string) {
		if names[name] == "" {
			names[name] = file
		}
	}
	fset := token.NewFileSet()
	for _, path := range p.IgnoredFiles {
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			continue
		}
		src, err := readLimited(path, maxCgoFile)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil || !fileImportsC(f) {
			continue
		}
		file := filepath.Base(path)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				declare(file, d.Name.Name)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						declare(file, s.Name.Name)
						if st, isStruct := s.Type.(*ast.StructType); isStruct {
							for _, fld := range st.Fields.List {
								for _, n := range fld.Names {
									declare(file, n.Name)
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							declare(file, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// maxCgoFile is the largest cgo file whose declarations are read; a larger
// one declares nothing, and what uses it stays an error.
const maxCgoFile = 8 << 20

// readLimited reads a regular file of at most max bytes.
func readLimited(path string, max int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > max {
		return nil, fmt.Errorf("%s: not a regular file of at most %d bytes", path, max)
	}
	return io.ReadAll(io.LimitReader(fh, max))
}

func fileImportsC(f *ast.File) bool {
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == "C" {
			return true
		}
	}
	return false
}
