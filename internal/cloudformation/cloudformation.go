// Package cloudformation reads AWS CloudFormation and SAM templates as an
// evidence source: the data-holding resources they declare (resources.tsv),
// each in the region the stack is deployed to, and the replicas and copies
// their properties send to other regions.
//
// A template names no region of its own: AWS::Region is the region of the
// stack, which the deployment chooses. It is taken, in order, from the
// configuration's deploy block that matches the template's path, from the
// samconfig.toml beside the template (every environment it names), or
// left unresolved with the reason. Explicit regions in properties (a
// global table replica's Region, a backup vault's ARN) place their sites
// directly. The README's "CloudFormation and SAM" section states the rules.
package cloudformation

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/appconfig"
	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// Limits on what is read.
const (
	// maxFileSize is CloudFormation's own limit on a template (1 MB for
	// a template in S3): a larger YAML or JSON file is not a template and
	// is not read.
	maxFileSize = 1 << 20
	// maxNesting bounds the nesting of mappings, lists and flow
	// collections.
	maxNesting = 200
	// maxVisits bounds the nodes one template's evaluation visits, aliases
	// followed: a file of aliases of aliases (YAML's "billion laughs") is
	// an error, not an hour's work.
	maxVisits = 1 << 18
)

// Source reads the CloudFormation and SAM templates of a repository.
type Source struct {
	// Config gives the deploy blocks that set the region of the stacks a
	// template is deployed to; nil is a configuration without any.
	Config *config.Config
}

var _ evidence.Source = Source{}

// Name returns "cloudformation".
func (Source) Name() string { return "cloudformation" }

// markers are what a file must contain to be parsed at all: every
// template has a resource type "AWS::..." or a format version. Other YAML
// and JSON files are not parsed.
var markers = [][]byte{[]byte("AWS::"), []byte("AWSTemplateFormatVersion")}

// candidate reports whether a file's name is one a template may have.
func candidate(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template"
}

// Read finds the templates below the view's folder and reads the evidence
// of each. A template that does not parse is the error, at its line; a
// file that does not parse and is not taken for a template is a note.
// Templates whose stacks' region nothing names are read last, once the
// templates that nest them (nested.go) are known.
func (s Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, diag.Errorf(".", 0, "internal error reading CloudFormation templates: %v", r)
		}
	}()
	files, err := v.Walk(candidate)
	if err != nil {
		return evidence.Found{}, err
	}
	r := &reading{samconfigs: map[string]bool{}, own: map[string][]stack{}, parents: map[string][]string{}, resolved: map[string][]stack{}}
	var later []repo.File
	for _, f := range files {
		t, note, err := load(f)
		if err != nil {
			return evidence.Found{}, err
		}
		if note != nil {
			r.out.Notes = append(r.out.Notes, note)
		}
		if t == nil {
			continue
		}
		r.out.Read = append(r.out.Read, f.Rel)
		r.out.Notes = append(r.out.Notes, t.notes...)
		stacks, samconfig, err := s.stacks(v, f)
		if err != nil {
			return evidence.Found{}, err
		}
		if samconfig != "" && !r.samconfigs[samconfig] {
			r.samconfigs[samconfig] = true
			r.out.Read = append(r.out.Read, samconfig)
		}
		r.own[f.Rel] = stacks
		r.nest(t)
		if unresolved(stacks) {
			later = append(later, f) // read again below, rather than kept
			continue
		}
		if err := t.evidence(stacks, p, &r.out); err != nil {
			return evidence.Found{}, err
		}
	}
	for _, f := range later {
		t, _, err := load(f)
		if err != nil || t == nil {
			return evidence.Found{}, cmp.Or(err, error(diag.Errorf(f.Rel, 0, "changed while it was read")))
		}
		if err := t.evidence(r.resolve(f.Rel, map[string]bool{}), p, &r.out); err != nil {
			return evidence.Found{}, err
		}
	}
	evidence.Sort(r.out.Evidence)
	evidence.Sort(r.out.ByStore)
	return r.out, nil
}

