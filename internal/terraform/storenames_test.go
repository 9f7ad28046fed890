package terraform

import (
	"fmt"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

// TestStoreNames checks the names Terraform gives stores, which place the
// Go calls that write to them.
func TestStoreNames(t *testing.T) {
	// want: "path:line:col what country: type/name ..."
	cases := []readCase{
		{
			name: "names from literals, variables, tfvars and every kind of store",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
variable "env" {}
resource "aws_s3_bucket" "media" {
  bucket = "${var.env}-media"
}
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
}
resource "aws_kinesis_stream" "events" {
  name = "events"
}
resource "aws_cloudwatch_log_group" "app" {
  name = "/app/${var.env}"
}
resource "aws_sqs_queue" "signups" {
  name = "signups-${var.env}"
}
resource "google_storage_bucket" "photos" {
  name     = "photos-tokyo"
  location = "ASIA-NORTHEAST1"
}
resource "google_bigquery_dataset" "bi" {
  dataset_id = "analytics"
  location   = "asia-northeast1"
}
resource "azurerm_storage_account" "backup" {
  name                     = "backupjp"
  location                 = "japaneast"
  account_replication_type = "LRS"
}
resource "azurerm_cosmosdb_account" "db" {
  name     = "usersdb"
  location = "japaneast"
  geo_location {
    location          = "japaneast"
    failover_priority = 0
  }
}
`,
				"terraform.tfvars": `env = "prod"`,
			},
			want: []string{
				"main.tf:5:1 aws_s3_bucket.media JP: s3-bucket/prod-media",
				"main.tf:8:1 aws_dynamodb_table.sessions JP: dynamodb-table/sessions",
				"main.tf:11:1 aws_kinesis_stream.events JP: kinesis-stream/events",
				"main.tf:14:1 aws_cloudwatch_log_group.app JP: cloudwatch-log-group//app/prod",
				"main.tf:17:1 aws_sqs_queue.signups JP: sqs-queue/signups-prod",
				"main.tf:22:3 google_storage_bucket.photos JP: gcs-bucket/photos-tokyo",
				"main.tf:26:3 google_bigquery_dataset.bi JP: bigquery-dataset/analytics",
				"main.tf:30:3 azurerm_storage_account.backup JP: azure-storage-account/backupjp",
				"main.tf:37:5 azurerm_cosmosdb_account.db JP: azure-cosmosdb-account/usersdb",
			},
		},
		{
			name: "a module called for each environment names one store per instance",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-2"
}
module "media" {
  source   = "./media"
  for_each = toset(["dev", "prod"])
  env      = each.key
}
`,
				"media/main.tf": `
variable "env" {}
resource "aws_s3_bucket" "this" {
  bucket = "media-${var.env}"
}
`,
			},
			want: []string{"media/main.tf:2:1 aws_s3_bucket.this KR: s3-bucket/media-dev s3-bucket/media-prod"},
		},
		{
			name: "no name, a prefix, an unknown name and a replica name nothing",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
variable "suffix" {}
resource "aws_s3_bucket" "anon" {}
resource "aws_s3_bucket" "prefixed" {
  bucket_prefix = "media-"
}
resource "aws_s3_bucket" "random" {
  bucket = "media-${var.suffix}"
}
resource "aws_dynamodb_table" "users" {
  name = "users"
  replica {
    region_name = "ap-northeast-2"
  }
}
`,
			},
			want: []string{
				"main.tf:9:1 aws_s3_bucket.anon JP:",
				"main.tf:10:1 aws_s3_bucket.prefixed JP:",
				"main.tf:13:1 aws_s3_bucket.random JP:",
				"main.tf:16:1 aws_dynamodb_table.users JP: dynamodb-table/users",
				"main.tf:19:5 aws_dynamodb_table.users replica KR:",
			},
		},
	}
	for i := range cases {
		cases[i].show = showStores
	}
	runCases(t, cases)
}

// showStores shows where a piece of evidence is and the stores it names.
func showStores(e evidence.Evidence) string {
	s := fmt.Sprintf("%s:%d:%d %s %s:", e.Pos.Path, e.Pos.Line, e.Pos.Column, e.What, e.Country)
	for _, st := range e.Stores {
		s += " " + st.Type + "/" + st.Name
	}
	return s
}
