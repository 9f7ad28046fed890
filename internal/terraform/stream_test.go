package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/gen"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/testfs"
	"github.com/noticevet/noticevet/internal/tfeval"
)

// TestMain makes every folder a chunk of its own, so that every test of
// the package reads the way that guesses most and guesses wrong most
// often. TestStreamSameAsLoad tries other chunk sizes.
func TestMain(m *testing.M) {
	chunkFiles = 1
	os.Exit(m.Run())
}

// readRef reads dir the whole way: every file, then every root module.
func readRef(dir string) ([]evidence.Evidence, error) {
	v, err := repo.NewView(dir, dir)
	if err != nil {
		return nil, err
	}
	return tfeval.ReadWhole(v, evalConfig(places{}))
}

// stream reads a view in chunks only.
func stream(t testing.TB, dir, root string) ([]evidence.Evidence, tfeval.StreamStats, bool) {
	return tfeval.Stream(testView(t, dir, root), evalConfig(places{}))
}

// TestStreamSameAsLoad reads every scenario repository, the benchmark's
// tree, generated repositories and trees made to defeat the guesses in
// chunks of several sizes, and requires the evidence of a whole read;
// where the whole read fails, the streaming one must give up and Read
// must report the same error.
func TestStreamSameAsLoad(t *testing.T) {
	var dirs []string
	for _, pattern := range []string{"../../testdata/scenarios/*", "../../testdata/hard/*", "../../testdata/line-2021"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, m...)
	}
	dirs = append(dirs, benchTree(t))
	for seed := uint64(1); seed <= 3; seed++ {
		d := t.TempDir()
		if _, err := gen.Write(d, gen.Options{Files: 300, Seed: seed, Languages: 1}); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	for _, tree := range []map[string]string{calledLaterTree, varFileMovesTree, {
		"a/main.tf": `provider "aws" { region = "ap-northeast-1" }` + "\nresource \"aws_s3_bucket\" \"a\" {}\n",
		"b/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n",
		"c/main.tf": `provider "aws" { region = "ap-northeast-2" }` + "\nresource \"aws_s3_bucket\" \"c\" {}\n",
	}} {
		d := t.TempDir()
		testfs.Write(t, d, tree)
		dirs = append(dirs, d)
	}
	defer func(n int) { chunkFiles = n }(chunkFiles)
	for _, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := readRef(abs)
		for _, chunk := range []int{1, 3, 1024} {
			chunkFiles = chunk
			name := fmt.Sprintf("%s/chunk=%d", filepath.Base(dir), chunk)
			got, _, ok := stream(t, abs, abs)
			if wantErr != nil {
				if ok {
					t.Errorf("%s: a streaming read succeeded where a whole read fails with %v", name, wantErr)
				}
				_, err := Read(abs, Options{Places: places{}})
				if err == nil || err.Error() != wantErr.Error() {
					t.Errorf("%s: Read: %v, want %v", name, err, wantErr)
				}
				continue
			}
			if !ok {
				t.Errorf("%s: a streaming read gave up where a whole read succeeds", name)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: a streaming read differs from a whole read:\n got %+v\nwant %+v", name, got, want)
			}
		}
	}
}

