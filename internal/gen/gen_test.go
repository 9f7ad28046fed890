package gen

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/terraform"
)

func digest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		h.Write([]byte(p[len(dir):] + "\x00"))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func TestWrite(t *testing.T) {
	for _, n := range []int{1, 21, 22, 25, 500} {
		a, b := t.TempDir(), t.TempDir()
		sa, err := Write(a, Options{Files: n, Seed: 3, Languages: 2})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Write(b, Options{Files: n, Seed: 3, Languages: 2}); err != nil {
			t.Fatal(err)
		}
		if digest(t, a) != digest(t, b) {
			t.Errorf("%d files: the same seed wrote different repositories", n)
		}
		want := max(n, 3*len(modules))
		if sa.TF != want {
			t.Errorf("%d files: wrote %d", n, sa.TF)
		}
		ev, err := terraform.Read(a, terraform.Options{})
		if err != nil {
			t.Fatalf("%d files: %v", n, err)
		}
		if n >= 500 {
			countries := map[string]bool{}
			for _, e := range ev {
				countries[e.Country] = true
			}
			if !countries["JP"] || len(countries) < 3 {
				t.Errorf("%d files: evidence in %v", n, countries)
			}
		}
	}
	c := t.TempDir()
	if _, err := Write(c, Options{Files: 500, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(c, "PRIVACY.ja.md")); err == nil {
		t.Errorf("one language wrote PRIVACY.ja.md")
	}
	a := t.TempDir()
	Write(a, Options{Files: 500, Seed: 3})
	if digest(t, a) == digest(t, c) {
		t.Errorf("seeds 3 and 4 wrote the same repository")
	}
	if b, _ := os.ReadFile(filepath.Join(c, "PRIVACY.md")); !strings.Contains(string(b), "only on servers in Japan") {
		t.Errorf("notice: %s", b)
	}
}

// TestGoModule: the generated module builds offline, layer upon layer,
// and Write puts it under app/.
func TestGoModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 40 packages")
	}
	dir := t.TempDir()
	st, err := Write(dir, Options{Files: 1, Seed: 1, Languages: 1, GoPackages: 40})
	if err != nil {
		t.Fatal(err)
	}
	if st.GoPackages != 40 {
		t.Errorf("%d Go packages, want 40", st.GoPackages)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = filepath.Join(dir, "app")
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet ./... in the generated module: %v\n%s", err, out)
	}
	src, err := os.ReadFile(filepath.Join(dir, "app/p039/p.go"))
	if err != nil {
		t.Fatal(err)
	}
	// Package 39 is in the second layer: it imports two of the first.
	for _, imp := range []string{`"example.com/app/p007"`, `"example.com/app/p014"`} {
		if !strings.Contains(string(src), imp) {
			t.Errorf("p039 does not import %s", imp)
		}
	}
}

// TestWriteMonorepo: the monorepo shape is three files a stack plus the
// shared modules, the same bytes for the same seed, and reads into
// evidence through every stack's two module calls and both providers.
func TestWriteMonorepo(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	st, err := WriteMonorepo(a, 40, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteMonorepo(b, 40, 1); err != nil {
		t.Fatal(err)
	}
	if digest(t, a) != digest(t, b) {
		t.Errorf("the same seed wrote different repositories")
	}
	if st.TF != 2*40+2*MonoModules || st.TFVars != 40 || st.Services != 40 || st.Modules != MonoModules {
		t.Errorf("stats %+v", st)
	}
	ev, err := terraform.Read(a, terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	viaReplica, countries := false, map[string]bool{}
	for _, e := range ev {
		countries[e.Country] = true
		for _, in := range e.Instances {
			viaReplica = viaReplica || strings.HasPrefix(in, "module.replica")
		}
	}
	if !countries["JP"] || !viaReplica {
		t.Errorf("evidence in %v, through module.replica: %v", countries, viaReplica)
	}
}
