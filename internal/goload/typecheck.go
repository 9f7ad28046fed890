package goload

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// metaMode is what the go command is asked for each package: names,
// files, the import graph, modules and sizes. The syntax and types are
// made by checkGraph, a package at a time, rather than by go/packages,
// which keeps every package's syntax and type information until the
// whole graph is loaded: on a service of a few thousand packages that was
// over a gigabyte before the first package was analysed.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// parseFunc parses one file, as packages.Config.ParseFile does.
type parseFunc func(fset *token.FileSet, filename string, src []byte) (*ast.File, error)

// defaultParse is go/packages' parse when no ParseFile is set.
func defaultParse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
}

// checkGraph parses and type-checks pkgs and everything they import, as
// go/packages does under LoadAllSyntax (the same files, parse, errors,
// IllTyped and type checker settings): each package once its imports are
// done, at most GOMAXPROCS at a time. When then is not nil it is called
// for each package once the package is type-checked (and only after it
// returned for the package's imports), and the package's syntax and type
// information are dropped when it returns: what the packages importing it
// need is its types. outlined says whether parse outlined the package
// (the errors outlining causes are dropped; see outliner.forgive). fix,
// when not nil, is called on each package once it is type-checked and
// before then, to drop the errors that say nothing of the repository
// (cgoForgiver.forgive).
func checkGraph(pkgs []*packages.Package, fset *token.FileSet, parse parseFunc, outlined func(*packages.Package) bool, fix, then func(*packages.Package)) {
	type node struct {
		done chan struct{}
	}
	nodes := map[*packages.Package]*node{}
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		nodes[p] = &node{done: make(chan struct{})}
		all = append(all, p)
	})
	var wg sync.WaitGroup
	for _, p := range all {
		wg.Go(func() {
			defer close(nodes[p].done)
			for _, imp := range p.Imports {
				<-nodes[imp].done
			}
			cpu <- struct{}{}
			defer func() { <-cpu }()
			checkPackage(p, fset, parse, outlined)
			if fix != nil {
				fix(p)
			}
			if then != nil {
				then(p)
				p.Syntax, p.TypesInfo = nil, nil
			}
		})
	}
	wg.Wait()
}

// cpu bounds the packages being type-checked and analysed at once, over
// every module analysed at the same time: each holds its syntax and type
// information until it is done.
var cpu = make(chan struct{}, runtime.GOMAXPROCS(0))

// checkPackage parses and type-checks one package whose imports are
// type-checked, as go/packages' loadPackage does.
func checkPackage(p *packages.Package, fset *token.FileSet, parse parseFunc, outlined func(*packages.Package) bool) {
	p.Fset = fset
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		p.TypesInfo = newTypesInfo()
		p.IllTyped = len(p.Errors) > 0
		return
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			appendError(err)
			continue
		}
		f, err := parse(fset, name, src)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			appendError(err)
		}
	}
	p.TypesInfo = newTypesInfo()
	p.TypesSizes = sizesOr(p.TypesSizes)
	forgive := outlined != nil && outlined(p)
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if imp := p.Imports[path]; imp != nil && imp.Types != nil {
				return imp.Types, nil
			}
			return nil, fmt.Errorf("no metadata for %s", path)
		}),
		Error: func(err error) {
			var te types.Error
			if forgive && errors.As(err, &te) && unusedImport.MatchString(te.Msg) {
				return // the import was used by a body the outline removed
			}
			appendError(err)
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == 0 && len(p.Syntax) > 0 && strings.HasPrefix(typErr.Error(), "package requires newer Go version") {
		appendError(types.Error{Fset: fset, Pos: p.Syntax[0].Package, Msg: typErr.Error()})
	}
	if typErr != nil && len(p.Errors) == 0 && !(forgive && forgivenOnly(typErr)) {
		appendError(typErr)
	}
	markIllTyped(p)
}

