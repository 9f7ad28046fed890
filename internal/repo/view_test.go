package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func isTF(name string) bool { return strings.HasSuffix(name, ".tf") }

// TestViewWalk: the walk skips the folders Skip names, follows a link to a
// file inside the repository, and refuses a link out of it, a dangling
// link and a pipe, each by its path relative to the checked folder.
func TestViewWalk(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, map[string]string{"a.tf": "", "x/b.tf": "", "vendor/c.tf": "", "x/readme.md": "", "shared/s.tf": ""})
	write(t, outside, map[string]string{"secret.tf": ""})
	if err := os.Symlink(filepath.Join(root, "shared", "s.tf"), filepath.Join(root, "x", "link.tf")); err != nil {
		t.Skip(err)
	}
	v, err := NewView(root, root)
	if err != nil {
		t.Fatal(err)
	}
	files, err := v.Walk(isTF)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Rel)
	}
	if want := []string{"a.tf", "shared/s.tf", "x/b.tf", "x/link.tf"}; !reflect.DeepEqual(got, want) {
		t.Errorf("walk %v, want %v", got, want)
	}

	for _, tc := range []struct {
		name string
		make func(p string) error
		want string
	}{
		{"link outside", func(p string) error { return os.Symlink(filepath.Join(outside, "secret.tf"), p) }, "y.tf: a symbolic link that leads outside the repository"},
		{"link to a folder", func(p string) error { return os.Symlink(filepath.Join(root, "x"), p) }, "y.tf: a symbolic link to something other than a regular file"},
		{"pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "y.tf: not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(root, "y.tf")
			os.Remove(p)
			defer os.Remove(p)
			if err := tc.make(p); err != nil {
				t.Skip(err)
			}
			v, _ := NewView(root, root)
			_, err := v.Walk(isTF)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
			// A file the reader does not read is never looked at.
			if _, err := v.Walk(func(n string) bool { return n == "a.tf" }); err != nil {
				t.Errorf("walk of other files: %v", err)
			}
			_, err = v.List(root, isTF)
			if err == nil || err.Error() != tc.want {
				t.Errorf("list: error %v, want %s", err, tc.want)
			}
		})
	}
}

// A link that leads nowhere (into a submodule a clone did not fetch) holds
// nothing to read: it is left out of Walk and List and said by Dangling,
// and a link no reader matches is not said.
func TestViewDangling(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.tf": ""})
	for name, target := range map[string]string{"y.tf": "upstream/y.tf", "z.md": "gone.md"} {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skip(err)
		}
	}
	v, err := NewView(root, root)
	if err != nil {
		t.Fatal(err)
	}
	files, err := v.Walk(isTF)
	if err != nil || len(files) != 1 || files[0].Rel != "a.tf" {
		t.Fatalf("walk: %v, %v; want a.tf only", files, err)
	}
	want := []string{`y.tf: a symbolic link to "upstream/y.tf", which does not exist; not read`}
	if got := v.Dangling(); !reflect.DeepEqual(got, want) {
		t.Errorf("Dangling after Walk = %q, want %q", got, want)
	}
	v, _ = NewView(root, root)
	if files, err := v.List(root, isTF); err != nil || len(files) != 1 {
		t.Fatalf("list: %v, %v; want a.tf only", files, err)
	}
	if got := v.Dangling(); !reflect.DeepEqual(got, want) {
		t.Errorf("Dangling after List = %q, want %q", got, want)
	}
}

// TestViewFolder: a folder is accepted inside the repository only,
// through links too.
func TestViewFolder(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, map[string]string{"m/main.tf": "", "f.tf": ""})
	if err := os.Symlink(outside, filepath.Join(root, "out")); err != nil {
		t.Skip(err)
	}
	v, _ := NewView(root, root)
	for _, tc := range []struct {
		path string
		want error
	}{
		{"m", nil},
		{"f.tf", ErrNotFolder},
		{"out", ErrLinkOutside},
		{"gone", fs.ErrNotExist},
		{"..", ErrOutside},
	} {
		err := v.Folder(filepath.Clean(filepath.Join(root, tc.path)))
		if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.path, err, tc.want)
		}
	}
}

// TestReadText: size, NUL bytes and invalid UTF-8 are refused with the
// line they are on; a byte order mark is blanked out in place.
func TestReadText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"bom.tf":  "\xef\xbb\xbfa = 1\n",
		"nul.tf":  "a = 1\nb\x00\n",
		"utf8.tf": "a = 1\n\nc = \"\xff\"\n",
		"big.tf":  strings.Repeat("x", 101),
	})
	v, _ := NewView(dir, dir)
	read := func(name string) ([]byte, error) {
		return v.ReadText(File{Abs: filepath.Join(dir, name), Rel: name}, 100)
	}
	if src, err := read("bom.tf"); err != nil || string(src) != "   a = 1\n" {
		t.Errorf("bom: %q, %v", src, err)
	}
	for name, want := range map[string]string{
		"nul.tf":  "nul.tf:2: not a text file (it contains a NUL byte)",
		"utf8.tf": "utf8.tf:3: not valid UTF-8",
		"big.tf":  "big.tf: file is larger than 100 bytes",
		"gone.tf": "gone.tf: no such file or directory",
	} {
		if _, err := read(name); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", name, err, want)
		}
	}
}

// TestNesting: brackets and unary operators count, in JSON escaped
// brackets inside strings too; a file just within the limit passes.
func TestNesting(t *testing.T) {
	for _, tc := range []struct {
		src  string
		json bool
		want int
	}{
		{strings.Repeat("[", 10), false, -1},
		{strings.Repeat("[", 11), false, 10},
		{"x = " + strings.Repeat("!", 11), false, 14},
		{"x = " + strings.Repeat("-(", 5) + "1", false, -1},
		{"x = " + strings.Repeat("-(", 6) + "1", false, 14},
		{`{"a": "` + strings.Repeat(`\u005b`, 10) + `"}`, true, 66},
		{`{"a": "` + strings.Repeat(`\u005b`, 9) + `"}`, true, -1},
		{strings.Repeat("[]", 100), false, -1},
	} {
		if got := Nesting([]byte(tc.src), tc.json, 10); got != tc.want {
			t.Errorf("Nesting(%q) = %d, want %d", tc.src, got, tc.want)
		}
	}
}

// TestViewInside: a found file may be a link inside the repository, not
// one out of it nor one to nothing.
func TestViewInside(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, map[string]string{"PRIVACY.md": "", "docs/real.md": ""})
	write(t, outside, map[string]string{"secret": ""})
	for name, target := range map[string]string{"in.md": filepath.Join(root, "docs/real.md"), "out.md": filepath.Join(outside, "secret"), "gone.md": filepath.Join(root, "nothing")} {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skip(err)
		}
	}
	v, _ := NewView(root, root)
	for name, want := range map[string]string{
		"PRIVACY.md": "",
		"in.md":      "",
		"out.md":     "out.md: a symbolic link that leads outside the repository",
		"gone.md":    "gone.md: no such file or directory",
	} {
		err := v.Inside(filepath.Join(root, name))
		if got := fmt.Sprint(err); err == nil && want != "" || err != nil && got != want {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}
