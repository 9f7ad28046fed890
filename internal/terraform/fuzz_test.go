package terraform

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/diag"
)

// FuzzRead reads fuzzed content as a .tf file (also a local module's) and
// as a .tf.json file. Read must return evidence or an error, never panic
// or hang.
func FuzzRead(f *testing.F) {
	seeds := []string{
		"provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n",
		"module \"m\" {\n  source = \"./m\"\n  count = 2\n  region = var.r[count.index]\n}\nvariable \"r\" { default = [\"us-east-1\"] }\n",
		"locals {\n  a = local.b\n  b = local.a\n}\nresource \"aws_s3_bucket\" \"b\" { region = local.a }\n",
		"resource \"aws_dynamodb_table\" \"t\" {\n  dynamic \"replica\" {\n    for_each = [\"eu-west-1\"]\n    content { region_name = replica.value }\n  }\n}\n",
		"resource \"aws_iam_role\" \"r\" {\n  assume_role_policy = jsonencode({Statement = [{Effect = \"Allow\", Principal = {AWS = \"123456789012\"}}]})\n}\n",
		"resource \"aws_security_group\" \"s\" {\n  ingress { cidr_blocks = [\"198.51.100.0/24\", cidrsubnet(\"10.0.0.0/8\", 8, 1)] }\n  ingress = [{cidr_blocks = [\"1.2.3.4/32\"]}]\n}\n",
		"resource \"azurerm_storage_account\" \"a\" {\n  location = \"japaneast\"\n  account_replication_type = \"GRS\"\n}\n",
		"resource \"aws_s3_bucket\" \"b\" {\n  for_each = { for k, v in {a = 1} : k => v }\n  region = each.key\n}\n",
		`{"resource": {"aws_s3_bucket": {"b": {"provider": "aws.x", "region": "${var.r}"}}}, "variable": {"r": {}}}`,
		`{"module": {"m": {"source": "./m", "providers": {"aws": "aws.x"}}}}`,
		"resource \"google_storage_bucket\" \"b\" {\n  custom_placement_config { data_locations = [\"ASIA-NORTHEAST1\"] }\n}\n",
		"data \"aws_iam_policy_document\" \"d\" {\n  source_policy_documents = [data.aws_iam_policy_document.d.json]\n}\nresource \"aws_kms_key\" \"k\" { policy = data.aws_iam_policy_document.d.json }\n",
		"resource \"aws_s3_bucket\" \"b\" { count = 1e9 }\n",
		"resource \"aws_s3_bucket\" \"b\" { count = -1 }\n",
		"resource \"aws_s3_bucket\" \"b\" { for_each = aws_s3_bucket.b }\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		dir := t.TempDir()
		for _, name := range []string{"main.tf", "m/main.tf"} {
			p := filepath.Join(dir, "tf", filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		jsonDir := filepath.Join(dir, "json")
		if err := os.MkdirAll(jsonDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(jsonDir, "main.tf.json"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{filepath.Join(dir, "tf"), jsonDir} {
			ev, err := Read(d, Options{Places: places{}})
			if err != nil {
				var e *diag.Diagnostic
				if !errors.As(err, &e) {
					t.Fatalf("error of type %T: %v", err, err)
				}
				if strings.HasPrefix(e.Msg, "internal error") || strings.Contains(e.Msg, "\n") {
					t.Fatalf("error: %v", err)
				}
				continue
			}
			for _, e := range ev {
				if (e.Country == "") == (e.Unresolved == "") {
					t.Fatalf("evidence with country %q and reason %q", e.Country, e.Unresolved)
				}
				if e.Pos.Line < 1 || e.Pos.Column < 1 || e.Pos.Path == "" {
					t.Fatalf("evidence at %v", e.Pos)
				}
			}
		}
	})
}
