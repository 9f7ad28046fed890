package tfeval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
)

func TestErrors(t *testing.T) {
	deep := map[string]string{"main.tf": "module \"m\" {\n  source = \"./m0\"\n}\n"}
	for i := 0; i < 70; i++ {
		deep[fmt.Sprintf("m%d/main.tf", i)] = fmt.Sprintf("module \"m\" {\n  source = \"../m%d\"\n}\n", i+1)
	}
	deep["m70/main.tf"] = "resource \"aws_s3_bucket\" \"b\" {}\n"

	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{
			name:  "invalid UTF-8",
			files: map[string]string{"bad.tf": "locals {\n  a = \"\xff\"\n}\n"},
			want:  "bad.tf:2: not valid UTF-8",
		},
		{
			name:  "binary",
			files: map[string]string{"x/bin.tf": "abc\n\x00\x01"},
			want:  "x/bin.tf:2: not a text file (it contains a NUL byte)",
		},
		{
			name:  "HCL syntax error",
			files: map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n}\n"},
			want:  "main.tf:2: Invalid expression: Expected the start of an expression, but found an invalid expression token",
		},
		{
			name:  "unclosed block",
			files: map[string]string{"a/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n"},
			want:  "a/main.tf:1: Unclosed configuration block: There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file",
		},
		{
			name:  "JSON syntax error",
			files: map[string]string{"main.tf.json": "{\n  \"resource\": {\n}\n"},
			want:  "main.tf.json:1: Unclosed object: No closing brace was found for this JSON object",
		},
		{
			name:  "resource without a name",
			files: map[string]string{"main.tf": "resource \"aws_s3_bucket\" {\n}\n"},
			want:  `main.tf:1: Missing name for resource: All resource blocks must have 2 labels (type, name)`,
		},
		{
			name:  "variable file with a block",
			files: map[string]string{"main.tf": "", "env/prod.tfvars": "region = \"x\"\nblock {\n}\n"},
			want:  "env/prod.tfvars:2: Unexpected \"block\" block: Blocks are not allowed here",
		},
		{
			name:  "variable file syntax error",
			files: map[string]string{"terraform.tfvars": "region = \n"},
			want:  "terraform.tfvars:1: Invalid expression: Expected the start of an expression, but found an invalid expression token",
		},
		{
			name:  "absolute module source",
			files: map[string]string{"main.tf": "module \"x\" {\n  source = \"/etc/modules/x\"\n}\n"},
			want:  `main.tf:2: module "x": source "/etc/modules/x" is an absolute path; a local module source must start with ./ or ../`,
		},
		{
			name:  "module source leaving the repository",
			files: map[string]string{"infra/main.tf": "module \"x\" {\n  source = \"../../outside\"\n}\n"},
			want:  `infra/main.tf:2: module "x": source "../../outside" leads outside the repository`,
		},
		{
			name:  "missing module folder",
			files: map[string]string{"main.tf": "module \"x\" {\n  source = \"./modules/missing\"\n}\n"},
			want:  `main.tf:2: module "x": source "./modules/missing": no such folder`,
		},
		{
			name:  "module source that is a file",
			files: map[string]string{"main.tf": "module \"x\" {\n  source = \"./main.tf\"\n}\n"},
			want:  `main.tf:2: module "x": source "./main.tf" is not a folder`,
		},
		{
			name:  "module without a source",
			files: map[string]string{"main.tf": "module \"x\" {\n}\n"},
			want:  `main.tf:1: module "x": missing source`,
		},
		{
			name:  "module source that is not a literal",
			files: map[string]string{"main.tf": "module \"x\" {\n  source = var.src\n}\n"},
			want:  `main.tf:2: module "x": source must be a literal string`,
		},
		{
			name: "module cycle",
			files: map[string]string{
				"main.tf":   "module \"a\" {\n  source = \"./a\"\n}\n",
				"a/main.tf": "module \"b\" {\n  source = \"../b\"\n}\n",
				"b/main.tf": "# b\n\nmodule \"a\" {\n  source = \"../a\"\n}\n",
			},
			want: `b/main.tf:4: module "a": module cycle: a → b → a`,
		},
		{
			name:  "module calling itself",
			files: map[string]string{"main.tf": "module \"me\" {\n  source = \"./\"\n}\n"},
			want:  `main.tf:2: module "me": module cycle: . → .`,
		},
		{
			name:  "modules nested too deep",
			files: deep,
			want:  `m63/main.tf:2: module "m": modules are nested more than 64 deep`,
		},
		{
			name:  "nesting too deep",
			files: map[string]string{"main.tf": "a = " + strings.Repeat("[", 600) + strings.Repeat("!", 500) + "true" + strings.Repeat("]", 600) + "\n"},
			want:  "main.tf:1: nested more than 1000 levels deep",
		},
		{
			name:  "nesting too deep in JSON string escapes",
			files: map[string]string{"main.tf.json": `{"locals": {"a": "${` + strings.Repeat(`\u0021`, 1200) + `true}"}}`},
			want:  "main.tf.json:1: nested more than 1000 levels deep",
		},
		{
			name:  "alias that is not a literal",
			files: map[string]string{"main.tf": "provider \"aws\" {\n  alias = var.a\n}\n"},
			want:  `main.tf:2: provider "aws": alias must be a literal string`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tc.files)
			_, err := readDir(dir)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tc.want)
			}
			if e := (*diag.Diagnostic)(nil); !errors.As(err, &e) {
				t.Errorf("error is %T, want a *diag.Diagnostic", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line")
			}
		})
	}
}

