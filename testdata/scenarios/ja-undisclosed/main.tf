provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

provider "aws" {
  alias  = "singapore"
  region = "ap-southeast-1"
}

resource "aws_db_instance" "members" {
  identifier     = "members"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
}

resource "aws_s3_bucket" "images" {
  provider = aws.seoul
  bucket   = "images"
}

resource "aws_kinesis_stream" "analytics" {
  provider    = aws.virginia
  name        = "analytics"
  shard_count = 1
}

resource "aws_dynamodb_table" "sessions" {
  provider     = aws.singapore
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
