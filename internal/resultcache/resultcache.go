// Package resultcache keeps results of noticevet's own analysis between
// runs, keyed by a hash of everything the result depends on, so that a
// second check of unchanged code costs what a second go vet does: a
// lookup, not an analysis.
//
// An entry is written only by noticevet, from its own analysis of the
// inputs its key names; a repository cannot choose what an entry of
// another repository's key holds. Entries are files named by their key
// under the cache folder, written to a temporary file first and renamed,
// so a reader sees a whole entry or none. A damaged entry is a miss.
package resultcache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// EnvVar names the environment variable that sets the cache's folder;
// "off" turns the cache off.
const EnvVar = "NOTICEVET_CACHE"

// maxEntry bounds what is read back: an entry larger than any result
// noticevet writes is damaged, and a miss.
const maxEntry = 256 << 20

// unused is how long an entry is kept once nothing reads it.
const unused = 5 * 24 * time.Hour

// Cache is a folder of entries. The zero Cache (and a nil one) is off:
// it finds nothing and keeps nothing.
type Cache struct {
	dir      string
	trimOnce sync.Once
	exeOnce  sync.Once
	exe      string
}

// Open is the cache the environment asks for: NOTICEVET_CACHE's folder,
// else noticevet/ in the user cache folder (os.UserCacheDir). It is off
// when NOTICEVET_CACHE is "off" or when no folder can be had.
func Open() *Cache {
	dir := os.Getenv(EnvVar)
	switch dir {
	case "off":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "noticevet")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	return &Cache{dir: abs}
}

// At is the cache in folder dir (tests).
func At(dir string) *Cache { return &Cache{dir: dir} }

// Dir is the cache's folder; "" when it is off.
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

// Key is a hash of what a result depends on.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key. Every value is written with its length first, so
// that two lists of values that join to the same bytes make different keys.
type Hasher struct {
	h hash.Hash
}

// NewHasher starts a key for results of the kind what names
// ("go-module/1"): a new format is a new kind.
func NewHasher(what string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String(what)
	return h
}

// String adds s to the key.
func (h *Hasher) String(s string) {
	var n [20]byte
	h.h.Write(strconv.AppendInt(n[:0], int64(len(s)), 10))
	h.h.Write([]byte{':'})
	io.WriteString(h.h, s)
}

// Strings adds a list of strings, its length first.
func (h *Hasher) Strings(ss []string) {
	h.String(strconv.Itoa(len(ss)))
	for _, s := range ss {
		h.String(s)
	}
}

// File adds a file's name and contents; a file that cannot be read adds
// its name and why, so that it still changes the key when it changes.
func (h *Hasher) File(name, path string) {
	h.String(name)
	f, err := os.Open(path)
	if err != nil {
		h.String("unreadable: " + err.Error())
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		h.String("not a regular file")
		return
	}
	h.String(strconv.FormatInt(fi.Size(), 10))
	if _, err := io.Copy(h.h, f); err != nil {
		h.String("read error: " + err.Error())
	}
}

// Sum is the key.
func (h *Hasher) Sum() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

func (c *Cache) path(k Key) string {
	s := k.String()
	return filepath.Join(c.dir, s[:2], s)
}

// Get is the entry of key k, if there is one. Reading an entry marks it
// used (at most once an hour, as the go command's cache does).
func (c *Cache) Get(k Key) ([]byte, bool) {
	if c == nil || c.dir == "" {
		return nil, false
	}
	p := c.path(k)
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxEntry {
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, maxEntry+1))
	if err != nil || int64(len(data)) != fi.Size() {
		return nil, false
	}
	if now := time.Now(); now.Sub(fi.ModTime()) > time.Hour {
		_ = os.Chtimes(p, now, now)
	}
	return data, true
}

// Put keeps data as the entry of key k. The cache is a help, not a need:
// an entry that cannot be written is not an error, the next run analyses
// again.
func (c *Cache) Put(k Key, data []byte) {
	if c == nil || c.dir == "" || len(data) > maxEntry {
		return
	}
	p := c.path(k)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), p) != nil {
		_ = os.Remove(tmp.Name())
		return
	}
	c.trimOnce.Do(c.trim)
}

// trim (once a process, after its first write) removes the entries nothing has read for a while, at most once a
// day: the time of the last trim is the modification time of the file
// "trimmed" in the cache's folder.
func (c *Cache) trim() {
	mark := filepath.Join(c.dir, "trimmed")
	now := time.Now()
	if fi, err := os.Stat(mark); err == nil && now.Sub(fi.ModTime()) < 24*time.Hour {
		return
	}
	if err := os.WriteFile(mark, nil, 0o600); err != nil {
		return
	}
	_ = os.Chtimes(mark, now, now)
	_ = filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if path != c.dir && len(d.Name()) != 2 {
				return filepath.SkipDir // not a folder of entries
			}
			return nil
		}
		if filepath.Dir(path) == c.dir {
			return nil // the trim mark
		}
		if fi, err := d.Info(); err == nil && fi.Mode().IsRegular() && now.Sub(fi.ModTime()) > unused {
			_ = os.Remove(path)
		}
		return nil
	})
}

// Executable is a hash of the running program's file: results of another
// build of noticevet (another analysis, other tables) are other entries.
// Hashing the file takes a moment, so the hash is itself kept in the cache
// under the file's path, size and modification time. "" when the program's
// file cannot be read: the caller should not use the cache then.
func (c *Cache) Executable() string {
	if c == nil || c.dir == "" {
		return ""
	}
	c.exeOnce.Do(func() { c.exe = c.executable() })
	return c.exe
}

func (c *Cache) executable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	fi, err := os.Stat(exe)
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	memo := NewHasher("executable/1")
	memo.String(exe)
	memo.String(strconv.FormatInt(fi.Size(), 10))
	memo.String(strconv.FormatInt(fi.ModTime().UnixNano(), 10))
	k := memo.Sum()
	if b, ok := c.Get(k); ok && len(b) == 2*sha256.Size {
		return string(b)
	}
	h := NewHasher("executable")
	h.File("", exe)
	id := h.Sum().String()
	c.Put(k, []byte(id))
	return id
}
