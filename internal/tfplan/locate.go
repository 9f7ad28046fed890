package tfplan

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// The limits of the Terraform reader, which reads the same files.
const (
	maxTFSize  = 10 << 20
	maxNesting = 1000
)

// block is a resource, data or module block of the repository.
type block struct {
	header evidence.Pos            // the block's type keyword (a .tf.json file: its last label)
	attrs  map[string]evidence.Pos // its top-level arguments, at their names
	source string                  // a module call's source, when written as a string
}

// folder is a Terraform module of the repository: its blocks by address
// inside it ("aws_s3_bucket.media", "data.x.y", "module.media").
type folder struct {
	rel    string
	blocks map[string]block
}

// index is the Terraform of the repository as far as a plan needs it:
// where each block is. Folders outside the checked one (local modules
// elsewhere in the repository) are read when a module call leads there.
type index struct {
	v       *repo.View
	folders map[string]*folder // by path relative to the checked folder
	order   []string           // the folders below the checked one, sorted
	// declared names, for each block address, the folders below the
	// checked one that declare it, so that finding the root module costs
	// what the plan's names match rather than folders times names.
	declared map[string][]string
}

func isTF(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// newIndex reads every .tf and .tf.json file below the view's folder.
func newIndex(v *repo.View) (*index, error) {
	files, err := v.Walk(isTF)
	if err != nil {
		return nil, err
	}
	ix := &index{v: v, folders: map[string]*folder{}}
	if err := ix.add(files); err != nil {
		return nil, err
	}
	ix.declared = map[string][]string{}
	for rel, f := range ix.folders {
		ix.order = append(ix.order, rel)
		for key := range f.blocks {
			ix.declared[key] = append(ix.declared[key], rel)
		}
	}
	sort.Strings(ix.order)
	return ix, nil
}

// add reads files into their folders, parsing them concurrently. Override
// files come last, so that a block's position is that of its first
// definition; the first error in that order is returned.
func (ix *index) add(files []repo.File) error {
	sort.SliceStable(files, func(i, j int) bool { return !isOverride(files[i].Rel) && isOverride(files[j].Rel) })
	type result struct {
		blocks []namedBlock
		err    error
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			results[i].blocks, results[i].err = readBlocks(ix.v, f)
		})
	}
	wg.Wait()
	for i, f := range files {
		if results[i].err != nil {
			return results[i].err
		}
		dir := path.Dir(f.Rel)
		fo := ix.folders[dir]
		if fo == nil {
			fo = &folder{rel: dir, blocks: map[string]block{}}
			ix.folders[dir] = fo
		}
		fo.merge(results[i].blocks)
	}
	return nil
}

// namedBlock is a block and its address in its module.
type namedBlock struct {
	key string
	block
}

// merge notes blocks in a folder; a block seen before keeps its first
// position.
func (fo *folder) merge(bs []namedBlock) {
	for _, b := range bs {
		if _, seen := fo.blocks[b.key]; !seen {
			fo.blocks[b.key] = b.block
		}
	}
}

func isOverride(rel string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(path.Base(rel), ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

var blockSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
}}

