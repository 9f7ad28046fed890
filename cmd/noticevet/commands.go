package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/noticevet/noticevet/internal/check"
	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/resultcache"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/notices"
)

// checkFlags are the flags check, map and claims share.
type checkFlags struct {
	notices  multiFlag
	config   string
	format   string
	failOn   string
	baseline string
	// configFrom is the git revision the configuration, the baseline and
	// the list of notices are taken from (-config-from).
	configFrom string
	// tags are Go build tags, comma-separated as go vet -tags takes them.
	tags string
	// plans are Terraform plans or states (terraform show -json) read as
	// evidence.
	plans multiFlag
}

// tagList splits -tags as the go command does: commas (or, in the old
// form, spaces) between tags.
func (f *checkFlags) tagList() []string {
	return strings.FieldsFunc(f.tags, func(r rune) bool { return r == ',' || r == ' ' })
}

func newFlagSet(name string, stderr io.Writer, f *checkFlags, formats []string, withCheck bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(formats, ", "))
	if withCheck {
		fs.Var(&f.notices, "notice", "the notice `PATH`; may repeat (default: PRIVACY.md, PRIVACY.*.md, privacy*.md, docs/privacy*.md under DIR)")
		fs.StringVar(&f.config, "config", "", "the configuration file `PATH` (default: DIR/.noticevet.hcl when present)")
		fs.StringVar(&f.tags, "tags", "", "Go build tags, comma-separated, as go vet -tags takes them: `TAG,TAG`")
		fs.Var(&f.plans, "plan", "a Terraform plan or state as terraform show -json writes it, `FILE`, read as evidence; may repeat")
	}
	return fs
}

func checkFormat(format string, formats []string) error {
	for _, f := range formats {
		if f == format {
			return nil
		}
	}
	return &usageError{fmt.Sprintf("-format: unknown format %q (want %s)", format, strings.Join(formats, ", "))}
}

func oneDir(cmd string, pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return ".", nil
	case 1:
		return pos[0], nil
	}
	return "", &usageError{fmt.Sprintf("%s takes one folder, got %d arguments", cmd, len(pos))}
}

func cmdCheck(args []string, stdout, stderr io.Writer) (int, error) {
	var f checkFlags
	fs := newFlagSet("check", stderr, &f, report.Formats, true)
	fs.StringVar(&f.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning, note, never")
	fs.StringVar(&f.baseline, "baseline", "", "a previous -format json output `PATH`; findings already in it are not reported")
	fs.StringVar(&f.configFrom, "config-from", "", "take the configuration, the -baseline file and the list of notices from git revision `REV` (a pull request's base), not from the working tree")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return 0, err
	}
	if err := checkFormat(f.format, report.Formats); err != nil {
		return 0, err
	}
	failOn, err := rules.ParseSeverity(f.failOn)
	if err != nil {
		return 0, &usageError{"-fail-on: " + err.Error()}
	}
	dir, err := oneDir("check", pos)
	if err != nil {
		return 0, err
	}
	opts := check.Options{Dir: dir, Notices: f.notices, Config: f.config, Baseline: f.baseline, Tags: f.tagList(), GoCache: resultcache.Open(), Plans: f.plans, Warn: warnTo(stderr)}
	var res *report.Result
	var runErr error
	if f.configFrom != "" {
		res, runErr = checkTrusted(opts, f.configFrom)
	} else {
		res, runErr = check.Run(opts)
	}
	// JSON and SARIF documents carry every problem of a check that failed,
	// so the tools that read them see the failure and where it is; the
	// other formats show the first on stderr only.
	carries := f.format == "json" || f.format == "sarif"
	if res == nil {
		if !carries {
			return 0, runErr
		}
		res = &report.Result{}
	}
	if runErr != nil && carries {
		res.Errors = diag.All(runErr)
	}
	res.Version = version()
	out := res
	if f.format == "sarif" || f.format == "github" {
		// GitHub places these paths from the repository root.
		out = report.Rebase(res, fromRepoRoot(dir))
	}
	if err := report.Write(stdout, f.format, out); err != nil {
		return 0, err
	}
	if note := report.SuppressedNote(res); note != "" && f.format == "text" {
		fmt.Fprintln(stderr, note)
	}
	if f.format == "text" {
		for _, t := range res.Trust {
			warnTo(stderr)(t)
		}
	}
	if runErr != nil {
		// Only the Go part failed: what the rest found is shown, and the
		// run still fails.
		return 0, runErr
	}
	for _, x := range res.Findings {
		if x.Severity >= failOn {
			return exitFindings, nil
		}
	}
	return exitClean, nil
}

// warnTo prints the check's warnings — things it could read but that may
// make it pass for the wrong reason — one line each, on stderr.
func warnTo(w io.Writer) func(string) {
	return func(msg string) { fmt.Fprintf(w, "noticevet: %s\n", report.Escape(oneLine(msg))) }
}

// fromRepoRoot is the path of dir from the root of the git repository it
// lies in ("." for the root itself, or when there is none).
func fromRepoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "."
	}
	root, err := repo.Root(abs)
	if err != nil {
		return "."
	}
	return repo.Rel(root, abs)
}

