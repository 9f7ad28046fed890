provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_sqs_queue" "events" {
  provider = aws.virginia
  name     = "events"
}
