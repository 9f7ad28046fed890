// Package config reads .noticevet.hcl: the home country the notice speaks
// for, the entities (affiliates, contractors) that let access grants and
// endpoints be placed in a country, host patterns no public rule can place,
// and accepted findings.
//
// Every problem is an error with the file and line; nothing unknown is
// ignored, because a misspelt attribute that silently does nothing would
// make the checker pass for the wrong reason.
package config

import (
	"fmt"
	"io"
	"net/netip"
	"os"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/regions"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/rules"
)

// DefaultDevFolders are the folder names under which a Go package is
// development code when nothing shipped imports it: test helpers, tools
// and scripts run by hand, examples, and suites named for what they test
// (integration-tests, platform-tests). Each is a path.Match pattern of
// one folder name.
var DefaultDevFolders = []string{"test", "tests", "testutil", "testing", "tools", "scripts", "hack", "examples", "*-test", "*-tests"}

// DevPath reports whether a slash-separated relative path has a folder
// name that one of the dev folder patterns matches.
func DevPath(patterns []string, rel string) bool {
	for _, name := range strings.Split(rel, "/") {
		for _, p := range patterns {
			if ok, _ := path.Match(p, name); ok {
				return true
			}
		}
	}
	return false
}

// FileName is the configuration file looked for in the checked folder.
const FileName = ".noticevet.hcl"

// Config is a decoded, validated .noticevet.hcl. The zero value is the
// empty configuration.
type Config struct {
	// File is how the configuration file is named in errors; "" for the
	// empty configuration.
	File string
	// Home is the country the notice speaks for; "" when not set.
	Home string
	// DevFolders are the folder names under which a Go package that no
	// shipped package imports is development code (tests, tools,
	// examples) and not checked; nil for DefaultDevFolders. Empty turns
	// off the rule for packages only tests import as well.
	DevFolders []string
	// ConfigFiles are path patterns of application configuration files
	// to read wherever they are, beside those found by their names and
	// folders; ConfigFilesLine is where the attribute is, for errors.
	ConfigFiles     []string
	ConfigFilesLine int
	// Self are the service's own domains (patterns as in host blocks):
	// a call to one is the service talking to itself, not an export.
	Self []string
	// SelfSettings name the settings that hold the service's own address
	// (a CLI's server URL flag, the environment variable it reads): a call
	// whose destination is read from them is the service talking to
	// itself. Each is a field's name ("RemarkURL"), a type's field
	// ("Config.DefaultHost"), an environment variable or a configuration
	// key, as noticevet's notes name them.
	SelfSettings []string
	Entities     []Entity
	Hosts        []Host
	Ignores      []Ignore
	// Deploys are the settings only a deployment pipeline knows (the
	// region a template is deployed to), by path, in file order.
	Deploys []Deploy
}

// Deploy is a deploy block: where the files matching Pattern are deployed
// when the files themselves do not say (a region passed on a pipeline's
// command line, such as `aws cloudformation deploy --region`).
type Deploy struct {
	// Pattern matches paths relative to the checked folder, '**' standing
	// for any number of folders, as in ignore blocks.
	Pattern string
	// Region is a cloud region that some provider's region table knows
	// ("eu-west-1", "asia-northeast1"); "" when not set.
	Region string
	// Location is an Azure location ("westeurope", "West Europe"); "" when
	// not set.
	Location string
	// VarFiles are the Terraform variable files the pipeline runs the
	// root modules there with, relative to the checked folder ('/',
	// cleaned).
	VarFiles []string
	// Line is where the block starts, for messages that name it.
	Line int
}

// Entity is a party whose country is known: an affiliate, a contractor, a
// vendor.
type Entity struct {
	Name        string
	Country     string
	AWSAccounts []string
	CIDRs       []netip.Prefix
	Domains     []string
}

// Host places hosts matching Pattern ("*.internal.example.com") in Country.
type Host struct {
	Pattern string
	Country string
}

// Ignore accepts findings of Rule (any rule when empty) at paths matching
// Path (any path when empty; '**' matches any number of folders).
type Ignore struct {
	Rule   string
	Path   string
	Reason string
	Line   int // where the ignore block starts, for reports
}

// file mirrors the HCL schema; gohcl rejects unknown blocks and attributes.
type file struct {
	Home        *string       `hcl:"home,attr"`
	DevFolders  *[]string     `hcl:"dev_folders,attr"`
	ConfigFiles *[]string     `hcl:"config_files,attr"`
	Self        []selfBlock   `hcl:"self,block"`
	Entities    []entityBlock `hcl:"entity,block"`
	Hosts       []hostBlock   `hcl:"host,block"`
	Ignores     []ignoreBlock `hcl:"ignore,block"`
	Deploys     []deployBlock `hcl:"deploy,block"`
}

