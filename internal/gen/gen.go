// Package gen writes synthetic repositories for benchmarks and scale
// tests: a privacy notice (in one or two languages), a configuration, a
// set of shared Terraform modules and as many service folders as it takes
// to reach the number of .tf files asked for. Each service is a root
// module the way monorepos lay them out: providers with aliases, input
// variables set by terraform.tfvars and a var-file per environment,
// locals, module calls with count and for_each, and resources of its own
// (buckets, tables with replicas, databases, roles with trust policies,
// security groups). Most data stays in Japan; some goes to South Korea,
// the United States or Singapore, so that a check finds something. It
// can add a Go module of many packages (WriteGoModule).
//
// The output depends only on the options: the same seed writes the same
// bytes.
package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options says what to write.
type Options struct {
	// Files is the number of .tf files to write (variable files and the
	// notices come on top). At least the shared modules are written.
	Files int
	// Seed makes the repository; the same seed, the same bytes.
	Seed uint64
	// Languages is 1 for PRIVACY.md alone, 2 for PRIVACY.ja.md as well.
	Languages int
	// GoPackages, when above 0, adds a Go module of that many packages
	// under app/ (see WriteGoModule).
	GoPackages int
	// GoModules, when above 0, adds that many Go modules instead, under
	// go/m000/, go/m001/, ..., each of GoPackages packages (at least one).
	GoModules int
}

// Stats says what was written.
type Stats struct {
	TF, TFVars, Services, Modules, GoPackages int
	Bytes                                     int64
}

