terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Tokyo: the region the notice speaks of.
provider "aws" {
  region = var.primary_region
}

# Seoul: where the media and payment systems were first built.
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
