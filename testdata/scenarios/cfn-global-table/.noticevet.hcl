# The users stack is deployed by the pipeline with
# `aws cloudformation deploy --region ap-northeast-1`.
deploy "cloudformation/**" {
  region = "ap-northeast-1"
}
