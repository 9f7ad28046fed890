// Package discover finds the privacy notice and the configuration that
// apply to a Go package when noticevet runs as a go vet tool, where no
// folder is named: it walks up from the package's folder.
//
// It reads directory listings only.
package discover

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// NoticePatterns are the notice names the README gives, looked for in each
// folder, in order.
var NoticePatterns = []string{"PRIVACY.md", "PRIVACY.*.md", "privacy*.md", "docs/privacy*.md"}

// ConfigName is the configuration file's name.
const ConfigName = ".noticevet.hcl"

// Found is what applies to a folder.
type Found struct {
	// Base is the folder the notices were found in; the notices are named
	// relative to it in messages.
	Base string
	// Notices are the notice files, absolute, in pattern order.
	Notices []string
	// Config is the nearest configuration file, absolute, or "".
	Config string
	// Searched are the folders looked in, nearest first.
	Searched []string
}

// Find walks up from dir (absolute) to the root of its module (the folder
// with go.mod) and, past it, to the root of its repository (the folder with
// .git) when there is one, and returns the notices of the nearest folder
// that has any and the nearest configuration file.
func Find(dir string) Found {
	var f Found
	for _, d := range Folders(dir) {
		f.Searched = append(f.Searched, d)
		e := look(d)
		if f.Config == "" {
			f.Config = e.config
		}
		if len(f.Notices) == 0 && len(e.notices) > 0 {
			f.Base, f.Notices = d, e.notices
		}
		if len(f.Notices) > 0 && f.Config != "" {
			break
		}
	}
	return f
}

// folderCache remembers what each folder holds, while the folder (and its
// docs folder) is unchanged: a driver that analyzes many packages looks at
// their common parent folders once.
var folderCache sync.Map // folder → folderEntry

type folderEntry struct {
	stamp   string
	checked time.Time
	notices []string
	config  string
}

// fresh is how long a folder's listing is trusted without looking again.
const fresh = 2 * time.Second

func folderStamp(d string) string {
	st := ""
	for _, p := range []string{d, filepath.Join(d, "docs")} {
		if fi, err := os.Stat(p); err == nil {
			st += fi.ModTime().String() + "/"
		} else {
			st += "-/"
		}
	}
	return st
}

func look(d string) folderEntry {
	now := time.Now()
	if e, ok := folderCache.Load(d); ok && now.Sub(e.(folderEntry).checked) < fresh {
		return e.(folderEntry)
	}
	st := folderStamp(d)
	if e, ok := folderCache.Load(d); ok && e.(folderEntry).stamp == st {
		x := e.(folderEntry)
		x.checked = now
		folderCache.Store(d, x)
		return x
	}
	e := folderEntry{stamp: st, checked: now, notices: notices(d)}
	if fi, err := os.Stat(filepath.Join(d, ConfigName)); err == nil && fi.Mode().IsRegular() {
		e.config = filepath.Join(d, ConfigName)
	}
	folderCache.Store(d, e)
	return e
}

// Notices lists the notices in a folder, in pattern order.
func Notices(d string) []string { return look(d).notices }

func notices(d string) []string {
	var out []string
	seen := map[string]bool{}
	for _, pat := range NoticePatterns {
		m, _ := filepath.Glob(filepath.Join(d, filepath.FromSlash(pat)))
		sort.Strings(m)
		for _, p := range m {
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// Folders lists the folders from dir up to where the search stops: the
// repository root (.git) if dir is in a repository, else the workspace
// root (go.work) above the module, else the module root (go.mod), else dir
// alone.
func Folders(dir string) []string {
	if c, ok := chainCache.Load(dir); ok && time.Since(c.(chainEntry).checked) < fresh {
		return c.(chainEntry).folders
	}
	f := folders(dir)
	chainCache.Store(dir, chainEntry{folders: f, checked: time.Now()})
	return f
}

var chainCache sync.Map // folder → chainEntry

type chainEntry struct {
	folders []string
	checked time.Time
}

func folders(dir string) []string {
	var chain []string
	modRoot, workRoot, gitRoot := -1, -1, -1
	for d := filepath.Clean(dir); ; {
		chain = append(chain, d)
		if modRoot < 0 && exists(filepath.Join(d, "go.mod")) {
			modRoot = len(chain) - 1
		}
		// The workspace is the nearest go.work at or above the module.
		if (workRoot < 0 || workRoot < modRoot) && exists(filepath.Join(d, "go.work")) {
			workRoot = len(chain) - 1
		}
		if exists(filepath.Join(d, ".git")) {
			gitRoot = len(chain) - 1
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	switch {
	case gitRoot >= 0:
		return chain[:gitRoot+1]
	case workRoot >= 0 && workRoot >= modRoot:
		// A workspace's modules share the notice at its root.
		return chain[:workRoot+1]
	case modRoot >= 0:
		return chain[:modRoot+1]
	}
	return chain[:1]
}

// ModuleRoot is the nearest folder at or above dir holding a go.mod, or "".
func ModuleRoot(dir string) string {
	for d := filepath.Clean(dir); ; {
		if exists(filepath.Join(d, "go.mod")) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
