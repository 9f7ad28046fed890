package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/testfs"
)

// runWith checks a repository of files with cfg as its .noticevet.hcl
// (none when cfg is empty).
func runWith(t *testing.T, files map[string]string, cfg string) (*report.Result, error) {
	t.Helper()
	dir := testfs.Dir(t, files)
	if cfg != "" {
		testfs.Write(t, dir, map[string]string{".noticevet.hcl": cfg})
	}
	return Run(Options{Dir: dir})
}

// TestDeploy: a deploy block gives a root module under its path the
// region its provider does not set (the pipeline's AWS_DEFAULT_REGION)
// and the location of the Azure data sources it reads (a resource group
// made by `az group create -l`); elsewhere, and where the configuration
// sets the region itself, nothing changes.
func TestDeploy(t *testing.T) {
	files := map[string]string{
		"PRIVACY.md": "All personal data is stored only in Japan.\n",
		// paas-cf's shape: no root module sets a region.
		"infra/prod/main.tf":  "provider \"aws\" {}\n\nresource \"aws_s3_bucket\" \"media\" {}\n",
		"infra/other/main.tf": "resource \"aws_s3_bucket\" \"logs\" {}\n",
		"infra/fixed/main.tf": "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n\nresource \"aws_s3_bucket\" \"jp\" {}\n",
		// DfE's shape: the resource group is read, made outside Terraform.
		"azure/main.tf": "data \"azurerm_resource_group\" \"rg\" {\n  name = \"s165p01-rsm\"\n}\n\n" +
			"resource \"azurerm_storage_account\" \"docs\" {\n  name     = \"rsmdocs\"\n  location = data.azurerm_resource_group.rg.location\n  resource_group_name = data.azurerm_resource_group.rg.name\n}\n",
	}
	show := func(cfg string) string {
		t.Helper()
		res, err := runWith(t, files, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range res.Evidence {
			fmt.Fprintf(&b, "%s %s country=%q region=%q via=%q unresolved=%q\n", e.Pos.Path, e.What, e.Country, e.Region, e.Via, e.Unresolved)
		}
		return b.String()
	}
	before := show("")
	for _, want := range []string{
		`infra/prod/main.tf aws_s3_bucket.media country="" region="" via="" unresolved="region comes from the environment: provider aws sets no region"`,
		`azure/main.tf azurerm_storage_account.docs country="" region="" via="" unresolved="location comes from data.azurerm_resource_group.rg.location, which is read from the cloud when Terraform runs"`,
	} {
		if !strings.Contains(before, want) {
			t.Errorf("without deploy blocks, no line\n%s\nin\n%s", want, before)
		}
	}
	after := show("deploy \"infra/prod/**\" {\n  region = \"eu-west-1\"\n}\n\ndeploy \"infra/fixed\" {\n  region = \"eu-west-2\"\n}\n\ndeploy \"azure/**\" {\n  location = \"West Europe\"\n}\n")
	for _, want := range []string{
		`infra/prod/main.tf aws_s3_bucket.media country="IE" region="eu-west-1" via="provider aws, region from the deploy block at .noticevet.hcl:1"`,
		`infra/other/main.tf aws_s3_bucket.logs country="" region="" via="" unresolved="region comes from the environment: there is no provider \"aws\" block"`,
		`infra/fixed/main.tf aws_s3_bucket.jp country="JP" region="ap-northeast-1"`,
		`azure/main.tf azurerm_storage_account.docs country="NL" region="westeurope" via="data.azurerm_resource_group.rg.location = \"West Europe\" (deploy block at .noticevet.hcl:9)"`,
	} {
		if !strings.Contains(after, want) {
			t.Errorf("with deploy blocks, no line\n%s\nin\n%s", want, after)
		}
	}
}

// TestDeployVarFiles: the variable files a deploy block names are read by
// the root modules under its path (paas-cf runs `terraform apply
// -var-file=../eu-west-1.tfvars`); a named file that is not a variable
// file of the repository fails at the block.
func TestDeployVarFiles(t *testing.T) {
	files := map[string]string{
		"PRIVACY.md":                 "All personal data is stored only in Japan.\n",
		"terraform/eu-west-1.tfvars": "region = \"eu-west-1\"\n",
		"terraform/cf/main.tf":       "variable \"region\" {}\n\nprovider \"aws\" {\n  region = var.region\n}\n\nresource \"aws_s3_bucket\" \"cdn_logs\" {}\n",
	}
	run := func(cfg string) (string, error) {
		res, err := runWith(t, files, cfg)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		for _, e := range res.Evidence {
			fmt.Fprintf(&b, "%s %s country=%q instances=%q unresolved=%q\n", e.Pos.Path, e.What, e.Country, e.Instances, e.Unresolved)
		}
		return b.String(), nil
	}
	got, err := run("home = \"JP\"\n")
	if err != nil || !strings.Contains(got, `unresolved="region comes from var.region, which has no value"`) {
		t.Errorf("without a deploy block: %v\n%s", err, got)
	}
	got, err = run("deploy \"terraform/cf\" {\n  var_files = [\"terraform/eu-west-1.tfvars\"]\n}\n")
	if want := `terraform/cf/main.tf aws_s3_bucket.cdn_logs country="IE" instances=["var-file terraform/eu-west-1.tfvars"]`; err != nil || !strings.Contains(got, want) {
		t.Errorf("with var_files: %v\n%s\nwant a line with\n%s", err, got, want)
	}
	_, err = run("\ndeploy \"terraform/cf\" {\n  var_files = [\"terraform/eu-west-2.tfvars\"]\n}\n")
	if want := `.noticevet.hcl:2: deploy: var_files: "terraform/eu-west-2.tfvars" is not a Terraform variable file in the repository (.tfvars or .tfvars.json)`; err == nil || err.Error() != want {
		t.Errorf("a missing var file: %v, want %s", err, want)
	}
}
