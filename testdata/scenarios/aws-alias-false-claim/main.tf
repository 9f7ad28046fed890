provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

resource "aws_s3_bucket" "media" {
  provider = aws.seoul
  bucket   = "media"
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
