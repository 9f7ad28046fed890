locals {
  regions = {
    tokyo     = "ap-northeast-1"
    singapore = "ap-southeast-1"
    sydney    = "ap-southeast-2"
  }
  replica_region = lookup(local.regions, var.replica_site, "ap-northeast-1")
}

variable "replica_site" {
  type    = string
  default = "tokyo"
}

provider "aws" {
  region = local.regions["tokyo"]
}

provider "aws" {
  alias  = "replica"
  region = local.replica_region
}

module "orders" {
  source = "./modules/store"
  name   = "orders"
  providers = {
    aws = aws.replica
  }
}

module "regional" {
  source   = "./modules/regional"
  for_each = toset(["singapore", "sydney", "tokyo"])
  site     = each.key
  region   = local.regions[each.key]
}
