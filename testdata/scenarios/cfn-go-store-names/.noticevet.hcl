deploy "cloudformation/**" {
  region = "eu-west-1"   # aws cloudformation deploy --region eu-west-1
}
