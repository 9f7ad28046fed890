package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/noticevet/noticevet/internal/check"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/resultcache"
	"github.com/noticevet/noticevet/internal/rules"
)

// cmdSuggest runs a check and prints, per notice file, the unified diff
// that proposes the text for the findings a sentence can fix; with -w it
// writes the proposal into the notice files instead. The exit status is
// check's, for the notice as it was.
func cmdSuggest(args []string, stdout, stderr io.Writer) (int, error) {
	var f checkFlags
	formats := []string{"diff"}
	fs := newFlagSet("suggest", stderr, &f, formats, true)
	fs.Lookup("format").DefValue, f.format = "diff", "diff"
	fs.StringVar(&f.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning, note, never")
	fs.StringVar(&f.baseline, "baseline", "", "a previous -format json output `PATH`; findings already in it get no text")
	fs.StringVar(&f.configFrom, "config-from", "", "take the configuration, the -baseline file and the list of notices from git revision `REV`, as check does")
	write := fs.Bool("w", false, "write the proposed text into the notice files rather than print the diff")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return 0, err
	}
	if err := checkFormat(f.format, formats); err != nil {
		return 0, err
	}
	failOn, err := rules.ParseSeverity(f.failOn)
	if err != nil {
		return 0, &usageError{"-fail-on: " + err.Error()}
	}
	dir, err := oneDir("suggest", pos)
	if err != nil {
		return 0, err
	}
	opts := check.Options{Dir: dir, Notices: f.notices, Config: f.config, Baseline: f.baseline, Tags: f.tagList(), GoCache: resultcache.Open(), Warn: warnTo(stderr)}
	var res *report.Result
	if f.configFrom != "" {
		res, err = checkTrusted(opts, f.configFrom)
	} else {
		res, err = check.Run(opts)
	}
	if err != nil {
		// A check that could not be done proposes nothing: its findings
		// may be incomplete.
		return 0, err
	}
	for _, s := range res.Suggestions {
		if !*write {
			if _, err := io.WriteString(stdout, s.Diff()); err != nil {
				return 0, err
			}
			continue
		}
		if err := writeNotice(noticePath(dir, s.Path), s.Old, s.New()); err != nil {
			return 0, err
		}
		fmt.Fprintf(stderr, "noticevet: wrote %s\n", report.Escape(s.Path))
	}
	for _, x := range res.Findings {
		if x.Severity >= failOn {
			return exitFindings, nil
		}
	}
	return exitClean, nil
}

// noticePath is the file a notice path of the result names: relative to
// DIR, or, for a notice named with -notice outside DIR, as named.
func noticePath(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	in := filepath.Join(dir, filepath.FromSlash(p))
	if _, err := os.Stat(in); err != nil {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return in
}

// writeNotice replaces a notice's content, keeping its mode, when it
// still holds what the proposal was made from.
func writeNotice(p, old, text string) error {
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if string(cur) != old {
		return fmt.Errorf("%s: changed while the proposal was made; not written", filepath.ToSlash(p))
	}
	return os.WriteFile(p, []byte(text), info.Mode().Perm())
}