// markIllTyped sets IllTyped as go/packages does: the package or one of
// its imports has errors. Its imports are marked already.
func markIllTyped(p *packages.Package) {
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// forgivenOnly reports whether the type checker's first error is one
// that outlining causes (it returns the first error even when Error
// dropped it).
func forgivenOnly(err error) bool {
	var te types.Error
	return errors.As(err, &te) && unusedImport.MatchString(te.Msg)
}

// sizesOr is the go command's sizes, else those of gc on this machine.
func sizesOr(s types.Sizes) types.Sizes {
	if s != nil {
		return s
	}
	if s := types.SizesFor("gc", runtime.GOARCH); s != nil {
		return s
	}
	return types.SizesFor("gc", "amd64")
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// analysis1 runs one analyzer without prerequisites over a graph of
// packages as checkGraph type-checks them, as checker.Analyze would over
// the whole loaded graph: every package of the graph is analysed (its
// facts serve the packages importing it), a package with errors, in
// itself or its imports, is not, and the facts a package sees are those
// checker.Analyze passes it (see visible).
type analysis1 struct {
	a      *analysis.Analyzer
	mu     sync.Mutex
	facts  map[*types.Package]map[factKey]analysis.Fact // by the package that exported them
	direct map[*types.Package]map[*types.Package]bool   // a package's direct imports
	// results of the packages named by want.
	want    map[*packages.Package]bool
	results map[*packages.Package]any
	errs    map[*packages.Package]error
	// failed is the first package of the graph (a dependency too) whose
	// analysis panicked: the packages importing it would miss its facts,
	// so the module's result is no result (analyseChecked).
	failed error
}

type factKey struct {
	obj types.Object
	t   reflect.Type
}

func newAnalysis(a *analysis.Analyzer, want []*packages.Package) *analysis1 {
	r := &analysis1{a: a, facts: map[*types.Package]map[factKey]analysis.Fact{},
		direct: map[*types.Package]map[*types.Package]bool{},
		want:   map[*packages.Package]bool{}, results: map[*packages.Package]any{}, errs: map[*packages.Package]error{}}
	for _, p := range want {
		r.want[p] = true
	}
	return r
}

// run analyses p, whose imports it has analysed.
func (r *analysis1) run(p *packages.Package) {
	own := map[factKey]analysis.Fact{}
	direct := map[*types.Package]bool{}
	for _, imp := range p.Imports {
		direct[imp.Types] = true
	}
	r.mu.Lock()
	r.facts[p.Types] = own
	r.direct[p.Types] = direct
	r.mu.Unlock()
	if p.IllTyped {
		if r.want[p] {
			r.mu.Lock()
			r.errs[p] = errors.New("analysis skipped due to errors in package")
			r.mu.Unlock()
		}
		return
	}
	module := &analysis.Module{}
	if p.Module != nil {
		module = analysisModule(p.Module)
	}
	pass := &analysis.Pass{
		Analyzer:     r.a,
		Fset:         p.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     map[*analysis.Analyzer]any{},
		Report:       func(analysis.Diagnostic) {},
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			if obj == nil {
				panic("nil object")
			}
			var facts map[factKey]analysis.Fact
			if obj.Pkg() == p.Types {
				facts = own
			} else if obj.Pkg() != nil {
				r.mu.Lock()
				facts = r.facts[obj.Pkg()]
				r.mu.Unlock()
				if !visible(obj, direct[obj.Pkg()]) {
					return false
				}
			}
			v, ok := facts[factKey{obj, reflect.TypeOf(ptr)}]
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
			}
			return ok
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != p.Types {
				panic(fmt.Sprintf("%s: fact about %s, an object of another package", p.PkgPath, obj))
			}
			own[factKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) { panic("package facts are not supported") },
		AllObjectFacts:    func() []analysis.ObjectFact { panic("AllObjectFacts is not supported") },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
		ReadFile:          func(string) ([]byte, error) { return nil, errors.New("ReadFile is not supported") },
	}
	res, err := r.runPass(p, pass)
	if err == nil && reflect.TypeOf(res) != r.a.ResultType {
		err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %T, but declared ResultType %v", p.PkgPath, r.a, res, r.a.ResultType)
	}
	if r.want[p] {
		r.mu.Lock()
		r.results[p], r.errs[p] = res, err
		r.mu.Unlock()
	}
}

// runPass runs the analyzer on one package, a panic made an error naming
// the package (and kept in failed): one package's input that the
// analysis cannot take stops the module's analysis with a clear error,
// not the process.
func (r *analysis1) runPass(p *packages.Package, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if x := recover(); x != nil {
			res, err = nil, fmt.Errorf("internal error analysing package %s: %v", p.PkgPath, x)
			r.mu.Lock()
			if r.failed == nil {
				r.failed = err
			}
			r.mu.Unlock()
		}
	}()
	return r.a.Run(pass)
}

// analysisModule is m as checker.Analyze gives it to a pass.
func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	out := &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion, Replace: analysisModule(m.Replace)}
	if m.Error != nil {
		out.Error = &analysis.ModuleError{Err: m.Error.Err}
	}
	return out
}

// visible reports whether checker.Analyze passes the fact about obj that
// obj's package exported to a package importing it: directly (direct),
// or through other packages. A package passes on the facts about what it
// exports (its exported functions, its package-level variables, and
// methods, fields, types and constants); a package that imports it passes
// on only the facts about methods, fields, types and constants of other
// packages.
func visible(obj types.Object, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return direct && obj.Exported() || obj.Signature().Recv() != nil
	case *types.Var:
		return direct || obj.IsField()
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}
