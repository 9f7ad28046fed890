// Package trivial is the analyzer noticevet's go vet benchmarks measure it
// against: it walks every node of the syntax and reports nothing, so a run
// with it costs what any analyzer pays (loading, type checking, the vet
// protocol) and no more. bench/trivialvet serves it to go vet; the
// analyzer's in-process benchmark runs it directly.
package trivial

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer walks the syntax of a package and reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:     "trivial",
	Doc:      "trivial walks every node of the syntax and reports nothing.",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		n := 0
		pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Preorder(nil, func(ast.Node) { n++ })
		_ = n
		return nil, nil
	},
}
