// Package trust reads the files that decide what a check reports — the
// configuration, the baseline and the list of notices — from a git
// revision the user trusts (a pull request's base), so that the changes
// under check cannot silence their own findings.
//
// The repository being read may be hostile, and a repository's own
// .git/config can make git run programs: core.fsmonitor when the index is
// read, filters and textconv drivers when content is converted, a pager,
// hooks, gpg for signatures. So the package runs only plumbing commands
// that convert nothing (rev-parse, ls-tree, cat-file blob), never reads the
// index or the working tree through git, and turns off what could still
// run a program (core.fsmonitor, core.hooksPath, the pager, replace
// objects). It does not fetch: the revision must be in the repository.
package trust

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"strconv"
	"strings"
)

// Rev is one revision of a git repository, read without running anything
// the repository configures.
type Rev struct {
	// Name is the revision as the user gave it, for messages.
	Name   string
	root   string
	commit string
}

// Open finds rev (a commit, a branch, a tag) in the git repository at root.
func Open(root, rev string) (*Rev, error) {
	if rev == "" || strings.ContainsAny(rev, "\x00\n") {
		return nil, fmt.Errorf("-config-from: %q is not a revision", rev)
	}
	out, err := git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("-config-from: %s: not a commit of the git repository at %s (a pull request's base must be fetched first)", rev, root)
	}
	return &Rev{Name: rev, root: root, commit: strings.TrimSpace(string(out))}, nil
}

// ErrNotExist is returned by Read for a path the revision does not hold.
var ErrNotExist = errors.New("not in the revision")

// Read returns the content of the file at p (relative to the repository
// root, with '/') in the revision, of at most max bytes. A path the
// revision does not hold is ErrNotExist; a symbolic link, a folder or a
// submodule there is an error, as a link out of the repository is for a
// file read from the working tree.
func (r *Rev) Read(p string, max int64) ([]byte, error) {
	// -l gives the blob's size with its entry: one process fewer than
	// asking cat-file for it.
	out, err := git(r.root, "ls-tree", "-z", "-l", "--full-tree", r.commit, "--", p)
	if err != nil {
		return nil, fmt.Errorf("%s:%s: %v", r.Name, p, err)
	}
	entry, _, _ := bytes.Cut(out, []byte{0})
	if len(entry) == 0 {
		return nil, ErrNotExist
	}
	// "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
	meta, name, _ := bytes.Cut(entry, []byte{'\t'})
	fields := strings.Fields(string(meta))
	if len(fields) != 4 || string(name) != p {
		return nil, ErrNotExist
	}
	mode, typ, obj, size := fields[0], fields[1], fields[2], fields[3]
	switch {
	case mode == "120000":
		return nil, fmt.Errorf("%s:%s: a symbolic link, not a file", r.Name, p)
	case typ != "blob":
		return nil, fmt.Errorf("%s:%s: a %s, not a file", r.Name, p, typ)
	}
	if n, err := strconv.ParseInt(size, 10, 64); err != nil || n > max {
		return nil, fmt.Errorf("%s:%s: larger than %d MiB", r.Name, p, max>>20)
	}
	data, err := git(r.root, "cat-file", "blob", obj)
	if err != nil {
		return nil, fmt.Errorf("%s:%s: %v", r.Name, p, err)
	}
	return data, nil
}

// Match lists the files of the revision in folder dir (relative to the
// repository root, "." for the root) whose names relative to dir match one
// of patterns (path.Match patterns with '/', at most one folder deep), in
// the order of the patterns, each name once.
func (r *Rev) Match(dir string, patterns []string) ([]string, error) {
	folders := map[string]bool{}
	for _, pat := range patterns {
		folders[path.Dir(pat)] = true
	}
	var args []string
	for f := range folders {
		args = append(args, path.Join(dir, f)+"/")
	}
	out, err := git(r.root, append([]string{"ls-tree", "-z", "--full-tree", r.commit, "--"}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", r.Name, err)
	}
	var names []string
	for _, entry := range bytes.Split(out, []byte{0}) {
		meta, name, ok := bytes.Cut(entry, []byte{'\t'})
		if !ok || !bytes.Contains(meta, []byte(" blob ")) {
			continue
		}
		names = append(names, string(name))
	}
	var found []string
	seen := map[string]bool{}
	for _, pat := range patterns {
		var m []string
		for _, n := range names {
			rel := n
			if dir != "." {
				rel = strings.TrimPrefix(n, dir+"/")
			}
			if ok, _ := path.Match(pat, rel); ok && !seen[rel] {
				seen[rel] = true
				m = append(m, rel)
			}
		}
		// ls-tree lists in byte order, as filepath.Glob sorts.
		found = append(found, m...)
	}
	return found, nil
}

// git runs a git plumbing command in the repository at root and returns its
// output. Settings the repository's own configuration could use to run a
// program are overridden on the command line, which takes precedence over
// every configuration file.
func git(root string, args ...string) ([]byte, error) {
	full := append([]string{
		"--no-pager", "--no-replace-objects", "--literal-pathspecs",
		"-c", "core.fsmonitor=false",
		"-c", "core.hooksPath=" + os.DevNull,
		"-c", "core.pager=cat",
		"-c", "log.showSignature=false",
		"-c", "core.untrackedCache=false",
		"-C", root,
	}, args...)
	cmd := exec.Command("git", full...)
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.Join(strings.Fields(stderr.String()), " ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return out, nil
}

// gitEnv is the environment without the variables that would point git at
// another repository, index or object store, or ask it to prompt.
func gitEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
			"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR",
			"GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "GIT_NO_REPLACE_OBJECTS=1")
}
