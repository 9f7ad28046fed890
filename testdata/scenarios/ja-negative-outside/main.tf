provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_s3_bucket" "backups" {
  bucket = "backups"
  region = "us-west-2"
}
