package analyzer

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/noticevet/noticevet/analyzer/internal/discover"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/notices"
)

// maxNoticeSize is the largest notice read, in bytes, as in `noticevet
// check`: a privacy notice is tens of kilobytes, a larger file is not one.
const maxNoticeSize = 1 << 20

// readPassFile reads a file of the package through the driver, as
// go/analysis asks analyzers to: a driver may serve unsaved editor buffers
// or a sandbox. It reads only the files the pass declares (its Go files,
// OtherFiles and IgnoredFiles); any other is refused, so the suppression
// comments of a package are read from that package alone.
func readPassFile(pass *analysis.Pass, filename string) ([]byte, error) {
	if !declared(pass, filename) {
		return nil, fmt.Errorf("%s is not a file of package %s", filename, pass.Pkg.Path())
	}
	if pass.ReadFile != nil {
		return pass.ReadFile(filename)
	}
	return os.ReadFile(filename)
}

// declared reports whether filename is one of the files a pass may read.
func declared(pass *analysis.Pass, filename string) bool {
	if slices.Contains(pass.OtherFiles, filename) || slices.Contains(pass.IgnoredFiles, filename) {
		return true
	}
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == filename {
			return true
		}
	}
	return false
}

// readNotice reads a notice from disk. A notice is not one of a package's
// files, so no driver declares it: it is read directly, as a regular file
// of at most maxNoticeSize bytes (a pipe there would block the run for
// ever). name is how the file is named in errors.
func readNotice(path, name string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, diag.Cause(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, diag.Cause(err))
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxNoticeSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, diag.Cause(err))
	}
	if len(src) > maxNoticeSize {
		return nil, fmt.Errorf("%s: the notice is larger than %d MiB", name, maxNoticeSize>>20)
	}
	return src, nil
}

// isDependency reports whether the package is a dependency rather than
// code of the module being checked. Drivers that say which module a
// package is in (go vet, go/packages) set pass.Module, and a dependency
// has a version there; others leave it nil (nogo, some test drivers), and
// then a package whose files lie in the module cache, in GOROOT or in a
// vendor folder is a dependency.
func isDependency(pass *analysis.Pass) bool {
	if pass.Module != nil {
		return pass.Module.Version != ""
	}
	name := pass.Fset.File(pass.Files[0].FileStart).Name()
	return dependencyPath(name, os.Getenv("GOMODCACHE"), build.Default.GOPATH, build.Default.GOROOT)
}

// dependencyPath reports whether a Go file at path belongs to a dependency:
// it lies below the module cache (GOMODCACHE, else the first GOPATH entry's
// pkg/mod), below GOROOT, or below a folder named vendor.
func dependencyPath(path, modcache, gopath, goroot string) bool {
	if modcache == "" && gopath != "" {
		modcache = filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
	}
	for _, root := range []string{modcache, goroot} {
		if root != "" && repo.Within(root, path) {
			return true
		}
	}
	return slices.Contains(strings.Split(filepath.ToSlash(filepath.Dir(path)), "/"), "vendor")
}

// mustExtractDoc returns the "# Analyzer name" section of the package
// comment of a Go file, as Analyzer.Doc wants it: its first paragraph, which
// must start "name: ", is the one-line summary; the paragraphs after it
// follow. It panics when the section is missing, which the package's tests
// catch before any build ships.
func mustExtractDoc(src, name string) string {
	doc, err := extractDoc(src, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	text := docText(f)
	heading := "# Analyzer " + name
	_, section, ok := strings.Cut(text, "\n"+heading+"\n")
	if !ok {
		return "", fmt.Errorf("doc.go has no %q section", heading)
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section = strings.TrimSpace(section)
	summary, rest, _ := strings.Cut(section, "\n\n")
	summary, ok = strings.CutPrefix(summary, name+":")
	if !ok {
		return "", errors.New("doc.go: the " + heading + " section must start with " + name + ": and the summary")
	}
	summary = strings.Join(strings.Fields(summary), " ")
	if rest == "" {
		return summary, nil
	}
	return summary + "\n\n" + rest, nil
}

func docText(f *ast.File) string {
	if f.Doc == nil {
		return ""
	}
	return "\n" + f.Doc.Text()
}

// followLists reads the Markdown lists a notice links to for its
// countries as part of it, as `noticevet check` does: a relative link to a
// .md file inside the repository, read as a notice is; its claims replace
// the pointer. Any other link is left a pointer. read holds the files read
// already, notices and lists, so that none is read twice.
func followLists(found discover.Found, noticePath, noticeName string, cs []notices.Claim, read map[string]bool) ([]notices.Claim, error) {
	top := found.Searched[len(found.Searched)-1]
	var keep, added []notices.Claim
	for _, c := range cs {
		rel, ok := c.LocalList()
		target := filepath.Join(filepath.Dir(noticePath), filepath.FromSlash(rel))
		name := path.Join(path.Dir(noticeName), rel)
		if !ok || !repo.Within(top, target) || inside(found, target, name) != nil {
			keep = append(keep, c)
			continue
		}
		if read[target] {
			continue
		}
		read[target] = true
		src, err := readNotice(target, name)
		if err != nil {
			return nil, err
		}
		more, err := notices.Parse(name, src)
		if err != nil {
			return nil, err
		}
		added = append(added, more...)
	}
	return append(keep, added...), nil
}
