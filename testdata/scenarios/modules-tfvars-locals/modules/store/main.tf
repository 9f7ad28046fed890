variable "name" {
  type = string
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
