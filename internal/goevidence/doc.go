// Package goevidence finds noticevet's evidence in Go code: the calls that
// send or store personal data, and where they put it.
//
// Analyzer is a go/analysis pass that finds a package's export sites and
// exports facts (function summaries, the sinks of functions that send what
// they are given, what exported variables and fields hold) for the
// packages that import it. Evidence places a site in a country, asking the
// configuration first; package goload runs the pass over every Go module
// under a folder and returns the evidence, for `noticevet check`. The analyzer
// package applies the rules to the sites for go vet; its documentation
// describes the sites, the destinations and the personal-data heuristics.
//
// The package does not read notices or apply rules, and it does not
// analyze the standard library or cloud SDKs: what matters of them is built
// in (known.go).
package goevidence
