package goload

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"regexp"
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
}

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
type goDirs struct{ GOROOT, GOMODCACHE string }

// goDirsSeen holds goPaths' answers by environment: a repository of many
// Go modules asks the go command once, not once a module.
var goDirsSeen sync.Map

// goPaths asks the go command, run in mod with env, for goDirs.
func goPaths(mod string, env []string) (goDirs, bool) {
	key := strings.Join(env, "\x00")
	if v, ok := goDirsSeen.Load(key); ok {
		return v.(goDirs), true
	}
	cmd := exec.Command("go", "env", "-json", "GOROOT", "GOMODCACHE")
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
	if !o.leftAlone(filename) {
		return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
	}
	// Comments, which the standard library is thick with, serve nobody
	// here either.
	f, err := parser.ParseFile(fset, filename, src, parser.AllErrors)
	if err != nil {
		return f, err
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name != "init" && fd.Type.TypeParams == nil && !genericRecv(fd) {
			fd.Body = nil
		}
	}
	o.done.Store(filename, true)
	return f, nil
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

// forgive drops from the outlined packages the errors outlining causes,
// and marks ill-typed again only the packages with errors left, in
// themselves or their imports.
func (o *outliner) forgive(pkgs []*packages.Package) {
	forgiven := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if !o.outlined(p) {
			return
		}
		kept := p.Errors[:0]
		for _, e := range p.Errors {
			if e.Kind != packages.TypeError || !unusedImport.MatchString(e.Msg) {
				kept = append(kept, e)
			}
		}
		forgiven = forgiven || len(kept) < len(p.Errors)
		p.Errors = kept
	})
	if !forgiven {
		return
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		p.IllTyped = len(p.Errors) > 0
		for _, imp := range p.Imports {
			p.IllTyped = p.IllTyped || imp.IllTyped
		}
	})
}

func (o *outliner) outlined(p *packages.Package) bool {
	for _, f := range p.CompiledGoFiles {
		if _, ok := o.done.Load(f); ok {
			return true
		}
	}
	return false
}
