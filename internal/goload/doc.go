// Package goload loads the Go modules of a repository for `noticevet
// check` and `noticevet map`: it finds the modules, lists their packages
// with go/packages, type-checks them from source (the standard library and
// the SDKs as outlines, without function bodies) and runs
// goevidence.Analyzer over them a package at a time, and returns the
// evidence.
//
// It lives apart from goevidence so that the go vet analyzer, which only
// needs the analysis pass, does not link go/packages or the checker.
// It reads the repository as untrusted input: see Load for what the go
// command is allowed to do.
package goload
