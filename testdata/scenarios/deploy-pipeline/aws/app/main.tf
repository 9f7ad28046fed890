provider "aws" {}

resource "aws_s3_bucket" "uploads" {
  bucket = "example-uploads"
}
