package goevidence

import (
	_ "embed"
	"go/types"
	"strings"

	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed nonexports.tsv
var nonExportsTSV string

// nonExports are the rows of nonexports.tsv: package path prefixes of
// clients of the local machine and of metrics exporters, and SDK method
// name suffixes that send a schema, not data.
var nonExports = func() (t struct{ noDataPkgs, methodSuffixes []string }) {
	for _, r := range tsv.Rows("nonexports.tsv", nonExportsTSV, 4) {
		switch r.Fields[0] {
		case "local-package", "metrics-package":
			t.noDataPkgs = append(t.noDataPkgs, r.Fields[1])
		case "method-suffix":
			t.methodSuffixes = append(t.methodSuffixes, r.Fields[1])
		default:
			r.Fail("kind %q: want local-package, metrics-package or method-suffix", r.Fields[0])
		}
	}
	return t
}()

// noDataPackage reports whether a package sends no personal data: a
// client of a daemon of the local machine (the Docker daemon), whose
// data never leaves the machine, or a metrics SDK or exporter, which
// sends measurements (counts, durations), not a person's data.
func noDataPackage(path string) bool {
	for _, p := range nonExports.noDataPkgs {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// noDataCall reports whether a call of fobj carries no personal data
// whatever it is given: a function or method of a local daemon's client
// or of a metrics exporter, or an SDK method that sends a schema (CreateMetricDescriptor).
func noDataCall(fobj *types.Func) bool {
	if fobj.Pkg() == nil {
		return false
	}
	if noDataPackage(fobj.Pkg().Path()) {
		return true
	}
	if sig, ok := fobj.Type().(*types.Signature); ok && sig.Recv() != nil {
		if pkgPath, _ := namedPath(sig.Recv().Type()); noDataPackage(pkgPath) {
			return true
		}
	}
	if !isInfra(fobj.Pkg()) {
		return false
	}
	for _, s := range nonExports.methodSuffixes {
		if strings.HasSuffix(fobj.Name(), s) {
			return true
		}
	}
	return false
}
