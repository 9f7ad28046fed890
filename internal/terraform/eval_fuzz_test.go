package terraform

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/noticevet/noticevet/internal/diag"
)

// evalSeeds are expressions for FuzzEval: ordinary ones, and ones whose
// value would take far more memory or time than the configuration's size
// suggests.
var evalSeeds = []string{
	`"ap-northeast-2"`,
	`var.region`,
	`local.regions[count.index]`,
	`lookup(var.by_env, "prod", "us-east-1")`,
	`var.by_env["prod"]`,
	`each.value`,
	`"${var.prefix}-${lower("AP")}-northeast-1"`,
	`[for r in var.list : upper(r) if r != ""]`,
	`{ for k, v in var.by_env : k => v... }`,
	`var.list[*]`,
	`module.m.region`,
	`aws_s3_bucket.other.region`,
	`data.aws_region.current.name`,
	`try(var.missing.x, "eu-west-1")`,
	`can(regex("^ap-", var.region)) ? var.region : "us-east-1"`,
	`jsondecode("{\"a\": [1, 2, {\"b\": null}]}").a[2].b`,
	`join("-", formatlist("%s", range(3)))`,
	`cidrsubnet("10.0.0.0/8", 8, 300)`,
	`setproduct(range(100), range(100), range(100))`,
	`[for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]]`,
	`[for a in local.big : [for b in local.big : [for c in local.big : "ap-northeast-1"]]]`,
	`[for a in local.big : "${local.s10}${local.s10}"]`,
	`"%{for a in range(1024)}%{for b in range(1024)}${local.s10}%{endfor}%{endfor}"`,
	`format("%1000000000s", "x")`,
	`format("%.1000000000f", 1)`,
	`indent(1000000000, "a\nb")`,
	`replace(local.s10, "x", local.s10)`,
	`join(local.s10, local.big)`,
	`formatlist("%1000000s", local.big)`,
	`jsonencode([for a in local.big : local.s10])`,
	`flatten([for a in local.big : [for b in local.big : a]])`,
	`local.big[*]`,
	`[for a in local.big : local.big]`,
	`tolist(local.big)[1023]`,
	`pow(10, 100000000)`,
	`1e100000000 * 1e100000000`,
	`parseint(local.s10, 2)`,
	`regexall("(x*)*", local.s10)`,
	`split("", local.s10)`,
	`strrev(local.s10)`,
	`local.self`,
}

// evalPrelude declares the names the seeds use: a self-reference, a local
// of 1024 elements and strings that double in size 10 times (128 KiB).
const evalPrelude = `
variable "region" { default = "ap-northeast-1" }
variable "prefix" { default = "ap" }
variable "list" { default = ["ap-northeast-1", "eu-west-1"] }
variable "by_env" { default = { prod = "ap-northeast-2", dev = "us-east-1" } }
locals {
  regions = ["ap-northeast-1", "us-west-2"]
  big     = range(1024)
  self    = local.self
  s0  = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  s1  = "${local.s0}${local.s0}"
  s2  = "${local.s1}${local.s1}"
  s3  = "${local.s2}${local.s2}"
  s4  = "${local.s3}${local.s3}"
  s5  = "${local.s4}${local.s4}"
  s6  = "${local.s5}${local.s5}"
  s7  = "${local.s6}${local.s6}"
  s8  = "${local.s7}${local.s7}"
  s9  = "${local.s8}${local.s8}"
  s10 = "${local.s9}${local.s9}"
}
provider "aws" { region = "ap-northeast-1" }
data "aws_region" "current" {}
resource "aws_s3_bucket" "other" { region = "eu-west-1" }
module "m" {
  source = "./m"
  region = var.region
}
`

// FuzzEval puts a fuzzed expression everywhere the reader evaluates one —
// a local, a resource's region, count and for_each, a dynamic block's
// for_each, a module input, a variable default, a variable file and a
// .tf.json template — and reads the folder. Read must return evidence or
// an error within a few seconds, never panic, and never run out of memory
// (the seeds include expressions whose value would take many GiB).
func FuzzEval(f *testing.F) {
	for _, s := range evalSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		if strings.ContainsAny(expr, "\x00") {
			return
		}
		dir := t.TempDir()
		write := func(name, content string) {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		e := "(" + expr + "\n)"
		write("hcl/main.tf", evalPrelude+`
variable "fuzzed" { default = `+e+` }
locals { x = `+e+` }
resource "aws_s3_bucket" "a" { region = local.x }
resource "aws_s3_bucket" "b" {
  count  = length(`+e+`) > 3 ? 3 : 1
  region = `+e+`
}
resource "aws_s3_bucket" "c" {
  for_each = toset([`+e+`])
  region   = each.key
}
resource "aws_dynamodb_table" "d" {
  dynamic "replica" {
    for_each = `+e+`
    content { region_name = replica.value }
  }
}
module "n" {
  source = "./m"
  region = `+e+`
}
`)
		write("hcl/m/main.tf", "variable \"region\" {}\nresource \"aws_s3_bucket\" \"m\" { region = var.region }\noutput \"region\" { value = var.region }\n")
		write("hcl/terraform.tfvars", "region = "+e+"\n")
		tmpl, _ := json.Marshal("${" + expr + "}")
		write("json/main.tf.json", `{"variable": {"v": {"default": `+string(tmpl)+`}},
 "locals": {"x": `+string(tmpl)+`},
 "resource": {"aws_s3_bucket": {"j": {"region": `+string(tmpl)+`}}}}`)

		for _, d := range []string{"hcl", "json"} {
			done := make(chan struct{})
			var err error
			go func() {
				defer close(done)
				_, err = Read(filepath.Join(dir, d), Options{Places: places{}})
			}()
			select {
			case <-done:
			case <-time.After(evalTimeout):
				t.Fatalf("%s: Read took more than %v on %q", d, evalTimeout, expr)
			}
			if err != nil {
				var e *diag.Diagnostic
				if !errors.As(err, &e) {
					t.Fatalf("error of type %T: %v", err, err)
				}
				if strings.HasPrefix(e.Msg, "internal error") || strings.Contains(err.Error(), "\n") {
					t.Fatalf("error: %v", err)
				}
			}
		}
	})
}

// evalTimeout is how long one Read of FuzzEval may take: far more than
// any input needs, so that a slow machine under two fuzzing workers does
// not report a hang.
const evalTimeout = 20 * time.Second
