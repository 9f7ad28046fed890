provider "alicloud" {
  region = "ap-northeast-1"
}

provider "alicloud" {
  alias  = "hangzhou"
  region = "cn-hangzhou"
}

resource "alicloud_oss_bucket" "media" {
  bucket = "media"
}

resource "alicloud_db_instance" "orders" {
  provider         = alicloud.hangzhou
  engine           = "MySQL"
  engine_version   = "8.0"
  instance_type    = "rds.mysql.s2.large"
  instance_storage = 30
}

provider "oci" {
  region = "ap-seoul-1"
}

resource "oci_objectstorage_bucket" "exports" {
  compartment_id = "ocid1.compartment.oc1..example"
  name           = "exports"
  namespace      = "example"
}

provider "tencentcloud" {
  region = "ap-singapore"
}

resource "tencentcloud_cos_bucket" "logs" {
  bucket = "logs-1250000000"
}

provider "huaweicloud" {
  region = "ap-southeast-1"
}

resource "huaweicloud_obs_bucket" "archive" {
  bucket = "archive"
}