func TestErrorLargeFile(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("# padding\n", maxFileSize/10+1)
	if err := os.WriteFile(filepath.Join(dir, "big.tf"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := readDir(dir)
	if err == nil || err.Error() != "big.tf: file is larger than 10 MiB" {
		t.Errorf("error = %v", err)
	}
}

func TestErrorUnreadable(t *testing.T) {
	_, err := readFile(fileRef{abs: filepath.Join(t.TempDir(), "gone.tf"), rel: "gone.tf"})
	if err == nil || err.Error() != "gone.tf: no such file or directory" {
		t.Errorf("error = %v", err)
	}
}

func TestErrorSymlinkOutsideRoot(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	writeTree(t, outside, map[string]string{"main.tf": ""})
	writeTree(t, dir, map[string]string{"main.tf": "module \"x\" {\n  source = \"./link\"\n}\n"})
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Skip(err)
	}
	_, err := readDir(dir)
	want := `main.tf:2: module "x": source "./link" leads outside the repository through a symbolic link`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestErrorKeepsEveryDiagnostic: a file with several HCL problems fails
// with the first, as a message, and keeps them all with their columns and
// ends for reports.
func TestErrorKeepsEveryDiagnostic(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf": "locals {\n  x = 1\n}\nlocals {\n  y = \"${\"\n  z = \"${\"\n}\n"})
	_, err := readDir(dir)
	var ds diag.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("error %v (%T), want diag.Diagnostics", err, err)
	}
	if len(ds) < 2 {
		t.Fatalf("%d diagnostics, want every problem: %v", len(ds), ds)
	}
	if err.Error() != ds[0].Error() || !strings.HasPrefix(err.Error(), "main.tf:5: ") {
		t.Errorf("message %q, want the first problem's, main.tf:5: ...", err)
	}
	for _, d := range ds {
		if d.Path != "main.tf" || d.Line == 0 || d.Column == 0 || d.EndLine == 0 {
			t.Errorf("diagnostic without a full position: %+v", *d)
		}
	}
}

// TestErrorColumn: a problem Terraform's reader finds itself keeps the
// column of what it names, though the message names the line only.
func TestErrorColumn(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf": "module \"m\" {\n  source = \"/abs\"\n}\n"})
	_, err := readDir(dir)
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Line != 2 || d.Column != 3 || d.EndColumn != 9 {
		t.Fatalf("error %v (%+v), want one at 2:3-9 (the argument name)", err, *d)
	}
	if want := `main.tf:2: module "m": source "/abs" is an absolute path; a local module source must start with ./ or ../`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

// readDir reads dir, a repository of its own, one folder a chunk (so that
// a streaming read meets the error first, and the whole read reports it).
func readDir(dir string) ([]evidence.Evidence, error) {
	v, err := repo.NewView(dir, dir)
	if err != nil {
		return nil, err
	}
	return Read(v, Config{ChunkFiles: 1})
}

// writeTree writes files (path → content) under dir; a leading newline
// of a content (the one after a backquote) is dropped.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	trimmed := make(map[string]string, len(files))
	for name, content := range files {
		trimmed[name] = strings.TrimPrefix(content, "\n")
	}
	testfs.Write(t, dir, trimmed)
}
