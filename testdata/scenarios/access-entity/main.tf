provider "aws" {
  region = "ap-northeast-1"
}

data "aws_iam_policy_document" "contractor_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::customer-data/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222233334444:role/support"]
    }
  }
}

resource "aws_s3_bucket_policy" "customer_data" {
  bucket = "customer-data"
  policy = data.aws_iam_policy_document.contractor_read.json
}

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Principal": {"AWS": "555566667777"}
      }]
    }
  POLICY
}

resource "aws_iam_role" "lambda" {
  name = "lambda"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.16/28", "10.0.0.0/8"]
  }
}
