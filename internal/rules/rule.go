// Package rules holds noticevet's rules — what each one means, its default
// severity, an example that fires and one that does not — and the engine
// that applies them to a notice's claims and a repository's evidence.
//
// The engine is a pure function: it reads no files and knows nothing of
// how claims and evidence were found. The README's rule table, the SARIF
// rule metadata and `noticevet help RULE` are all generated from All.
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

// Rule is one documented check.
type Rule struct {
	ID       string
	Severity Severity
	Summary  string // one line, for tables
	Help     string // a paragraph: what it means and why it matters
	Fires    string // an example that fires
	Quiet    string // a look-alike that does not
	Fix      string // how to fix
}

// The rule ids, as in the contract.
const (
	FalseClaim            = "false-claim"
	UndisclosedCountry    = "undisclosed-country"
	NoCountryNamed        = "no-country-named"
	TranslationMismatch   = "translation-mismatch"
	UnresolvedDestination = "unresolved-destination"
)

// All lists every rule, in the order the contract gives them.
var All = []*Rule{
	{
		ID:       FalseClaim,
		Severity: Error,
		Summary:  "The notice says data stays in (or never goes to) a country, and the repository puts it elsewhere.",
		Help: "The notice makes an exclusive or negative statement — \"stored only in Japan\", \"we do not transfer personal data outside Japan\", " +
			"\"no access from outside Japan\", \"we do not store data in China\" — and the infrastructure or code stores personal data in, sends it to, " +
			"or makes it accessible from a country that the statement rules out. A statement limited to a kind of data (\"payment information " +
			"is stored only in Japan\") speaks only of stores whose names do not say they hold other kinds. Reported at the evidence, naming the statement.",
		Fires: "PRIVACY.md: \"All personal data is stored only on servers in Japan.\"\n" +
			"infra/media.tf: resource \"aws_s3_bucket\" \"media\" { provider = aws.seoul }",
		Quiet: "PRIVACY.md: \"Personal data is stored in Japan and South Korea.\" with the same bucket (that is disclosed, not false).",
		Fix:   "Move the data to where the notice says it is, or correct the notice so that it names every country the data goes to.",
	},
	{
		ID:       UndisclosedCountry,
		Severity: Error,
		Summary:  "Personal data goes to a country the notice never names.",
		Help: "Personal data is stored in, sent to, or accessible from a country that the notice never names, and no exclusive or negative " +
			"statement covers it (that would be false-claim). Data in the home country is domestic and needs no naming. Reported at the evidence.",
		Fires: "PRIVACY.md: \"Personal data may be stored in Japan.\"\ninfra/logs.tf: a log group in us-east-1",
		Quiet: "The same, with PRIVACY.md: \"Logs are stored in the United States.\"",
		Fix:   "Name the country in the notice (with the recipient and purpose), or keep the data out of it.",
	},
	{
		ID:       NoCountryNamed,
		Severity: Error,
		Summary:  "The notice says data may go abroad but names no country.",
		Help: "The notice says personal data may go to, be stored in, or be accessed from foreign countries in general terms (\"overseas\", " +
			"\"foreign countries\", \"outside Japan\", \"外国\") but names no specific foreign country for it. Japan's APPI as amended in 2022 " +
			"requires the name of the country, even when a foreign contractor only reaches servers in Japan. A denial (\"we do not transfer personal " +
			"data outside Japan\") is not such a statement. Reported at the notice statement; the message lists the countries the evidence shows.",
		Fires: "PRIVACY.md: \"Your personal data may be transferred to foreign countries.\"",
		Quiet: "PRIVACY.md: \"Your personal data may be transferred to South Korea and the United States.\"",
		Fix:   "Name each foreign country personal data goes to, stored in or accessed from (a table of recipient, country and purpose works well).",
	},
	{
		ID:       TranslationMismatch,
		Severity: Warning,
		Summary:  "Two language versions of the notice disagree on where data goes.",
		Help: "One language version names a country the other omits, or one is exclusive and the other is not. Reported at the weaker statement, " +
			"naming the other.",
		Fires: "PRIVACY.md: \"stored in Japan and South Korea\"; PRIVACY.ja.md: 「日本国内のみで保管します」",
		Quiet: "Both versions name Japan and South Korea.",
		Fix:   "Make the versions say the same thing; the binding version decides.",
	},
	{
		ID:       UnresolvedDestination,
		Severity: Note,
		Summary:  "Where data goes cannot be decided statically.",
		Help: "An export or storage site whose destination country cannot be decided without running anything: a region from a variable with no " +
			"value, a host from an environment variable, an AWS account that no entity places. noticevet never guesses; it says so.",
		Fires: "provider \"aws\" { region = var.region } with no default and no tfvars",
		Quiet: "variable \"region\" { default = \"ap-northeast-1\" }",
		Fix:   "Give the value statically (a default, a tfvars file, a constant), or place it in .noticevet.hcl with an entity or host block.",
	},
}

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
