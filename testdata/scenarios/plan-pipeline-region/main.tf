# The region is set by the pipeline (terraform plan -var region=...):
# nothing in the repository says where the data goes.
variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "uploads" {
  bucket = "example-uploads"
}

# A registry module: its resources are only in the plan.
module "logs" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"
  bucket  = "example-logs"
}

# Read, not written: a data source holds nothing of ours.
data "aws_s3_bucket" "shared" {
  bucket = "partner-shared"
}
