package goevidence

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// stubs are the parts of the standard library the evaluator's own tests
// use, small enough to type-check in microseconds: the analysis knows these
// packages by their paths and names, not by their bodies.
var stubs = map[string]string{
	"io": `package io
type Reader interface{ Read(p []byte) (int, error) }
type Writer interface{ Write(p []byte) (int, error) }
func Copy(dst Writer, src Reader) (int64, error) { return 0, nil }`,
	"strings": `package strings
type Reader struct{ s string }
func (r *Reader) Read(p []byte) (int, error) { return 0, nil }
func NewReader(s string) *Reader { return &Reader{s} }
func Repeat(s string, n int) string { return s }
func Replace(s, old, new string, n int) string { return s }
func ReplaceAll(s, old, new string) string { return s }
func Split(s, sep string) []string { return []string{s} }
func SplitN(s, sep string, n int) []string { return []string{s} }`,
	"database/sql": `package sql
type DB struct{}
type Result interface{ RowsAffected() (int64, error) }
func Open(driverName, dataSourceName string) (*DB, error) { return nil, nil }
func (db *DB) Exec(query string, args ...any) (Result, error) { return nil, nil }
type Tx struct{}
func (db *DB) Begin(args ...any) (*Tx, error) { return nil, nil }
type Row struct{}
func (db *DB) QueryRow(query string, args ...any) *Row { return nil }
func (r *Row) Scan(dest ...any) error { return nil }
type Rows struct{}
func (db *DB) Query(query string, args ...any) (*Rows, error) { return nil, nil }
func (rs *Rows) Next() bool { return false }
func (rs *Rows) Scan(dest ...any) error { return nil }
type Stmt struct{}
func (db *DB) Prepare(query string) (*Stmt, error) { return nil, nil }
func (s *Stmt) QueryRow(args ...any) *Row { return nil }`,
	"net": `package net
type Conn interface {
	Read(b []byte) (int, error)
	Write(b []byte) (int, error)
}
func Dial(network, address string) (Conn, error) { return nil, nil }
type IP []byte
type IPNet struct{ IP IP }
func (n *IPNet) Contains(ip IP) bool { return false }
func ParseIP(s string) IP { return nil }`,
	"crypto/cipher": `package cipher
type AEAD interface {
	Seal(dst, nonce, plaintext, additionalData []byte) []byte
}`,
	"hash": `package hash
type Hash interface{ Write(p []byte) (int, error) }`,
	"context": `package context
type Context interface{ Done() <-chan struct{} }`,
	"os": `package os
func Getenv(key string) string { return "" }
func LookupEnv(key string) (string, bool) { return "", false }`,
	"flag": `package flag
func String(name, value, usage string) *string { return &value }`,
	"fmt": `package fmt
import "io"
func Sprintf(format string, a ...any) string { return format }
func Sprint(a ...any) string { return "" }
func Fprintf(w io.Writer, format string, a ...any) (int, error) { return 0, nil }`,
	"bytes": `package bytes
type Buffer struct{ b []byte }
func (b *Buffer) Write(p []byte) (int, error) { return 0, nil }
func (b *Buffer) Read(p []byte) (int, error) { return 0, nil }
type Reader struct{ b []byte }
func NewReader(b []byte) *Reader { return &Reader{b: b} }
func (r *Reader) Read(p []byte) (int, error) { return 0, nil }`,
	"archive/zip": `package zip
import "io"
type Writer struct{ w io.Writer }
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }
func (w *Writer) Create(name string) (io.Writer, error) { return w.w, nil }
func (w *Writer) Close() error { return nil }`,
	"net/http": `package http
import "io"
type Response struct{ Body io.Reader }
type Request struct{}
type Client struct{}
func Post(url, contentType string, body io.Reader) (*Response, error) { return nil, nil }
func Get(url string) (*Response, error) { return nil, nil }
func NewRequest(method, url string, body io.Reader) (*Request, error) { return nil, nil }
func (c *Client) Do(req *Request) (*Response, error) { return nil, nil }
var DefaultClient = &Client{}
func (r *Request) Write(w io.Writer) error { return nil }
type Header map[string][]string
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}
func Redirect(w ResponseWriter, r *Request, url string, code int) {}`,
	"encoding/csv": `package csv
import "io"
type Writer struct{ w io.Writer }
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }
func (w *Writer) Write(record []string) error { return nil }
func (w *Writer) Flush() {}`,
	"net/smtp": `package smtp
type Auth interface{}
func SendMail(addr string, a Auth, from string, to []string, msg []byte) error { return nil }
type Client struct{ addr string }
func Dial(addr string) (*Client, error) { return &Client{addr: addr}, nil }
func (c *Client) Rcpt(to string) error { return nil }`,
}