func cmdMap(args []string, stdout, stderr io.Writer) (int, error) {
	var f checkFlags
	formats := []string{"text", "json", "markdown"}
	fs := newFlagSet("map", stderr, &f, formats, true)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return 0, err
	}
	if err := checkFormat(f.format, formats); err != nil {
		return 0, err
	}
	dir, err := oneDir("map", pos)
	if err != nil {
		return 0, err
	}
	// The map shows where personal data goes; it needs no claims, so a
	// repository without a notice is mapped all the same.
	res, runErr := check.Run(check.Options{Dir: dir, Notices: f.notices, Config: f.config, NoticeOptional: true, Tags: f.tagList(), GoCache: resultcache.Open(), Plans: f.plans, Warn: warnTo(stderr)})
	if res == nil {
		return 0, runErr
	}
	if err := writeMap(stdout, f.format, res); err != nil {
		return 0, err
	}
	// runErr is the Go part's, which failed: the map shows the rest.
	return exitClean, runErr
}

// writeMap writes the evidence of a check as a table, JSON or Markdown.
func writeMap(stdout io.Writer, format string, res *report.Result) error {
	switch format {
	case "json":
		// version first, as in check's document.
		return writeJSON(stdout, struct {
			Version  int                 `json:"version"`
			Evidence []evidence.Evidence `json:"evidence"`
		}{1, nonNil(res.Evidence)})
	case "markdown":
		return report.DataMap(stdout, res)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHAT\tDOES\tCOUNTRY\tHOW\tWHERE")
	for _, e := range res.Evidence {
		c := "?"
		how := e.Region
		if e.Country != "" {
			c = e.Country + " " + country.Name(e.Country)
		} else {
			how = e.Unresolved
		}
		if how == "" {
			how = e.Via
		}
		if e.Defined != "" {
			how += ", " + e.Defined
		}
		what := e.What
		if len(e.Instances) > 0 {
			what += " (" + strings.Join(e.Instances, ", ") + ")"
		}
		// Each cell may hold repository text: escaped, it keeps to its
		// line and column (a tab would too start a new column).
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", report.Escape(what), e.Kind, report.Escape(c), report.Escape(how), report.Escape(e.Pos.String()))
	}
	return tw.Flush()
}

func cmdClaims(args []string, stdout, stderr io.Writer) (int, error) {
	var f checkFlags
	formats := []string{"text", "json"}
	fs := newFlagSet("claims", stderr, &f, formats, false)
	explain := fs.Bool("explain", false, "show, under each claim, the words that made it (verb, place, scope word, data kind)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return 0, err
	}
	if err := checkFormat(f.format, formats); err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, &usageError{"claims takes one notice file"}
	}
	src, err := check.ReadNotice(pos[0], pos[0])
	if err != nil {
		return 0, err
	}
	claims, err := notices.Parse(pos[0], src)
	if err != nil {
		return 0, err
	}
	if len(claims) == 0 {
		warnTo(stderr)(check.NoStatement(pos[0], len(bytes.TrimSpace(src)) == 0))
	}
	if f.format == "json" {
		return exitClean, report.ClaimsJSON(stdout, claims, *explain)
	}
	for _, c := range claims {
		countries := strings.Join(c.Countries, ",")
		if c.Outside {
			countries = strings.TrimSpace("outside " + countries)
		}
		if countries == "" && c.Link != "" {
			countries = "at " + report.Escape(c.Link)
		}
		if countries == "" {
			countries = "-"
		}
		fmt.Fprintf(stdout, "%s:%d:%d: %s %s %s %q\n", report.Escape(c.Path), c.Line, c.Column, c.Kind, c.Scope, countries, c.Text)
		if *explain {
			fmt.Fprintf(stdout, "    %s\n", report.Escape(because(c.Why)))
		}
	}
	return exitClean, nil
}

// because renders the words that made a claim, for claims -explain:
// verb "stored"; place "in Japan"; scope "only"; data payment (credit card).
func because(w notices.Because) string {
	var parts []string
	for _, f := range []struct{ name, v string }{{"verb", w.Verb}, {"place", w.Place}, {"scope", w.Scope}} {
		if f.v != "" {
			parts = append(parts, fmt.Sprintf("%s %q", f.name, f.v))
		}
	}
	if len(w.Data) > 0 {
		parts = append(parts, "data "+strings.Join(w.Data, ", "))
	}
	return strings.Join(parts, "; ")
}

func cmdHelp(args []string, stdout io.Writer) (int, error) {
	if len(args) == 0 {
		usage(stdout)
		fmt.Fprintln(stdout, "\nrules:")
		for _, r := range rules.All {
			fmt.Fprintf(stdout, "  %-24s %-8s %s\n", r.ID, r.Severity, r.Summary)
		}
		return exitClean, nil
	}
	r, ok := rules.Lookup(args[0])
	if !ok {
		return 0, &usageError{fmt.Sprintf("unknown rule %q (rules: %s)", args[0], rules.IDs())}
	}
	fmt.Fprintf(stdout, "%s (%s)\n\n%s\n\n%s\n\nFires:\n  %s\n\nDoes not fire:\n  %s\n\nHow to fix:\n  %s\n",
		r.ID, r.Severity, r.Summary, r.Help, indent(r.Fires), indent(r.Quiet), r.Fix)
	return exitClean, nil
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
