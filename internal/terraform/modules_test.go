package terraform

import (
	"path/filepath"
	"testing"
)

func TestModules(t *testing.T) {
	media := `
variable "name" {
  default = "media"
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
`
	runCases(t, []readCase{
		{
			name: "one site, two instances through provider maps",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
module "media_jp" {
  source = "./modules/media"
}
module "media_kr" {
  source    = "./modules/media"
  providers = { aws = aws.seoul }
}
module "media_kr2" {
  source    = "./modules/media"
  name      = "other"
  providers = {
    aws = aws.seoul
  }
}
`,
				"modules/media/main.tf": media,
			},
			want: []string{
				"modules/media/main.tf:4:1 store aws_s3_bucket.this -> JP ap-northeast-1  via provider aws  in module.media_jp",
				"modules/media/main.tf:4:1 store aws_s3_bucket.this -> KR ap-northeast-2  via provider aws.seoul  in module.media_kr, module.media_kr2",
			},
		},
		{
			name: "nested modules, count and for_each",
			files: map[string]string{
				"main.tf": `
module "a" {
  source = "./a"
  count  = 2
  region = "ap-northeast-${count.index + 1}"
}
module "b" {
  source   = "./a"
  for_each = { kr = "ap-northeast-2", sg = "ap-southeast-1" }
  region   = each.value
}
module "none" {
  source = "./a"
  count  = 0
  region = "us-east-1"
}
`,
				"a/main.tf": `
variable "region" {}
module "inner" {
  source = "../inner"
  region = var.region
}
`,
				"inner/main.tf": `
variable "region" {}
resource "aws_rds_cluster" "db" {
  region = var.region
}
`,
			},
			want: []string{
				`inner/main.tf:3:3 store aws_rds_cluster.db -> JP ap-northeast-1  via var.region = "ap-northeast-1" (module argument)  in module.a[0].module.inner`,
				`inner/main.tf:3:3 store aws_rds_cluster.db -> KR ap-northeast-2  via var.region = "ap-northeast-2" (module argument)  in module.a[1].module.inner, module.b["kr"].module.inner`,
				`inner/main.tf:3:3 store aws_rds_cluster.db -> SG ap-southeast-1  via var.region = "ap-southeast-1" (module argument)  in module.b["sg"].module.inner`,
			},
		},
		{
			name: "module inputs from tfvars keep their source; outputs feed other modules",
			files: map[string]string{
				"main.tf": `
variable "region" {}
module "net" {
  source = "./net"
  region = var.region
}
module "db" {
  source = "./db"
  region = module.net.region
}
module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
module "uses_remote" {
  source = "./db"
  region = module.remote.s3_bucket_region
}
`,
				"terraform.tfvars": `region = "eu-west-2"`,
				"net/main.tf": `
variable "region" {}
output "region" {
  value = var.region
}
resource "aws_elasticache_cluster" "c" {
  region = var.region
}
`,
				"db/main.tf": `
variable "region" {}
resource "aws_db_instance" "db" {
  region = var.region
}
`,
			},
			want: []string{
				`db/main.tf:3:3 store aws_db_instance.db ?? region comes from module.remote, which comes from a module that is not read (source "terraform-aws-modules/s3-bucket/aws")  in module.uses_remote`,
				`db/main.tf:3:3 store aws_db_instance.db -> GB eu-west-2  via var.region = "eu-west-2" (module argument)  in module.db`,
				`net/main.tf:6:3 store aws_elasticache_cluster.c -> GB eu-west-2  via var.region = "eu-west-2" (terraform.tfvars)  in module.net`,
			},
		},
		{
			name: "default provider is inherited; aliases are not",
			files: map[string]string{
				"main.tf": `
provider "google" {
  region = "asia-northeast1"
}
provider "google" {
  alias  = "eu"
  region = "europe-west1"
}
module "m" {
  source = "./m"
}
module "n" {
  source    = "./m"
  providers = { google = google.eu }
}
`,
				"m/main.tf": `
resource "google_redis_instance" "cache" {}
resource "google_sql_database_instance" "db" {
  provider = google.eu
}
`,
			},
			want: []string{
				"m/main.tf:1:1 store google_redis_instance.cache -> BE europe-west1  via provider google.eu  in module.n",
				"m/main.tf:1:1 store google_redis_instance.cache -> JP asia-northeast1  via provider google  in module.m",
				`m/main.tf:3:3 store google_sql_database_instance.db ?? region comes from the environment: there is no provider "google" block  in module.m, module.n`,
			},
		},
		{
			name: "a module folder nobody calls is a root module",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
`,
				"modules/unused/main.tf": `
resource "aws_s3_bucket" "b" {
  region = "ap-east-1"
}
`,
			},
			want: []string{"modules/unused/main.tf:2:3 store aws_s3_bucket.b -> HK ap-east-1  via resource region"},
		},
		{
			name: "a sibling folder called by a module is not a root module",
			files: map[string]string{
				"infra/main.tf": `
module "shared" {
  source = "../shared"
}
`,
				"shared/main.tf": `
resource "aws_s3_bucket" "b" {
  region = "ap-northeast-3"
}
`,
			},
			want: []string{"shared/main.tf:2:3 store aws_s3_bucket.b -> JP ap-northeast-3  via resource region  in module.shared"},
		},
	})
}