// TestStreamSubfolder: a folder read inside a larger repository, whose
// root modules call modules outside it.
func TestStreamSubfolder(t *testing.T) {
	defer func(n int) { chunkFiles = n }(chunkFiles)
	repo := t.TempDir()
	testfs.Write(t, repo, map[string]string{
		"modules/bucket/main.tf": "variable \"name\" {}\nresource \"aws_s3_bucket\" \"b\" { bucket = var.name }\n",
		"services/a/main.tf":     "provider \"aws\" { region = \"ap-northeast-2\" }\nmodule \"m\" {\n  source = \"../../modules/bucket\"\n  name   = \"a\"\n}\n",
		"services/b/main.tf":     "provider \"aws\" { region = \"ap-northeast-1\" }\nmodule \"m\" {\n  source = \"../../modules/bucket\"\n  name   = \"b\"\n}\n",
	})
	dir := filepath.Join(repo, "services")
	want, err := tfeval.ReadWhole(testView(t, dir, repo), evalConfig(places{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []int{1, 1024} {
		chunkFiles = chunk
		got, stats, ok := stream(t, dir, repo)
		if !ok || !reflect.DeepEqual(got, want) || stats.Kept != 2 {
			t.Errorf("chunk=%d: ok %v, kept %d, evidence\n%+v\nwant\n%+v", chunk, ok, stats.Kept, got, want)
		}
	}
	if len(want) != 2 || want[0].Pos.Path != "../modules/bucket/main.tf" {
		t.Errorf("evidence %+v, want the bucket twice, placed in ../modules", want)
	}
}

// calledLaterTree: see testfs.CalledLater.
var calledLaterTree = testfs.CalledLater()

// varFileMovesTree has a variable file below a module folder that another
// root module calls: it belongs to the root module above (a), not to the
// folder nearest it, which a streaming read guesses first.
var varFileMovesTree = map[string]string{
	"a/main.tf": `
variable "region" { default = "ap-northeast-1" }
provider "aws" { region = var.region }
resource "aws_s3_bucket" "x" {}
`,
	"a/sub/main.tf": `
provider "aws" { region = "ap-northeast-1" }
resource "aws_s3_bucket" "y" {}
`,
	"a/sub/env/prod.tfvars": `region = "ap-northeast-2"` + "\n",
	"b/main.tf": `
provider "aws" { region = "ap-northeast-1" }
module "s" { source = "../a/sub" }
`,
}

// TestStreamGuesses checks what a streaming read does with wrong guesses,
// so that TestStreamSameAsLoad cannot pass by never guessing.
func TestStreamGuesses(t *testing.T) {
	defer func(n int) { chunkFiles = n }(chunkFiles)
	for _, tc := range []struct {
		name  string
		tree  map[string]string
		chunk int
		want  tfeval.StreamStats
		find  string // "what country [instances]": evidence only a right reading gives
	}{
		{"called later/one folder a chunk", calledLaterTree, 1, tfeval.StreamStats{Guessed: 2, Kept: 1, Revived: 1}, "aws_s3_bucket.b KR [module.m]"},
		{"called later/one chunk", calledLaterTree, 1024, tfeval.StreamStats{Guessed: 1, Kept: 1}, "aws_s3_bucket.b KR [module.m]"},
		// a is taken with no variable files, a/sub with prod.tfvars; b
		// calls a/sub, so a is evaluated again with it.
		{"var-file moves/one folder a chunk", varFileMovesTree, 1, tfeval.StreamStats{Guessed: 3, Kept: 1, Revived: 2}, "aws_s3_bucket.x KR [var-file a/sub/env/prod.tfvars]"},
		{"var-file moves/one chunk", varFileMovesTree, 1024, tfeval.StreamStats{Guessed: 2, Kept: 1, Revived: 1}, "aws_s3_bucket.x KR [var-file a/sub/env/prod.tfvars]"},
		// A root module with no provider block of its own, known by its
		// variable file.
		{"variable file, no provider", map[string]string{
			"svc/main.tf":          "variable \"region\" {}\nresource \"aws_s3_bucket\" \"b\" { region = var.region }\n",
			"svc/terraform.tfvars": "region = \"ap-northeast-2\"\n",
		}, 1, tfeval.StreamStats{Guessed: 1, Kept: 1}, "aws_s3_bucket.b KR []"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			chunkFiles = tc.chunk
			dir := t.TempDir()
			testfs.Write(t, dir, tc.tree)
			ev, stats, ok := stream(t, dir, dir)
			if !ok {
				t.Fatal("the streaming read gave up")
			}
			if stats != tc.want {
				t.Errorf("stats %+v, want %+v", stats, tc.want)
			}
			found := false
			for _, e := range ev {
				if fmt.Sprintf("%s %s %v", e.What, e.Country, e.Instances) == tc.find {
					found = true
				}
			}
			if !found {
				t.Errorf("no evidence %q in %+v", tc.find, ev)
			}
		})
	}
}

// FuzzStream writes fuzzed root modules, a fuzzed module they may call
// and fuzzed variable files into folders that sort around each other, and
// requires a streaming read, one folder a chunk, to give what a whole read
// gives, or to give up where it fails.
func FuzzStream(f *testing.F) {
	f.Add(`provider "aws" { region = "ap-northeast-1" }
module "m" {
  source = "../m"
  region = var.region
}
variable "region" { default = "ap-northeast-1" }
`, `provider "aws" { region = var.region }
variable "region" {}
resource "aws_s3_bucket" "b" {}
`, `region = "ap-northeast-2"`)
	f.Add(`provider "aws" { region = "eu-west-1" }
resource "aws_s3_bucket" "a" {}
`, `provider "aws" { region = "us-east-1" }
module "back" { source = "../a" }
`, `region = "us-east-1"`)
	f.Add(`module "z" { source = "../z" }`, `resource "aws_s3_bucket" "b" {`, `region =`)
	f.Fuzz(func(t *testing.T, root, mod, vars string) {
		dir := t.TempDir()
		testfs.Write(t, dir, map[string]string{
			"a/main.tf":         root,
			"a/env/prod.tfvars": vars,
			"m/main.tf":         mod,
			"m/env/dev.tfvars":  vars,
			"z/main.tf":         root,
		})
		defer func(n int) { chunkFiles = n }(chunkFiles)
		chunkFiles = 1
		want, wantErr := readRef(dir)
		got, _, ok := stream(t, dir, dir)
		switch {
		case wantErr != nil && ok:
			t.Fatalf("a streaming read succeeded where a whole read fails with %v", wantErr)
		case wantErr == nil && !ok:
			t.Fatal("a streaming read gave up where a whole read succeeds")
		case ok && !reflect.DeepEqual(got, want):
			t.Fatalf("a streaming read differs from a whole read:\n got %+v\nwant %+v", got, want)
		}
	})
}

// testView is the view of dir inside root.
func testView(t testing.TB, dir, root string) *repo.View {
	t.Helper()
	v, err := repo.NewView(dir, root)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