type deployBlock struct {
	Pattern  string    `hcl:"pattern,label"`
	Region   *string   `hcl:"region,attr"`
	Location *string   `hcl:"location,attr"`
	VarFiles *[]string `hcl:"var_files,attr"`
	Body     hcl.Body  `hcl:",body"`
}

type entityBlock struct {
	Name        string    `hcl:"name,label"`
	Country     string    `hcl:"country,attr"`
	AWSAccounts *[]string `hcl:"aws_accounts,attr"`
	CIDRs       *[]string `hcl:"cidrs,attr"`
	Domains     *[]string `hcl:"domains,attr"`
	Body        hcl.Body  `hcl:",body"`
}

type selfBlock struct {
	Domains  []string `hcl:"domains,optional"`
	Settings []string `hcl:"settings,optional"`
	Body     hcl.Body `hcl:",body"`
}

type hostBlock struct {
	Pattern string   `hcl:"pattern,label"`
	Country string   `hcl:"country,attr"`
	Body    hcl.Body `hcl:",body"`
}

type ignoreBlock struct {
	Rule   *string  `hcl:"rule,attr"`
	Path   *string  `hcl:"path,attr"`
	Reason *string  `hcl:"reason,attr"`
	Body   hcl.Body `hcl:",body"`
}

// Limits that keep a hostile configuration file from exhausting memory or
// the stack; a real one is a few hundred bytes, nested three deep.
const (
	maxFileSize = 1 << 20 // bytes
	maxNesting  = 1000    // brackets and unary operators nested in each other
)

