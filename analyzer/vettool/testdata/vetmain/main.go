// Command vetmain is noticevet's go vet tool alone, for the tests of
// package vettool (the noticevet command embeds the same).
package main

import (
	"fmt"
	"os"

	"github.com/noticevet/noticevet/analyzer/vettool"
)

func main() {
	if !vettool.IsVet(os.Args[1:]) {
		fmt.Fprintln(os.Stderr, "usage: go vet -vettool=vetmain ./...")
		os.Exit(2)
	}
	vettool.Main()
}
