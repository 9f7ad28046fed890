package tfplan

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

// BenchmarkRead reads plans of n buckets in one root module, a tenth of
// them missing from the repository (found at their object in the plan
// file): the time per resource stays the same as n grows.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var tf, res, cfg strings.Builder
			for i := range n {
				if i%10 != 0 {
					fmt.Fprintf(&tf, "resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"b%d\"\n}\n", i, i)
				}
				if i > 0 {
					res.WriteString(",\n")
					cfg.WriteString(",")
				}
				fmt.Fprintf(&res, `{"address": "aws_s3_bucket.b%d", "mode": "managed", "type": "aws_s3_bucket", "name": "b%d", "values": {"bucket": "b%d", "tags": {"a": "b"}}}`, i, i, i)
				fmt.Fprintf(&cfg, `{"address": "aws_s3_bucket.b%d", "mode": "managed", "provider_config_key": "aws"}`, i)
			}
			v := testfs.View(b, map[string]string{
				"main.tf": tf.String(),
				"plan.json": `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [` + res.String() + `]}},
  "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}},
  "root_module": {"resources": [` + cfg.String() + `]}}}`,
			})
			src := Source{Plans: []Plan{{Path: filepath.Join(v.Dir(), "plan.json"), Name: "plan.json"}}}
			b.ResetTimer()
			for b.Loop() {
				found, err := src.Read(v, place.Public)
				if err != nil || len(found.Evidence) != n {
					b.Fatalf("%d evidence, %v", len(found.Evidence), err)
				}
			}
		})
	}
}
