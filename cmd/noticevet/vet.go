package main

import "github.com/noticevet/noticevet/analyzer/vettool"

// vetMain makes noticevet a go vet tool: when the arguments are go vet's
// protocol (-V=full, -flags, or flags and one *.cfg file) it runs the
// noticevet analyzer as go vet asks and exits; for any other command line
// it reports false and does nothing.
//
//	go vet -vettool=$(command -v noticevet) ./...
func vetMain(args []string) (handled bool) {
	if !vettool.IsVet(args) {
		return false
	}
	vettool.Main() // exits
	return true
}
