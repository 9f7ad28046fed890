package repo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/diag"
)

// View is the one way a reader sees a repository: the checked folder
// inside a repository boundary, walked once, with the same rules for every
// reader: which folders are skipped, which symbolic links may be followed
// (those leading to a regular file or folder inside the boundary), which
// special files are refused, how large a file may be, and how paths are
// shown. A View is safe for concurrent use.
//
// Its errors are *diag.Diagnostic values naming the file, relative to the
// checked folder.
type View struct {
	dir      string // the checked folder, absolute and clean
	root     string // the repository boundary, absolute and clean
	rootReal string // root with symbolic links resolved

	walkOnce sync.Once
	entries  []entry

	mu       sync.Mutex
	dangling map[string]string // a matched link that leads nowhere -> where it leads
}

// entry is a file found by the walk, or the error that stopped it.
type entry struct {
	abs  string
	typ  fs.FileMode
	name string
	err  error
}

// File is a file a reader reads: its absolute path, and its path relative
// to the checked folder with '/', as messages and reports show it.
type File struct {
	Abs, Rel string
}

// NewView returns the view of the folder dir inside the repository
// boundary root; an empty root means Root(dir).
func NewView(dir, root string) (*View, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, diag.Errorf(filepath.ToSlash(dir), 0, "%v", err)
	}
	if root == "" {
		if root, err = Root(abs); err != nil {
			return nil, diag.Errorf(filepath.ToSlash(dir), 0, "%v", err)
		}
	} else if root, err = filepath.Abs(root); err != nil {
		return nil, diag.Errorf(filepath.ToSlash(root), 0, "%v", err)
	}
	v := &View{dir: filepath.Clean(abs), root: filepath.Clean(root)}
	v.rootReal = v.root
	if real, err := filepath.EvalSymlinks(v.root); err == nil {
		v.rootReal = real
	}
	return v, nil
}

// Dir returns the checked folder, absolute.
func (v *View) Dir() string { return v.dir }

// Root returns the repository boundary, absolute.
func (v *View) Root() string { return v.root }

// Rel returns an absolute path relative to the checked folder with '/'.
func (v *View) Rel(abs string) string { return Rel(v.dir, abs) }

// Contains reports whether a clean absolute path lies inside the
// repository boundary, as written (links not resolved).
func (v *View) Contains(abs string) bool { return Within(v.root, abs) }

// walk lists every entry below the checked folder once, in lexical order,
// not descending into skipped folders, stopping at the first error.
func (v *View) walk() []entry {
	v.walkOnce.Do(func() {
		err := filepath.WalkDir(v.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != v.dir && Skip(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			v.entries = append(v.entries, entry{abs: p, typ: d.Type(), name: d.Name()})
			return nil
		})
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = diag.Errorf(v.Rel(pe.Path), 0, "%v", pe.Err)
			} else {
				err = diag.Errorf(".", 0, "%v", err)
			}
			v.entries = append(v.entries, entry{err: err})
		}
	})
	return v.entries
}

// Walk returns the files below the checked folder whose base names match,
// in lexical order, skipping the folders Skip names (the checked folder
// itself is walked whatever its name). A matching file that is a symbolic
// link is returned when Link accepts it, and left out (said by Dangling)
// when it leads nowhere; a matching file that is neither a
// regular file nor a link (a pipe, a device) is an error, as is a folder
// that cannot be read before the file. The tree is walked once for every
// reader.
func (v *View) Walk(match func(name string) bool) ([]File, error) {
	var out []File
	for _, e := range v.walk() {
		if e.err != nil {
			return nil, e.err
		}
		if !match(e.name) {
			continue
		}
		if v.dangles(e.abs, e.typ) {
			continue
		}
		if err := v.check(e.abs, e.typ); err != nil {
			return nil, err
		}
		out = append(out, File{Abs: e.abs, Rel: v.Rel(e.abs)})
	}
	return out, nil
}

// dangles reports whether a file is a symbolic link that leads nowhere (a
// link into a git submodule the clone did not fetch, a file since
// removed), and records it for Dangling: it holds nothing to read,
// wherever it points, so it is left out and said, not an error that stops
// every reader.
func (v *View) dangles(p string, typ fs.FileMode) bool {
	if typ&fs.ModeSymlink == 0 {
		return false
	}
	if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	target, err := os.Readlink(p)
	if err != nil {
		return false
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dangling == nil {
		v.dangling = map[string]string{}
	}
	v.dangling[v.Rel(p)] = filepath.ToSlash(target)
	return true
}

// Dangling says, one line each in path order, the symbolic links that a
// reader would have read and that lead nowhere, so that what was left out
// is never left out silently.
func (v *View) Dangling() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	rels := make([]string, 0, len(v.dangling))
	for rel := range v.dangling {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	out := make([]string, len(rels))
	for i, rel := range rels {
		out[i] = fmt.Sprintf("%s: a symbolic link to %q, which does not exist; not read", rel, v.dangling[rel])
	}
	return out
}

// List returns the matching files directly inside folder dir (absolute),
// sorted, with Walk's rules for links and special files; subfolders are
// not listed.
func (v *View) List(dir string, match func(name string) bool) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, diag.Errorf(v.Rel(dir), 0, "%v", diag.Cause(err))
	}
	var out []File
	for _, e := range entries {
		if e.IsDir() || !match(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if v.dangles(p, e.Type()) {
			continue
		}
		if err := v.check(p, e.Type()); err != nil {
			return nil, err
		}
		out = append(out, File{Abs: p, Rel: v.Rel(p)})
	}
	return out, nil
}

