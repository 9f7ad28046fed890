package check

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/appconfig"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/terraform"
	"github.com/noticevet/noticevet/internal/testfs"
	"github.com/noticevet/noticevet/internal/tfplan"
)

func TestJoinPlan(t *testing.T) {
	pos := func(path string, line int) evidence.Pos { return evidence.Pos{Path: path, Line: line, Column: 1} }
	tf := []evidence.Evidence{
		// The pipeline's region: the plan places it.
		{Kind: evidence.Store, What: "aws_s3_bucket.uploads", Unresolved: "region comes from var.region, which has no value", Pos: pos("main.tf", 9)},
		// Placed by both in the same country: one is enough.
		{Kind: evidence.Store, What: "aws_s3_bucket.media", Country: "JP", Region: "ap-northeast-1", Via: "provider aws", Pos: pos("main.tf", 20)},
		// Placed by the default, and by the plan elsewhere: both stay.
		{Kind: evidence.Store, What: "aws_s3_bucket.logs", Country: "JP", Region: "ap-northeast-1", Pos: pos("main.tf", 30)},
		// The plan cannot place it either: the reader's reason stays.
		{Kind: evidence.Store, What: "aws_s3_bucket.tmp", Unresolved: "region comes from var.other, which has no value", Pos: pos("main.tf", 40)},
		// Look-alike: the same file and line, another resource.
		{Kind: evidence.Store, What: "aws_s3_bucket.other", Unresolved: "region comes from var.region, which has no value", Pos: pos("main.tf", 50)},
		// Look-alike: an access site is not a store the plan places.
		{Kind: evidence.Access, What: "aws_iam_role.ops", Unresolved: "AWS account 1 is not placed by any entity", Pos: pos("main.tf", 9)},
	}
	plan := []evidence.Evidence{
		{Kind: evidence.Store, What: "aws_s3_bucket.uploads", Country: "IE", Region: "eu-west-1", Defined: "plan plan.json", Pos: pos("main.tf", 9)},
		{Kind: evidence.Store, What: "aws_s3_bucket.media", Country: "JP", Region: "ap-northeast-1", Defined: "plan plan.json", Pos: pos("main.tf", 20)},
		{Kind: evidence.Store, What: "aws_s3_bucket.logs", Country: "US", Region: "us-east-1", Defined: "plan plan.json", Pos: pos("main.tf", 30)},
		{Kind: evidence.Store, What: "aws_s3_bucket.tmp", Unresolved: "the plan gives no region for it", Defined: "plan plan.json", Pos: pos("main.tf", 40)},
		{Kind: evidence.Store, What: "aws_s3_bucket.uploads2", Country: "BR", Region: "sa-east-1", Defined: "plan plan.json", Pos: pos("main.tf", 50)},
		// Only the plan knows it (a remote module).
		{Kind: evidence.Store, What: "aws_s3_bucket.this", Country: "US", Region: "us-east-1", Instances: []string{"module.logs"}, Defined: "plan plan.json, in remote module x", Pos: pos("main.tf", 60)},
	}
	want := `main.tf:9:1 access aws_iam_role.ops ? 
main.tf:9:1 store aws_s3_bucket.uploads IE plan plan.json
main.tf:20:1 store aws_s3_bucket.media JP 
main.tf:30:1 store aws_s3_bucket.logs JP 
main.tf:30:1 store aws_s3_bucket.logs US plan plan.json
main.tf:40:1 store aws_s3_bucket.tmp ? 
main.tf:50:1 store aws_s3_bucket.other ? 
main.tf:50:1 store aws_s3_bucket.uploads2 BR plan plan.json
main.tf:60:1 store aws_s3_bucket.this US plan plan.json, in remote module x
`
	show := func(es []evidence.Evidence) string {
		es = slices.Clone(es)
		evidence.Sort(es)
		var b strings.Builder
		for _, e := range es {
			c := e.Country
			if c == "" {
				c = "?"
			}
			fmt.Fprintf(&b, "%s %s %s %s %s\n", e.Pos, e.Kind, e.What, c, e.Defined)
		}
		return b.String()
	}
	other := []evidence.Evidence{{Kind: evidence.Send, What: "http.Post to api.example.cn", Country: "CN", Pos: pos("app/main.go", 3)}}
	// The sources in either order, the evidence of each in either order.
	for _, order := range []string{"terraform first", "plan first"} {
		srcs := []source{{Source: terraform.Source{}}, {Source: appconfig.Source{}}, {Source: tfplan.Source{}}}
		found := []evidence.Found{{Evidence: tf}, {Evidence: other}, {Evidence: plan}}
		if order == "plan first" {
			slices.Reverse(srcs)
			slices.Reverse(found)
			found[0].Evidence = slices.Clone(plan)
			slices.Reverse(found[0].Evidence)
			found[2].Evidence = slices.Clone(tf)
			slices.Reverse(found[2].Evidence)
		}
		got := show(evidenceOf(srcs, found))
		if w := "app/main.go:3:1 send http.Post to api.example.cn CN \n" + want; got != w {
			t.Errorf("%s:\n%s\nwant:\n%s", order, got, w)
		}
	}
	if got := show(joinPlan(tf, nil)); got != show(tf) {
		t.Errorf("without a plan:\n%s", got)
	}
}

