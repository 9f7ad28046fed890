package tfeval

import (
	"hash/maphash"
	"path/filepath"
	"slices"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// DefaultChunkFiles is about how many files a streaming read parses
// before it evaluates the root modules among them (Config.ChunkFiles).
// Memory holds the syntax trees of a chunk and of the modules called so
// far, not those of the repository; a chunk is large enough that waiting
// for its slowest file or root module costs little. Tests make it 1 so
// that every folder is a chunk.
const DefaultChunkFiles = 1024

// specRoot is a module evaluated as a root module before every folder was
// read, and the variable files it was evaluated with.
type specRoot struct {
	res        rootResult
	auto, vars []*srcFile
}

// stream reads the folder in chunks of folders, in the order of their
// paths, and evaluates each chunk's root modules before it reads the next,
// dropping their syntax trees: a monorepo's memory then stays near that of
// its shared modules instead of growing with every file.
//
// Whether a folder is a root module, and which variable files it reads,
// is known only once every folder is read, since any later folder may call
// it. So a chunk's folders that no module read so far calls and that
// configure a provider or have variable files (as root modules do and
// shared modules should not) are evaluated on that guess, with the
// variable files the guess gives them. At the end the loader finds the root modules and their variable
// files as load does; a guess that proves wrong is evaluated again, its
// files read again if they were dropped. The evidence is the same as
// load and run give, whatever the chunks.
//
// ok is false when the read met an error, or a file changed while it was
// read: the caller then reads the folder again with load and run, which
// report the first error in the same order every time.
func (l *loader) stream(extract Extractor) (ev []evidence.Evidence, ok bool) {
	refs, err := l.walk()
	if err != nil {
		return nil, false
	}
	var varRefs, modRefs []fileRef
	for _, f := range refs {
		if f.vars {
			varRefs = append(varRefs, f)
		} else {
			modRefs = append(modRefs, f)
		}
	}
	byDir, dirs := byFolder(modRefs, func(f fileRef) string { return f.abs })
	if !l.readVarFiles(varRefs) {
		return nil, false
	}
	st := &streamState{
		r:         newReader(l, extract, &shared{}),
		byDir:     byDir,
		guessVars: l.guessVarFiles(byDir),
		spec:      map[*module]*specRoot{},
		height:    map[*module]int{},
	}
	for next := 0; next < len(dirs); {
		var chunk []string
		var crefs []fileRef
		for next < len(dirs) && len(crefs) < l.chunkFiles {
			d := dirs[next]
			next++
			if l.modules[d] == nil { // not read already as a called module
				chunk = append(chunk, d)
				crefs = append(crefs, byDir[d]...)
			}
		}
		if !l.streamChunk(st, chunk, crefs) {
			return nil, false
		}
	}
	return l.streamRest(st, dirs)
}

// streamState is what a streaming read carries from chunk to chunk.
type streamState struct {
	r         *reader
	byDir     map[string][]fileRef  // the files of each folder under dir
	guessVars map[string][]*srcFile // the variable files each folder would read as a root module
	spec      map[*module]*specRoot // the modules evaluated on a guess
	height    map[*module]int       // for acyclicHeight
}

// readVarFiles reads every variable file under dir; false on an error.
func (l *loader) readVarFiles(refs []fileRef) bool {
	varFiles, err := parseAll(refs)
	if err != nil {
		return false
	}
	for _, f := range varFiles {
		l.files[f.rel] = f
		if _, diags := f.body.JustAttributes(); diags.HasErrors() {
			return false
		}
		l.tfvars = append(l.tfvars, f)
	}
	return true
}

// streamChunk reads the folders of a chunk (crefs are their files, in
// order) and the modules they call, and evaluates the folders guessed to
// be root modules; false on an error.
func (l *loader) streamChunk(st *streamState, chunk []string, crefs []fileRef) bool {
	files, err := parseAll(crefs)
	if err != nil {
		return false
	}
	batches := make([][]*srcFile, len(chunk))
	for i, d := range chunk {
		n := len(st.byDir[d])
		batches[i], files = files[:n], files[n:]
		for _, f := range batches[i] {
			l.files[f.rel] = f
		}
	}
	queue, err := l.addModules(chunk, batches)
	if err != nil {
		return false
	}
	added, err := l.follow(queue)
	if err != nil {
		return false
	}
	for _, m := range added {
		if !acyclicHeight(m, st.height) {
			return false // a cycle, or nesting too deep: an error
		}
	}
	for _, m := range added {
		m.providerNeeds()
		m.prepare(st.r.ext)
	}
	var guesses []*module
	for _, m := range queue {
		if !m.called && (len(m.providers) > 0 || len(st.guessVars[m.dir]) > 0) {
			guesses = append(guesses, m)
		}
	}
	for _, m := range guesses {
		m.autoVars, m.varFiles = nil, nil
		for _, f := range st.guessVars[m.dir] {
			m.addVarFile(f, filepath.Dir(f.abs) == m.dir)
		}
		m.sortVarFiles()
		if !l.reviveReach(m) {
			return false
		}
	}
	l.stats.Guessed += len(guesses)
	results := st.r.evalEach(guesses, func(i int) { guesses[i].drop() })
	if st.r.shared.over.Load() {
		return false
	}
	for i, m := range guesses {
		st.spec[m] = &specRoot{res: results[i], auto: m.autoVars, vars: m.varFiles}
	}
	return true
}

// streamRest runs once every folder is read: it finds the root modules
// and their variable files as load does, evaluates those the guesses
// missed or got wrong, and returns the evidence of all.
func (l *loader) streamRest(st *streamState, dirs []string) ([]evidence.Evidence, bool) {
	l.under = make([]*module, len(dirs))
	for i, d := range dirs {
		l.under[i] = l.modules[d]
	}
	if err := l.checkGraph(); err != nil {
		return nil, false
	}
	for _, m := range l.modules {
		m.autoVars, m.varFiles = nil, nil
	}
	if err := l.assignVars(); err != nil {
		return nil, false
	}
	results := make([]rootResult, len(l.roots))
	var rest []*module
	var restAt []int
	for i, m := range l.roots {
		if s := st.spec[m]; s != nil && s.res.err == nil && slices.Equal(s.auto, m.autoVars) && slices.Equal(s.vars, m.varFiles) {
			results[i] = s.res
			l.stats.Kept++
			continue
		}
		if !l.reviveReach(m) {
			return nil, false
		}
		rest = append(rest, m)
		restAt = append(restAt, i)
	}
	for i, res := range st.r.evalReleasing(rest) {
		results[restAt[i]] = res
	}
	if st.r.shared.over.Load() {
		return nil, false
	}
	var all []rec
	for _, res := range results {
		if res.err != nil {
			return nil, false
		}
		all = append(all, res.recs...)
	}
	return evidenceOf(all), true
}

// guessVarFiles hands each variable file to the nearest folder at or above
// it that holds Terraform files: the root module it sets if that folder is
// a root module (see assignVars).
func (l *loader) guessVarFiles(byDir map[string][]fileRef) map[string][]*srcFile {
	out := map[string][]*srcFile{}
	for _, f := range l.tfvars {
		for p := filepath.Dir(f.abs); repo.Within(l.dir, p); {
			if byDir[p] != nil {
				out[p] = append(out[p], f)
				break
			}
			parent := filepath.Dir(p)
			if parent == p {
				break
			}
			p = parent
		}
	}
	return out
}

// acyclicHeight reports whether no chain of calls from m comes back to a
// module on it or goes deeper than maxDepth, memoising in height the
// longest chain below each module. checkGraph says which is wrong.
func acyclicHeight(m *module, height map[*module]int) bool {
	onPath := map[*module]bool{}
	var h func(m *module) int
	h = func(m *module) int {
		if v, ok := height[m]; ok {
			return v
		}
		if onPath[m] {
			return maxDepth + 1
		}
		onPath[m] = true
		best := 0
		for _, c := range m.calls {
			if c.target != nil {
				best = max(best, 1+h(c.target))
				if best > maxDepth {
					break
				}
			}
		}
		delete(onPath, m)
		if best <= maxDepth {
			height[m] = best
		}
		return best
	}
	return h(m) <= maxDepth
}

// hashSeed hashes the source of dropped files.
var hashSeed = maphash.MakeSeed()

// drop lets go of the syntax trees of a module, and of its variable files,
// keeping a hash of each file to read it again (loader.revive). Where its
// calls lead, and the module's memoised provider needs and what
// Extractor.Prepare made of it, stay: the module graph may still be checked, and other
// modules use them.
func (m *module) drop() {
	for _, list := range [][]*srcFile{m.files, m.autoVars, m.varFiles} {
		for _, f := range list {
			if f.body != nil {
				f.sum = maphash.Bytes(hashSeed, f.src)
				f.src, f.body = nil, nil
			}
		}
	}
	m.vars, m.varNames, m.locals, m.providers, m.outputs = nil, nil, nil, nil, nil
	m.resources, m.data, m.byAddr, m.callByNm = nil, nil, nil, nil
	for _, c := range m.calls {
		c.block, c.body, c.count, c.forEach, c.providers, c.inputs = nil, nil, nil, nil, nil, nil
	}
	m.travsMu.Lock()
	m.travs = nil
	m.travsMu.Unlock()
	m.dropped = true
}

// reviveReach readies root for evaluation: every module it reaches, and
// its variable files, are read again where they were dropped. It reports
// false when a file cannot be read again as it was.
func (l *loader) reviveReach(root *module) bool {
	if !l.reparse(root.autoVars) || !l.reparse(root.varFiles) {
		return false
	}
	seen := map[*module]bool{}
	var visit func(m *module) bool
	visit = func(m *module) bool {
		if seen[m] {
			return true
		}
		seen[m] = true
		if m.dropped && !l.revive(m) {
			return false
		}
		for _, c := range m.calls {
			if c.target != nil && !visit(c.target) {
				return false
			}
		}
		return true
	}
	return visit(root)
}

// revive reads a dropped module's files again and decodes them into it,
// keeping where its calls lead.
func (l *loader) revive(m *module) bool {
	if !l.reparse(m.files) {
		return false
	}
	fresh, err := decodeModule(m.dir, m.rel, m.files)
	if err != nil || len(fresh.calls) != len(m.calls) {
		return false
	}
	for i, c := range fresh.calls {
		old := m.calls[i]
		if c.name != old.name || c.source != old.source {
			return false
		}
		c.dir, c.target = old.dir, old.target
	}
	m.vars, m.varNames, m.locals, m.providers, m.outputs = fresh.vars, fresh.varNames, fresh.locals, fresh.providers, fresh.outputs
	m.resources, m.data, m.byAddr, m.calls, m.callByNm = fresh.resources, fresh.data, fresh.byAddr, fresh.calls, fresh.callByNm
	m.dropped = false
	l.stats.Revived++
	return true
}

// reparse reads and parses again the files among fs that were dropped,
// and reports whether each is as it was.
func (l *loader) reparse(fs []*srcFile) bool {
	var refs []fileRef
	var which []*srcFile
	for _, f := range fs {
		if f.body == nil {
			refs = append(refs, fileRef{abs: f.abs, rel: f.rel, json: f.json, vars: f.vars})
			which = append(which, f)
		}
	}
	if len(refs) == 0 {
		return true
	}
	again, err := parseAll(refs)
	if err != nil {
		return false
	}
	for i, f := range which {
		if maphash.Bytes(hashSeed, again[i].src) != f.sum {
			return false
		}
		f.src, f.body = again[i].src, again[i].body
	}
	return true
}
