package terraform

import "testing"

func TestReplication(t *testing.T) {
	runCases(t, []readCase{
		{
			name: "S3 replication to a bucket read from the repository marks that bucket",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
resource "aws_s3_bucket" "media" {}
resource "aws_s3_bucket" "dr" {
  provider = aws.seoul
}
resource "aws_s3_bucket_replication_configuration" "media" {
  bucket = aws_s3_bucket.media.id
  rule {
    destination {
      bucket = aws_s3_bucket.dr.arn
    }
  }
}
`},
			want: []string{
				"main.tf:8:1 store aws_s3_bucket.media -> JP ap-northeast-1  via provider aws",
				"main.tf:10:3 store aws_s3_bucket.dr [replica] -> KR ap-northeast-2  via replica of aws_s3_bucket.media",
			},
		},
		{
			name: "a destination in another module is that module's store",
			files: map[string]string{
				"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
module "dr" {
  source = "./dr"
}
resource "aws_s3_bucket" "media" {}
resource "aws_s3_bucket_replication_configuration" "media" {
  bucket = aws_s3_bucket.media.id
  rule {
    destination {
      bucket = module.dr.arn
    }
  }
}
`,
				"dr/main.tf": `
resource "aws_s3_bucket" "dr" {
  region = "ap-southeast-1"
}
output "arn" {
  value = aws_s3_bucket.dr.arn
}
`,
			},
			want: []string{
				"dr/main.tf:2:3 store aws_s3_bucket.dr -> SG ap-southeast-1  via resource region  in module.dr",
				"main.tf:7:1 store aws_s3_bucket.media -> JP ap-northeast-1  via provider aws",
			},
		},
		{
			name: "Aurora global database: the secondary cluster is a copy",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "us"
  region = "us-west-2"
}
resource "aws_rds_global_cluster" "g" {
  global_cluster_identifier = "g"
}
resource "aws_rds_cluster" "primary" {
  global_cluster_identifier = aws_rds_global_cluster.g.id
  master_username           = "admin"
}
resource "aws_rds_cluster" "secondary" {
  provider                  = aws.us
  global_cluster_identifier = aws_rds_global_cluster.g.id
}
`},
			want: []string{
				"main.tf:11:1 store aws_rds_cluster.primary -> JP ap-northeast-1  via provider aws",
				"main.tf:16:3 store aws_rds_cluster.secondary [replica] -> US us-west-2  via replica of aws_rds_global_cluster.g",
			},
		},
		{
			name: "S3 replication to an ARN, and the legacy inline form",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
resource "aws_s3_bucket" "media" {
  replication_configuration {
    role = "r"
    rules {
      destination {
        bucket = "arn:aws:s3:::media-copy"
      }
    }
  }
}
data "aws_s3_bucket" "elsewhere" {
  bucket = "elsewhere"
}
resource "aws_s3_bucket_replication_configuration" "logs" {
  bucket = "logs"
  rule {
    destination {
      bucket = data.aws_s3_bucket.elsewhere.arn
    }
  }
}
`},
			want: []string{
				"main.tf:4:1 store aws_s3_bucket.media -> JP ap-northeast-1  via provider aws",
				"main.tf:9:9 store aws_s3_bucket.media replica [replica] ?? destination arn:aws:s3:::media-copy names no region",
				"main.tf:21:7 store aws_s3_bucket_replication_configuration.logs replica [replica] ?? destination comes from data.aws_s3_bucket.elsewhere.arn, which is read from the cloud when Terraform runs",
			},
		},
		{
			name: "DynamoDB replicas, static and dynamic",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
variable "replicas" {
  default = ["us-west-2", "eu-west-1"]
}
resource "aws_dynamodb_table" "users" {
  replica {
    region_name = "ap-northeast-2"
  }
  dynamic "replica" {
    for_each = var.replicas
    content {
      region_name = replica.value
    }
  }
}
`},
			want: []string{
				"main.tf:7:1 store aws_dynamodb_table.users -> JP ap-northeast-1  via provider aws",
				"main.tf:9:5 store aws_dynamodb_table.users replica [replica] -> KR ap-northeast-2  via replica of aws_dynamodb_table.users",
				"main.tf:14:7 store aws_dynamodb_table.users replica [replica] -> IE eu-west-1  via replica of aws_dynamodb_table.users",
				"main.tf:14:7 store aws_dynamodb_table.users replica [replica] -> US us-west-2  via replica of aws_dynamodb_table.users",
			},
		},
		{
			name: "RDS read replica and AWS Backup copies",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "us"
  region = "us-east-1"
}
resource "aws_db_instance" "main" {}
resource "aws_db_instance" "replica" {
  provider            = aws.us
  replicate_source_db = aws_db_instance.main.arn
}
resource "aws_backup_vault" "dr" {
  provider = aws.us
}
resource "aws_backup_plan" "p" {
  rule {
    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:ap-northeast-2:111122223333:backup-vault:seoul"
    }
  }
}
`},
			want: []string{
				"main.tf:8:1 store aws_db_instance.main -> JP ap-northeast-1  via provider aws",
				"main.tf:10:3 store aws_db_instance.replica [replica] -> US us-east-1  via replica of aws_db_instance.main",
				"main.tf:14:3 store aws_backup_vault.dr [replica] -> US us-east-1  via backup copy by aws_backup_plan.p",
				"main.tf:22:7 store aws_backup_plan.p copy [replica] -> KR ap-northeast-2  via backup copy by aws_backup_plan.p",
			},
		},
		{
			name: "Azure geo-redundancy goes to the paired region",
			files: map[string]string{"main.tf": `
resource "azurerm_storage_account" "grs" {
  location                 = "japaneast"
  account_replication_type = "RAGRS"
}
resource "azurerm_storage_account" "lrs" {
  location                 = "japaneast"
  account_replication_type = "LRS"
}
resource "azurerm_recovery_services_vault" "v" {
  location = "brazilsouth"
}
resource "azurerm_postgresql_flexible_server" "pg" {
  location                     = "southeastasia"
  geo_redundant_backup_enabled = true
}
variable "repl" {}
resource "azurerm_storage_account" "unknown" {
  location                 = "japaneast"
  account_replication_type = var.repl
}
`},
			want: []string{
				"main.tf:2:3 store azurerm_storage_account.grs -> JP japaneast  via resource location",
				"main.tf:3:3 store azurerm_storage_account.grs replica [replica] -> JP japanwest  via paired region of japaneast",
				"main.tf:6:3 store azurerm_storage_account.lrs -> JP japaneast  via resource location",
				"main.tf:9:1 store azurerm_recovery_services_vault.v replica [replica] -> US southcentralus  via paired region of brazilsouth",
				"main.tf:10:3 store azurerm_recovery_services_vault.v -> BR brazilsouth  via resource location",
				"main.tf:13:3 store azurerm_postgresql_flexible_server.pg -> SG southeastasia  via resource location",
				"main.tf:14:3 store azurerm_postgresql_flexible_server.pg replica [replica] -> HK eastasia  via paired region of southeastasia",
				"main.tf:18:3 store azurerm_storage_account.unknown -> JP japaneast  via resource location",
				"main.tf:19:3 store azurerm_storage_account.unknown replica [replica] ?? account_replication_type comes from var.repl, which has no value",
			},
		},
		{
			name: "GCS configurable dual-region keeps data in its data_locations",
			files: map[string]string{"main.tf": `
resource "google_storage_bucket" "b" {
  location = "ASIA"
  custom_placement_config {
    data_locations = ["ASIA-NORTHEAST1", "ASIA-NORTHEAST3"]
  }
}
`},
			want: []string{
				"main.tf:4:24 store google_storage_bucket.b -> JP asia-northeast1  via resource data_locations",
				"main.tf:4:43 store google_storage_bucket.b -> KR asia-northeast3  via resource data_locations",
			},
		},
		{
			name: "OCI, Alibaba and Tencent replication",
			files: map[string]string{"main.tf": `
provider "oci" {
  region = "ap-tokyo-1"
}
resource "oci_objectstorage_bucket" "src" {}
resource "oci_objectstorage_replication_policy" "p" {
  bucket                  = oci_objectstorage_bucket.src.name
  destination_bucket_name = "copy"
  destination_region_name = "us-ashburn-1"
}
provider "alicloud" {
  region = "ap-northeast-1"
}
resource "alicloud_oss_bucket" "src" {}
resource "alicloud_oss_bucket_replication" "r" {
  bucket = alicloud_oss_bucket.src.id
  destination {
    bucket   = "copy"
    location = "oss-cn-shanghai"
  }
}
provider "tencentcloud" {
  region = "ap-singapore"
}
resource "tencentcloud_cos_bucket" "src" {
  replica_rules {
    id                 = "r"
    status             = "Enabled"
    destination_bucket = "qcs::cos:ap-shanghai::copy-1250000000"
  }
}
`},
			want: []string{
				"main.tf:4:1 store oci_objectstorage_bucket.src -> JP ap-tokyo-1  via provider oci",
				"main.tf:8:3 store oci_objectstorage_replication_policy.p replica [replica] -> US us-ashburn-1  via replica of oci_objectstorage_bucket.src",
				"main.tf:13:1 store alicloud_oss_bucket.src -> JP ap-northeast-1  via provider alicloud",
				"main.tf:18:5 store alicloud_oss_bucket_replication.r replica [replica] -> CN cn-shanghai  via replica of alicloud_oss_bucket.src",
				"main.tf:24:1 store tencentcloud_cos_bucket.src -> SG ap-singapore  via provider tencentcloud",
				"main.tf:28:5 store tencentcloud_cos_bucket.src replica [replica] -> CN ap-shanghai  via replica of tencentcloud_cos_bucket.src",
			},
		},
	})
}
