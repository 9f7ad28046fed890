provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

provider "aws" {
  alias  = "oregon"
  region = "us-west-2"
}

resource "aws_s3_bucket" "media" {
  provider = aws.seoul
  bucket   = "media"
}

resource "aws_kinesis_stream" "analytics" {
  provider    = aws.oregon
  name        = "analytics"
  shard_count = 1
}
