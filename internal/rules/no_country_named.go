package rules

import (
	"fmt"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

var noCountryNamed = &Rule{
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
	Example: map[string]string{
		"PRIVACY.md": "# Privacy\n\nYour personal data may be transferred to foreign countries.\n",
	},
	LookAlike: map[string]string{
		"PRIVACY.md": "# Privacy\n\nYour personal data may be transferred to South Korea and the United States.\n",
	},
	notice: func(st *state) []Finding {
		var out []Finding
		for i := range st.Claims {
			c := &st.Claims[i]
			// Every statement that data may go abroad and names no country
			// for it: "to other countries", "overseas", 「外国」, and "outside
			// the country where you live" too, home country set or not.
			if c.Scope != notices.VagueForeign || namesForeign(st.Input, c.Kind) {
				continue // a country is named for it elsewhere in the notice
			}
			if pointsElsewhere(st.Claims, c) {
				continue // the notice points to a list it cannot read: unresolved-destination says so
			}
			msg := fmt.Sprintf("the notice says personal data %s but names no country", vagueVerb(c.Kind))
			if abroad := foreignCountries(st.Input, c.Kind); len(abroad) > 0 {
				msg += fmt.Sprintf("; the repository puts it in %s", country.Names(abroad))
			}
			out = append(out, Finding{
				Message: msg,
				Pos:     evidence.Pos{Path: c.Path, Line: c.Line, Column: c.Column},
				Claim:   refOf(c),
			})
		}
		return out
	},
}

// pointsElsewhere reports whether the notice file of a vague claim points
// elsewhere for the countries of its kind ("see our list of
// sub-processors"): then the countries are named, in a list noticevet
// cannot read, and unresolved-destination says so once.
func pointsElsewhere(claims []notices.Claim, c *notices.Claim) bool {
	for i := range claims {
		if e := &claims[i]; e.Scope == notices.Elsewhere && e.Path == c.Path && e.Kind == c.Kind {
			return true
		}
	}
	return false
}
