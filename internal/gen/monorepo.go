package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// MonoModules is how many shared modules WriteMonorepo writes.
const MonoModules = 20

// monoTypes are the resources a shared module of the monorepo shape is
// made of: data stores and the resources that sit beside them.
var monoTypes = []struct{ typ, nameArg string }{
	{"aws_s3_bucket", "bucket"},
	{"aws_dynamodb_table", "name"},
	{"aws_sqs_queue", "name"},
	{"aws_cloudwatch_log_group", "name"},
	{"aws_kinesis_stream", "name"},
	{"aws_sns_topic", "name"},
	{"aws_iam_role", "name"},
	{"aws_security_group", "name"},
}

// WriteMonorepo writes a repository shaped like a platform monorepo, the
// shape that is not the services of Write: many small stacks (each a
// root module of three files: a provider and an aliased one, variables,
// locals, two calls of shared modules, and a terraform.tfvars) under
// stacks/team-NN/, calling MonoModules shared modules of six resources
// whose tags merge() the stack's with their own. With 2,500 stacks it is
// about 7,500 Terraform files.
func WriteMonorepo(dir string, stacks int, seed uint64) (Stats, error) {
	w := &writer{dir: dir, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	w.file("PRIVACY.md", noticeEN)
	w.file(".noticevet.hcl", config)
	for i := 0; i < MonoModules; i++ {
		w.monoModule(i)
	}
	for i := 0; i < stacks; i++ {
		w.stack(i)
	}
	return w.st, w.err
}

// monoModule writes shared module i: six resources of the types of
// monoTypes, starting at a type that depends on i.
func (w *writer) monoModule(i int) {
	base := fmt.Sprintf("modules/m%02d/", i)
	w.file(base+"variables.tf", `variable "name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
`)
	var b strings.Builder
	fmt.Fprintf(&b, "locals {\n  module_tags = {\n    module = \"m%02d\"\n    owner  = \"platform\"\n  }\n}\n", i)
	for j := 0; j < 6; j++ {
		t := monoTypes[(i+j)%len(monoTypes)]
		fmt.Fprintf(&b, "\nresource %q \"r%d\" {\n  %s = \"${var.name}-r%d\"\n  tags = merge(var.tags, local.module_tags, { Name = \"${var.name}-r%d\" })\n}\n", t.typ, j, t.nameArg, j, j)
	}
	w.file(base+"main.tf", b.String())
	w.st.Modules++
}

// stack writes root module i: main.tf, variables.tf and terraform.tfvars.
func (w *writer) stack(i int) {
	base := fmt.Sprintf("stacks/team-%02d/stack-%04d/", i%50, i)
	a := w.rng.IntN(MonoModules)
	b := (a + 1 + w.rng.IntN(MonoModules-1)) % MonoModules
	w.file(base+"main.tf", fmt.Sprintf(`provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "replica"
  region = var.replica_region
}

locals {
  name = "${var.team}-${var.service}"
  tags = {
    team    = var.team
    service = var.service
    env     = var.env
  }
}

module "primary" {
  source = "../../../modules/m%02d"
  name   = "${local.name}-primary"
  tags   = local.tags
}

module "replica" {
  source = "../../../modules/m%02d"
  name   = "${local.name}-replica"
  tags   = merge(local.tags, { role = "replica" })

  providers = {
    aws = aws.replica
  }
}
`, a, b))
	w.file(base+"variables.tf", `variable "region" {
  type = string
}

variable "replica_region" {
  type = string
}

variable "team" {
  type = string
}

variable "service" {
  type = string
}

variable "env" {
  type    = string
  default = "prod"
}
`)
	w.file(base+"terraform.tfvars", fmt.Sprintf("region         = %q\nreplica_region = %q\nteam           = \"team-%02d\"\nservice        = \"svc-%04d\"\n",
		w.region(), w.pick(homeRegions), i%50, i))
	w.st.Services++
}