// program type-checks and analyses packages from source: the stubs, and
// the packages of mods (import path to the sources of its files), each
// analysed before those that import it, with facts shared as the analysis
// driver shares them. limit, when > 0, replaces each package's step limit.
type program struct {
	tb    testing.TB
	fset  *token.FileSet
	mods  map[string][]string
	pkgs  map[string]*types.Package
	facts map[types.Object]analysis.Fact
	state map[string]*pkgState
	limit int64
	bad   bool // some source does not type-check
	// module, when set, is the module path of the analysed code, as go
	// vet tells it (Pass.Module): other packages are dependencies.
	module string
}

func newProgram(tb testing.TB, mods map[string][]string) *program {
	return &program{tb: tb, fset: token.NewFileSet(), mods: mods, pkgs: map[string]*types.Package{},
		facts: map[types.Object]analysis.Fact{}, state: map[string]*pkgState{}}
}

func (p *program) Import(path string) (*types.Package, error) {
	if pkg, ok := p.pkgs[path]; ok {
		return pkg, nil
	}
	srcs, ok := p.mods[path]
	if !ok {
		src, ok := stubs[path]
		if !ok {
			return nil, fmt.Errorf("no stub for %q", path)
		}
		srcs = []string{src}
	}
	pkg, err := p.load(path, srcs)
	if err != nil {
		return nil, err
	}
	return pkg, nil
}

// load type-checks one package and analyses it (stubs too: they export
// no facts, as the standard library does not).
func (p *program) load(path string, srcs []string) (*types.Package, error) {
	var files []*ast.File
	for i, src := range srcs {
		name := fmt.Sprintf("%s/p%d.go", path, i)
		if first, _, _ := strings.Cut(src, "\n"); strings.HasPrefix(first, "// file: ") {
			name = path + "/" + strings.TrimPrefix(first, "// file: ")
		}
		f, err := parser.ParseFile(p.fset, name, src, parser.ParseComments)
		if err != nil {
			p.bad = true
			return nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	var firstErr error
	conf := types.Config{Importer: p, Error: func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}}
	pkg, _ := conf.Check(path, p.fset, files, info)
	if firstErr != nil {
		p.bad = true
		return nil, firstErr
	}
	p.pkgs[path] = pkg
	pass := &analysis.Pass{
		Analyzer:   Analyzer,
		Fset:       p.fset,
		Files:      files,
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			f, ok := p.facts[obj]
			if !ok || reflect.TypeOf(f) != reflect.TypeOf(fact) {
				return false
			}
			reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
			return true
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != pkg {
				p.tb.Fatalf("%s exports a fact about %s of another package", path, obj)
			}
			p.facts[obj] = fact
		},
		ResultOf: map[*analysis.Analyzer]any{},
	}
	if p.module != "" {
		pass.Module = &analysis.Module{Path: p.module}
		if path != p.module && !strings.HasPrefix(path, p.module+"/") {
			pass.Module = &analysis.Module{Path: path, Version: "v1.0.0"}
		}
	}
	s := newPkgState(pass)
	s.exportConstFacts()
	if !skipPackage(pass) {
		s.prepass()
		if p.limit > 0 {
			s.stepLimit = p.limit
		}
		s.findSites()
		s.exportFacts()
	}
	p.state[path] = s
	return pkg, nil
}

// analyzeSrc analyses one package, example.com/p, made of srcs (a source
// whose first line is "// file: NAME" is the file NAME). ok is
// false when the sources do not type-check.
func analyzeSrc(tb testing.TB, srcs ...string) (s *pkgState, ok bool) {
	tb.Helper()
	p := newProgram(tb, map[string][]string{"example.com/p": srcs})
	if _, err := p.Import("example.com/p"); err != nil {
		return nil, false
	}
	return p.state["example.com/p"], true
}

// moduleProgram builds a module example.com/m whose package app is src,
// beside the dependencies deps (import path to source), and analyses it.
func moduleProgram(t *testing.T, deps map[string]string, src string) *program {
	t.Helper()
	pkgs := map[string][]string{"example.com/m/app": {src}}
	for path, dep := range deps {
		pkgs[path] = []string{dep}
	}
	p := newProgram(t, pkgs)
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	return p
}
