// Command noticevet checks that a privacy notice tells the truth about where
// personal data goes: it reads the notice's claims, the repository's
// Terraform, and reports every claim the evidence makes false.
//
// Usage:
//
//	noticevet check [flags] [DIR]    check a repository (default DIR ".")
//	noticevet suggest [flags] [DIR]  propose the notice text for the findings a sentence can fix
//	noticevet claims [flags] NOTICE  print the claims read from a notice
//	noticevet map [flags] [DIR]      print where personal data is stored, sent and accessed from
//	noticevet help [RULE]            describe the rules, or one rule
//	noticevet version
//
// Exit status: 0 when nothing reaches -fail-on, 1 when findings do, 2 when
// the check could not be done properly (the reason is printed on stderr).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/gctune"
)

// Exit statuses, as the README fixes them.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	// A soft memory limit of 900 MiB and a larger GOGC, unless the
	// environment sets them: a check's heap is mostly syntax trees, kept
	// until the root modules that use them are evaluated (see
	// gctune.Apply).
	gctune.Apply()
	// go vet -vettool=noticevet talks to the same binary.
	if vetMain(os.Args[1:]) {
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a problem with the command line: exit 2 after the reason.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	var code int
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "check":
		code, err = cmdCheck(rest, stdout, stderr)
	case "claims":
		code, err = cmdClaims(rest, stdout, stderr)
	case "map":
		code, err = cmdMap(rest, stdout, stderr)
	case "suggest":
		code, err = cmdSuggest(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		code, err = cmdHelp(rest, stdout)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "noticevet %s\n", version())
	default:
		err = &usageError{fmt.Sprintf("unknown command %q (commands: check, suggest, claims, map, help, version)", cmd)}
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		warn := warnTo(stderr)
		for _, line := range errorLines(err) {
			warn(line)
		}
		return exitError
	}
	return code
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: noticevet <command> [flags] [args]

commands:
  check [flags] [DIR]    check a repository (default DIR ".")
  suggest [flags] [DIR]  propose the notice text for the findings a sentence can fix, as a diff
  claims [flags] NOTICE  print the claims read from a notice
  map [flags] [DIR]      print where personal data is stored, sent and accessed from
  help [RULE]            describe the rules, or one rule
  version                print the version

Run "noticevet <command> -h" for a command's flags.
`)
}

// errorLines are the reasons of an exit 2, one a line: the errors of a
// list of diagnostics (each Go module that cannot be loaded), else the
// error itself.
func errorLines(err error) []string {
	var ds diag.Diagnostics
	if !errors.As(err, &ds) {
		return []string{err.Error()}
	}
	var lines []string
	for _, d := range ds {
		if d.Severity == diag.Error {
			lines = append(lines, d.Error())
		}
	}
	if len(lines) == 0 {
		return []string{err.Error()}
	}
	return lines
}

// oneLine keeps an exit-2 reason on one line whatever a library put in it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// version says which noticevet this is: the module version of a release
// build (go install ...@v1.2.3), else the revision of the checkout it was
// built from, with "-dirty" when the checkout had changes.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel (no build information)"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, at string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel (built without version control information: go run, or -buildvcs=false)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	if at != "" {
		return "devel " + rev + " " + at
	}
	return "devel " + rev
}

// parseFlags parses flags that may come before or after the positional
// arguments ("check -format json DIR" and "check DIR -format json"), as
// users of linters expect.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// multiFlag is a flag that may repeat.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }
