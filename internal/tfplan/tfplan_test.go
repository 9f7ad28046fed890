package tfplan

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

// show prints evidence one per line, for exact comparison.
func show(es []evidence.Evidence) string {
	return testfs.Show(es, testfs.Pos, testfs.Kind, testfs.Name, testfs.Placed, testfs.Unresolved, testfs.Instances, testfs.Stores, testfs.Defined)
}

// read writes the files, and reads plan.json among them as a plan.
func read(t *testing.T, files map[string]string) (evidence.Found, error) {
	t.Helper()
	v := testfs.View(t, files)
	src := Source{Plans: []Plan{{Path: filepath.Join(v.Dir(), "plan.json"), Name: "plan.json"}}}
	return src.Read(v, place.Public)
}

// pipelineTF is a root module whose region only the pipeline knows.
const pipelineTF = `variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}
`

// plan is the JSON of a plan: the configuration's provider_config, the
// root module's planned resources and the variables.
func plan(providers, resources, extra string) string {
	return `{"format_version": "1.2", "terraform_version": "1.9.0",
  "planned_values": {"root_module": {"resources": [` + resources + `]}},
  "configuration": {"provider_config": {` + providers + `},
    "root_module": {"resources": [{"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads", "provider_config_key": "aws"}]}}` + extra + `}`
}

const uploads = `{"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads",
  "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"bucket": "uploads", "region": null}}`

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{
			name: "a provider region the pipeline sets, as a constant in the plan",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": plan(`"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}`, uploads, "")},
			want: `main.tf:9:1 store aws_s3_bucket.uploads IE region=eu-west-1 via="provider aws in the plan" store=s3-bucket/uploads (plan plan.json)` + "\n",
		},
		{
			name: "a provider region from a root variable the plan holds",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": plan(`"aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}}`, uploads,
					`, "variables": {"region": {"value": "ap-northeast-2"}}`)},
			want: `main.tf:9:1 store aws_s3_bucket.uploads KR region=ap-northeast-2 via="provider aws, var.region = \"ap-northeast-2\" in the plan" store=s3-bucket/uploads (plan plan.json)` + "\n",
		},
		{
			name: "a variable the plan does not hold leaves it unresolved",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": plan(`"aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}}`, uploads, "")},
			want: `main.tf:9:1 store aws_s3_bucket.uploads unresolved="the region of provider aws comes from var.region" store=s3-bucket/uploads (plan plan.json)` + "\n",
		},
		{
			name: "the resource's own region (provider v6) wins, at its argument",
			files: map[string]string{"main.tf": strings.Replace(pipelineTF, `bucket = "uploads"`, "bucket = \"uploads\"\n  region = var.bucket_region", 1),
				"plan.json": plan(`"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}`,
					strings.Replace(uploads, `"region": null`, `"region": "ap-northeast-1"`, 1), "")},
			want: `main.tf:11:3 store aws_s3_bucket.uploads JP region=ap-northeast-1 via="resource region in the plan" store=s3-bucket/uploads (plan plan.json)` + "\n",
		},
		{
			name: "a state: the region of an ARN, an Azure location, a Google location",
			files: map[string]string{"main.tf": `
resource "aws_dynamodb_table" "users" {
  name = "users"
}
data "azurerm_resource_group" "rg" {
  name = "rg"
}
resource "azurerm_storage_account" "media" {
  name     = "media"
  location = data.azurerm_resource_group.rg.location
}
resource "google_storage_bucket" "logs" {
  name     = "logs"
  location = var.location
}
`, "plan.json": `{"format_version": "1.0", "values": {"root_module": {"resources": [
  {"address": "aws_dynamodb_table.users", "mode": "managed", "type": "aws_dynamodb_table", "name": "users",
   "values": {"name": "users", "arn": "arn:aws:dynamodb:eu-central-1:111122223333:table/users"}},
  {"address": "data.azurerm_resource_group.rg", "mode": "data", "type": "azurerm_resource_group", "name": "rg",
   "values": {"name": "rg", "location": "westeurope"}},
  {"address": "azurerm_storage_account.media", "mode": "managed", "type": "azurerm_storage_account", "name": "media",
   "values": {"name": "media", "location": "West Europe"}},
  {"address": "google_storage_bucket.logs", "mode": "managed", "type": "google_storage_bucket", "name": "logs",
   "values": {"name": "logs", "location": "ASIA-NORTHEAST1"}}]}}}`},
			want: `main.tf:2:1 store aws_dynamodb_table.users DE region=eu-central-1 via="arn in the state" store=dynamodb-table/users (state plan.json)
main.tf:10:3 store azurerm_storage_account.media NL region=westeurope via="resource location in the state" store=azure-storage-account/media (state plan.json)
main.tf:14:3 store google_storage_bucket.logs JP region=asia-northeast1 via="resource location in the state" store=gcs-bucket/logs (state plan.json)
`,
		},
		{
			name: "look-alikes: a data source, a resource that holds no data",
			files: map[string]string{"main.tf": `
data "aws_s3_bucket" "shared" {
  bucket = "shared"
}
resource "aws_instance" "web" {}
`, "plan.json": `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "data.aws_s3_bucket.shared", "mode": "data", "type": "aws_s3_bucket", "name": "shared", "values": {"bucket": "shared", "region": "cn-north-1"}},
  {"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web", "values": {"arn": "arn:aws:ec2:cn-north-1:1:instance/i-1"}}]}}}`},
			want: "",
		},
		{
			name: "look-alike: a resource with no region anywhere",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": `{"format_version": "1.0", "values": {"root_module": {"resources": [` + uploads + `]}}}`},
			want: `main.tf:9:1 store aws_s3_bucket.uploads unresolved="the state gives no region for it, nor for its provider configuration" store=s3-bucket/uploads (state plan.json)` + "\n",
		},
		{
			name: "look-alike: a plan that only deletes",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": `{"format_version": "1.2",
  "planned_values": {"root_module": {}},
  "resource_changes": [{"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads",
    "change": {"actions": ["delete"], "before": {"bucket": "uploads", "region": "cn-north-1"}, "after": null}}],
  "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads", "values": {"bucket": "uploads", "region": "cn-north-1"}}]}}}}`},
			want: "",
		},
		{
			name: "look-alike: only resource changes, all deletes",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": `{"format_version": "1.2",
  "resource_changes": [{"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads",
    "change": {"actions": ["delete"], "before": {"bucket": "uploads", "region": "cn-north-1"}, "after": null}}]}`},
			want: "",
		},
		{
			name: "a replacement is where data will be; its unknown region is the prior one",
			files: map[string]string{"main.tf": pipelineTF,
				"plan.json": `{"format_version": "1.2",
  "resource_changes": [{"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads",
    "change": {"actions": ["delete", "create"], "after": {"bucket": "uploads"}}}],
  "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.uploads", "mode": "managed", "type": "aws_s3_bucket", "name": "uploads", "values": {"bucket": "uploads", "region": "sa-east-1"}}]}}}}`},
			want: `main.tf:9:1 store aws_s3_bucket.uploads BR region=sa-east-1 via="resource region in the plan" store=s3-bucket/uploads (plan plan.json)` + "\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			found, err := read(t, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			if got := show(found.Evidence); got != tt.want {
				t.Errorf("evidence:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
