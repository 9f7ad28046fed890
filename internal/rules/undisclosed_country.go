package rules

import "fmt"

var undisclosedCountry = &Rule{
	ID:       UndisclosedCountry,
	Severity: Error,
	Summary:  "Personal data goes to a country the notice never names.",
	Help: "Personal data is stored in, sent to, or accessible from a country that the notice never names, and no exclusive or negative " +
		"statement covers it (that would be false-claim). Data in the home country is domestic and needs no naming. Reported at the evidence.",
	Fires: "PRIVACY.md: \"Personal data may be stored in Japan.\"\ninfra/logs.tf: a log group in us-east-1",
	Quiet: "The same, with PRIVACY.md: \"Logs are stored in the United States.\"",
	Fix:   "Name the country in the notice (with the recipient and purpose), or keep the data out of it.",
	Example: map[string]string{
		"PRIVACY.md":    "# Privacy\n\nPersonal data may be stored in Japan.\n",
		"infra/logs.tf": virginiaLogs,
	},
	LookAlike: map[string]string{
		"PRIVACY.md":    "# Privacy\n\nPersonal data may be stored in Japan.\n\nLogs are stored in the United States.\n",
		"infra/logs.tf": virginiaLogs,
	},
	site: func(st *state, s *site) *Finding {
		e := s.ev
		if e.Country == "" || e.Country == st.Home && st.Home != "" || st.named[e.Country] || st.contradiction(s) != nil {
			return nil // undecided, domestic, named, or false-claim's
		}
		return &Finding{
			Country: e.Country,
			Message: fmt.Sprintf("%s, which the notice never names", describe(e, s.instances)),
			Pos:     e.Pos,
		}
	},
}

// virginiaLogs is a log group in us-east-1.
const virginiaLogs = `provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "app"
}
`