func TestModuleOutsideDir(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"infra/main.tf": `
module "shared" {
  source = "../modules/shared"
}
`,
		"modules/shared/main.tf": `
resource "aws_s3_bucket" "b" {
  region = "ap-northeast-2"
}
`,
	})
	ev, err := Read(filepath.Join(root, "infra"), Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if len(ev) != 1 || show(ev[0]) != "../modules/shared/main.tf:2:3 store aws_s3_bucket.b -> KR ap-northeast-2  via resource region  in module.shared" {
		t.Errorf("got %v", ev)
	}
}

func TestModuleDetails(t *testing.T) {
	runCases(t, []readCase{
		{
			name: "unresolved instances of one site give one evidence",
			files: map[string]string{
				"main.tf": `
variable "x" {}
data "aws_ssm_parameter" "p" {
  name = "region"
}
module "a" {
  source = "./m"
  region = var.x
}
module "b" {
  source = "./m"
  region = data.aws_ssm_parameter.p.value
}
module "c" {
  source = "./m"
  region = "ap-northeast-1"
}
`,
				"m/main.tf": `
variable "region" {}
resource "aws_s3_bucket" "b" {
  region = var.region
}
`,
			},
			want: []string{
				"m/main.tf:3:3 store aws_s3_bucket.b ?? region comes from data.aws_ssm_parameter.p.value, which is read from the cloud when Terraform runs; region comes from var.x, which has no value  in module.a, module.b",
				`m/main.tf:3:3 store aws_s3_bucket.b -> JP ap-northeast-1  via var.region = "ap-northeast-1" (module argument)  in module.c`,
			},
		},
		{
			name: "provider configurations through nested modules, aliased keys and a module's own provider block",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
module "outer" {
  source = "./outer"
}
module "copy" {
  source    = "./copy"
  providers = {
    aws     = aws
    aws.dst = aws.seoul
  }
}
module "legacy" {
  source = "./legacy"
}
`,
				"outer/main.tf": `
module "inner" {
  source = "../inner"
}
`,
				"inner/main.tf": `
resource "aws_sqs_queue" "q" {}
`,
				"copy/main.tf": `
resource "aws_s3_bucket" "src" {}
resource "aws_s3_bucket" "dst" {
  provider = aws.dst
}
`,
				"legacy/main.tf": `
provider "aws" {
  region = "eu-central-1"
}
resource "aws_sqs_queue" "q" {}
`,
			},
			want: []string{
				"copy/main.tf:1:1 store aws_s3_bucket.src -> JP ap-northeast-1  via provider aws  in module.copy",
				"copy/main.tf:3:3 store aws_s3_bucket.dst -> KR ap-northeast-2  via provider aws.seoul  in module.copy",
				"inner/main.tf:1:1 store aws_sqs_queue.q -> JP ap-northeast-1  via provider aws  in module.outer.module.inner",
				"legacy/main.tf:4:1 store aws_sqs_queue.q -> DE eu-central-1  via provider aws  in module.legacy",
			},
		},
		{
			name: "unknown count and for_each: the resource is taken to exist",
			files: map[string]string{
				"main.tf": `
variable "n" {}
variable "names" {}
resource "aws_s3_bucket" "b" {
  count  = var.n
  region = "ap-northeast-1"
}
module "m" {
  source   = "./m"
  for_each = var.names
  region   = each.value
}
module "remote" {
  source = "git::https://example.com/modules.git//s3"
}
`,
				"m/main.tf": `
variable "region" {}
resource "aws_s3_bucket" "b" {
  region = var.region
}
`,
			},
			want: []string{
				"m/main.tf:3:3 store aws_s3_bucket.b ?? region comes from var.names, which has no value  in module.m",
				"main.tf:5:3 store aws_s3_bucket.b -> JP ap-northeast-1  via resource region",
			},
		},
		{
			name: "copies named by the copy itself",
			files: map[string]string{"main.tf": `
resource "aws_dynamodb_table_replica" "r" {
  region           = "eu-west-1"
  global_table_arn = aws_dynamodb_table.t.arn
}
resource "google_sql_database_instance" "read" {
  region               = "asia-northeast3"
  master_instance_name = "primary"
}
`},
			want: []string{
				"main.tf:2:3 store aws_dynamodb_table_replica.r [replica] -> IE eu-west-1  via replica of aws_dynamodb_table.t",
				"main.tf:6:3 store google_sql_database_instance.read [replica] -> KR asia-northeast3  via replica of primary",
			},
		},
		{
			name: "a .tfvars.json var-file",
			files: map[string]string{
				"main.tf": `
variable "region" {}
resource "aws_s3_bucket" "b" {
  region = var.region
}
`,
				"env/kr.tfvars.json": `{"region": "ap-northeast-2"}`,
			},
			want: []string{`main.tf:3:3 store aws_s3_bucket.b -> KR ap-northeast-2  via var.region = "ap-northeast-2" (env/kr.tfvars.json)  in var-file env/kr.tfvars.json`},
		},
	})
}

func TestOverrideFiles(t *testing.T) {
	runCases(t, []readCase{{
		name: "override files merge into the blocks they name",
		files: map[string]string{
			"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "dr"
  region = "ap-northeast-3"
}
variable "table_region" {
  default = "ap-northeast-1"
}
resource "aws_s3_bucket" "media" {
  bucket = "media"
}
resource "aws_dynamodb_table" "t" {
  region = var.table_region
  replica {
    region_name = "ap-northeast-3"
  }
}
`,
			"override.tf": `
provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}
resource "aws_s3_bucket" "media" {
  provider = aws.dr
}
`,
			"db_override.tf.json": `{"variable": {"table_region": {"default": "eu-west-1"}}, "resource": {"aws_dynamodb_table": {"t": {"replica": [{"region_name": "eu-west-2"}]}}}}`,
		},
		want: []string{
			`db_override.tf.json:1:113 store aws_dynamodb_table.t replica [replica] -> GB eu-west-2  via replica of aws_dynamodb_table.t`,
			`main.tf:15:3 store aws_dynamodb_table.t -> IE eu-west-1  via var.table_region = "eu-west-1" (default)`,
			`override.tf:6:3 store aws_s3_bucket.media -> US us-east-1  via provider aws.dr`,
		},
	}})
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf": "", "x_override.tf": "resource \"aws_s3_bucket\" \"ghost\" {\n}\n"})
	_, err := Read(dir, Options{})
	if want := "x_override.tf:1: override of aws_s3_bucket.ghost, which no other file of the module defines"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}