// load reads a file as a template: nil when it is not one, with a note
// when it does not parse but is not taken for a broken template (see
// notTemplate).
func load(f repo.File) (*template, *diag.Diagnostic, error) {
	if appconfig.Excluded(f.Rel) {
		return nil, nil, nil
	}
	// Walk has checked the file. One larger than a template may be, or
	// that is not UTF-8 text (a compressed or UTF-16 JSON file), is not a
	// template: it is left to the sources that read such files.
	if fi, err := os.Stat(f.Abs); err == nil && fi.Size() > maxFileSize {
		return nil, nil, nil
	}
	src, err := repo.ReadLimited(f.Abs, f.Rel, maxFileSize)
	if err != nil {
		return nil, nil, err
	}
	if !bytes.Contains(src, markers[0]) && !bytes.Contains(src, markers[1]) || repo.Text(f.Rel, src) != nil {
		return nil, nil, nil
	}
	t, err := parse(f.Rel, src)
	if err != nil {
		if n := notTemplate(f.Rel, src, err); n != nil {
			return nil, n, nil
		}
		return nil, nil, err
	}
	return t, nil, nil
}

// template is one parsed template.
type template struct {
	rel        string
	root       *yaml.Node // every node's Column counts bytes
	parameters *yaml.Node
	mappings   *yaml.Node
	conditions *yaml.Node
	resources  []*resource
	byID       map[string]*resource
	// notes say what of the template is not read.
	notes diag.Diagnostics
}

// resource is one entry of a template's Resources.
type resource struct {
	id    string
	key   *yaml.Node // the logical ID's key: where the evidence is
	typ   string
	props *yaml.Node // Properties, or nil
}

// what names the resource as the template does: "AWS::S3::Bucket Media".
func (r *resource) what() string { return r.typ + " " + r.id }

// sections are the top-level keys a template may have: CloudFormation
// refuses any other, so a file with another is not a template.
var sections = map[string]bool{"AWSTemplateFormatVersion": true, "Description": true, "Metadata": true,
	"Parameters": true, "Rules": true, "Mappings": true, "Conditions": true, "Transform": true,
	"Resources": true, "Outputs": true, "Globals": true, "Hooks": true}

// parse reads a YAML or JSON file and returns the template it is, or nil
// when it is not one (see isTemplate). JSON has no tags, so its intrinsic
// functions are in their long form ({"Ref": ...}, {"Fn::Sub": ...}); its
// errors show their column, as JSON tools print them.
func parse(rel string, src []byte) (*template, error) {
	var root *yaml.Node
	ext := strings.ToLower(path.Ext(rel))
	if ext == ".json" || ext == ".template" && firstByte(src) == '{' {
		n, err := cfgnode.JSON(rel, src, maxNesting)
		if err != nil {
			var d *diag.Diagnostic
			if errors.As(err, &d) {
				d.ShowColumn = true
			}
			return nil, err
		}
		root = n
	} else {
		roots, err := cfgnode.YAML(rel, src, maxNesting)
		if err != nil {
			return nil, err
		}
		if len(roots) != 1 {
			return nil, nil // a template is one document
		}
		root = roots[0]
	}
	if !isTemplate(root) {
		return nil, nil
	}
	t := &template{rel: rel, root: root, byID: map[string]*resource{}}
	t.parameters = mapping(get(root, "Parameters"))
	t.mappings = mapping(get(root, "Mappings"))
	t.conditions = mapping(get(root, "Conditions"))
	res := get(root, "Resources")
	for i := 0; i+1 < len(res.Content); i += 2 {
		k, v := res.Content[i], res.Content[i+1]
		if strings.HasPrefix(k.Value, forEach) {
			t.notes = append(t.notes, &diag.Diagnostic{Severity: diag.Warning, Path: rel, Line: k.Line, Column: t.pos(k).Column,
				Msg: fmt.Sprintf("not read: %s (the resources a loop makes are not expanded)", k.Value)})
			continue
		}
		r := &resource{id: k.Value, key: k, typ: get(v, "Type").Value, props: mapping(get(v, "Properties"))}
		t.resources = append(t.resources, r)
		t.byID[r.id] = r
	}
	return t, nil
}