// readBlocks parses one file with HCL and returns its resource, data and
// module blocks in order.
func readBlocks(v *repo.View, f repo.File) ([]namedBlock, error) {
	src, err := v.ReadText(f, maxTFSize)
	if err != nil {
		return nil, err
	}
	isJSON := strings.HasSuffix(f.Rel, ".json")
	if i := repo.Nesting(src, isJSON, maxNesting); i >= 0 {
		return nil, diag.Errorf(f.Rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	var file *hcl.File
	var diags hcl.Diagnostics
	if isJSON {
		file, diags = hcljson.Parse(src, f.Rel)
	} else {
		file, diags = hclsyntax.ParseConfig(src, f.Rel, hcl.InitialPos)
	}
	if diags.HasErrors() {
		return nil, diag.FromHCL(f.Rel, diags)
	}
	content, _, _ := file.Body.PartialContent(blockSchema)
	if content == nil {
		return nil, nil
	}
	var out []namedBlock
	for _, b := range content.Blocks {
		key := strings.Join(b.Labels, ".")
		if b.Type == "data" || b.Type == "module" {
			key = b.Type + "." + key
		}
		bl := block{header: pos(b.TypeRange), attrs: map[string]evidence.Pos{}}
		if isJSON && len(b.LabelRanges) > 0 {
			bl.header = pos(b.LabelRanges[len(b.LabelRanges)-1])
		}
		// A native block's body may hold nested blocks, which
		// JustAttributes refuses: its attributes are read from the syntax.
		attrs := map[string]*hcl.Attribute{}
		if sb, ok := b.Body.(*hclsyntax.Body); ok {
			for name, a := range sb.Attributes {
				attrs[name] = a.AsHCLAttribute()
			}
		} else {
			attrs, _ = b.Body.JustAttributes()
		}
		for name, a := range attrs {
			bl.attrs[name] = pos(a.NameRange)
		}
		if a := attrs["source"]; a != nil && b.Type == "module" {
			if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				bl.source = v.AsString()
			}
		}
		out = append(out, namedBlock{key, bl})
	}
	return out, nil
}

func pos(r hcl.Range) evidence.Pos {
	return evidence.Pos{Path: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

// errNoRoot is why a plan cannot be placed in the repository at all.
var errNoRoot = errors.New("no module of the repository declares the plan's resources")

// root finds the folder of the plan's root module: the one that declares
// most of the root module's resources and module calls. When several
// declare as many, the plan file's own folder is taken if it is one of
// them, else the first in path order, and note says which others matched.
func (ix *index) root(names []string, planDir string) (fo *folder, note string, err error) {
	count := map[string]int{}
	for _, name := range names {
		for _, rel := range ix.declared[name] {
			count[rel]++
		}
	}
	best, bestN := []*folder(nil), 0
	for _, rel := range ix.order {
		n := count[rel]
		switch {
		case n > bestN:
			best, bestN = []*folder{ix.folders[rel]}, n
		case n == bestN && n > 0:
			best = append(best, ix.folders[rel])
		}
	}
	if bestN == 0 {
		return nil, "", errNoRoot
	}
	pick := best[0]
	for _, f := range best {
		if f.rel == planDir {
			pick = f
		}
	}
	if len(best) > 1 {
		var others []string
		for _, f := range best {
			if f != pick {
				others = append(others, f.rel+"/")
			}
		}
		note = fmt.Sprintf("the plan's root module is taken to be %s/; %s declare its resources as well", pick.rel, strings.Join(others, ", "))
	}
	return pick, note, nil
}

// child is the folder a module call leads to, or why it is not in the
// repository: a remote source, or a local one that leads nowhere.
func (ix *index) child(parent *folder, source string) (*folder, string) {
	if !strings.HasPrefix(source, "./") && !strings.HasPrefix(source, "../") {
		if source == "" {
			return nil, "a module whose source the plan does not give"
		}
		return nil, fmt.Sprintf("remote module %s", source)
	}
	rel := path.Clean(path.Join(parent.rel, source))
	if f := ix.folders[rel]; f != nil {
		return f, ""
	}
	abs := filepath.Join(ix.v.Dir(), filepath.FromSlash(rel))
	if err := ix.v.Folder(abs); err != nil {
		return nil, fmt.Sprintf("module %s, which is not in the repository", source)
	}
	files, _ := ix.v.List(abs, isTF)
	f := &folder{rel: rel, blocks: map[string]block{}}
	ix.folders[rel] = f
	// A file there that cannot be read is the Terraform reader's error,
	// which fails the check; the blocks read before it still place.
	for _, file := range files {
		bs, err := readBlocks(ix.v, file)
		if err != nil {
			break
		}
		f.merge(bs)
	}
	return f, ""
}
