provider "aws" {
  region = "us-east-2"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "app"
}
