provider "aws" {
  region = "ap-northeast-2"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

# Photos in Seoul: the notice says they may be there.
resource "aws_s3_bucket" "media" {
  bucket = "prod-media"
}

# Payment records in Seoul: the notice says payment data stays in Japan.
resource "aws_db_instance" "payments" {
  engine = "postgres"
}

# Thumbnails in the United States, which the notice never names.
resource "aws_s3_bucket" "thumbnails" {
  provider = aws.us
}

# A bucket whose name says nothing may hold payment data.
resource "aws_s3_bucket" "main" {}
