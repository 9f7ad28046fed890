package resultcache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func key(parts ...string) Key {
	h := NewHasher("test")
	h.Strings(parts)
	return h.Sum()
}

func TestKeysOfJoinedValuesDiffer(t *testing.T) {
	if key("ab", "c") == key("a", "bc") || key("a", "") == key("a") {
		t.Error("lists that join to the same bytes have one key")
	}
	if key("a", "b") != key("a", "b") {
		t.Error("a key is not a function of its values")
	}
}

func TestGetPut(t *testing.T) {
	c := At(t.TempDir())
	k := key("x")
	if _, ok := c.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	c.Put(k, []byte("result"))
	if b, ok := c.Get(k); !ok || string(b) != "result" {
		t.Fatalf("Get = %q, %v", b, ok)
	}
	if _, ok := c.Get(key("y")); ok {
		t.Error("hit for another key")
	}
	// No temporary file is left beside the entry.
	files, _ := filepath.Glob(filepath.Join(c.Dir(), "*", ".tmp-*"))
	if len(files) != 0 {
		t.Errorf("left behind: %v", files)
	}
}

func TestOff(t *testing.T) {
	t.Setenv(EnvVar, "off")
	c := Open()
	if c != nil || c.Dir() != "" {
		t.Fatalf("Open with %s=off = %v", EnvVar, c)
	}
	c.Put(key("x"), []byte("r")) // a nil cache keeps nothing, and does not panic
	if _, ok := c.Get(key("x")); ok || c.Executable() != "" {
		t.Error("a cache that is off finds something")
	}
	dir := t.TempDir()
	t.Setenv(EnvVar, dir)
	if got := Open().Dir(); got != dir {
		t.Errorf("Open().Dir() = %q, want %q", got, dir)
	}
}

// TestDamaged: an entry shorter or longer than its file says, or not a
// regular file, is a miss.
func TestDamaged(t *testing.T) {
	c := At(t.TempDir())
	k := key("x")
	if err := os.MkdirAll(filepath.Dir(c.path(k)), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(c.path(k), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(k); ok {
		t.Error("a folder is an entry")
	}
	c.Put(k, []byte("r")) // cannot replace the folder: no error, no entry
	if _, ok := c.Get(k); ok {
		t.Error("hit after a failed write")
	}
}

func TestTrim(t *testing.T) {
	c := At(t.TempDir())
	old, fresh := key("old"), key("fresh")
	c.Put(old, []byte("o"))
	long := time.Now().Add(-unused - time.Hour)
	if err := os.Chtimes(c.path(old), long, long); err != nil {
		t.Fatal(err)
	}
	// Marked as trimmed long ago: the next process's first write trims.
	if err := os.Chtimes(filepath.Join(c.Dir(), "trimmed"), long, long); err != nil {
		t.Fatal(err)
	}
	c2 := At(c.Dir())
	c2.Put(fresh, []byte("f"))
	if _, ok := c2.Get(old); ok {
		t.Error("an entry unused for longer than the limit is kept")
	}
	if _, ok := c2.Get(fresh); !ok {
		t.Error("a fresh entry is trimmed")
	}
}

func TestExecutable(t *testing.T) {
	c := At(t.TempDir())
	id := c.Executable()
	if len(id) != 64 {
		t.Fatalf("Executable() = %q", id)
	}
	if again := At(c.Dir()).Executable(); again != id {
		t.Errorf("second Executable() = %q, want %q", again, id)
	}
}
