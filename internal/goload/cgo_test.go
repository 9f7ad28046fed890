package goload

import (
	"errors"
	"reflect"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// cgoDriver is a dependency whose error type, a constant and a method are
// declared only in its cgo file: a build without cgo has the stub alone.
var cgoDriver = map[string]string{
	"third_party/csql/go.mod": "module example.com/csql\n\ngo 1.22\n",
	"third_party/csql/csql.go": `package csql

// #include <errno.h>
import "C"

type Error struct{ Code int }

func (e Error) Error() string { return "csql" }

const ErrConstraint = 19

func (c *Conn) Backup() error { return nil }
`,
	"third_party/csql/mock.go": "//go:build !cgo\n\npackage csql\n\ntype Conn struct{}\n\nfunc Open() *Conn { return &Conn{} }\n",
}

const usesDriver = "module example.com/app\n\ngo 1.22\n\nrequire example.com/csql v0.0.0\n\nreplace example.com/csql => ../third_party/csql\n"

// TestCollectCgoOnlyNames: what only a dependency's cgo files declare
// (a type, a constant, a method) is left untyped, said once with the
// first use and the file that declares it, and the rest of the module is
// analysed: its export is found.
func TestCollectCgoOnlyNames(t *testing.T) {
	files := map[string]string{
		"app/go.mod": usesDriver,
		"app/main.go": `package main

import (
	"net/http"
	"strings"

	"example.com/csql"
)

type User struct{ Email string }

func main() {
	u := User{Email: "a@example.jp"}
	c := csql.Open()
	if err := c.Backup(); err != nil {
		if e, ok := err.(csql.Error); ok && e.Code == csql.ErrConstraint {
			return
		}
	}
	http.Post("https://api.example.cn/v1", "text/plain", strings.NewReader(u.Email))
}
`,
	}
	for k, v := range cgoDriver {
		files[k] = v
	}
	dir := testfs.Dir(t, files)
	res, err := Collect(dir, Options{})
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	if len(res.Evidence) != 1 || res.Evidence[0].Pos.Path != "app/main.go" || res.Evidence[0].Country != "CN" {
		t.Errorf("evidence: %+v", res.Evidence)
	}
	want := []Note{
		{Path: "app/main.go", Line: 15, Column: 14, Msg: "not typed: csql.Backup and 1 more (2 uses), declared only in csql.go of example.com/csql, which uses cgo and is not built; the rest is analysed"},
		{Path: "third_party/csql/csql.go", Msg: "not analysed: uses cgo"},
	}
	if !reflect.DeepEqual(res.Notes, want) {
		t.Errorf("notes:\n%+v\nwant:\n%+v", res.Notes, want)
	}
}

// TestCollectUndefinedNotCgo: a name that the dependency declares in no
// file, with cgo or without, is the module's own error: it is not
// analysed, and nothing is said to be untyped.
func TestCollectUndefinedNotCgo(t *testing.T) {
	files := map[string]string{
		"app/go.mod": usesDriver,
		"app/main.go": `package main

import "example.com/csql"

func main() {
	var e csql.Failure
	_ = e
	_ = csql.Open().Restore()
	_ = csql.ErrConstraint
}
`,
	}
	for k, v := range cgoDriver {
		files[k] = v
	}
	dir := testfs.Dir(t, files)
	res, err := Collect(dir, Options{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Collect: %v, want an *Error", err)
	}
	if want := "app/main.go:6:13: undefined: csql.Failure (Go module example.com/app not analysed)"; e.Error() != want {
		t.Errorf("error %q, want %q", e.Error(), want)
	}
	for _, n := range res.Notes {
		if n.Line > 0 {
			t.Errorf("note of an untyped use in a module not analysed: %v", n)
		}
	}
}

// TestCollectCgoFirstUseByLine: the note is at the first use by line
// number, line 9 before line 10 (not in the order of the position's text).
func TestCollectCgoFirstUseByLine(t *testing.T) {
	files := map[string]string{
		"app/go.mod": usesDriver,
		"app/main.go": `package main

import "example.com/csql"

func main() {
	var c = csql.Open()
	_ = c
	_ = 1
	_ = csql.ErrConstraint
	_ = csql.ErrConstraint
}
`,
	}
	for k, v := range cgoDriver {
		files[k] = v
	}
	res, err := Collect(testfs.Dir(t, files), Options{})
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	if len(res.Notes) == 0 || res.Notes[0].Line != 9 {
		t.Errorf("notes: %+v, want the first at line 9", res.Notes)
	}
}

// A function of a dependency's files that build without cgo may call what
// only its cgo files declare: the call has no type, and the analysis
// takes it as a call it knows nothing of instead of stopping.
func TestCollectUntypedCall(t *testing.T) {
	files := map[string]string{
		"app/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/cstmt v0.0.0\n\nreplace example.com/cstmt => ../third_party/cstmt\n",
		"app/main.go": `package main

import (
	"net/http"
	"strings"

	"example.com/cstmt"
)

type User struct{ Email string }

func main() {
	u := User{Email: "a@example.jp"}
	http.Post("https://api.example.cn/v1", "text/plain", strings.NewReader(u.Email+cstmt.Describe(nil)))
}
`,
		"third_party/cstmt/go.mod": "module example.com/cstmt\n\ngo 1.22\n",
		"third_party/cstmt/cstmt.go": `package cstmt

// #include <errno.h>
import "C"

type Stmt struct{}

func (s *Stmt) Text(q string) string { return q }
`,
		"third_party/cstmt/mock.go": "//go:build !cgo\n\npackage cstmt\n\nfunc Describe(s *Stmt) string { return s.Text(\"q\") }\n",
	}
	res, err := Collect(testfs.Dir(t, files), Options{})
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	if len(res.Evidence) != 1 || res.Evidence[0].Country != "CN" {
		t.Errorf("evidence: %+v", res.Evidence)
	}
}
