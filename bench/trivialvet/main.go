// Command trivialvet is the floor bench/govet.sh measures noticevet
// against: a go vet tool whose one analyzer only walks the syntax.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/noticevet/noticevet/bench/trivial"
)

func main() { unitchecker.Main(trivial.Analyzer) }
