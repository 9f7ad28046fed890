package goload

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/goevidence"
)

// outliner parses the files of the packages Analyzer leaves alone (the
// standard library and the SDKs, goevidence.SkipsPath) without their function
// bodies. The packages it analyses need only the types those packages
// declare, and type-checking bodies is most of what loading them costs:
// for a module of a thousand packages, half the memory of a check.
// Bodies the type checker cannot do without stay: init functions, and
// generic functions and methods.
type outliner struct {
	goroot   string // GOROOT/src/, of the go command that lists the packages
	modcache string // GOMODCACHE/
	vendor   string // the module's vendor/
	done     sync.Map

	// shared: files are parsed into stdFset, and the outlines of the
	// standard library's files are taken from stdFiles and kept there.
	shared bool
	mu     sync.Mutex
	own    []*token.File // the files parsed into stdFset that release removes
}

// stdFset and stdFiles keep the outlines of the standard library's files
// for the life of the process: a repository of many Go modules parses
// net/http and its imports once, not once a module. They do not grow with
// the number of modules (one GOROOT, files that never change); every
// other file is removed from stdFset once its module is analysed.
var (
	stdFset  = token.NewFileSet()
	stdFiles sync.Map // file name → *ast.File
)

// outline says whether load outlines the packages Analyzer leaves alone;
// tests compare with and without.
var outline = true

// newOutliner asks the go command where the standard library and the
// module cache are; nil when it cannot say, and then nothing is outlined.
func newOutliner(mod string, env []string) *outliner {
	v, ok := goPaths(mod, env)
	if !ok {
		return nil
	}
	o := &outliner{goroot: filepath.Join(v.GOROOT, "src") + string(filepath.Separator), vendor: filepath.Join(mod, "vendor") + string(filepath.Separator)}
	if v.GOMODCACHE != "" {
		o.modcache = filepath.Clean(v.GOMODCACHE) + string(filepath.Separator)
	}
	if o.leftAlone(filepath.Join(mod, "x.go")) {
		return nil // the module checked is itself one left alone
	}
	return o
}

// goDirs is where the go command keeps the standard library and modules.
type goDirs struct {
	GOROOT, GOMODCACHE string
	// The toolchain and target, which the result cache's key holds.
	GOVERSION, GOOS, GOARCH, GOEXPERIMENT string
}

// goDirsSeen holds goPaths' answers by environment: a repository of many
// Go modules asks the go command once, not once a module.
var goDirsSeen sync.Map

// goPaths asks the go command, run in mod with env, for goDirs.
func goPaths(mod string, env []string) (goDirs, bool) {
	key := strings.Join(env, "\x00")
	if v, ok := goDirsSeen.Load(key); ok {
		return v.(goDirs), true
	}
	cmd := exec.Command("go", "env", "-json", "GOROOT", "GOMODCACHE", "GOVERSION", "GOOS", "GOARCH", "GOEXPERIMENT")
	cmd.Dir, cmd.Env = mod, env
	out, err := cmd.Output()
	if err != nil {
		return goDirs{}, false
	}
	var v goDirs
	if json.Unmarshal(out, &v) != nil || v.GOROOT == "" {
		return goDirs{}, false
	}
	goDirsSeen.Store(key, v)
	return v, true
}

// parseFile is a packages.Config.ParseFile: the parse go/packages does by
// default, or the outline of a file of a package left alone.
func (o *outliner) parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	std := o.shared && strings.HasPrefix(filename, o.goroot)
	if std {
		if f, ok := stdFiles.Load(filename); ok {
			o.done.Store(filename, true)
			return f.(*ast.File), nil
		}
	}
	f, err := o.parse(fset, filename, src)
	if o.shared && f != nil {
		if std && err == nil {
			if prev, loaded := stdFiles.LoadOrStore(filename, f); loaded {
				o.keep(fset.File(f.Pos())) // parsed twice at once: keep one
				return prev.(*ast.File), nil
			}
		} else {
			o.keep(fset.File(f.Pos()))
		}
	}
	return f, err
}

// keep records a file of stdFset that release is to remove.
func (o *outliner) keep(tf *token.File) {
	if tf != nil {
		o.mu.Lock()
		o.own = append(o.own, tf)
		o.mu.Unlock()
	}
}

