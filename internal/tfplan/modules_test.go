package tfplan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
)

const modulesTF = `provider "aws" {
  region = var.region
}

module "media" {
  for_each = toset(["kr", "jp"])
  source   = "./modules/media"
}

module "logs" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
}
`

const mediaTF = `resource "aws_s3_bucket" "this" {
  bucket_prefix = "media"
}
`

// modulesPlan has two instances of a local module, each with its own
// provider configuration, and a registry module.
const modulesPlan = `{"format_version": "1.2",
  "planned_values": {"root_module": {"child_modules": [
    {"address": "module.logs", "resources": [
      {"address": "module.logs.aws_s3_bucket.this[0]", "mode": "managed", "type": "aws_s3_bucket", "name": "this", "index": 0,
       "values": {"bucket": "logs"}}]},
    {"address": "module.media[\"jp\"]", "resources": [
      {"address": "module.media[\"jp\"].aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket", "name": "this",
       "values": {"region": "ap-northeast-1"}}]},
    {"address": "module.media[\"kr\"]", "resources": [
      {"address": "module.media[\"kr\"].aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket", "name": "this",
       "values": {"region": "ap-northeast-2"}}]},
    {"address": "module.ghost", "resources": [
      {"address": "module.ghost.aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket", "name": "this",
       "values": {"region": "eu-west-3"}}]}]}},
  "configuration": {
    "provider_config": {
      "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
      "module.logs:aws": {"name": "aws", "module_address": "module.logs", "expressions": {"region": {"constant_value": "us-east-1"}}}},
    "root_module": {"module_calls": {
      "media": {"source": "./modules/media", "module": {"resources": [{"address": "aws_s3_bucket.this", "mode": "managed", "provider_config_key": "aws"}]}},
      "logs": {"source": "terraform-aws-modules/s3-bucket/aws", "module": {"resources": [{"address": "aws_s3_bucket.this", "mode": "managed", "provider_config_key": "module.logs:aws"}]}}}}}}`

