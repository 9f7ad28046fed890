// Command trivialvet is the floor bench/govet.sh measures noticevet
// against: a go vet tool whose one analyzer only walks the syntax.
package main

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/ast/inspector"
)

var trivial = &analysis.Analyzer{
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

func main() { unitchecker.Main(trivial) }
