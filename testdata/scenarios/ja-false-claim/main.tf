provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

resource "aws_s3_bucket" "profiles" {
  bucket = "profiles"
}

resource "aws_s3_bucket" "photos" {
  provider = aws.seoul
  bucket   = "photos"
}

resource "aws_iam_role" "moderation" {
  name = "moderation"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::222233334444:root" }
    }]
  })
}