// TestRunPlan: through the whole check, the plan places what the
// configuration reads from a data source (a resource group's location
// set by `az deployment … -l "West Europe"`) and what a provider alias
// takes from the pipeline; the Terraform source's unresolved evidence at
// the same lines goes.
func TestRunPlan(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"PRIVACY.md": "# Privacy\n\nAll personal data is stored only in Japan.\n",
		"infra/main.tf": `data "azurerm_resource_group" "rg" {
  name = "rg-prod"
}

resource "azurerm_storage_account" "media" {
  name                     = "media"
  location                 = data.azurerm_resource_group.rg.location
  account_replication_type = "LRS"
}

variable "dr_region" {}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

resource "aws_dynamodb_table" "users" {
  provider = aws.dr
  name     = "users"
}
`,
		"infra/plan.json": `{"format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "azurerm_storage_account.media", "mode": "managed", "type": "azurerm_storage_account", "name": "media",
     "values": {"name": "media", "location": "westeurope", "account_replication_type": "LRS"}},
    {"address": "aws_dynamodb_table.users", "mode": "managed", "type": "aws_dynamodb_table", "name": "users",
     "values": {"name": "users"}}]}},
  "configuration": {"provider_config": {
      "aws.dr": {"name": "aws", "alias": "dr", "expressions": {"region": {"constant_value": "us-west-2"}}}},
    "root_module": {"resources": [
      {"address": "data.azurerm_resource_group.rg", "mode": "data", "provider_config_key": "azurerm"},
      {"address": "azurerm_storage_account.media", "mode": "managed", "provider_config_key": "azurerm"},
      {"address": "aws_dynamodb_table.users", "mode": "managed", "provider_config_key": "aws.dr"}]}}}`,
	})
	var warns []string
	warn := func(m string) { warns = append(warns, m) }
	before, err := Run(Options{Dir: dir, Warn: warn})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Dir: dir, Plans: []string{filepath.Join(dir, "infra", "plan.json")}, Warn: warn})
	if err != nil {
		t.Fatal(err)
	}
	show := func(es []evidence.Evidence) string {
		var b strings.Builder
		for _, e := range es {
			fmt.Fprintf(&b, "%s %s %q %q\n", e.Pos, e.What, e.Country, e.Defined)
		}
		return b.String()
	}
	wantBefore := `infra/main.tf:7:3 azurerm_storage_account.media "" ""
infra/main.tf:19:3 aws_dynamodb_table.users "" ""
`
	want := `infra/main.tf:7:3 azurerm_storage_account.media "NL" "plan infra/plan.json"
infra/main.tf:19:3 aws_dynamodb_table.users "US" "plan infra/plan.json"
`
	if got := show(before.Evidence); got != wantBefore {
		t.Errorf("without the plan:\n%s\nwant:\n%s", got, wantBefore)
	}
	if got := show(res.Evidence); got != want {
		t.Errorf("with the plan:\n%s\nwant:\n%s", got, want)
	}
	if len(res.Findings) != 2 || res.NoEvidence != "" {
		t.Errorf("findings %v, no evidence %q", res.Findings, res.NoEvidence)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "only evidence whose country cannot be decided") {
		t.Errorf("warnings %q", warns)
	}
}
