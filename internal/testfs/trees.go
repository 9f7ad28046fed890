package testfs

// CalledLater is a Terraform tree whose module configures a provider and
// sorts before the root module that calls it: a streaming read takes it
// for a root module, drops it, and reads it again for its caller. The
// Terraform loader's and extractor's stream tests both read it.
func CalledLater() map[string]string {
	return map[string]string{
		"a-mod/main.tf": `
provider "aws" { region = "ap-northeast-2" }
variable "n" {}
resource "aws_s3_bucket" "b" { bucket = var.n }
`,
		"b-root/main.tf": `
provider "aws" { region = "ap-northeast-1" }
module "m" {
  source = "../a-mod"
  n      = "media"
}
`,
	}
}
