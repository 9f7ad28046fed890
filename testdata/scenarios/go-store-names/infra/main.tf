provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}

provider "azurerm" {
  features {}
}

variable "env" {
  default = "prod"
}

resource "aws_s3_bucket" "media" {
  provider = aws.seoul
  bucket   = "${var.env}-media"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${var.env}-logs"
}

resource "aws_dynamodb_table" "sessions" {
  provider = aws.seoul
  name     = "sessions"
  hash_key = "id"
}

resource "azurerm_storage_account" "backup" {
  name                     = "examplebackupkr"
  location                 = "koreacentral"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "aws_sqs_queue" "signups" {
  provider = aws.seoul
  name     = "signups"
}

resource "google_storage_bucket" "records" {
  name     = "records-sg"
  location = "ASIA-SOUTHEAST1"
}
