package config

import (
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const good = `# The country the notice speaks for.
home = "JP"

entity "shanghai-contractor" {
  country      = "CN"
  aws_accounts = ["222233334444"]
  cidrs        = ["198.51.100.0/24", "2001:db8::/32"]
  domains      = ["partner-dev.example.com"]
}

host "*.internal.example.com" { country = "JP" }
host "api.internal.example.com" { country = "SG" }

ignore {
  rule   = "undisclosed-country"
  path   = "legacy/**"
  reason = "decommissioned in Q3; removal tracked"
}
`

func TestParse(t *testing.T) {
	c, err := Parse(".noticevet.hcl", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if c.Home != "JP" {
		t.Errorf("Home = %q", c.Home)
	}
	if got, ent, ok := c.Account("222233334444"); !ok || got != "CN" || ent != "shanghai-contractor" {
		t.Errorf("Account = %q %q %v", got, ent, ok)
	}
	if _, _, ok := c.Account("111122223333"); ok {
		t.Error("unknown account placed")
	}
	for _, tt := range []struct {
		cidr string
		ok   bool
	}{
		{"198.51.100.7/32", true}, {"198.51.0.0/16", true}, {"198.51.101.0/24", false}, {"2001:db8:1::/48", true}, {"10.0.0.0/8", false},
	} {
		if _, _, ok := c.CIDR(netip.MustParsePrefix(tt.cidr)); ok != tt.ok {
			t.Errorf("CIDR(%s) = %v, want %v", tt.cidr, ok, tt.ok)
		}
	}
	for _, tt := range []struct{ host, country, by string }{
		{"db.internal.example.com", "JP", "host *.internal.example.com"},
		{"api.internal.example.com", "SG", "host api.internal.example.com"},
		{"partner-dev.example.com", "CN", "entity shanghai-contractor"},
		{"eu.partner-dev.example.com.", "CN", "entity shanghai-contractor"},
		{"internal.example.com", "", ""},
		{"evilpartner-dev.example.com", "", ""},
	} {
		got, by, _ := c.Host(tt.host)
		if got != tt.country || by != tt.by {
			t.Errorf("Host(%s) = %q %q, want %q %q", tt.host, got, by, tt.country, tt.by)
		}
	}
	if ig, ok := c.Ignored("undisclosed-country", "legacy/infra/old.tf"); !ok || ig.Line != 14 {
		t.Errorf("Ignored = %+v %v", ig, ok)
	}
	if _, ok := c.Ignored("false-claim", "legacy/infra/old.tf"); ok {
		t.Error("ignore matched another rule")
	}
	if _, ok := c.Ignored("undisclosed-country", "infra/legacy/old.tf"); ok {
		t.Error("ignore matched another path")
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"syntax", "home = \n", `.noticevet.hcl:1: Invalid expression: Expected the start of an expression, but found an invalid expression token`},
		{"unknown attribute", "home = \"JP\"\nhomme = \"JP\"\n", `.noticevet.hcl:2: Unsupported argument: An argument named "homme" is not expected here`},
		{"unknown block", "home = \"JP\"\n\nvendor \"x\" {}\n", `.noticevet.hcl:3: Unsupported block type: Blocks of type "vendor" are not expected here`},
		{"unknown entity attribute", "entity \"a\" {\n  country = \"CN\"\n  account = [\"1\"]\n}\n", `.noticevet.hcl:3: Unsupported argument: An argument named "account" is not expected here`},
		{"bad home", "home = \"Japan\"\n", `.noticevet.hcl:1: home "Japan" is not an ISO 3166-1 alpha-2 country code (such as "JP")`},
		{"dev folder with a slash", "home = \"JP\"\ndev_folders = [\"tools\", \"a/b\"]\n", `.noticevet.hcl:2: dev_folders: "a/b" is not a folder name or pattern`},
		{"empty dev folder", "dev_folders = [\"\"]\n", `.noticevet.hcl:1: dev_folders: "" is not a folder name or pattern`},
		{"bad dev folder pattern", "dev_folders = [\"[x\"]\n", `.noticevet.hcl:1: dev_folders: "[x" is not a folder name or pattern`},
		{"bad self domain", "self {\n  domains = [\"ntfy.sh\", \"not a host\"]\n}\n", `.noticevet.hcl:2: self: "not a host" is not a domain name or a pattern such as "*.example.com"`},
		{"two self blocks", "self {\n  domains = [\"a.example\"]\n}\nself {\n  domains = [\"b.example\"]\n}\n", `.noticevet.hcl:4: self: one self block only; list every domain in it`},
		{"lower-case home", "home = \"jp\"\n", `.noticevet.hcl:1: home "jp" is not an ISO 3166-1 alpha-2 country code (such as "JP")`},
		{"group is not a country", "home = \"EU\"\n", `.noticevet.hcl:1: home "EU" is not an ISO 3166-1 alpha-2 country code (such as "JP")`},
		{"bad entity country", "\nentity \"a\" {\n  country = \"XX\"\n}\n", `.noticevet.hcl:3: entity "a": country "XX" is not an ISO 3166-1 alpha-2 country code`},
		{"missing entity country", "entity \"a\" {\n}\n", `.noticevet.hcl:1: Missing required argument: The argument "country" is required, but no definition was found`},
		{"bad cidr", "entity \"a\" {\n  country = \"CN\"\n  cidrs = [\"198.51.100.0/33\"]\n}\n", `.noticevet.hcl:3: entity "a": bad CIDR "198.51.100.0/33"`},
		{"bad account", "entity \"a\" {\n  country = \"CN\"\n  aws_accounts = [\"2222-3333-4444\"]\n}\n", `.noticevet.hcl:3: entity "a": "2222-3333-4444" is not a 12-digit AWS account ID`},
		{"bad domain", "entity \"a\" {\n  country = \"CN\"\n  domains = [\"https://x.cn\"]\n}\n", `.noticevet.hcl:3: entity "a": "https://x.cn" is not a domain name`},
		{"duplicate entity", "entity \"a\" { country = \"CN\" }\nentity \"a\" { country = \"KR\" }\n", `.noticevet.hcl:2: entity "a" is declared twice`},
		{"bad host", "host \"*.*.x\" { country = \"JP\" }\n", `.noticevet.hcl:1: host "*.*.x" is not a host name or a pattern such as "*.example.com"`},
		{"bad host country", "host \"x.example\" {\n country = \"jp\"\n}\n", `.noticevet.hcl:2: host "x.example": country "jp" is not an ISO 3166-1 alpha-2 country code`},
		{"unknown rule", "ignore {\n  rule = \"false-claims\"\n  reason = \"x\"\n}\n", `.noticevet.hcl:2: ignore: unknown rule "false-claims" (rules: false-claim, undisclosed-country, no-country-named, translation-mismatch, unresolved-destination)`},
		{"no reason", "\nignore {\n  rule = \"false-claim\"\n}\n", `.noticevet.hcl:2: ignore: a reason is required`},
		{"blank reason", "ignore {\n  rule = \"false-claim\"\n  reason = \"  \"\n}\n", `.noticevet.hcl:1: ignore: a reason is required`},
		{"nothing to ignore", "ignore {\n  reason = \"x\"\n}\n", `.noticevet.hcl:1: ignore: name a rule, a path, or both`},
		{"bad path", "ignore {\n  path = \"legacy/[\"\n  reason = \"x\"\n}\n", `.noticevet.hcl:2: ignore: bad path pattern "legacy/[" (use a relative pattern such as "legacy/**")`},
		{"absolute path", "ignore {\n  path = \"/etc/**\"\n  reason = \"x\"\n}\n", `.noticevet.hcl:2: ignore: bad path pattern "/etc/**" (use a relative pattern such as "legacy/**")`},
		{"config file absolute", "home = \"JP\"\nconfig_files = [\"/etc/app.yaml\"]\n", `.noticevet.hcl:2: config_files: bad path pattern "/etc/app.yaml" (use a relative pattern such as "deploy/prod/*.yaml")`},
		{"config file empty", "config_files = [\"\"]\n", `.noticevet.hcl:1: config_files: bad path pattern "" (use a relative pattern such as "deploy/prod/*.yaml")`},
		{"deploy var file outside", "deploy \"cf/**\" {\n  var_files = [\"../eu-west-1.tfvars\"]\n}\n", `.noticevet.hcl:2: deploy "cf/**": var_files: "../eu-west-1.tfvars" is not a path inside the repository (relative, '/', no patterns)`},
		{"deploy var file pattern", "deploy \"cf/**\" {\n  var_files = [\"env/*.tfvars\"]\n}\n", `.noticevet.hcl:2: deploy "cf/**": var_files: "env/*.tfvars" is not a path inside the repository (relative, '/', no patterns)`},
		{"deploy without settings", "deploy \"cfn/**\" {\n}\n", `.noticevet.hcl:1: deploy "cfn/**": set region, location or var_files`},
		{"deploy unknown region", "deploy \"cfn/**\" {\n  region = \"eu-west-9\"\n}\n", `.noticevet.hcl:2: deploy "cfn/**": region "eu-west-9" is not a region of any provider noticevet knows`},
		{"deploy unknown location", "deploy \"infra/**\" {\n  location = \"Europe West\"\n}\n", `.noticevet.hcl:2: deploy "infra/**": location "Europe West" is not an Azure location`},
		{"deploy absolute path", "deploy \"/srv/**\" {\n  region = \"eu-west-1\"\n}\n", `.noticevet.hcl:1: deploy: bad path pattern "/srv/**" (use a relative pattern such as "infra/**")`},
		{"deploy empty path", "deploy \"\" {\n  region = \"eu-west-1\"\n}\n", `.noticevet.hcl:1: deploy: bad path pattern "" (use a relative pattern such as "infra/**")`},
		{"deploy unknown attribute", "deploy \"x/**\" {\n  regions = [\"eu-west-1\"]\n}\n", `.noticevet.hcl:2: Unsupported argument: An argument named "regions" is not expected here. Did you mean "region"?`},
		{"wrong type", "home = [\"JP\"]\n", `.noticevet.hcl:1: Unsuitable value type: Unsuitable value: string required, but have tuple`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(".noticevet.hcl", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if _, err := Load(p, FileName); err == nil || err.Error() != ".noticevet.hcl: no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
	if err := os.WriteFile(p, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, FileName); err != nil {
		t.Error(err)
	}
}

func TestMatchPath(t *testing.T) {
	for _, tt := range []struct {
		pat, name string
		want      bool
	}{
		{"legacy/**", "legacy/a.tf", true},
		{"legacy/**", "legacy/x/y/a.tf", true},
		{"legacy/**", "legacy", true},
		{"legacy/**", "new/legacy/a.tf", false},
		{"**/*.tf", "a.tf", true},
		{"**/*.tf", "x/y/a.tf", true},
		{"**/*.tf", "x/y/a.go", false},
		{"infra/*.tf", "infra/x/a.tf", false},
		{"infra/a.tf", "infra/a.tf", true},
	} {
		if got := MatchPath(tt.pat, tt.name); got != tt.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", tt.pat, tt.name, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(good)
	f.Add("home = \"JP\"\n")
	f.Add("entity \"a\" { country = \"CN\" cidrs = [\"::/0\"] }")
	f.Add("ignore { path = \"**/**/x\" reason = \"r\" }")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse(".noticevet.hcl", []byte(src))
		if err == nil {
			c.Host("a.b.example.com")
			c.Ignored("false-claim", "a/b/c.tf")
		}
	})
}

func TestDevFolders(t *testing.T) {
	c, err := Parse(FileName, []byte("dev_folders = [\"tools\", \"scripts\"]\n"))
	if err != nil || len(c.DevFolders) != 2 || c.DevFolders[1] != "scripts" {
		t.Errorf("dev_folders: %+v, %v", c, err)
	}
	if c, err := Parse(FileName, []byte("dev_folders = []\n")); err != nil || c.DevFolders == nil || len(c.DevFolders) != 0 {
		t.Errorf("dev_folders = []: %+v, %v (want an empty, not nil, list)", c, err)
	}
	if c, err := Parse(FileName, []byte("home = \"JP\"\n")); err != nil || c.DevFolders != nil {
		t.Errorf("no dev_folders: %+v, %v (want nil: the default)", c, err)
	}
}

func TestDeploy(t *testing.T) {
	src := "deploy \"cloudformation/**\" {\n  region = \"us-east-1\"\n}\n\n" +
		"deploy \"infra/azure/**\" {\n  location = \"West Europe\"\n}\n\n" +
		"deploy \"**\" {\n  region = \"eu-west-2\"\n}\n"
	c, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path        string
		region, loc string
		line        int
		ok          bool
	}{
		{"cloudformation/scenarios/a/template.yaml", "us-east-1", "", 1, true},
		{"cloudformation", "us-east-1", "", 1, true},
		{"infra/azure/main.tf", "", "West Europe", 5, true},
		{"infra/aws/main.tf", "eu-west-2", "", 9, true},
		{"template.yaml", "eu-west-2", "", 9, true},
	} {
		d, ok := c.DeployFor(tt.path)
		if ok != tt.ok || d.Region != tt.region || d.Location != tt.loc || d.Line != tt.line {
			t.Errorf("DeployFor(%q) = %+v, %v; want region %q location %q line %d", tt.path, d, ok, tt.region, tt.loc, tt.line)
		}
	}
	c, err = Parse(FileName, []byte("deploy \"cloudformation/**\" {\n  region = \"us-east-1\"\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := c.DeployFor("cfn/template.yaml"); ok {
		t.Errorf("DeployFor outside the pattern = %+v", d)
	}
}

func TestSelf(t *testing.T) {
	c, err := Parse(FileName, []byte("self {\n  domains = [\"ntfy.sh\", \"*.ntfy.sh\"]\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]bool{"ntfy.sh": true, "NTFY.SH.": true, "api.ntfy.sh": true, "ntfy.sh.evil.example": false, "xntfy.sh": false} {
		if _, got := c.IsSelf(host); got != want {
			t.Errorf("IsSelf(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestSelfSettingsConfig: a self block may name the settings that hold
// the service's own address, without domains; a field matches by its
// name, by its type's name and its name, or whole; an environment
// variable exactly; a configuration key regardless of case.
func TestSelfSettingsConfig(t *testing.T) {
	c, err := Parse(FileName, []byte("self {\n  settings = [\"RemarkURL\", \"client.Config.DefaultHost\", \"Config.Server\", \"APP_URL\", \"server.url\"]\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for setting, want := range map[string]bool{
		"field:example.com/m/app.Opts.RemarkURL":        true,
		"field:example.com/m/app.Opts.OtherRemarkURL":   false,
		"field:example.com/m/client.Config.Server":      true,
		"field:example.com/m/client.Other.Server":       false,
		"field:example.com/m/client.Config.DefaultHost": false, // a package name is not a path
		"env:APP_URL":       true,
		"env:app_url":       false,
		"config:Server.URL": true,
		"config:APP_URL":    true,
		"APP_URL":           false,
	} {
		if _, got := c.IsSelfSetting(setting); got != want {
			t.Errorf("IsSelfSetting(%q) = %v, want %v", setting, got, want)
		}
	}
	for _, bad := range []string{`""`, `"a b"`, `".x"`, `"x."`, `"os.Getenv(\"X\")"`} {
		if _, err := Parse(FileName, []byte("self {\n  settings = ["+bad+"]\n}\n")); err == nil || !strings.Contains(err.Error(), ".noticevet.hcl:2") {
			t.Errorf("settings = [%s]: %v, want an error at line 2", bad, err)
		}
	}
}

// TestReadmeExample keeps the README's example configuration valid: the
// first hcl block of its configuration section parses as shown.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## Configuration: `.noticevet.hcl`")
	if !ok {
		t.Fatal("README has no configuration section")
	}
	_, block, ok := strings.Cut(section, "```hcl\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("the configuration section has no hcl block")
	}
	c, err := Parse(FileName, []byte(block))
	if err != nil {
		t.Fatalf("the README's example configuration: %v", err)
	}
	if len(c.Deploys) == 0 || len(c.ConfigFiles) == 0 || len(c.Ignores) == 0 {
		t.Errorf("the example lost its deploy, config_files or ignore: %+v", c)
	}
}
