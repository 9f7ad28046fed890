package terraform

import (
	"fmt"
	"path/filepath"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/tfeval"
)

// Options says how to read a folder.
type Options struct {
	// Root is the absolute repository boundary: local module sources must
	// resolve inside it. "" means the folder being read.
	Root string
	// Places places regions, cross-account principals and ingress ranges
	// (place.New of the configuration). Nil places by the public rules
	// only: then every cross-account principal and public CIDR is
	// unresolved.
	Places evidence.Placer
}

// Read reads every *.tf, *.tf.json, *.tfvars and *.tfvars.json file below
// dir (skipping the folders repo.Walk skips), follows local module calls
// inside opts.Root, and returns the evidence, sorted with evidence.Sort.
// The error, if any, says why the evidence cannot be trusted: a file that
// cannot be read, is not UTF-8 text or does not parse, or a local module
// that cannot be followed. It is a *diag.Diagnostic, or diag.Diagnostics
// holding every problem HCL found in a file; paths are relative to dir.
func Read(dir string, opts Options) (ev []evidence.Evidence, err error) {
	defer func() {
		// A panic inside HCL or cty on input nobody foresaw is reported as
		// an error rather than crashing the run.
		if p := recover(); p != nil {
			ev, err = nil, &diag.Diagnostic{Path: filepath.ToSlash(dir), Msg: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	root := opts.Root
	if root == "" {
		root = dir
	}
	v, err := repo.NewView(dir, root)
	if err != nil {
		return nil, err
	}
	return read(v, opts.Places, nil)
}

// read reads the folder of a view.
func read(v *repo.View, places evidence.Placer, deploy func(string) (tfeval.Deploy, bool)) ([]evidence.Evidence, error) {
	c := evalConfig(places)
	c.Deploy = deploy
	return tfeval.Read(v, c)
}

// evalConfig is how every read reads: with this package's extractor, in
// chunks of chunkFiles files.
func evalConfig(places evidence.Placer) tfeval.Config {
	if places == nil {
		places = place.Public
	}
	return tfeval.Config{Extract: extractor{places: places}, ChunkFiles: chunkFiles}
}

// chunkFiles is tfeval.Config.ChunkFiles; 0 is tfeval.DefaultChunkFiles.
// Tests make it 1 so that every folder is a chunk: a read then guesses
// most, and guesses wrong most often.
var chunkFiles int

// Source is the Terraform reader as an evidence source.
type Source struct {
	// Deploy says what the pipeline sets for the root module in a folder
	// (the deploy blocks of .noticevet.hcl); nil sets nothing.
	Deploy func(rootDir string) (tfeval.Deploy, bool)
}

// Name returns "terraform".
func (Source) Name() string { return "terraform" }

// Read reads the Terraform below the view's folder, following local
// modules inside its repository, as Read does.
func (s Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, &diag.Diagnostic{Path: ".", Msg: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	ev, err := read(v, p, s.Deploy)
	if err != nil {
		return evidence.Found{Evidence: ev}, err
	}
	files, err := v.Walk(tfeval.IsConfigFile)
	found = evidence.Found{Evidence: ev}
	for _, f := range files {
		found.Read = append(found.Read, f.Rel)
	}
	return found, err
}
