provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_dynamodb_table" "users" {
  name             = "users"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  replica {
    region_name = "ap-northeast-3"
  }

  replica {
    region_name = "us-west-2"
  }
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-west-1:111122223333:backup-vault:dr"
    }
  }
}
