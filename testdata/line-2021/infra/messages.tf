# Message metadata and profiles live in Tokyo.
resource "aws_dynamodb_table" "messages" {
  name         = "messages-${var.env}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "chat_id"
  range_key    = "sent_at"

  attribute {
    name = "chat_id"
    type = "S"
  }
  attribute {
    name = "sent_at"
    type = "N"
  }
}

resource "aws_db_instance" "profiles" {
  identifier     = "profiles-${var.env}"
  engine         = "postgres"
  instance_class = "db.r6g.large"
}