func TestModules(t *testing.T) {
	found, err := read(t, map[string]string{
		"main.tf":                pipelineTF + modulesTF,
		"modules/media/main.tf":  mediaTF,
		"plan.json":              modulesPlan,
		"other/unrelated/one.tf": `resource "aws_s3_bucket" "uploads" {}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `main.tf:21:1 store aws_s3_bucket.this US region=us-east-1 via="provider aws in the plan" in=module.logs store=s3-bucket/logs (plan plan.json, in remote module terraform-aws-modules/s3-bucket/aws)
modules/media/main.tf:1:1 store aws_s3_bucket.this JP region=ap-northeast-1 via="resource region in the plan" in=module.media["jp"] (plan plan.json)
modules/media/main.tf:1:1 store aws_s3_bucket.this KR region=ap-northeast-2 via="resource region in the plan" in=module.media["kr"] (plan plan.json)
plan.json:13:7 store aws_s3_bucket.this FR region=eu-west-3 via="resource region in the plan" in=module.ghost (plan plan.json, module.ghost not found in ./)
`
	if got := show(found.Evidence); got != want {
		t.Errorf("evidence:\n%s\nwant:\n%s", got, want)
	}
	if len(found.Notes) != 0 {
		t.Errorf("notes: %v", found.Notes)
	}
}

func TestCountMerges(t *testing.T) {
	tf := "resource \"aws_s3_bucket\" \"b\" {\n  count = 3\n}\n"
	found, err := read(t, map[string]string{"main.tf": tf, "plan.json": `{"format_version": "1.0", "values": {"root_module": {"resources": [
  {"address": "aws_s3_bucket.b[0]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": 0, "values": {"region": "eu-west-1"}},
  {"address": "aws_s3_bucket.b[1]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": 1, "values": {"region": "eu-west-1"}},
  {"address": "aws_s3_bucket.b[2]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": 2, "values": {"region": "us-west-2"}}]}}}`})
	if err != nil {
		t.Fatal(err)
	}
	want := `main.tf:1:1 store aws_s3_bucket.b IE region=eu-west-1 via="resource region in the state" (state plan.json)
main.tf:1:1 store aws_s3_bucket.b US region=us-west-2 via="resource region in the state" (state plan.json)
`
	if got := show(found.Evidence); got != want {
		t.Errorf("evidence:\n%s\nwant:\n%s", got, want)
	}
}

// Two folders that declare the same resources: the plan's own folder is
// taken, and a note names the other.
func TestRootAmbiguous(t *testing.T) {
	found, err := read(t, map[string]string{
		"a/main.tf": pipelineTF, "b/main.tf": pipelineTF,
		"plan.json": `{"format_version": "1.0", "values": {"root_module": {"resources": [` + strings.Replace(uploads, `"region": null`, `"region": "eu-west-1"`, 1) + `]}}}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(found.Evidence); !strings.HasPrefix(got, "a/main.tf:9:1 ") {
		t.Errorf("evidence %s", got)
	}
	if len(found.Notes) != 1 || found.Notes[0].Error() != "plan.json: the plan's root module is taken to be a/; b/ declare its resources as well" {
		t.Errorf("notes %v", found.Notes)
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		name, plan, want string
	}{
		{"not JSON", "{\"format_version\": \"1.0\",\n  \"values\": {]}", "plan.json:2:14: invalid character ']' looking for beginning of object key string"},
		{"a type terraform never writes", `{"format_version": "1.0", "values": {"root_module": {"resources": "x"}}}`, `plan.json:1:70: values.root_module.resources is a JSON string, not what terraform show -json writes there`},
		{"empty", "", "plan.json: empty: not the output of terraform show -json"},
		{"no format_version", `{"values": {}}`, "plan.json: not the output of terraform show -json (no format_version)"},
		{"a binary plan", "PK\x03\x04\x14\x00\x08\x00", "plan.json: a binary plan file: give the JSON that terraform show -json plan.json writes"},
		{"a raw state file", `{"version": 4, "terraform_version": "1.9.5", "serial": 3, "resources": []}`, "plan.json: a state file as Terraform keeps it, not the output of terraform show -json: give the JSON that terraform show -json writes for it"},
		{"a future major version", `{"format_version": "2.0"}`, `plan.json: format_version "2.0" of terraform show -json is not supported (0.x and 1.x are)`},
		{"two values", `{"format_version": "1.0"} {}`, "plan.json:1:27: more than one JSON value: not the output of terraform show -json"},
		{"not UTF-8", "{\"format_version\": \"1.0\xff\"}", "plan.json:1: not valid UTF-8"},
		{"the plan of another repository", `{"format_version": "1.0", "values": {"root_module": {"resources": [
  {"address": "aws_s3_bucket.elsewhere", "mode": "managed", "type": "aws_s3_bucket", "name": "elsewhere", "values": {"region": "eu-west-1"}}]}}}`,
			"plan.json: no Terraform module of the repository declares the resources of this plan (aws_s3_bucket.elsewhere): is it the plan of another repository?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := read(t, map[string]string{"main.tf": pipelineTF, "plan.json": tt.plan})
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v, want a diagnostic", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	old := maxPlanSize
	maxPlanSize = 64
	defer func() { maxPlanSize = old }()
	_, err := read(t, map[string]string{"main.tf": pipelineTF, "plan.json": `{"format_version": "1.0", "values": {"root_module": {"resources": []}}}`})
	if err == nil || err.Error() != "plan.json: file is larger than 64 bytes" {
		t.Errorf("error %v", err)
	}
}

// A plan that puts nothing in a store needs no repository: an empty
// state is no error.
func TestNothingToPlace(t *testing.T) {
	v := testfs.View(t, map[string]string{"plan.json": `{"format_version": "1.0"}`})
	found, err := Source{Plans: []Plan{{Path: filepath.Join(v.Dir(), "plan.json"), Name: "plan.json"}}}.Read(v, place.Public)
	if err != nil || len(found.Evidence) != 0 || len(found.Read) != 1 {
		t.Errorf("found %+v, err %v", found, err)
	}
	if _, err := os.Stat(filepath.Join(v.Dir(), "plan.json")); err != nil {
		t.Fatal(err)
	}
}

// A local module outside the checked folder, inside the repository, is
// read as the Terraform reader follows it.
func TestModuleOutsideFolder(t *testing.T) {
	dir := testfs.Dir(t, map[string]string{
		"infra/main.tf":         "module \"media\" {\n  source = \"../modules/media\"\n}\n",
		"modules/media/main.tf": mediaTF,
		"infra/plan.json": `{"format_version": "1.0", "values": {"root_module": {"child_modules": [{"address": "module.media", "resources": [
  {"address": "module.media.aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket", "name": "this", "values": {"region": "eu-north-1"}}]}]}}}`,
	})
	v, err := repo.NewView(filepath.Join(dir, "infra"), dir)
	if err != nil {
		t.Fatal(err)
	}
	found, err := Source{Plans: []Plan{{Path: filepath.Join(dir, "infra", "plan.json"), Name: "plan.json"}}}.Read(v, place.Public)
	if err != nil {
		t.Fatal(err)
	}
	want := `../modules/media/main.tf:1:1 store aws_s3_bucket.this SE region=eu-north-1 via="resource region in the state" in=module.media (state plan.json)` + "\n"
	if got := show(found.Evidence); got != want {
		t.Errorf("evidence:\n%s\nwant:\n%s", got, want)
	}
}