// modules are the shared modules every service may call, with the inputs
// they take.
var modules = []struct {
	name   string
	inputs []string
	files  map[string]string
}{
	{"bucket", []string{"name", "region"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"region\" {\n  type    = string\n  default = null\n}\n\nvariable \"tags\" {\n  type    = map(string)\n  default = {}\n}\n",
		"main.tf": `resource "aws_s3_bucket" "this" {
  bucket = var.name
  region = var.region
  tags   = merge(var.tags, { module = "bucket" })
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
		"outputs.tf": "output \"arn\" {\n  value = aws_s3_bucket.this.arn\n}\n\noutput \"region\" {\n  value = var.region\n}\n",
	}},
	{"table", []string{"name", "replica_regions"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"replica_regions\" {\n  type    = list(string)\n  default = []\n}\n",
		"main.tf": `resource "aws_dynamodb_table" "this" {
  name         = var.name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "replica" {
    for_each = toset(var.replica_regions)
    content {
      region_name = replica.value
    }
  }
}
`,
		"outputs.tf": "output \"name\" {\n  value = aws_dynamodb_table.this.name\n}\n",
	}},
	{"database", []string{"name"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"instance_class\" {\n  type    = string\n  default = \"db.r6g.large\"\n}\n",
		"main.tf": `locals {
  identifier = "${var.name}-db"
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = local.identifier
  engine             = "aurora-postgresql"
  master_username    = "app"
  storage_encrypted  = true
}

resource "aws_rds_cluster_instance" "this" {
  count              = 2
  identifier         = "${local.identifier}-${count.index}"
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = var.instance_class
  engine             = aws_rds_cluster.this.engine
}
`,
		"outputs.tf": "output \"endpoint\" {\n  value = aws_rds_cluster.this.endpoint\n}\n",
	}},
	{"ops-role", []string{"name", "trusted_accounts"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"trusted_accounts\" {\n  type = list(string)\n}\n",
		"main.tf": `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [for a in var.trusted_accounts : "arn:aws:iam::${a}:root"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`,
		"outputs.tf": "output \"arn\" {\n  value = aws_iam_role.this.arn\n}\n",
	}},
	{"network", []string{"name", "office_cidrs"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"office_cidrs\" {\n  type    = list(string)\n  default = []\n}\n",
		"main.tf": `resource "aws_security_group" "this" {
  name = var.name

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = concat(["10.0.0.0/8"], var.office_cidrs)
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
		"outputs.tf": "output \"id\" {\n  value = aws_security_group.this.id\n}\n",
	}},
	{"gcs", []string{"name", "location"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"location\" {\n  type    = string\n  default = \"ASIA-NORTHEAST1\"\n}\n",
		"main.tf": `resource "google_storage_bucket" "this" {
  name          = var.name
  location      = var.location
  storage_class = "STANDARD"

  versioning {
    enabled = true
  }
}
`,
		"outputs.tf": "output \"url\" {\n  value = google_storage_bucket.this.url\n}\n",
	}},
	{"blob", []string{"name", "location"}, map[string]string{
		"variables.tf": "variable \"name\" {\n  type = string\n}\n\nvariable \"location\" {\n  type    = string\n  default = \"japaneast\"\n}\n",
		"main.tf": `resource "azurerm_resource_group" "this" {
  name     = "${var.name}-rg"
  location = var.location
}

resource "azurerm_storage_account" "this" {
  name                     = replace(var.name, "-", "")
  resource_group_name      = azurerm_resource_group.this.name
  location                 = azurerm_resource_group.this.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
		"outputs.tf": "output \"id\" {\n  value = azurerm_storage_account.this.id\n}\n",
	}},
}

// Regions a service's data may be put in, most of them in Japan.
var (
	homeRegions    = []string{"ap-northeast-1", "ap-northeast-3"}
	foreignRegions = []string{"ap-northeast-2", "us-east-1", "ap-southeast-1"}
	gcpLocations   = []string{"ASIA-NORTHEAST1", "ASIA-NORTHEAST2", "asia-northeast1"}
	azureLocations = []string{"japaneast", "japanwest"}
)

// Write writes a repository into dir, which should be empty.
func Write(dir string, opts Options) (Stats, error) {
	w := &writer{dir: dir, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
	w.file("PRIVACY.md", noticeEN)
	if opts.Languages >= 2 {
		w.file("PRIVACY.ja.md", noticeJA)
	}
	w.file(".noticevet.hcl", config)
	for _, m := range modules {
		for _, name := range []string{"variables.tf", "main.tf", "outputs.tf"} {
			w.file("modules/"+m.name+"/"+name, m.files[name])
		}
		w.st.Modules++
	}
	for i := 0; w.st.TF < opts.Files; i++ {
		w.service(i, opts.Files-w.st.TF)
	}
	switch {
	case opts.GoModules > 0:
		for i := 0; i < opts.GoModules; i++ {
			w.goModule(fmt.Sprintf("go/m%03d/", i), fmt.Sprintf("example.com/m%03d", i), max(opts.GoPackages, 1))
		}
	case opts.GoPackages > 0:
		w.goModule("app/", "example.com/app", opts.GoPackages)
	}
	return w.st, w.err
}

type writer struct {
	dir string
	rng *rand.Rand
	st  Stats
	err error
}

func (w *writer) file(name, content string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = err
		return
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		w.err = err
		return
	}
	w.st.Bytes += int64(len(content))
	switch {
	case strings.HasSuffix(name, ".tf"):
		w.st.TF++
	case strings.HasSuffix(name, ".tfvars"):
		w.st.TFVars++
	}
}

func (w *writer) pick(xs []string) string { return xs[w.rng.IntN(len(xs))] }

// region is where a service keeps data: at home nine times in ten.
func (w *writer) region() string {
	if w.rng.IntN(10) == 0 {
		return w.pick(foreignRegions)
	}
	return w.pick(homeRegions)
}

// service writes one root module of at most budget .tf files (at least
// one), under a team folder so that the tree is a few levels deep.
func (w *writer) service(i, budget int) {
	team := fmt.Sprintf("teams/team-%02d", i%40)
	name := fmt.Sprintf("svc-%05d", i)
	base := team + "/" + name + "/"
	region := w.region()

	var files [][2]string
	add := func(n, c string) { files = append(files, [2]string{n, c}) }
	w.serviceHead(add, name, team)
	add("main.tf", w.serviceMain(name))
	w.serviceRest(add, name)
	w.st.Services++
	if len(files) > budget {
		// What is left is filled with services of one file.
		w.file(base+"main.tf", fmt.Sprintf("resource \"aws_s3_bucket\" \"b\" {\n  bucket = %q\n  region = %q\n}\n", name, region))
		return
	}
	for _, f := range files {
		w.file(base+f[0], f[1])
	}
	replicas := "[]"
	if w.rng.IntN(8) == 0 {
		replicas = fmt.Sprintf("[%q]", w.pick(foreignRegions))
	}
	w.file(base+"terraform.tfvars", fmt.Sprintf("region      = %q\nenvironment = \"prod\"\nreplicas    = %s\n", region, replicas))
	w.file(base+"env/staging.tfvars", fmt.Sprintf("region      = %q\nenvironment = \"staging\"\n", w.pick(homeRegions)))
}

// serviceHead adds a service's providers, variables and locals.
func (w *writer) serviceHead(add func(name, content string), name, team string) {

	add("providers.tf", fmt.Sprintf(`provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "dr"
  region = %q
}

provider "google" {
  region = "asia-northeast1"
}

provider "azurerm" {
  features {}
}
`, w.pick(homeRegions)))
	add("variables.tf", fmt.Sprintf(`variable "region" {
  type    = string
  default = "ap-northeast-1"
}

variable "environment" {
  type = string
}

variable "replicas" {
  type    = list(string)
  default = []
}

variable "tags" {
  type = map(string)
  default = {
    service = %q
    team    = %q
  }
}
`, name, team[6:]))
	add("locals.tf", fmt.Sprintf(`locals {
  prefix = "%s-${var.environment}"
  buckets = {
    media   = "${local.prefix}-media"
    exports = "${local.prefix}-exports"
    logs    = "${local.prefix}-logs"
  }
  common_tags = merge(var.tags, { environment = var.environment })
}
`, name))
}

// serviceMain is a service's main.tf: its module calls and a bucket of its
// own.
func (w *writer) serviceMain(name string) string {
	var main strings.Builder
	fmt.Fprintf(&main, `module "buckets" {
  source   = "../../../modules/bucket"
  for_each = local.buckets
  name     = each.value
  region   = var.region
  tags     = local.common_tags
}

module "sessions" {
  source          = "../../../modules/table"
  name            = "${local.prefix}-sessions"
  replica_regions = var.replicas
}

resource "aws_s3_bucket" "archive" {
  provider = aws.dr
  bucket   = "${local.prefix}-archive"
}
`)
	switch w.rng.IntN(4) {
	case 0:
		fmt.Fprintf(&main, "\nmodule \"db\" {\n  source = \"../../../modules/database\"\n  name   = local.prefix\n}\n")
	case 1:
		fmt.Fprintf(&main, "\nmodule \"assets\" {\n  source   = \"../../../modules/gcs\"\n  name     = \"${local.prefix}-assets\"\n  location = %q\n}\n", w.pick(gcpLocations))
	case 2:
		fmt.Fprintf(&main, "\nmodule \"files\" {\n  source   = \"../../../modules/blob\"\n  name     = \"%s\"\n  location = %q\n}\n", strings.ReplaceAll(name, "-", ""), w.pick(azureLocations))
	case 3:
		fmt.Fprintf(&main, "\nmodule \"cache\" {\n  source = \"../../../modules/table\"\n  count  = 2\n  name   = \"${local.prefix}-cache-${count.index}\"\n}\n")
	}
	return main.String()
}

// serviceRest adds a service's access (one in three), its outputs and up
// to five files of resources of its own.
func (w *writer) serviceRest(add func(name, content string), name string) {
	if w.rng.IntN(3) == 0 {
		add("access.tf", fmt.Sprintf(`module "ops" {
  source           = "../../../modules/ops-role"
  name             = "%s-ops"
  trusted_accounts = [%q]
}

module "edge" {
  source       = "../../../modules/network"
  name         = "%s-edge"
  office_cidrs = [%q]
}
`, name, w.pick([]string{"555566667777", "555566667777", "222233334444"}), name, w.pick([]string{"203.0.113.0/24", "192.0.2.0/24"})))
	}
	add("outputs.tf", "output \"bucket_arns\" {\n  value = { for k, m in module.buckets : k => m.arn }\n}\n\noutput \"sessions\" {\n  value = module.sessions.name\n}\n")

	// Further files of resources of its own, as a large service has.
	extra := w.rng.IntN(6)
	for k := 0; k < extra; k++ {
		add(fmt.Sprintf("data%02d.tf", k), fmt.Sprintf(`resource "aws_sqs_queue" "events_%[1]d" {
  name = "${local.prefix}-events-%[1]d"
  tags = local.common_tags
}

resource "aws_dynamodb_table" "items_%[1]d" {
  name         = "${local.prefix}-items-%[1]d"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
`, k))
	}
}

const noticeEN = `# Privacy notice

We run an online service for users in Japan. This notice says what personal data we collect, where we keep it and who we share it with.

## 1. What we collect

Your name, e-mail address and payment details, the files you upload and the messages you send.

## 2. Where we keep it

All personal data is stored only on servers in Japan.

## 3. Who can see it

Our engineers in Japan operate the service. Personal data is not accessed from outside Japan.

## 4. Sharing

We transfer personal data to our payment processor in the United States.
`

const noticeJA = `# プライバシーポリシー

当社は、日本のユーザー向けにオンラインサービスを提供しています。

## 1. 取得する情報

氏名、メールアドレス、決済情報、アップロードされたファイルおよび送信されたメッセージ。

## 2. 保管場所

個人情報は、日本国内のサーバーのみで保管しています。

## 3. 第三者提供

当社は、米国の決済代行事業者に個人情報を提供します。
`

const config = `# The notice speaks to users in Japan.
home = "JP"

entity "tokyo-ops" {
  country      = "JP"
  aws_accounts = ["555566667777"]
  cidrs        = ["203.0.113.0/24"]
}

entity "shanghai-contractor" {
  country      = "CN"
  aws_accounts = ["222233334444"]
  cidrs        = ["192.0.2.0/24"]
}
`
