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

resource "aws_rds_cluster" "payments" {
  provider           = aws.seoul
  cluster_identifier = "payments"
  engine             = "aurora-mysql"
}
