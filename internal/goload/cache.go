package goload

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/goevidence"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/resultcache"
)

// cacheFormat names the kind and format of a module's cached analysis:
// change it when what is kept changes.
const cacheFormat = "goload-module/4"

// cacheHits counts the modules taken from the cache (tests).
var cacheHits atomic.Int64

// cachedModule is what is kept of a module's analysis: its sites before
// they are placed (placing depends on the configuration, which the key
// does not hold) and the notes of the files left out. A module that could
// not be loaded is never kept: its error is looked for again each run.
type cachedModule struct {
	Sites  []cachedSite `json:"sites"`
	Writes []string     `json:"writes"`
	Notes  []Note       `json:"notes"`
}

type cachedSite struct {
	Site goevidence.Site `json:"site"`
	Pos  evidence.Pos    `json:"pos"`
	At   string          `json:"at"`
}

// cachedAnalyseModule is analyseModule, with its result kept in the
// cache under a key of everything it depends on, and taken from there
// when nothing of it changed (see moduleKey). The repository's boundary
// is checked on every run, before the cache is looked at.
func cachedAnalyseModule(c *resultcache.Cache, base, root, mod string, opts Options) ([]found, []string, []Note, *Error) {
	if c == nil {
		return analyseModule(base, root, mod, opts)
	}
	in, err := checkBoundary(base, root, mod)
	if err != nil {
		return nil, nil, nil, moduleError(base, mod, modulePath(base, mod), err)
	}
	key, ok := moduleKey(c, base, root, mod, in, opts)
	if !ok {
		return analyseChecked(base, root, mod, opts)
	}
	if data, ok := c.Get(key); ok {
		var m cachedModule
		if json.Unmarshal(data, &m) == nil {
			cacheHits.Add(1)
			sites := make([]found, len(m.Sites))
			for i, s := range m.Sites {
				sites[i] = found{site: s.Site, pos: s.Pos, at: s.At}
			}
			return sites, m.Writes, m.Notes, nil
		}
	}
	sites, writes, notes, aerr := analyseChecked(base, root, mod, opts)
	if aerr != nil {
		return sites, writes, notes, aerr
	}
	m := cachedModule{Sites: make([]cachedSite, len(sites)), Writes: writes, Notes: notes}
	for i, f := range sites {
		s := f.site
		s.Pos = 0 // a position in this run's file set, meaningless in another
		m.Sites[i] = cachedSite{Site: s, Pos: f.pos, At: f.at}
		sites[i].site.Pos = 0
	}
	if data, err := json.Marshal(m); err == nil {
		c.Put(key, data)
	}
	return sites, writes, notes, nil
}

// moduleKey hashes what the analysis of the module in mod depends on:
//
//   - noticevet itself (its executable: the analysis and its tables);
//   - the folders: positions are relative to base, and sites name
//     absolute positions of the module's files to one another;
//   - the options that change the analysis (build tags, development
//     folders; placing is done after the cache, with the configuration);
//   - the go command's environment as the loader gives it, the toolchain
//     and the target;
//   - every Go source, go.mod, go.sum, go.work and vendor/modules.txt
//     under the module's folder, under each folder a local replace
//     directive or the go.work file names, and the go.work file itself.
//
// The dependencies from the module cache are not read: go.sum names their
// contents, and the module cache never changes a version's files.
// Not ok when the executable cannot be read.
func moduleKey(c *resultcache.Cache, base, root, mod string, in localInputs, opts Options) (resultcache.Key, bool) {
	exe := c.Executable()
	if exe == "" {
		return resultcache.Key{}, false
	}
	h := resultcache.NewHasher(cacheFormat)
	h.String(exe)
	h.String(base)
	h.String(mod)
	h.Strings(opts.Tags)
	h.Strings(opts.devFolders())
	env := loaderEnv(userGoFlags())
	var goEnv []string
	for _, kv := range env {
		if strings.HasPrefix(kv, "GO") || strings.HasPrefix(kv, "CGO_") {
			goEnv = append(goEnv, kv)
		}
	}
	slices.Sort(goEnv)
	h.Strings(goEnv)
	v, _ := goPaths(mod, env)
	h.Strings([]string{v.GOROOT, v.GOMODCACHE, v.GOVERSION, v.GOOS, v.GOARCH, v.GOEXPERIMENT})
	dirs := append([]string{mod}, in.folders...)
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		rootReal = root
	}
	if work := in.work; work != "" {
		if repo.Within(root, work) {
			h.File("go.work", work)
		} else {
			// Not read: noticevet reads nothing outside the repository.
			// Its name, size and time still tell a changed one.
			h.String("go.work outside " + work)
			if fi, err := os.Stat(work); err == nil {
				h.String(fi.ModTime().String() + " " + strconv.FormatInt(fi.Size(), 10))
			}
		}
	}
	t := treeHasher{h: h, rootReal: rootReal, seen: map[string]bool{}}
	for _, d := range dirs {
		t.tree(d)
	}
	return h.Sum(), true
}

// treeHasher adds the Go inputs of folders to a key.
type treeHasher struct {
	h        *resultcache.Hasher
	rootReal string          // the repository, links resolved: nothing outside it is read
	seen     map[string]bool // real folders done
}

// tree adds the Go inputs under dir, in the walk's (lexical) order,
// following links to folders (the go command follows them when an import
// leads through one) once each.
func (t treeHasher) tree(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || !repo.Within(t.rootReal, real) {
		t.h.String("not read " + dir)
		return
	}
	if t.seen[real] {
		return
	}
	t.seen[real] = true
	t.h.String("tree " + dir)
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			t.h.String("unreadable " + path)
			return nil
		}
		name := d.Name()
		switch {
		case d.IsDir():
			if name == ".git" && path != dir {
				return filepath.SkipDir
			}
		case d.Type()&fs.ModeSymlink != 0:
			if fi, err := os.Stat(path); err == nil && fi.IsDir() {
				t.h.String("link " + path)
				t.tree(path)
				return nil
			}
			if goInput(path, name) {
				if real, err := filepath.EvalSymlinks(path); err == nil && repo.Within(t.rootReal, real) {
					t.h.File(path, path)
				} else {
					t.h.String("not read " + path)
				}
			}
		case goInput(path, name):
			t.h.File(path, path)
		}
		return nil
	})
}

// goInput reports whether a file is one the loader's result depends on.
func goInput(path, name string) bool {
	switch name {
	case "go.mod", "go.sum", "go.work", "go.work.sum":
		return true
	case "modules.txt":
		return filepath.Base(filepath.Dir(path)) == "vendor"
	}
	return strings.HasSuffix(name, ".go")
}
