provider "alicloud" {
  region = "ap-southeast-1"
}

resource "alicloud_oss_bucket" "media" {
  bucket = "media"
}

resource "alicloud_oss_bucket" "media_cn" {
  bucket = "media-cn"
}

resource "alicloud_oss_bucket_replication" "to_cn" {
  bucket = alicloud_oss_bucket.media.bucket
  action = "ALL"
  destination {
    bucket   = "media-mirror"
    location = "oss-cn-shanghai"
  }
}
