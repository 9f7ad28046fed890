variable "site" {
  type = string
}

variable "region" {
  type = string
}

# AWS provider v6: the region is set on the resource.
resource "aws_s3_bucket" "uploads" {
  region = var.region
  bucket = "uploads-${var.site}"
}