// Load reads and validates the configuration file at path. name is how the
// file is named in errors (usually the path relative to the checked folder).
func Load(path, name string) (*Config, error) {
	fail := func(err error) error {
		return &diag.Diagnostic{Path: name, Msg: diag.Cause(err).Error()}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(src) > maxFileSize {
		return nil, &diag.Diagnostic{Path: name, Msg: fmt.Sprintf("larger than %d MiB", maxFileSize>>20)}
	}
	return Parse(name, src)
}

// Parse decodes and validates configuration source; name is used in errors.
func Parse(name string, src []byte) (*Config, error) {
	body, raw, err := decode(name, src)
	if err != nil {
		return nil, err
	}
	c := &Config{File: name}
	errAt := func(attr string, blockIdx int, blockType string, msg string, args ...any) error {
		return &diag.Diagnostic{Path: name, Line: lineOf(body, blockType, blockIdx, attr), Msg: fmt.Sprintf(msg, args...)}
	}
	if raw.Home != nil {
		h := *raw.Home
		if !country.Valid(h) {
			return nil, errAt("home", -1, "", "home %q is not an ISO 3166-1 alpha-2 country code (such as \"JP\")", h)
		}
		c.Home = h
	}
	if err := c.addEntities(raw.Entities, errAt); err != nil {
		return nil, err
	}
	if raw.DevFolders != nil {
		if bad, ok := folderNames(*raw.DevFolders); !ok {
			return nil, errAt("dev_folders", -1, "", "dev_folders: %q is not a folder name or pattern", bad)
		}
		c.DevFolders = append([]string{}, *raw.DevFolders...)
	}
	if raw.ConfigFiles != nil {
		for _, f := range *raw.ConfigFiles {
			if f == "" || !validPathPattern(f) {
				return nil, errAt("config_files", -1, "", "config_files: bad path pattern %q (use a relative pattern such as \"deploy/prod/*.yaml\")", f)
			}
		}
		c.ConfigFiles = append([]string{}, *raw.ConfigFiles...)
		c.ConfigFilesLine = lineOf(body, "", -1, "config_files")
	}
	if err := c.addSelf(raw.Self, errAt); err != nil {
		return nil, err
	}
	for i, h := range raw.Hosts {
		if !validHostPattern(h.Pattern) {
			return nil, errAt("", i, "host", "host %q is not a host name or a pattern such as \"*.example.com\"", h.Pattern)
		}
		if !country.Valid(h.Country) {
			return nil, errAt("country", i, "host", "host %q: country %q is not an ISO 3166-1 alpha-2 country code", h.Pattern, h.Country)
		}
		c.Hosts = append(c.Hosts, Host{Pattern: strings.ToLower(h.Pattern), Country: h.Country})
	}
	for i, ig := range raw.Ignores {
		var x Ignore
		x.Line = lineOf(body, "ignore", i, "")
		if ig.Rule != nil {
			x.Rule = *ig.Rule
			if _, ok := rules.Lookup(x.Rule); !ok {
				return nil, errAt("rule", i, "ignore", "ignore: unknown rule %q (rules: %s)", x.Rule, rules.IDs())
			}
		}
		if ig.Path != nil {
			x.Path = *ig.Path
			if !validPathPattern(x.Path) {
				return nil, errAt("path", i, "ignore", "ignore: bad path pattern %q (use a relative pattern such as \"legacy/**\")", x.Path)
			}
		}
		if ig.Reason == nil || strings.TrimSpace(*ig.Reason) == "" {
			return nil, errAt("", i, "ignore", "ignore: a reason is required")
		}
		x.Reason = *ig.Reason
		if x.Rule == "" && x.Path == "" {
			return nil, errAt("", i, "ignore", "ignore: name a rule, a path, or both")
		}
		c.Ignores = append(c.Ignores, x)
	}
	if err := c.addDeploys(raw.Deploys, body, errAt); err != nil {
		return nil, err
	}
	return c, nil
}

// addDeploys validates deploy blocks: a relative path pattern, and a
// region or location that the region tables know, so that a misspelt
// region fails here rather than leaving evidence unplaced.
func (c *Config) addDeploys(blocks []deployBlock, body *hclsyntax.Body, errAt func(string, int, string, string, ...any) error) error {
	for i, b := range blocks {
		d := Deploy{Pattern: b.Pattern, Line: lineOf(body, "deploy", i, "")}
		if d.Pattern == "" || !validPathPattern(d.Pattern) {
			return errAt("", i, "deploy", "deploy: bad path pattern %q (use a relative pattern such as \"infra/**\")", d.Pattern)
		}
		if b.Region == nil && b.Location == nil && b.VarFiles == nil {
			return errAt("", i, "deploy", "deploy %q: set region, location or var_files", d.Pattern)
		}
		if b.VarFiles != nil {
			for _, f := range *b.VarFiles {
				clean := path.Clean(f)
				if f == "" || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || strings.ContainsAny(f, "*?[\\") {
					return errAt("var_files", i, "deploy", "deploy %q: var_files: %q is not a path inside the repository (relative, '/', no patterns)", d.Pattern, f)
				}
				d.VarFiles = append(d.VarFiles, clean)
			}
		}
		if b.Region != nil {
			d.Region = strings.TrimSpace(*b.Region)
			if !knownRegion(d.Region) {
				return errAt("region", i, "deploy", "deploy %q: region %q is not a region of any provider noticevet knows", d.Pattern, d.Region)
			}
		}
		if b.Location != nil {
			d.Location = strings.TrimSpace(*b.Location)
			if _, ok := regions.Lookup("azurerm", d.Location); !ok {
				return errAt("location", i, "deploy", "deploy %q: location %q is not an Azure location", d.Pattern, d.Location)
			}
		}
		c.Deploys = append(c.Deploys, d)
	}
	return nil
}

// knownRegion reports whether some provider's region table places region.
func knownRegion(region string) bool {
	for _, p := range regions.Providers() {
		if _, ok := regions.Lookup(p, region); ok {
			return true
		}
	}
	return false
}

// validPathPattern reports whether p is a relative path pattern that
// MatchPath can use.
func validPathPattern(p string) bool {
	_, err := path.Match(strings.ReplaceAll(p, "**", "*"), "")
	return err == nil && !strings.HasPrefix(p, "/")
}

// DeployFor returns the first deploy block, in file order, whose pattern
// matches rel (a file or folder relative to the checked folder, '/').
func (c *Config) DeployFor(rel string) (Deploy, bool) {
	for _, d := range c.Deploys {
		if MatchPath(d.Pattern, rel) {
			return d, true
		}
	}
	return Deploy{}, false
}

// addEntities validates entity blocks: a unique name, a country, and
// accounts, ranges and domains in their forms.
func (c *Config) addEntities(blocks []entityBlock, errAt func(string, int, string, string, ...any) error) error {
	seen := map[string]bool{}
	for i, e := range blocks {
		if seen[e.Name] {
			return errAt("", i, "entity", "entity %q is declared twice", e.Name)
		}
		seen[e.Name] = true
		if !country.Valid(e.Country) {
			return errAt("country", i, "entity", "entity %q: country %q is not an ISO 3166-1 alpha-2 country code", e.Name, e.Country)
		}
		ent := Entity{Name: e.Name, Country: e.Country}
		if e.AWSAccounts != nil {
			for _, a := range *e.AWSAccounts {
				if !isAccountID(a) {
					return errAt("aws_accounts", i, "entity", "entity %q: %q is not a 12-digit AWS account ID", e.Name, a)
				}
				ent.AWSAccounts = append(ent.AWSAccounts, a)
			}
		}
		if e.CIDRs != nil {
			for _, s := range *e.CIDRs {
				p, err := netip.ParsePrefix(s)
				if err != nil {
					return errAt("cidrs", i, "entity", "entity %q: bad CIDR %q", e.Name, s)
				}
				ent.CIDRs = append(ent.CIDRs, p.Masked())
			}
		}
		if e.Domains != nil {
			for _, d := range *e.Domains {
				if !validHostPattern(d) {
					return errAt("domains", i, "entity", "entity %q: %q is not a domain name", e.Name, d)
				}
				ent.Domains = append(ent.Domains, strings.ToLower(d))
			}
		}
		c.Entities = append(c.Entities, ent)
	}
	return nil
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// validHostPattern accepts a DNS name, optionally starting with "*.".
func validHostPattern(p string) bool {
	p = strings.TrimPrefix(p, "*.")
	if p == "" || len(p) > 253 {
		return false
	}
	for _, label := range strings.Split(p, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

// lineOf finds the line of an attribute (or of the block itself when attr is
// "") of the idx'th block of a type; with blockType "" it looks at top-level
// attributes.
func lineOf(body *hclsyntax.Body, blockType string, idx int, attr string) int {
	if blockType == "" {
		if a, ok := body.Attributes[attr]; ok {
			return a.SrcRange.Start.Line
		}
		return 0
	}
	n := 0
	for _, b := range body.Blocks {
		if b.Type != blockType {
			continue
		}
		if n == idx {
			if a, ok := b.Body.Attributes[attr]; ok && attr != "" {
				return a.SrcRange.Start.Line
			}
			return b.TypeRange.Start.Line
		}
		n++
	}
	return 0
}

// diagError returns every diagnostic of HCL's, as the configuration's
// error (it reads as the first).
func diagError(name string, diags hcl.Diagnostics) error {
	if err := diag.FromHCL(name, diags).Err(); err != nil {
		return err
	}
	return diag.Errorf(name, 0, "%s", diags.Error())
}

// Account places an AWS account ID through the entities.
func (c *Config) Account(id string) (countryCode, entity string, ok bool) {
	for _, e := range c.Entities {
		for _, a := range e.AWSAccounts {
			if a == id {
				return e.Country, e.Name, true
			}
		}
	}
	return "", "", false
}

// CIDR places a network range: ok when p overlaps a range of an entity.
func (c *Config) CIDR(p netip.Prefix) (countryCode, entity string, ok bool) {
	for _, e := range c.Entities {
		for _, q := range e.CIDRs {
			if q.Overlaps(p) {
				return e.Country, e.Name, true
			}
		}
	}
	return "", "", false
}

// Host places a host name through the host blocks and the entities'
// domains (a domain covers its subdomains). Host blocks win; among them the
// most specific (longest) pattern wins.
func (c *Config) Host(host string) (countryCode, by string, ok bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	best := -1
	for _, h := range c.Hosts {
		if matchHost(h.Pattern, host) && len(h.Pattern) > best {
			best, countryCode, by = len(h.Pattern), h.Country, "host "+h.Pattern
		}
	}
	if best >= 0 {
		return countryCode, by, true
	}
	for _, e := range c.Entities {
		for _, d := range e.Domains {
			if matchHost(d, host) || strings.HasSuffix(host, "."+strings.TrimPrefix(d, "*.")) {
				return e.Country, "entity " + e.Name, true
			}
		}
	}
	return "", "", false
}

// IsSelf reports whether a host is one of the service's own domains, and
// the pattern that says so.
func (c *Config) IsSelf(host string) (string, bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range c.Self {
		if matchHost(d, host) {
			return d, true
		}
	}
	return "", false
}

// addSelf reads the self block: at most one, whose domains are host names
// or patterns.
func (c *Config) addSelf(blocks []selfBlock, errAt func(string, int, string, string, ...any) error) error {
	if len(blocks) > 1 {
		return errAt("", 1, "self", "self: one self block only; list every domain in it")
	}
	for _, b := range blocks {
		for _, d := range b.Domains {
			if !validHostPattern(d) {
				return errAt("domains", 0, "self", "self: %q is not a domain name or a pattern such as \"*.example.com\"", d)
			}
			c.Self = append(c.Self, strings.ToLower(d))
		}
		for _, n := range b.Settings {
			if !validSetting(n) {
				return errAt("settings", 0, "self", "self: %q is not a setting's name (a field such as \"Config.ServerURL\", an environment variable or a configuration key)", n)
			}
			c.SelfSettings = append(c.SelfSettings, n)
		}
	}
	return nil
}

// validSetting accepts a name as notes write the settings they read: Go
// identifiers and environment variables, configuration keys joined with
// '.', '-' or '/', a field qualified by its type and package path.
func validSetting(n string) bool {
	if n == "" || strings.HasPrefix(n, ".") || strings.HasSuffix(n, ".") {
		return false
	}
	for _, r := range n {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '.', r == '-', r == '/':
		default:
			return false
		}
	}
	return true
}

// IsSelfSetting reports whether a setting a destination is read from
// (goevidence's Site.Settings: "env:NAME", "config:key",
// "field:path.Type.Field") is one a self block names, and the name that
// says so. A field matches its name, its type's name and its name, or the
// whole; a configuration key matches regardless of case, as it is read.
func (c *Config) IsSelfSetting(setting string) (string, bool) {
	kind, name, ok := strings.Cut(setting, ":")
	if !ok {
		return "", false
	}
	for _, n := range c.SelfSettings {
		switch kind {
		case "env":
			ok = n == name
		case "config":
			ok = strings.EqualFold(n, name)
		case "field":
			ok = n == name || strings.HasSuffix(name, "."+n) && strings.Count(n, ".") <= 1 && !strings.Contains(n, "/")
		}
		if ok {
			return n, true
		}
	}
	return "", false
}

func matchHost(pattern, host string) bool {
	if rest, ok := strings.CutPrefix(pattern, "*."); ok {
		return strings.HasSuffix(host, "."+rest)
	}
	return pattern == host
}

// Ignored reports whether a finding of rule at path (relative, '/') is
// accepted by an ignore block, and which.
func (c *Config) Ignored(rule, path string) (Ignore, bool) {
	for _, ig := range c.Ignores {
		if ig.Rule != "" && ig.Rule != rule {
			continue
		}
		if ig.Path != "" && !MatchPath(ig.Path, path) {
			continue
		}
		return ig, true
	}
	return Ignore{}, false
}

// MatchPath matches a '/'-separated path against a pattern in which '**'
// stands for any number of folders (including none) and the other
// segments follow path.Match. It takes time proportional to the product
// of the numbers of segments, whatever the pattern.
func MatchPath(pattern, name string) bool {
	pat, segs := strings.Split(pattern, "/"), strings.Split(name, "/")
	// done[i][j] records that pat[i:] does not match segs[j:].
	done := make([][]bool, len(pat)+1)
	for i := range done {
		done[i] = make([]bool, len(segs)+1)
	}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for i < len(pat) {
			if done[i][j] {
				return false
			}
			if pat[i] == "**" {
				for k := len(segs); k >= j; k-- {
					if match(i+1, k) {
						return true
					}
				}
				done[i][j] = true
				return false
			}
			if j == len(segs) {
				return false
			}
			if ok, _ := path.Match(pat[i], segs[j]); !ok {
				return false
			}
			i, j = i+1, j+1
		}
		return j == len(segs)
	}
	return match(0, 0)
}

// folderNames reports whether every name is a single folder name, and the
// first that is not.
func folderNames(names []string) (string, bool) {
	for _, d := range names {
		if d == "" || d == "." || d == ".." || strings.ContainsAny(d, "/\\") {
			return d, false
		}
		if _, err := path.Match(d, ""); err != nil {
			return d, false
		}
	}
	return "", true
}

// decode parses the file and decodes it into the schema, which rejects
// unknown blocks and attributes.
func decode(name string, src []byte) (*hclsyntax.Body, *file, error) {
	// The HCL parser recurses once per level: a deep enough file would
	// overflow the stack, which no recover can catch.
	if i := repo.Nesting(src, false, maxNesting); i >= 0 {
		return nil, nil, &diag.Diagnostic{Path: name, Line: repo.LineAt(src, i), Msg: fmt.Sprintf("nested more than %d levels deep", maxNesting)}
	}
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, nil, diagError(name, diags)
	}
	var raw file
	if diags := gohcl.DecodeBody(f.Body, nil, &raw); diags.HasErrors() {
		return nil, nil, diagError(name, diags)
	}
	return f.Body.(*hclsyntax.Body), &raw, nil
}
