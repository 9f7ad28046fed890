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
//
// Where things are: prepass.go records what each function assigns, calls
// and writes; eval.go, calls.go and val.go evaluate values (strings with
// holes, handles, personal data); sites.go, through.go, impls.go and
// callers.go find the sites, through functions of other packages, the
// module's interfaces and callers; dest.go decodes a destination;
// personal.go, credentials.go and mapkeys.go weigh data and settings;
// sqlverb.go and dbtype.go say what a store call does; sdks.go and
// sdktable.go read sdks.tsv; budget.go bounds the evaluation.
package goevidence
