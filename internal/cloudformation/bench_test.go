package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
)

// bigTemplate is a template of n buckets, each replicating to a bucket of
// the same template by name, as a template near CloudFormation's size
// limit might: the time per resource must not grow with n.
func bigTemplate(n int) []byte {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Stage: {Type: String, Default: prod}\nResources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  B%d:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub \"b%d-${Stage}\"\n", i, i)
		fmt.Fprintf(&b, "      ReplicationConfiguration:\n        Rules:\n          - Destination: {Bucket: !Sub \"arn:aws:s3:::b%d-${Stage}\"}\n", (i+1)%n)
	}
	return []byte(b.String())
}

func benchTemplate(b *testing.B, n int) {
	src := bigTemplate(n)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		t, err := parse("t.yaml", src)
		if err != nil || t == nil {
			b.Fatal(err)
		}
		var out evidence.Found
		if err := t.evidence([]stack{{region: "eu-west-1", via: "x"}}, place.Public, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTemplate1k and BenchmarkTemplate4k (about 1 MiB, the largest
// template read) should take about four times as long as each other.
func BenchmarkTemplate1k(b *testing.B) { benchTemplate(b, 1000) }

// BenchmarkTemplate4k: see BenchmarkTemplate1k.
func BenchmarkTemplate4k(b *testing.B) { benchTemplate(b, 4000) }
