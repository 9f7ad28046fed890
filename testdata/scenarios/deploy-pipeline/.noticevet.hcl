home = "GB"

# The CDN stack runs `terraform apply -var-file=../eu-west-1.tfvars`.
deploy "aws/cdn" {
  var_files = ["aws/eu-west-1.tfvars"]
}

# The pipeline sets AWS_DEFAULT_REGION=eu-west-2 for every other AWS stack.
deploy "aws/**" {
  region = "eu-west-2"
}

# `az group create -l "West Europe"` makes the resource group the Terraform reads.
deploy "azure/**" {
  location = "West Europe"
}
