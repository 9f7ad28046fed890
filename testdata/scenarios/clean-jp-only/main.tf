provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_s3_bucket" "backup" {
  provider = aws.osaka
  bucket   = "uploads-backup"
}

# Not a data store: a network in Seoul holds no personal data.
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

resource "aws_vpc" "edge" {
  provider   = aws.seoul
  cidr_block = "10.1.0.0/16"
}

resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
