package rules

import (
	"fmt"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

var unresolvedDestination = &Rule{
	ID:       UnresolvedDestination,
	Severity: Note,
	Summary:  "Where data goes cannot be decided statically.",
	Help: "An export or storage site whose destination country cannot be decided without running anything: a region from a variable with no " +
		"value, a host from an environment variable, an AWS account that no entity places. noticevet never guesses; it says so. It also marks " +
		"what the notice leaves undecidable: a denial about outside \"the country\" with no home country set, and a list of countries the notice " +
		"keeps elsewhere (a link noticevet cannot read).",
	Fires: "provider \"aws\" { region = var.region } with no default and no tfvars",
	Quiet: "variable \"region\" { default = \"ap-northeast-1\" }",
	Fix:   "Give the value statically (a default, a tfvars file, a constant), or place it in .noticevet.hcl with an entity or host block.",
	Example: map[string]string{
		"PRIVACY.md":  "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"infra/s3.tf": "provider \"aws\" { region = var.region }\n\nvariable \"region\" {}\n\nresource \"aws_s3_bucket\" \"media\" {}\n",
	},
	LookAlike: map[string]string{
		"PRIVACY.md":  "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"infra/s3.tf": "provider \"aws\" { region = var.region }\n\nvariable \"region\" { default = \"ap-northeast-1\" }\n\nresource \"aws_s3_bucket\" \"media\" {}\n",
	},
	site: func(st *state, s *site) *Finding {
		e := s.ev
		if e.Country != "" {
			return nil
		}
		return &Finding{
			Message: fmt.Sprintf("%s: cannot decide where it %s personal data%s: %s", e.What, verbBare(e), via(s.instances), unnamedHost(e)),
			Pos:     e.Pos,
		}
	},
	notice: func(st *state) []Finding {
		var out []Finding
		seen := map[[2]string]bool{}
		for i := range st.Claims {
			c := &st.Claims[i]
			if c.Scope == notices.Elsewhere {
				// The notice names the countries in a list it points to
				// that noticevet cannot read: once per notice and list.
				where := c.Link
				if where == "" {
					where = c.Why.Place
				}
				if where == "" {
					where = c.Text
				}
				if k := [2]string{c.Path, where}; !seen[k] {
					seen[k] = true
					out = append(out, Finding{
						Message: fmt.Sprintf("the notice names the countries elsewhere (%s); noticevet cannot read that list: name them in the notice or place them with host blocks", where),
						Pos:     evidence.Pos{Path: c.Path, Line: c.Line, Column: c.Column},
						Claim:   refOf(c),
					})
				}
				continue
			}
			// A denial about outside "the country" cannot be weighed
			// without knowing which country that is. (A statement that data
			// may go outside it is no-country-named's, home or not.)
			if !outsideNoHome(c, st.Home) || c.Scope != notices.Negative {
				continue
			}
			out = append(out, Finding{
				Message: "the notice speaks of outside \"the country\" but names none, and no home country is set; set home in .noticevet.hcl",
				Pos:     evidence.Pos{Path: c.Path, Line: c.Line, Column: c.Column},
				Claim:   refOf(c),
			})
		}
		return out
	},
}

// outsideNoHome reports whether a claim speaks of outside "the country"
// without naming it while no home country is set: nothing can be decided
// from it.
func outsideNoHome(c *notices.Claim, home string) bool {
	return c.Outside && len(c.Countries) == 0 && home == ""
}

// unnamedHost is why a site could not be placed, without naming a second
// time the host its name already ends with ("http.Post to api.example.io"):
// a note stays on about 200 characters.
func unnamedHost(e evidence.Evidence) string {
	_, host, ok := strings.Cut(e.What, " to ")
	if !ok || host == "" || strings.Contains(host, " ") {
		return e.Unresolved
	}
	if rest, ok := strings.CutPrefix(e.Unresolved, "no public rule places "+host+";"); ok {
		return "no public rule places the host;" + rest
	}
	if rest, ok := strings.CutPrefix(e.Unresolved, host+" is "); ok {
		return "the host is " + rest
	}
	if rest, ok := strings.CutPrefix(e.Unresolved, host+": "); ok {
		return rest // a hosts row's reason ("MongoDB Atlas hosts name no region")
	}
	return e.Unresolved
}
