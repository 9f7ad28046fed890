package tfeval

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// Limits that keep a hostile or broken tree from exhausting memory or the
// stack. Each is far above anything a real configuration needs.
const (
	maxFileSize   = 10 << 20 // bytes per file
	maxNesting    = 1000     // brackets and unary operators nested in one file
	maxDepth      = 64       // module calls nested below a root module
	maxExpand     = 1024     // instances of one count or for_each
	maxInstances  = 10000    // distinct module instances evaluated
	maxNames      = 100000   // module instance names in the result
	maxEvalDepth  = 2000     // named values (locals, outputs...) evaluated inside each other
	maxValueNodes = 100000   // parts of one named value
)

// srcFile is one parsed file.
type srcFile struct {
	abs  string
	rel  string // relative to the folder being read, with '/'
	src  []byte
	body hcl.Body
	json bool
	vars bool // a .tfvars or .tfvars.json file

	lines     []int // offsets where lines start, made when first needed
	linesOnce sync.Once

	sum uint64 // a hash of src, kept while src is dropped (see loader.drop)
}

// lineOf returns the 1-based line holding the byte at off and the offset
// where that line starts.
func (f *srcFile) lineOf(off int) (line, start int) {
	f.linesOnce.Do(func() {
		f.lines = append(f.lines, 0)
		for i, c := range f.src {
			if c == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
	})
	i := sort.SearchInts(f.lines, off+1) - 1
	return i + 1, f.lines[i]
}

// fileRef is a file found but not yet read.
type fileRef struct {
	abs, rel   string
	json, vars bool
}

// classify tells whether a file name is one the reader reads. Backend
// settings (prod.backend.tfvars, backend.tfvars, given to terraform init
// -backend-config) are not variable values: their region is where the
// state is kept, not where resources go. (backend.hcl has no name read.)
func classify(name string) (ok, isJSON, isVars bool) {
	base := name[strings.LastIndexByte(name, '/')+1:]
	base = strings.TrimSuffix(base, ".json")
	if base == "backend.tfvars" || strings.HasSuffix(base, ".backend.tfvars") {
		return false, false, false
	}
	switch {
	case strings.HasSuffix(name, ".tf"):
		return true, false, false
	case strings.HasSuffix(name, ".tf.json"):
		return true, true, false
	case strings.HasSuffix(name, ".tfvars"):
		return true, false, true
	case strings.HasSuffix(name, ".tfvars.json"):
		return true, true, true
	}
	return false, false, false
}

// loader reads the files under a folder and the local modules they call.
type loader struct {
	view *repo.View // the repository, as every reader sees it
	dir  string     // the folder being read (absolute)

	files   map[string]*srcFile // by path relative to dir
	modules map[string]*module  // by absolute folder
	under   []*module           // modules found under dir, sorted by folder
	roots   []*module           // root modules, sorted by folder
	tfvars  []*srcFile          // variable files under dir, in walk order
	folders map[string]bool     // module folders resolve has accepted

	deploy     func(string) (Deploy, bool) // see Config.Deploy
	chunkFiles int                         // see DefaultChunkFiles
	stats      StreamStats                 // what stream did, for tests
}

// StreamStats counts what a streaming read did with its guesses: the
// folders it evaluated as root modules before every folder was read, the
// guesses that proved right, and the modules it read again after it had
// dropped them. Tests check them, so that a streaming read cannot pass
// them by never guessing.
type StreamStats struct {
	Guessed, Kept, Revived int
}

func newLoader(v *repo.View) *loader {
	return &loader{view: v, dir: v.Dir(), files: map[string]*srcFile{}, modules: map[string]*module{}, folders: map[string]bool{}, chunkFiles: DefaultChunkFiles}
}

func (l *loader) rel(p string) string { return l.view.Rel(p) }

// walk lists the files the reader reads below dir, in walk order.
func (l *loader) walk() ([]fileRef, error) {
	files, err := l.view.Walk(func(name string) bool { ok, _, _ := classify(name); return ok })
	if err != nil {
		return nil, err
	}
	refs := make([]fileRef, len(files))
	for i, f := range files {
		_, isJSON, isVars := classify(f.Rel)
		refs[i] = fileRef{abs: f.Abs, rel: f.Rel, json: isJSON, vars: isVars}
	}
	return refs, nil
}

// load reads every file below dir and the modules they call, then finds
// the root modules and hands them their variable files.
func (l *loader) load() error {
	refs, err := l.walk()
	if err != nil {
		return err
	}
	files, err := parseAll(refs)
	if err != nil {
		return err
	}
	var modFiles []*srcFile
	for _, f := range files {
		l.files[f.rel] = f
		if f.vars {
			// A variable file holds only arguments.
			if _, diags := f.body.JustAttributes(); diags.HasErrors() {
				return diagError(f.rel, diags)
			}
			l.tfvars = append(l.tfvars, f)
			continue
		}
		modFiles = append(modFiles, f)
	}
	byDir, dirs := byFolder(modFiles, func(f *srcFile) string { return f.abs })
	batches := make([][]*srcFile, len(dirs))
	for i, d := range dirs {
		batches[i] = byDir[d]
	}
	queue, err := l.addModules(dirs, batches)
	if err != nil {
		return err
	}
	l.under = append(l.under, queue...)
	if _, err := l.follow(queue); err != nil {
		return err
	}
	if err := l.checkGraph(); err != nil {
		return err
	}
	return l.assignVars()
}

// byFolder groups files by the folder that holds them (path gives a
// file's absolute path) and lists the folders in order.
func byFolder[F any](files []F, path func(F) string) (map[string][]F, []string) {
	by := map[string][]F{}
	var dirs []string
	for _, f := range files {
		d := filepath.Dir(path(f))
		if by[d] == nil {
			dirs = append(dirs, d)
		}
		by[d] = append(by[d], f)
	}
	sort.Strings(dirs)
	return by, dirs
}

// addModules decodes the files of each folder into a module. Folders are
// decoded concurrently (in a monorepo there are thousands); the error, or
// a panic, is the first in the order of dirs, as if they were decoded one
// after another.
func (l *loader) addModules(dirs []string, files [][]*srcFile) ([]*module, error) {
	mods := make([]*module, len(dirs))
	errs := make([]error, len(dirs))
	panics := make([]any, len(dirs))
	concurrently(len(dirs), func(i int) {
		defer func() { panics[i] = recover() }()
		fs := files[i]
		sort.Slice(fs, func(a, b int) bool { return fs[a].rel < fs[b].rel })
		mods[i], errs[i] = decodeModule(dirs[i], l.rel(dirs[i]), fs)
	})
	for i, d := range dirs {
		if panics[i] != nil {
			panic(panics[i])
		}
		if errs[i] != nil {
			return nil, errs[i]
		}
		l.modules[d] = mods[i]
	}
	return mods, nil
}

// concurrently calls f(0) ... f(n-1) on as many goroutines as there are
// processors.
func concurrently(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// follow resolves the local module calls of the queued modules, reading
// the folders they lead to, until every called folder is read. It returns
// the queued modules and those it read.
func (l *loader) follow(queue []*module) ([]*module, error) {
	done := append([]*module(nil), queue...)
	for len(queue) > 0 {
		var wanted []string
		seen := map[string]bool{}
		for _, m := range queue {
			for _, c := range m.calls {
				if !c.local {
					continue
				}
				target, err := l.resolve(m, c)
				if err != nil {
					return nil, err
				}
				c.dir = target
				if l.modules[target] == nil && !seen[target] {
					seen[target] = true
					wanted = append(wanted, target)
				}
			}
		}
		var refs []fileRef
		var counts []int
		for _, d := range wanted {
			n, err := l.listFolder(d, &refs)
			if err != nil {
				return nil, err
			}
			counts = append(counts, n)
		}
		files, err := parseAll(refs)
		if err != nil {
			return nil, err
		}
		batches := make([][]*srcFile, len(wanted))
		for i := range wanted {
			batches[i] = files[:counts[i]]
			files = files[counts[i]:]
			for _, f := range batches[i] {
				l.files[f.rel] = f
			}
		}
		if queue, err = l.addModules(wanted, batches); err != nil {
			return nil, err
		}
		done = append(done, queue...)
	}
	for _, m := range done {
		for _, c := range m.calls {
			if c.local {
				c.target = l.modules[c.dir]
				c.target.called = true
			}
		}
	}
	return done, nil
}

// listFolder adds the Terraform files directly inside a module folder
// (Terraform reads no subfolders of a module, and no variable files).
func (l *loader) listFolder(dir string, refs *[]fileRef) (int, error) {
	files, err := l.view.List(dir, func(name string) bool { ok, _, isVars := classify(name); return ok && !isVars })
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		_, isJSON, _ := classify(f.Rel)
		*refs = append(*refs, fileRef{abs: f.Abs, rel: f.Rel, json: isJSON})
	}
	return len(files), nil
}

// resolve finds the folder of a local module call, refusing one that is
// absolute, leaves the repository or does not exist.
func (l *loader) resolve(m *module, c *call) (string, error) {
	fail := func(format string, args ...any) error {
		return diag.At(c.srcRange, fmt.Sprintf("module %q: ", c.name)+fmt.Sprintf(format, args...))
	}
	src := strings.ReplaceAll(c.source, `\`, "/")
	if isAbsSource(c.source) {
		return "", fail("source %q is an absolute path; a local module source must start with ./ or ../", c.source)
	}
	target := filepath.Clean(filepath.Join(m.dir, filepath.FromSlash(src)))
	if !l.view.Contains(target) {
		return "", fail("source %q leads outside the repository", c.source)
	}
	if l.folders[target] {
		// Every service of a monorepo calls the same few modules: a
		// folder checked once need not be asked of the file system again.
		return target, nil
	}
	switch err := l.view.Folder(target); {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		return "", fail("source %q: no such folder", c.source)
	case errors.Is(err, repo.ErrNotFolder):
		return "", fail("source %q is not a folder", c.source)
	case errors.Is(err, repo.ErrLinkOutside), errors.Is(err, repo.ErrOutside):
		return "", fail("source %q %v", c.source, err)
	default:
		return "", fail("source %q: %v", c.source, err)
	}
	l.folders[target] = true
	return target, nil
}

// isLocalSource reports whether a module source is a local path, which
// Terraform recognises by its ./ or ../ prefix; isAbsSource whether it is
// an absolute path, which this reader refuses.
func isLocalSource(s string) bool {
	s = strings.ReplaceAll(s, `\`, "/")
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || isAbsSource(s)
}

func isAbsSource(s string) bool {
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, `\`) || filepath.IsAbs(s) {
		return true
	}
	return len(s) >= 3 && s[1] == ':' && (s[2] == '/' || s[2] == '\\') && ('a' <= s[0]|0x20 && s[0]|0x20 <= 'z')
}

// checkGraph rejects local module cycles and nesting deeper than maxDepth,
// and finds the root modules: folders under dir that no module calls.
func (l *loader) checkGraph() error {
	var all []*module
	for _, m := range l.modules {
		all = append(all, m)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].dir < all[j].dir })
	if err := checkCycles(all); err != nil {
		return err
	}
	called := map[*module]bool{}
	for _, m := range all {
		for _, c := range m.calls {
			if c.target != nil {
				called[c.target] = true
			}
		}
	}
	for _, m := range l.under {
		if !called[m] {
			l.roots = append(l.roots, m)
		}
	}
	return checkDepth(l.roots)
}

// checkCycles rejects a local module cycle, naming its modules in order.
func checkCycles(all []*module) error {
	const (
		white = iota
		grey
		black
	)
	color := map[*module]int{}
	var stack []*module
	var visit func(m *module) error
	visit = func(m *module) error {
		color[m] = grey
		stack = append(stack, m)
		for _, c := range m.calls {
			t := c.target
			if t == nil {
				continue
			}
			switch color[t] {
			case grey:
				var names []string
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i] == t {
						for _, s := range stack[i:] {
							names = append(names, s.rel)
						}
						break
					}
				}
				names = append(names, t.rel)
				return diag.At(c.srcRange, fmt.Sprintf("module %q: module cycle: %s", c.name, strings.Join(names, " → ")))
			case white:
				if err := visit(t); err != nil {
					return err
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[m] = black
		return nil
	}
	for _, m := range all {
		if color[m] == white {
			if err := visit(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkDepth rejects module calls nested more than maxDepth below a root
// module, naming the call that goes too deep.
func checkDepth(roots []*module) error {
	// height is the longest chain of calls below a module.
	height := map[*module]int{}
	var h func(m *module) int
	h = func(m *module) int {
		if v, ok := height[m]; ok {
			return v
		}
		best := 0
		for _, c := range m.calls {
			if c.target != nil {
				if v := 1 + h(c.target); v > best {
					best = v
				}
			}
		}
		height[m] = best
		return best
	}
	for _, r := range roots {
		if h(r) <= maxDepth {
			continue
		}
		m, depth := r, 0
		for {
			var next *call
			for _, c := range m.calls {
				if c.target != nil && 1+h(c.target) == h(m) {
					next = c
					break
				}
			}
			depth++
			if depth > maxDepth {
				return diag.At(next.srcRange, fmt.Sprintf("module %q: modules are nested more than %d deep", next.name, maxDepth))
			}
			m = next.target
		}
	}
	return nil
}

// reach lists, for each of roots, the modules it reaches (itself
// included), and counts in each module the roots that reach it.
func reach(roots []*module) [][]*module {
	out := make([][]*module, len(roots))
	for i, r := range roots {
		seen := map[*module]bool{}
		var visit func(m *module)
		visit = func(m *module) {
			if seen[m] {
				return
			}
			seen[m] = true
			out[i] = append(out[i], m)
			m.users.Add(1)
			for _, c := range m.calls {
				if c.target != nil {
					visit(c.target)
				}
			}
		}
		visit(r)
	}
	return out
}

// assignVars hands each variable file to the root module it sets: a file
// in a root module's folder is read by that module (terraform.tfvars,
// terraform.tfvars.json and *.auto.tfvars[.json] always, any other one as
// a var-file variant); a file in a folder without .tf files is a var-file
// of the nearest root module above it. A variable file in the folder of a
// called module, or with no root module above it, sets nothing.
func (l *loader) assignVars() error {
	roots := map[string]*module{}
	for _, r := range l.roots {
		roots[r.dir] = r
	}
	for _, f := range l.tfvars {
		d := filepath.Dir(f.abs)
		if r := roots[d]; r != nil {
			r.addVarFile(f, true)
			continue
		}
		if l.modules[d] != nil {
			continue
		}
		for p := d; repo.Within(l.dir, p); {
			if r := roots[p]; r != nil {
				r.addVarFile(f, false)
				break
			}
			parent := filepath.Dir(p)
			if parent == p {
				break
			}
			p = parent
		}
	}
	if err := l.deployVars(); err != nil {
		return err
	}
	for _, r := range l.roots {
		r.sortVarFiles()
	}
	return nil
}

// deployVars hands each root module the variable files its deploy block
// names, wherever they are. A named file that is not a variable file the
// reader read is an error at the block: the pipeline could not run so.
func (l *loader) deployVars() error {
	if l.deploy == nil {
		return nil
	}
	for _, r := range l.roots {
		d, ok := l.deploy(r.rel)
		if !ok {
			continue
		}
		for _, vf := range d.VarFiles {
			f := l.files[vf]
			if f == nil || !f.vars {
				return diag.Errorf(d.File, d.Line, "deploy: var_files: %q is not a Terraform variable file in the repository (.tfvars or .tfvars.json)", vf)
			}
			if !slices.Contains(r.varFiles, f) && !slices.Contains(r.autoVars, f) {
				r.varFiles = append(r.varFiles, f)
			}
		}
	}
	return nil
}

// addVarFile hands a variable file to a root module: one in the module's
// own folder (inFolder) may be one Terraform loads by itself.
func (m *module) addVarFile(f *srcFile, inFolder bool) {
	if inFolder && isAutoVars(filepath.Base(f.abs)) {
		m.autoVars = append(m.autoVars, f)
	} else {
		m.varFiles = append(m.varFiles, f)
	}
}

// sortVarFiles puts a root module's variable files in the order they are
// read.
func (m *module) sortVarFiles() {
	sort.SliceStable(m.autoVars, func(i, j int) bool {
		return autoRank(m.autoVars[i]) < autoRank(m.autoVars[j])
	})
	sort.Slice(m.varFiles, func(i, j int) bool { return m.varFiles[i].rel < m.varFiles[j].rel })
}

func isAutoVars(name string) bool {
	return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
		strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")
}

// autoRank orders the files Terraform loads automatically: terraform.tfvars,
// terraform.tfvars.json, then *.auto.tfvars[.json] by name.
func autoRank(f *srcFile) string {
	switch base := filepath.Base(f.abs); base {
	case "terraform.tfvars":
		return "0"
	case "terraform.tfvars.json":
		return "1"
	default:
		return "2" + base
	}
}

// parseAll reads and parses files concurrently. The result is in the order
// of refs; the error is the first one in that order.
func parseAll(refs []fileRef) ([]*srcFile, error) {
	out := make([]*srcFile, len(refs))
	errs := make([]error, len(refs))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(refs) {
		workers = len(refs)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = readFile(refs[i])
			}
		}()
	}
	for i := range refs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readFile reads, checks and parses one file.
func readFile(ref fileRef) (f *srcFile, err error) {
	src, err := repo.ReadLimited(ref.abs, ref.rel, maxFileSize)
	if err != nil {
		return nil, err
	}
	if err := repo.Text(ref.rel, src); err != nil {
		return nil, err
	}
	if i := repo.Nesting(src, ref.json, maxNesting); i >= 0 {
		return nil, &diag.Diagnostic{Path: ref.rel, Line: repo.LineAt(src, i), Msg: fmt.Sprintf("nested more than %d levels deep", maxNesting)}
	}
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &diag.Diagnostic{Path: ref.rel, Msg: fmt.Sprintf("cannot be parsed: %v", r)}
		}
	}()
	var file *hcl.File
	var diags hcl.Diagnostics
	if ref.json {
		file, diags = hcljson.Parse(src, ref.rel)
	} else {
		file, diags = hclsyntax.ParseConfig(src, ref.rel, hcl.InitialPos)
	}
	if err := diagError(ref.rel, diags); err != nil {
		return nil, err
	}
	if file == nil || file.Body == nil {
		return nil, &diag.Diagnostic{Path: ref.rel, Msg: "cannot be parsed"}
	}
	return &srcFile{abs: ref.abs, rel: ref.rel, src: src, body: file.Body, json: ref.json, vars: ref.vars}, nil
}

// diagError returns HCL's diagnostics as an error when one of them is
// an error, every diagnostic kept, or nil.
func diagError(path string, diags hcl.Diagnostics) error {
	return diag.FromHCL(path, diags).Err()
}
