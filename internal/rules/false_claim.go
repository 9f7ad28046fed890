package rules

import (
	"fmt"

	"github.com/noticevet/noticevet/notices"
)

var falseClaim = &Rule{
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
	Example: map[string]string{
		"PRIVACY.md":     "# Privacy\n\nAll personal data is stored only on servers in Japan.\n",
		"infra/media.tf": seoulBucket,
	},
	LookAlike: map[string]string{
		"PRIVACY.md":     "# Privacy\n\nPersonal data is stored in Japan and South Korea.\n",
		"infra/media.tf": seoulBucket,
	},
	site: func(st *state, s *site) *Finding {
		e := s.ev
		if e.Country == "" || e.Country == st.Home && st.Home != "" {
			return nil // undecided, or domestic
		}
		c := st.contradiction(s)
		if c == nil {
			return nil
		}
		return &Finding{
			Country: e.Country,
			Message: fmt.Sprintf("%s, but %s:%d says %s", describe(e, s.instances), c.Path, c.Line, paraphrase(c, st.Home)),
			Pos:     e.Pos,
			Claim:   refOf(c),
		}
	},
}

// seoulBucket is a bucket in Seoul, beside a default provider in Tokyo.
const seoulBucket = `provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

resource "aws_s3_bucket" "media" { provider = aws.seoul }
`

// contradiction returns the first claim (by notice order) that rules out
// the site's country, nil for none; it is decided once per site.
func (st *state) contradiction(s *site) *notices.Claim {
	if !s.contraDone {
		s.contra, s.contraDone = contradiction(st.Input, s.ev), true
	}
	return s.contra
}
