package terraform

import (
	"fmt"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// benchTree writes a repository of about 500 files: a root module calling
// ten modules (45 files each) twenty times with different inputs, and
// root files of their own.
func benchTree(tb testing.TB) string {
	dir := tb.TempDir()
	write := func(name, content string) { testfs.Write(tb, dir, map[string]string{name: content}) }
	regions := []string{"ap-northeast-1", "ap-northeast-2", "us-east-1", "eu-west-1"}
	root := "variable \"env\" { default = \"prod\" }\nprovider \"aws\" { region = \"ap-northeast-1\" }\n"
	for i := 0; i < 20; i++ {
		root += fmt.Sprintf("module \"m%d\" {\n  source = \"./modules/mod%d\"\n  region = %q\n  name = \"n%d-${var.env}\"\n}\n", i, i%10, regions[i%len(regions)], i)
	}
	write("main.tf", root)
	for i := 0; i < 50; i++ {
		write(fmt.Sprintf("root%02d.tf", i), fmt.Sprintf(`
locals { r%[1]d = lower("AP-NORTHEAST-%[2]d") }
resource "aws_s3_bucket" "b%[1]d" { region = local.r%[1]d }
resource "aws_security_group" "sg%[1]d" {
  ingress { cidr_blocks = ["198.51.100.%[1]d/32", "10.%[1]d.0.0/16"] }
}
`, i, i%3+1))
	}
	for m := 0; m < 10; m++ {
		write(fmt.Sprintf("modules/mod%d/variables.tf", m), "variable \"region\" {}\nvariable \"name\" {}\n")
		for f := 0; f < 44; f++ {
			write(fmt.Sprintf("modules/mod%d/f%02d.tf", m, f), fmt.Sprintf(`
locals {
  n%[1]d = "${var.name}-%[1]d"
}
resource "aws_dynamodb_table" "t%[1]d" {
  region = var.region
  name   = local.n%[1]d
  replica { region_name = "us-west-2" }
}
data "aws_iam_policy_document" "d%[1]d" {
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::2222333344%02[1]d:root"]
    }
  }
}
resource "aws_iam_role" "r%[1]d" {
  assume_role_policy = data.aws_iam_policy_document.d%[1]d.json
}
`, f))
		}
	}
	return dir
}

func BenchmarkRead(b *testing.B) {
	defer func(n int) { chunkFiles = n }(chunkFiles)
	chunkFiles = 0 // as shipped, not as TestMain sets it
	dir := benchTree(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ev, err := Read(dir, Options{Places: places{}})
		if err != nil {
			b.Fatal(err)
		}
		if len(ev) == 0 {
			b.Fatal("no evidence")
		}
	}
}
