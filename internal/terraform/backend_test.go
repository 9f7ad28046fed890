package terraform

import "testing"

// Backend settings (terraform init -backend-config=FILE) are not variable
// values: a region there is where the state is kept, not where the
// resources go.
func TestBackendFilesAreNotVarFiles(t *testing.T) {
	runCases(t, []readCase{{
		name: "prod.backend.tfvars, backend.tfvars and backend.hcl set no variable",
		files: map[string]string{
			"main.tf": `
variable "region" {
  default = "ap-northeast-1"
}
provider "aws" {
  region = var.region
}
resource "aws_s3_bucket" "media" {}
`,
			"prod.backend.tfvars":         "bucket = \"state\"\nkey = \"prod/terraform.tfstate\"\nregion = \"eu-west-1\"\n",
			"backend.tfvars":              `region = "us-east-1"`,
			"env/dev.backend.tfvars.json": `{"region": "ap-south-1"}`,
			"backend.hcl":                 `region = "sa-east-1"`,
		},
		want: []string{`main.tf:7:1 store aws_s3_bucket.media -> JP ap-northeast-1  via provider aws, var.region = "ap-northeast-1" (default)`},
	}})
}