// release removes from stdFset the files of this load that are not the
// standard library's: the positions of a module are garbage once its
// evidence is taken.
func (o *outliner) release() {
	if o == nil || !o.shared {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, tf := range o.own {
		stdFset.RemoveFile(tf)
	}
	o.own = nil
}

// parse parses a file as go/packages does by default, or as an outline
// when it belongs to a package left alone.
func (o *outliner) parse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	if !o.leftAlone(filename) {
		return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
	}
	// Comments, which the standard library is thick with, serve nobody
	// here either, nor does the parser's object resolution, which the type
	// checker does not use.
	f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.SkipObjectResolution)
	if err != nil {
		return f, err
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Name != "init" && d.Type.TypeParams == nil && !genericRecv(d) {
				d.Body = nil
			}
		case *ast.GenDecl:
			if d.Tok == token.VAR {
				for _, spec := range d.Specs {
					dropTable(spec.(*ast.ValueSpec))
				}
			}
		}
	}
	o.done.Store(filename, true)
	return f, nil
}

// dropTable removes the value of a variable declared with a composite
// literal of a named type (var x = T{...}, var x = &T{...}), declaring
// it with the type alone (var x T, var x *T). The standard library's
// tables (unicode ranges, MIME types, cipher suites) are such literals, and
// checking their elements was a fifth of the cost of loading a small
// module; the variable's type is all a package importing it needs.
func dropTable(v *ast.ValueSpec) {
	if len(v.Names) != 1 || len(v.Values) != 1 {
		return
	}
	if v.Type != nil {
		v.Values = nil
		return
	}
	x, ptr := v.Values[0], false
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x, ptr = u.X, true
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok || lit.Type == nil {
		return
	}
	typ := lit.Type
	if a, ok := typ.(*ast.ArrayType); ok && a.Len != nil {
		if _, ok := a.Len.(*ast.Ellipsis); ok {
			// [...]T{...}: the length is the literal's, which is its
			// number of elements when none has an index.
			for _, e := range lit.Elts {
				if _, ok := e.(*ast.KeyValueExpr); ok {
					return
				}
			}
			typ = &ast.ArrayType{Lbrack: a.Lbrack, Len: &ast.BasicLit{ValuePos: a.Len.Pos(), Kind: token.INT, Value: strconv.Itoa(len(lit.Elts))}, Elt: a.Elt}
		}
	}
	v.Type = typ
	if ptr {
		v.Type = &ast.StarExpr{X: typ}
	}
	v.Values = nil
}

// genericRecv reports whether fd is a method of a generic type.
func genericRecv(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// leftAlone reports whether a file belongs to a package Analyzer skips.
func (o *outliner) leftAlone(filename string) bool {
	if strings.HasPrefix(filename, o.goroot) {
		return true
	}
	if o.modcache != "" && strings.HasPrefix(filename, o.modcache) {
		// GOMODCACHE/github.com/!azure/azure-sdk-for-go@v1.2.3/sdk/x.go
		mod, _, ok := strings.Cut(filepath.ToSlash(filename[len(o.modcache):]), "@")
		return ok && goevidence.SkipsPath(unescapeModPath(mod))
	}
	if strings.HasPrefix(filename, o.vendor) {
		return goevidence.SkipsPath(filepath.ToSlash(filepath.Dir(filename[len(o.vendor):])))
	}
	return false
}

// unescapeModPath undoes the module cache's escaping of capital letters
// ("!azure" for "Azure").
func unescapeModPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '!' && i+1 < len(p) {
			i++
			b.WriteByte(p[i] - 'a' + 'A')
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// unusedImport is the error the type checker gives an import that only
// the removed bodies used.
var unusedImport = regexp.MustCompile(`^"[^"]+" imported (as \S+ )?and not used$`)

// outlined reports whether parseFile outlined a file of p: the errors
// outlining causes (unusedImport) are not p's.
func (o *outliner) outlined(p *packages.Package) bool {
	for _, f := range p.CompiledGoFiles {
		if _, ok := o.done.Load(f); ok {
			return true
		}
	}
	return false
}
