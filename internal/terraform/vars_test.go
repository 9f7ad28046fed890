package terraform

import "testing"

func TestVariablesAndLocals(t *testing.T) {
	runCases(t, []readCase{
		{
			name: "terraform.tfvars overrides the default",
			files: map[string]string{
				"main.tf": `
variable "region" {
  default = "us-east-1"
}
provider "aws" {
  region = var.region
}
resource "aws_s3_bucket" "media" {}
`,
				"terraform.tfvars": `region = "ap-northeast-2"`,
			},
			want: []string{`main.tf:7:1 store aws_s3_bucket.media -> KR ap-northeast-2  via provider aws, var.region = "ap-northeast-2" (terraform.tfvars)`},
		},
		{
			name: "default only",
			files: map[string]string{"main.tf": `
variable "region" {
  type    = string
  default = "ap-northeast-1"
}
resource "aws_s3_bucket" "media" {
  region = var.region
}
`},
			want: []string{`main.tf:6:3 store aws_s3_bucket.media -> JP ap-northeast-1  via var.region = "ap-northeast-1" (default)`},
		},
		{
			name: "auto.tfvars after terraform.tfvars.json, in name order",
			files: map[string]string{
				"main.tf": `
variable "region" {}
resource "aws_s3_bucket" "media" {
  region = var.region
}
`,
				"terraform.tfvars.json": `{"region": "us-east-1"}`,
				"b.auto.tfvars":         `region = "eu-west-1"`,
				"a.auto.tfvars.json":    `{"region": "ap-south-1"}`,
			},
			want: []string{`main.tf:3:3 store aws_s3_bucket.media -> IE eu-west-1  via var.region = "eu-west-1" (b.auto.tfvars)`},
		},
		{
			name: "var-files are variants; a var-file below a folder without .tf files applies to the root above",
			files: map[string]string{
				"main.tf": `
variable "region" {}
resource "aws_s3_bucket" "media" {
  region = var.region
}
module "m" {
  source = "./m"
  region = var.region
}
`,
				"m/main.tf": `
variable "region" {}
resource "aws_sqs_queue" "q" {
  region = var.region
}
`,
				"terraform.tfvars":   `region = "ap-northeast-1"`,
				"env/prod.tfvars":    `region = "ap-northeast-2"`,
				"env/dr.tfvars":      `region = "ap-northeast-1"`,
				"m/ignored.tfvars":   `region = "us-east-1"`,
				"m/terraform.tfvars": `region = "us-east-1"`,
			},
			want: []string{
				`m/main.tf:3:3 store aws_sqs_queue.q -> JP ap-northeast-1  via var.region = "ap-northeast-1" (env/dr.tfvars); var.region = "ap-northeast-1" (terraform.tfvars)  in module.m (var-file env/dr.tfvars), module.m (without var-file)`,
				`m/main.tf:3:3 store aws_sqs_queue.q -> KR ap-northeast-2  via var.region = "ap-northeast-2" (env/prod.tfvars)  in module.m (var-file env/prod.tfvars)`,
				`main.tf:3:3 store aws_s3_bucket.media -> JP ap-northeast-1  via var.region = "ap-northeast-1" (env/dr.tfvars); var.region = "ap-northeast-1" (terraform.tfvars)  in var-file env/dr.tfvars, without var-file`,
				`main.tf:3:3 store aws_s3_bucket.media -> KR ap-northeast-2  via var.region = "ap-northeast-2" (env/prod.tfvars)  in var-file env/prod.tfvars`,
			},
		},
		{
			name: "without a value for what the var-files set, the root is evaluated with var-files only",
			files: map[string]string{
				"main.tf": `
variable "region" {}
variable "env" {
  default = "prod"
}
resource "aws_s3_bucket" "media" {
  region = var.region
}
`,
				"prod.tfvars":      `region = "ap-northeast-2"`,
				"terraform.tfvars": `env = "prod"`,
				"envs/us/x.tfvars": `region = "us-west-1"`,
			},
			want: []string{
				`main.tf:6:3 store aws_s3_bucket.media -> KR ap-northeast-2  via var.region = "ap-northeast-2" (prod.tfvars)  in var-file prod.tfvars`,
				`main.tf:6:3 store aws_s3_bucket.media -> US us-west-1  via var.region = "us-west-1" (envs/us/x.tfvars)  in var-file envs/us/x.tfvars`,
			},
		},
		{
			name: "locals, maps, lookup, conditionals and functions",
			files: map[string]string{"main.tf": `
variable "env" {
  default = "prod"
}
locals {
  regions = {
    prod = "AP-NORTHEAST-2"
    dev  = "us-east-1"
  }
  region  = lower(local.regions[var.env])
  backup  = lookup(local.regions, "dr", "eu-central-1")
  primary = var.env == "prod" ? local.region : "us-west-2"
  joined  = format("%s-%s", "ap", join("-", ["south", "1"]))
  pieces  = split(",", "ca-central-1,sa-east-1")
}
resource "aws_s3_bucket" "a" {
  region = local.region
}
resource "aws_s3_bucket" "b" {
  region = local.backup
}
resource "aws_s3_bucket" "c" {
  region = local.primary
}
resource "aws_s3_bucket" "d" {
  region = local.joined
}
resource "aws_s3_bucket" "e" {
  region = element(local.pieces, 1)
}
resource "aws_s3_bucket" "f" {
  region = coalesce("", trimspace(" me-south-1 "))
}
resource "aws_s3_bucket" "g" {
  region = replace(upper("il_central_1"), "/_/", "-")
}
`},
			want: []string{
				"main.tf:16:3 store aws_s3_bucket.a -> KR ap-northeast-2  via resource region",
				"main.tf:19:3 store aws_s3_bucket.b -> DE eu-central-1  via resource region",
				"main.tf:22:3 store aws_s3_bucket.c -> KR ap-northeast-2  via resource region",
				"main.tf:25:3 store aws_s3_bucket.d -> IN ap-south-1  via resource region",
				"main.tf:28:3 store aws_s3_bucket.e -> BR sa-east-1  via resource region",
				"main.tf:31:3 store aws_s3_bucket.f -> BH me-south-1  via resource region",
				"main.tf:34:3 store aws_s3_bucket.g -> IL il-central-1  via resource region",
			},
		},
		{
			name: "unresolvable expressions name their cause",
			files: map[string]string{"main.tf": `
variable "env" {}
locals {
  a = local.b
  b = local.a
  m = { prod = "ap-northeast-1" }
}
resource "aws_s3_bucket" "cycle" {
  region = local.a
}
resource "aws_s3_bucket" "lookup" {
  region = local.m[var.env]
}
resource "aws_s3_bucket" "func" {
  region = file("region.txt")
}
resource "aws_s3_bucket" "undeclared" {
  region = var.nope
}
resource "aws_s3_bucket" "computed" {
  region = aws_s3_bucket.func.arn
}
resource "aws_s3_bucket" "workspace" {
  region = terraform.workspace
}
`},
			want: []string{
				"main.tf:8:3 store aws_s3_bucket.cycle ?? region comes from local.a, which refers to itself",
				"main.tf:11:3 store aws_s3_bucket.lookup ?? region comes from var.env, which has no value",
				`main.tf:14:3 store aws_s3_bucket.func ?? region comes from file("region.txt"), which calls file(), a function that is not evaluated statically`,
				"main.tf:17:3 store aws_s3_bucket.undeclared ?? region comes from var.nope, which is not declared",
				"main.tf:20:3 store aws_s3_bucket.computed ?? region comes from aws_s3_bucket.func.arn, which is known only after apply",
				"main.tf:23:3 store aws_s3_bucket.workspace ?? region comes from terraform.workspace, which is chosen when Terraform runs",
			},
		},
		{
			name: "references to other resources' arguments",
			files: map[string]string{"main.tf": `
resource "azurerm_resource_group" "app" {
  name     = "app"
  location = "Korea Central"
}
resource "azurerm_storage_account" "media" {
  location                 = azurerm_resource_group.app.location
  account_replication_type = "LRS"
}
`},
			want: []string{"main.tf:6:3 store azurerm_storage_account.media -> KR koreacentral  via resource location"},
		},
	})
}

func TestSelfReferences(t *testing.T) {
	runCases(t, []readCase{{
		name: "a provider region that refers to its own resources",
		files: map[string]string{"main.tf": `
provider "aws" {
  region = aws_s3_bucket.b.region
}
resource "aws_s3_bucket" "b" {}
resource "aws_s3_bucket" "c" {
  for_each = aws_s3_bucket.c
}
`},
		want: []string{
			"main.tf:4:1 store aws_s3_bucket.b ?? region comes from the region of provider aws, which refers to itself",
			"main.tf:5:1 store aws_s3_bucket.c ?? region comes from the region of provider aws, which refers to itself",
		},
	}})
}
