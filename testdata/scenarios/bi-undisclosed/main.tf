provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

provider "aws" {
  alias  = "singapore"
  region = "ap-southeast-1"
}

resource "aws_s3_bucket" "profiles" {
  bucket = "profiles"
}

resource "aws_s3_bucket" "images" {
  provider = aws.seoul
  bucket   = "images"
}

resource "aws_s3_bucket" "exports" {
  provider = aws.singapore
  bucket   = "exports"
}
