bucket = "example-terraform-state"
key    = "app/terraform.tfstate"
region = "us-east-1"
