// Package rules holds noticevet's rules — what each one means, its default
// severity, an example that fires and one that does not — and the engine
// that applies them to a notice's claims and a repository's evidence.
//
// Each rule is a unit in a file of its own (false_claim.go,
// undisclosed_country.go, no_country_named.go, translation_mismatch.go,
// unresolved_destination.go): its metadata, the example repositories that
// show it firing and staying quiet (TestExamples runs them through the
// whole check), and its check. Adding a rule is one such file and one entry
// in All. The engine is a pure function: it reads no files and knows
// nothing of how claims and evidence were found. The README's rule table,
// the SARIF rule metadata and `noticevet help RULE` are all generated from
// All.
package rules

import (
	"fmt"
	"strings"
)

// Severity orders how much a finding matters. The zero value is invalid.
type Severity int

// The severities, lowest first.
const (
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText makes a severity read as its name in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name as -fail-on takes it; "never" is
// above every severity, so nothing reaches it.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "note":
		return Note, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	case "never":
		return Error + 1, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, note or never)", s)
}

// Rule is one documented check: its metadata, the examples that show it,
// and the function that applies it. A rule lives in a file of its own
// (false_claim.go, ...), and is listed in All.
type Rule struct {
	ID       string
	Severity Severity // every finding of the rule has it
	Summary  string   // one line, for tables
	Help     string   // a paragraph: what it means and why it matters
	Fires    string   // an example that fires, as the docs show it
	Quiet    string   // a look-alike that does not, as the docs show it
	Fix      string   // how to fix

	// Example and LookAlike are the repositories behind Fires and Quiet,
	// file path to content: a test runs them through the whole check and
	// requires a finding of the rule on Example and none on LookAlike.
	Example, LookAlike map[string]string

	// site reports one evidence site, or returns nil; nil for a rule that
	// does not look at evidence.
	site func(*state, *site) *Finding
	// notice reports on the notice as a whole; nil for a rule that does
	// not.
	notice func(*state) []Finding
}

// report gives a finding the rule's id and severity, so no finding types
// them again.
func (r *Rule) report(f Finding) Finding {
	f.Rule, f.Severity = r.ID, r.Severity
	return f
}

// The rule ids, as in the README.
const (
	FalseClaim            = "false-claim"
	UndisclosedCountry    = "undisclosed-country"
	NoCountryNamed        = "no-country-named"
	TranslationMismatch   = "translation-mismatch"
	UnresolvedDestination = "unresolved-destination"
)

// All lists every rule, in the order the README gives them. For one
// evidence site, the first rule in this order that reports it is its
// finding: a site that contradicts an exclusive claim is false-claim, not
// also undisclosed-country.
var All = []*Rule{falseClaim, undisclosedCountry, noCountryNamed, translationMismatch, unresolvedDestination}

// Lookup returns the rule with an id.
func Lookup(id string) (*Rule, bool) {
	for _, r := range All {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// IDs lists the rule ids, for messages.
func IDs() string {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}

// MarkdownTable renders the rule table the README shows.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| rule | severity | when |\n|---|---|---|\n")
	for _, r := range All {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.Severity, r.Summary)
	}
	return b.String()
}
