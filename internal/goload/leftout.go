package goload

import (
	"fmt"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/repo"
)

// Note is a Go file of the repository that was not analysed, and why: a
// file the go command leaves out of the build as the loader runs it (it
// uses cgo, or a build constraint excludes it), or a use of names that
// only such files declare, left untyped (see cgoForgiver). Nothing is left
// out without one.
type Note struct {
	Path         string // relative to the checked folder, with '/'
	Line, Column int    // 0 when the note is about the whole file
	Msg          string
}

func (n Note) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", n.Path, n.Line, n.Column, n.Msg)
	}
	return n.Path + ": " + n.Msg
}

// leftOut lists, as notes, the Go files of the module in mod that the
// loader left out: those below mod that `go build ./...` would consider
// (not tests, not under testdata, vendor, or a folder whose name starts
// with '.' or '_', not in a nested module) but that are not among the
// files of pkgs and their imports, and the files the go command ignored
// in the module's packages that were loaded from elsewhere (a package
// under testdata that the module imports). It reads directory listings
// and the header of each file left out.
func leftOut(base, mod string, pkgs []*packages.Package) []Note {
	loaded := map[string]bool{}
	var ignored []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.GoFiles {
			loaded[f] = true
		}
		for _, f := range p.CompiledGoFiles {
			loaded[f] = true
		}
		if inModule(mod, p) {
			ignored = append(ignored, p.IgnoredFiles...)
		}
	})
	var notes []Note
	noted := map[string]bool{}
	note := func(path string) {
		if !noted[path] {
			noted[path] = true
			notes = append(notes, Note{Path: repo.Rel(base, path), Msg: "not analysed: " + whyLeftOut(path)})
		}
	}
	for _, f := range ignored {
		name := filepath.Base(f)
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") &&
			!strings.HasPrefix(name, "_") && !strings.HasPrefix(name, ".") {
			note(f)
		}
	}
	filepath.WalkDir(mod, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path == mod {
				return nil
			}
			if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Lstat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // a module of its own
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") ||
			strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") || loaded[path] {
			return nil
		}
		note(path)
		return nil
	})
	return notes
}

// headerSize is how much of a file is read to find its build constraint
// and imports.
const headerSize = 64 << 10

// whyLeftOut says why the go command leaves a file out: it imports "C"
// (the loader runs without cgo), its //go:build line, or its name.
func whyLeftOut(path string) string {
	src, _ := readHeader(path)
	f, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly|parser.ParseComments)
	if f != nil {
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == "C" {
				return "uses cgo"
			}
		}
	}
	if expr := buildLine(src); expr != "" {
		return "excluded by //go:build " + expr
	}
	if tag := nameTag(filepath.Base(path)); tag != "" {
		return "built only for " + tag + " (file name)"
	}
	return "not part of the build"
}

// readHeader reads the start of a regular file.
func readHeader(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(fh, headerSize))
}

// buildLine is the expression of a file's //go:build line, or "".
func buildLine(src []byte) string {
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			break
		}
		if constraint.IsGoBuild(line) {
			if x, err := constraint.Parse(line); err == nil {
				return x.String()
			}
			return strings.TrimSpace(strings.TrimPrefix(line, "//go:build"))
		}
	}
	return ""
}

// nameTag is the GOOS, GOARCH or both a file name restricts it to
// ("windows", "linux/arm64"), as go/build reads names; "" when none.
func nameTag(name string) string {
	parts := strings.Split(strings.TrimSuffix(name, ".go"), "_")
	n := len(parts)
	if n >= 3 && knownOS[parts[n-2]] && knownArch[parts[n-1]] {
		return parts[n-2] + "/" + parts[n-1]
	}
	if n >= 2 && (knownOS[parts[n-1]] || knownArch[parts[n-1]]) {
		return parts[n-1]
	}
	return ""
}

// knownOS and knownArch are the GOOS and GOARCH values go/build recognises
// in file names (go/build/syslist.go).
var (
	knownOS   = set("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")
	knownArch = set("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// sortNotes orders notes by path, then message.
func sortNotes(n []Note) {
	sort.Slice(n, func(i, j int) bool {
		if n[i].Path != n[j].Path {
			return n[i].Path < n[j].Path
		}
		if n[i].Line != n[j].Line {
			return n[i].Line < n[j].Line
		}
		return n[i].Msg < n[j].Msg
	})
}

// inModule reports whether a package is one of the module's own (its
// go.mod is mod's), wherever it lies in the module: under testdata or a
// folder starting with '_' too, where "./..." does not reach but an
// import does.
func inModule(mod string, p *packages.Package) bool {
	return p.Module != nil && p.Module.Main && filepath.Clean(p.Module.Dir) == filepath.Clean(mod)
}
