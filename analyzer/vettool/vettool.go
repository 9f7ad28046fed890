// Package vettool makes the noticevet binary a go vet tool:
//
//	go vet -vettool=$(command -v noticevet) ./...
//
// go vet runs the tool with -V=full (to key its cache), with -flags (to
// learn the analyzer's flags) and then once per package with flags and a
// *.cfg file describing the package; IsVet recognises these command lines
// and Main serves them.
//
// go vet caches each package's result by the package, its dependencies,
// the flags and the tool's -V=full answer, not by the privacy notice, which
// is no input of a Go build. So that editing the notice or the
// configuration is not hidden by the cache, the -V=full answer is a digest
// of the executable and of the notices and configuration files found from
// the folder go vet runs in (upwards, as the analyzer finds them, and
// below it).
package vettool

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/noticevet/noticevet/analyzer"
	"github.com/noticevet/noticevet/analyzer/internal/discover"
	"github.com/noticevet/noticevet/internal/repo"
)

// IsVet reports whether a command line (without the program name) is go
// vet's protocol: -V=full, -flags, or flags followed by one *.cfg file.
func IsVet(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if len(args) == 1 && (args[0] == "-V=full" || args[0] == "-V" || args[0] == "-flags") {
		return true
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") || strings.HasPrefix(last, "-") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// Main serves go vet's protocol and exits.
func Main() {
	if os.Getenv("GOGC") == "" {
		// go vet runs the tool once per package, the standard library's
		// included: each process lives for tens of milliseconds and holds
		// a few megabytes, so collecting its garbage is mostly wasted work.
		// The memory limit the command sets still bounds the heap.
		debug.SetGCPercent(800)
	}
	if len(os.Args) == 2 && (os.Args[1] == "-V=full" || os.Args[1] == "-V") {
		id, err := versionID()
		if err != nil {
			fmt.Fprintf(os.Stderr, "noticevet: %v\n", err)
			os.Exit(2)
		}
		fmt.Printf("%s version devel noticevet buildID=%s\n", progName(), id)
		os.Exit(0)
	}
	unitchecker.Main(analyzer.Analyzer)
}

func progName() string {
	if p, err := os.Executable(); err == nil {
		return p
	}
	return os.Args[0]
}

// versionID digests the executable and the notices and configuration
// files that may apply to the packages go vet checks from the current
// folder.
func versionID() (string, error) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if err := hashFile(h, exe); err != nil {
		return "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for _, p := range inputs(wd) {
		fmt.Fprintf(h, "\x00%s\x00", p)
		if err := hashFile(h, p); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// inputs lists the notice and configuration files above and below dir,
// sorted.
func inputs(dir string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, d := range discover.Folders(dir) {
		for _, p := range discover.Notices(d) {
			add(p)
		}
		if _, err := os.Stat(filepath.Join(d, discover.ConfigName)); err == nil {
			add(filepath.Join(d, discover.ConfigName))
		}
	}
	_ = repo.Walk(dir, func(p string, d fs.DirEntry) error {
		name := d.Name()
		if name == discover.ConfigName || isNoticeName(dir, p) {
			add(p)
		}
		return nil
	})
	return out
}

// isNoticeName reports whether a file's name matches a notice pattern in
// its folder ("PRIVACY.md", "privacy-ja.md", "docs/privacy.md").
func isNoticeName(root, p string) bool {
	name := filepath.Base(p)
	for _, pat := range discover.NoticePatterns {
		base := pat
		if i := strings.LastIndex(pat, "/"); i >= 0 {
			if filepath.Base(filepath.Dir(p)) != pat[:i] {
				continue
			}
			base = pat[i+1:]
		}
		if ok, _ := filepath.Match(base, name); ok {
			return true
		}
	}
	return false
}

func hashFile(w io.Writer, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
