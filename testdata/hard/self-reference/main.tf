variable "region" {
  default = var.region
}

locals {
  region = local.region
}

resource "aws_s3_bucket" "by_variable" {
  region = var.region
}

resource "aws_s3_bucket" "by_local" {
  region = local.region
}
