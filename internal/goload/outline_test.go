package goload

import (
	"errors"
	"go/ast"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/internal/testfs"
)

func TestLeftAlone(t *testing.T) {
	o := &outliner{goroot: filepath.FromSlash("/go/src/"), modcache: filepath.FromSlash("/mod/"), vendor: filepath.FromSlash("/w/app/vendor/")}
	for name, want := range map[string]bool{
		"/go/src/net/http/client.go": true,
		"/mod/github.com/aws/aws-sdk-go-v2/service/s3@v1.2.3/api_op_PutObject.go":     true,
		"/mod/github.com/!azure/azure-sdk-for-go/sdk/storage/azblob@v1.0.0/client.go": true,
		"/mod/github.com/acme/clients@v1.0.0/http.go":                                 false, // may send data: analysed
		"/mod/cache/download/github.com/aws/x.go":                                     false,
		"/w/app/vendor/cloud.google.com/go/storage/writer.go":                         true,
		"/w/app/vendor/github.com/acme/clients/http.go":                               false,
		"/w/app/internal/store/store.go":                                              false,
		"/go/srcx/net.go":                                                             false,
	} {
		if got := o.leftAlone(filepath.FromSlash(name)); got != want {
			t.Errorf("leftAlone(%s) = %v, want %v", name, got, want)
		}
	}
}

// TestOutlineSame: outlining the standard library changes no evidence,
// and is done (the files of net/http lose their bodies).
func TestOutlineSame(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library without outlines")
	}
	defer func(v bool) { outline = v }(outline)
	outline = false
	want, err := collectEv("testdata/repo", nil)
	if err != nil {
		t.Fatal(err)
	}
	outline = true
	got, err := collectEv("testdata/repo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with outlines:\n%v\nwithout:\n%v", got, want)
	}
	abs, _ := filepath.Abs("testdata/repo/app")
	pkgs, err := Load(abs, abs)
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]bool{} // function name → has a body, in net/http
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath != "net/http" {
			return
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
					bodies[fd.Name.Name] = fd.Body != nil
				}
			}
		}
	})
	if has, ok := bodies["Get"]; !ok || has {
		t.Errorf("net/http.Get: declared %v, with a body %v; want an outline", ok, has)
	}
	if !bodies["init"] {
		t.Error("net/http's init functions lost their bodies")
	}
}

// TestUnusedImportStillAnError: only the errors outlining causes in the
// packages left alone are forgiven, not the user's.
func TestUnusedImportStillAnError(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod":  "module example.com/m\n\ngo 1.22\n",
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() {}\n",
	})
	_, err := collectEv(dir, nil)
	var e *Error
	if !errors.As(err, &e) || e.Error() != `main.go:3:8: "fmt" imported and not used (Go module example.com/m not analysed)` {
		t.Errorf("Collect: %v, want main.go:3:8: \"fmt\" imported and not used", err)
	}
}

// TestOutlineModuleCache: a dependency from the module cache that Analyzer
// leaves alone (golang.org/x/text, which this module requires too, so it
// is in the cache) is outlined, with the same evidence.
func TestOutlineModuleCache(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library without outlines")
	}
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	var req, sum []string
	for _, name := range []string{"../../go.mod", "../../go.sum"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "golang.org/x/text" {
				if name == "../../go.mod" {
					req = append(req, f[0]+" "+f[1])
				} else {
					sum = append(sum, line)
				}
			}
		}
	}
	if len(req) != 1 || len(sum) != 2 {
		t.Fatalf("golang.org/x/text in go.mod %q and go.sum %q", req, sum)
	}
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n\nrequire " + req[0] + "\n",
		"go.sum": strings.Join(sum, "\n") + "\n",
		"main.go": `package main

import (
	"net/http"
	"strings"

	"golang.org/x/text/language"
)

type User struct{ Email string }

func main() {
	u := User{Email: "a@example.jp"}
	tag := language.Make("ja")
	http.Post("https://api.example.kr/v1/users?lang="+tag.String(), "text/plain", strings.NewReader(u.Email))
}
`,
	})
	defer func(v bool) { outline = v }(outline)
	outline = false
	want, err := collectEv(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	outline = true
	got, err := collectEv(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 1 || want[0].Country != "KR" || !reflect.DeepEqual(got, want) {
		t.Errorf("with outlines:\n%v\nwithout:\n%v\nwant one send to KR", got, want)
	}
	pkgs, err := Load(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	outlined := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath != "golang.org/x/text/language" {
			return
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "Make" && fd.Recv == nil {
					outlined = fd.Body == nil
				}
			}
		}
	})
	if !outlined {
		t.Error("golang.org/x/text/language.Make kept its body")
	}
}
