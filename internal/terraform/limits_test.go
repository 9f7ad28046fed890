package terraform

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/noticevet/noticevet/internal/evidence"
)

// TestCostlyExpressions: expressions of a few bytes whose values would
// take gigabytes, or hours to compute, are unresolved with a reason, in
// little time and memory.
func TestCostlyExpressions(t *testing.T) {
	const big = `locals {
  big = range(1024)
  s0  = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
`
	doubling := big
	for i := 1; i <= 30; i++ {
		doubling += "  s" + itoa(i) + ` = "${local.s` + itoa(i-1) + `}${local.s` + itoa(i-1) + `}"` + "\n"
	}
	for _, tt := range []struct {
		name, src, want string
	}{
		{"strings doubling", doubling + "}\nresource \"aws_s3_bucket\" \"b\" { region = local.s30 }\n",
			"region comes from local.s16, which is too large to evaluate statically"},
		{"nested for over range", `resource "aws_s3_bucket" "b" { region = [for a in range(1024) : [for b in range(1024) : [for c in range(1024) : "ap-northeast-1"]]][0][0][0] }`,
			"region comes from [for a in range(1024) : [for b in range(1024) : [for c in..., which is too large to evaluate statically"},
		{"nested for over a local", big + "  x = [for a in local.big : [for b in local.big : [for c in local.big : 1]]]\n}\nresource \"aws_s3_bucket\" \"b\" { region = local.x }\n",
			"region comes from [for a in local.big : [for b in local.big : [for c in loc..., which is too large to evaluate statically"},
		{"template for", big + "}\nresource \"aws_s3_bucket\" \"b\" { region = \"%{for a in local.big}%{for b in local.big}${local.s0}%{endfor}%{endfor}\" }\n",
			"which is too large to evaluate statically"},
		{"format width", `resource "aws_s3_bucket" "b" { region = format("%1000000000s", "x") }`,
			`region comes from format("%1000000000s", "x"), which is too large to evaluate statically`},
		{"format width from a variable", "variable \"w\" { default = 1000000000 }\nresource \"aws_s3_bucket\" \"b\" { region = format(\"%${var.w}s\", \"x\") }\n",
			"which is too large to evaluate statically"},
		{"indent", `resource "aws_s3_bucket" "b" { region = indent(1000000000, "a\nb") }`,
			"which is too large to evaluate statically"},
		{"huge number literal", `resource "aws_s3_bucket" "b" { region = 1e100000000 }`,
			"region comes from 1e100000000, which is too large to evaluate statically"},
		{"huge number from a string", `resource "aws_s3_bucket" "b" { region = "${"1e100000000" + 0}" }`,
			"which is too large to evaluate statically"},
		{"huge number built in a template", `resource "aws_s3_bucket" "b" { region = "${"1e${100000000}" + 0}" }`,
			"which is too large to evaluate statically"},
		{"huge number from a function", `resource "aws_s3_bucket" "b" { region = "${tonumber(join("", ["1e", "100000000"]))}" }`,
			"which is too large to evaluate statically"},
		{"multiplying numbers", "locals {\n  n = 1e900\n  m = local.n * local.n * local.n\n}\nresource \"aws_s3_bucket\" \"b\" { region = local.m }\n",
			"region comes from local.n * local.n * local.n, which is too large to evaluate statically"},
		{"nested try", `resource "aws_s3_bucket" "b" { region = ` + strings.Repeat("try(", 60) + "var.nope" + strings.Repeat(", 1)", 60) + " }",
			"region comes from var.nope, which is not declared"},
		{"nested try that succeeds", `resource "aws_s3_bucket" "b" { region = ` + strings.Repeat("try(", 60) + `"ap-northeast-9"` + strings.Repeat(")", 60) + " }",
			`region "ap-northeast-9" is not a aws location with a known country`},
		{"many locations", big + "  more = concat(local.big, [1])\n}\nresource \"google_storage_bucket\" \"b\" { location = local.more }\n",
			"location = local.more, which lists more than 1024 locations"},
		{"dynamic blocks multiplied", big + "}\nresource \"aws_dynamodb_table\" \"t\" {\n  region = \"ap-northeast-1\"\n  dynamic \"replica\" {\n    for_each = [for a in local.big : [for b in local.big : [for c in local.big : c]]]\n    content { region_name = \"eu-west-1\" }\n  }\n}\n",
			""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			ev, err := Read(dir, Options{Places: places{}})
			took := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if took > 10*time.Second {
				t.Errorf("took %v", took)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<30 {
				t.Errorf("allocated %d MiB", grew>>20)
			}
			var got []string
			for _, e := range ev {
				got = append(got, e.Unresolved+e.Country)
				if tt.want != "" && strings.Contains(e.Unresolved, tt.want) {
					return
				}
			}
			if tt.want != "" {
				t.Errorf("no evidence unresolved with %q in:\n%s", tt.want, strings.Join(got, "\n"))
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestNestedDynamicCost: a dynamic block nested in an ordinary block whose
// for_each would cost too much to evaluate is left unexpanded, in a
// .tf.json file as in native syntax (where every block can be found
// without a schema), rather than evaluated when the outer block is read.
// One that costs little is expanded in both.
func TestNestedDynamicCost(t *testing.T) {
	const vault = "arn:aws:backup:eu-west-1:111122223333:backup-vault:x"
	native := func(forEach string) string {
		return `locals { big = range(1024) }
resource "aws_backup_plan" "p" {
  rule {
    rule_name = "daily"
    dynamic "copy_action" {
      for_each = ` + forEach + `
      content { destination_vault_arn = "` + vault + `" }
    }
  }
}
`
	}
	json := func(forEach string) string {
		return `{
  "locals": {"big": "${range(1024)}"},
  "resource": {"aws_backup_plan": {"p": {
    "rule": [{
      "rule_name": "daily",
      "dynamic": {"copy_action": {
        "for_each": "${` + strings.ReplaceAll(forEach, `"`, `\"`) + `}",
        "content": {"destination_vault_arn": "` + vault + `"}
      }}
    }]
  }}}
}
`
	}
	for _, tt := range []struct {
		name, forEach string
		copies        int
	}{
		{"too costly", "[for a in local.big : [for b in local.big : b]]", 0},
		{"affordable", `["x"]`, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got [2][]string
			for i, file := range []struct{ name, src string }{{"main.tf", native(tt.forEach)}, {"main.tf.json", json(tt.forEach)}} {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, file.name), []byte(file.src), 0o644); err != nil {
					t.Fatal(err)
				}
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				start := time.Now()
				ev, err := Read(dir, Options{Places: places{}})
				took := time.Since(start)
				runtime.ReadMemStats(&after)
				if err != nil {
					t.Fatalf("%s: %v", file.name, err)
				}
				if took > 10*time.Second {
					t.Errorf("%s: took %v", file.name, took)
				}
				if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<30 {
					t.Errorf("%s: allocated %d MiB", file.name, grew>>20)
				}
				for _, e := range ev {
					e.Pos = evidence.Pos{}
					got[i] = append(got[i], show(e))
				}
			}
			if strings.Join(got[0], "\n") != strings.Join(got[1], "\n") {
				t.Errorf("main.tf:\n%s\nmain.tf.json:\n%s", strings.Join(got[0], "\n"), strings.Join(got[1], "\n"))
			}
			copies := 0
			for _, s := range got[1] {
				if strings.Contains(s, "copy") {
					copies++
				}
			}
			if copies != tt.copies {
				t.Errorf("%d copies, want %d:\n%s", copies, tt.copies, strings.Join(got[1], "\n"))
			}
		})
	}
}