// forEach starts the key of a loop of the AWS::LanguageExtensions
// transform, whose value is a list, not a resource.
const forEach = "Fn::ForEach::"

// templateLike finds what only a template has at its top: a format
// version, or a Resources key at the start of a line (YAML) or quoted
// (JSON).
var templateLike = regexp.MustCompile(`(?m)AWSTemplateFormatVersion|^Resources\s*:|"Resources"\s*:`)

// notTemplate is the note for a file that does not parse but is not to be
// taken for a broken template: a file holding "{{" (Jinja, Go or Helm
// templates, which are YAML once rendered; CloudFormation's own
// "{{resolve:...}}" aside), or one that merely mentions AWS:: without a
// template's top-level keys. Nil for a file that looks like a template:
// its parse error stands.
func notTemplate(rel string, src []byte, err error) *diag.Diagnostic {
	line := 0
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		line = d.Line
	}
	if i := bytes.Index(bytes.ReplaceAll(src, []byte("{{resolve:"), []byte("__resolve:")), []byte("{{")); i >= 0 {
		return &diag.Diagnostic{Severity: diag.Warning, Path: rel, Line: repo.LineAt(src, i),
			Msg: "not read as a CloudFormation template: a template ({{ … }}), which is YAML or JSON only once rendered"}
	}
	if !templateLike.Match(src) {
		return &diag.Diagnostic{Severity: diag.Warning, Path: rel, Line: line,
			Msg: "not read as a CloudFormation template: it mentions AWS:: but does not parse"}
	}
	return nil
}

// firstByte is the first byte of src that is not white space.
func firstByte(src []byte) byte {
	s := bytes.TrimLeft(src, " \t\r\n")
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

// get returns the value of a key of a mapping, or nil: the first one when
// a key repeats, the value of the key keyOf finds. (CloudFormation refuses
// a template whose keys repeat; cfgnode.Get keeps the last, as a decoder
// into a map does.)
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// mapping returns n when it is a mapping, else nil.
func mapping(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.MappingNode {
		return n
	}
	return nil
}

// isTemplate reports whether a document is a CloudFormation or SAM
// template: a mapping whose keys are all template sections, with a
// Resources mapping whose every entry is a mapping with a scalar Type
// (registry types such as "MongoDB::Atlas::Cluster", and macros' and
// tools' own types, are types too), and a format version, a transform, or
// at least one resource type "AWS::...". Kubernetes manifests (apiVersion,
// kind), Compose files (services), GitHub workflows (on, jobs), OpenAPI
// documents (openapi, paths) and Serverless Framework files (service,
// provider) have other top-level keys.
func isTemplate(root *yaml.Node) bool {
	if root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind != yaml.ScalarNode || !sections[k.Value] {
			return false
		}
	}
	res := mapping(get(root, "Resources"))
	if res == nil || len(res.Content) == 0 {
		return false
	}
	aws := false
	for i := 0; i+1 < len(res.Content); i += 2 {
		k, v := res.Content[i], res.Content[i+1]
		if strings.HasPrefix(k.Value, forEach) && v.Kind == yaml.SequenceNode {
			continue // AWS::LanguageExtensions' loop, see parse
		}
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.MappingNode {
			return false
		}
		ty := get(v, "Type")
		if ty == nil || ty.Kind != yaml.ScalarNode {
			return false
		}
		aws = aws || strings.HasPrefix(ty.Value, "AWS::")
	}
	return aws || get(root, "AWSTemplateFormatVersion") != nil || get(root, "Transform") != nil
}

// pos is the position of a node in the template, column in bytes.
func (t *template) pos(n *yaml.Node) evidence.Pos {
	return evidence.Pos{Path: t.rel, Line: n.Line, Column: n.Column}
}

// errorAt is an error diagnostic at a node, with its column.
func (t *template) errorAt(n *yaml.Node, format string, args ...any) error {
	d := diag.Errorf(t.rel, n.Line, format, args...)
	d.Column, d.ShowColumn = t.pos(n).Column, true
	return d
}
