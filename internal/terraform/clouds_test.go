package terraform

import "testing"

func TestClouds(t *testing.T) {
	runCases(t, []readCase{
		{
			name: "google",
			files: map[string]string{"main.tf": `
provider "google" {
  region = "asia-northeast1"
}
provider "google" {
  alias = "zoned"
  zone  = "europe-west3-b"
}
resource "google_storage_bucket" "regional" {
  location = "ASIA-NORTHEAST3"
}
resource "google_storage_bucket" "default_us" {
  name = "x"
}
resource "google_storage_bucket" "eu" {
  location = "EU"
}
resource "google_storage_bucket" "dual" {
  location = "ASIA1"
}
resource "google_sql_database_instance" "db" {
  region = "us-central1"
}
resource "google_sql_database_instance" "from_provider" {}
resource "google_redis_instance" "zoned" {
  provider = google.zoned
}
resource "google_bigquery_dataset" "ds" {
  location = "asia-east1"
}
resource "google_bigquery_dataset" "ds_default" {}
resource "google_spanner_instance" "sp" {
  config = "regional-australia-southeast1"
}
resource "google_firestore_database" "fs" {
  location_id = var_missing
}
resource "google_pubsub_topic" "unpinned" {}
resource "google_pubsub_topic" "pinned" {
  message_storage_policy {
    allowed_persistence_regions = ["asia-northeast1", "asia-south1"]
  }
}
resource "google_bigtable_instance" "bt" {
  cluster {
    cluster_id = "a"
    zone       = "asia-southeast1-a"
  }
}
`},
			want: []string{
				"main.tf:9:3 store google_storage_bucket.regional -> KR asia-northeast3  via resource location",
				"main.tf:11:1 store google_storage_bucket.default_us -> US US  via default location US",
				"main.tf:15:3 store google_storage_bucket.eu -> BE EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> DE EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> ES EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> FI EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> FR EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> IT EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> NL EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> PL EU  via resource location",
				"main.tf:15:3 store google_storage_bucket.eu -> SE EU  via resource location",
				"main.tf:18:3 store google_storage_bucket.dual -> JP ASIA1  via resource location",
				"main.tf:21:3 store google_sql_database_instance.db -> US us-central1  via resource region",
				"main.tf:23:1 store google_sql_database_instance.from_provider -> JP asia-northeast1  via provider google",
				"main.tf:25:3 store google_redis_instance.zoned -> DE europe-west3  via provider google.zoned",
				"main.tf:28:3 store google_bigquery_dataset.ds -> TW asia-east1  via resource location",
				"main.tf:30:1 store google_bigquery_dataset.ds_default -> US US  via default location US",
				"main.tf:32:3 store google_spanner_instance.sp -> AU australia-southeast1  via resource config",
				"main.tf:35:3 store google_firestore_database.fs ?? location comes from var_missing, which is not declared",
				"main.tf:37:1 store google_pubsub_topic.unpinned ?? message storage is not pinned to a region (no message_storage_policy)",
				"main.tf:40:37 store google_pubsub_topic.pinned -> JP asia-northeast1  via resource allowed_persistence_regions",
				"main.tf:40:56 store google_pubsub_topic.pinned -> IN asia-south1  via resource allowed_persistence_regions",
				"main.tf:46:5 store google_bigtable_instance.bt -> SG asia-southeast1  via resource zone",
			},
		},
		{
			name: "azurerm",
			files: map[string]string{"main.tf": `
provider "azurerm" {
  features {}
}
variable "location" {
  default = "Japan East"
}
resource "azurerm_resource_group" "rg" {
  location = var.location
}
resource "azurerm_cosmosdb_account" "db" {
  location = azurerm_resource_group.rg.location
  geo_location {
    location          = "japaneast"
    failover_priority = 0
  }
  geo_location {
    location          = "Korea Central"
    failover_priority = 1
  }
}
resource "azurerm_cosmosdb_account" "single" {
  location = "westeurope"
}
resource "azurerm_mssql_server" "sql" {
  location = azurerm_resource_group.rg.location
}
resource "azurerm_redis_cache" "nowhere" {
  name = "x"
}
`},
			want: []string{
				"main.tf:13:5 store azurerm_cosmosdb_account.db -> JP japaneast  via resource location",
				"main.tf:17:5 store azurerm_cosmosdb_account.db [replica] -> KR koreacentral  via replica of azurerm_cosmosdb_account.db",
				"main.tf:22:3 store azurerm_cosmosdb_account.single -> NL westeurope  via resource location",
				"main.tf:25:3 store azurerm_mssql_server.sql -> JP japaneast  via resource location",
				"main.tf:27:1 store azurerm_redis_cache.nowhere ?? location is not set",
			},
		},
		{
			name: "alicloud, oci, tencentcloud",
			files: map[string]string{"main.tf": `
provider "alicloud" {
  region = "cn-hangzhou"
}
provider "alicloud" {
  alias  = "sg"
  region = "ap-southeast-1"
}
resource "alicloud_oss_bucket" "b" {}
resource "alicloud_db_instance" "db" {
  provider = alicloud.sg
}
provider "oci" {
  region = "ap-tokyo-1"
}
resource "oci_objectstorage_bucket" "b" {}
resource "oci_database_autonomous_database" "adb" {}
provider "tencentcloud" {
  region = "ap-guangzhou"
}
resource "tencentcloud_cos_bucket" "b" {}
resource "tencentcloud_mysql_instance" "db" {}
`},
			want: []string{
				"main.tf:8:1 store alicloud_oss_bucket.b -> CN cn-hangzhou  via provider alicloud",
				"main.tf:10:3 store alicloud_db_instance.db -> SG ap-southeast-1  via provider alicloud.sg",
				"main.tf:15:1 store oci_objectstorage_bucket.b -> JP ap-tokyo-1  via provider oci",
				"main.tf:16:1 store oci_database_autonomous_database.adb -> JP ap-tokyo-1  via provider oci",
				"main.tf:20:1 store tencentcloud_cos_bucket.b -> CN ap-guangzhou  via provider tencentcloud",
				"main.tf:21:1 store tencentcloud_mysql_instance.db -> CN ap-guangzhou  via provider tencentcloud",
			},
		},
		{
			name: "huaweicloud: provider region and resource-level region",
			files: map[string]string{"main.tf": `
provider "huaweicloud" {
  region = "ap-southeast-1"
}
resource "huaweicloud_obs_bucket" "b" {}
resource "huaweicloud_rds_instance" "db" {
  region = "cn-north-4"
}
`},
			want: []string{
				"main.tf:4:1 store huaweicloud_obs_bucket.b -> HK ap-southeast-1  via provider huaweicloud",
				"main.tf:6:3 store huaweicloud_rds_instance.db -> CN cn-north-4  via resource region",
			},
		},
	})
}
