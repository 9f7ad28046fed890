variable "region" {}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "example-cdn-access-logs"
}