func (v *View) check(p string, typ fs.FileMode) error {
	if typ&fs.ModeSymlink != 0 {
		return v.Link(p)
	}
	if !typ.IsRegular() {
		return diag.Errorf(v.Rel(p), 0, "not a regular file")
	}
	return nil
}

// Link accepts a file that is a symbolic link when it leads to a regular
// file inside the repository, as the tools that read such files follow
// it; one that leads outside it (to a credentials file, /dev/zero),
// nowhere, or round in a loop is an error.
func (v *View) Link(p string) error {
	info, err := v.inside(p)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return diag.Errorf(v.Rel(p), 0, "a symbolic link to something other than a regular file")
	}
	return nil
}

// Inside accepts a file found in the repository (a notice, the
// configuration), through symbolic links too, when it leads to something
// inside the repository; one that leads out of it (to /dev/zero, a
// credentials file) or nowhere is an error: what the repository holds is
// read, nothing else.
func (v *View) Inside(p string) error {
	_, err := v.inside(p)
	return err
}

// inside is Inside, with what the path leads to.
func (v *View) inside(p string) (fs.FileInfo, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, diag.Errorf(v.Rel(p), 0, "%v", diag.Cause(err))
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, diag.Errorf(v.Rel(p), 0, "%v", diag.Cause(err))
	}
	if !Within(v.rootReal, real) {
		return nil, diag.Errorf(v.Rel(p), 0, "a symbolic link that leads outside the repository")
	}
	return info, nil
}

// Errors of Folder, besides those of os.Stat.
var (
	// ErrOutside is a path that leads outside the repository as written.
	ErrOutside = errors.New("leads outside the repository")
	// ErrLinkOutside is a folder inside the repository as written that a
	// symbolic link leads out of it.
	ErrLinkOutside = errors.New("leads outside the repository through a symbolic link")
	// ErrNotFolder is a path that is not a folder.
	ErrNotFolder = errors.New("not a folder")
)

// Folder checks that a clean absolute path names a folder inside the
// repository, through symbolic links too. Its error is ErrOutside,
// ErrLinkOutside, ErrNotFolder, or os.Stat's (fs.ErrNotExist...) without
// the path, for the caller to word with what led there.
func (v *View) Folder(abs string) error {
	if !Within(v.root, abs) {
		return ErrOutside
	}
	info, err := os.Stat(abs)
	if err != nil {
		return diag.Cause(err)
	}
	if !info.IsDir() {
		return ErrNotFolder
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil && !Within(v.rootReal, real) {
		return ErrLinkOutside
	}
	return nil
}

// ReadText reads a file found by Walk or List, of at most max bytes, that
// must be text: UTF-8 without NUL bytes. A leading byte order mark is
// blanked out (so that offsets stay those of the file). The error names
// the line of the first offending byte.
func (v *View) ReadText(f File, max int64) ([]byte, error) {
	src, err := ReadLimited(f.Abs, f.Rel, max)
	if err != nil {
		return nil, err
	}
	if err := Text(f.Rel, src); err != nil {
		return nil, err
	}
	return src, nil
}

// ReadLimited reads at most max bytes of the file at path, named name in
// messages; a larger file is an error.
func ReadLimited(path, name string, max int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, diag.Errorf(name, 0, "%v", diag.Cause(err))
	}
	defer fh.Close()
	src, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return nil, diag.Errorf(name, 0, "%v", diag.Cause(err))
	}
	if int64(len(src)) > max {
		return nil, diag.Errorf(name, 0, "file is larger than %s", size(max))
	}
	return src, nil
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Text checks that src is text: blanks a leading byte order mark in
// place, and refuses a NUL byte or invalid UTF-8, naming its line.
func Text(name string, src []byte) error {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src[0], src[1], src[2] = ' ', ' ', ' '
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return diag.Errorf(name, LineAt(src, i), "not a text file (it contains a NUL byte)")
	}
	if !utf8.Valid(src) {
		return diag.Errorf(name, LineAt(src, firstInvalid(src)), "not valid UTF-8")
	}
	return nil
}

// LineAt returns the 1-based line holding the byte at offset off.
func LineAt(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return 1 + bytes.Count(src[:off], []byte{'\n'})
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(src)
}
