package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noticevet/noticevet/analyzer"
	"github.com/noticevet/noticevet/bench/trivial"
)

// benchPackages is how many packages the generated module has.
const benchPackages = 320

// genModule writes a module of benchPackages packages into dir: services
// that build personal data into requests, SQL and strings, in ten layers,
// each package importing two of the layer below, so facts flow up.
func genModule(dir string) error {
	files := map[string]string{
		"go.mod":     "module example.com/bench\n\ngo 1.22\n",
		"PRIVACY.md": "# Notice\n\n<!-- noticevet: stored-only-in=JP -->\nAll personal data is stored only in Japan.\n\nWe do not transfer personal data outside Japan.\n",
	}
	for i := 0; i < benchPackages; i++ {
		var b strings.Builder
		// Layers of 32 packages; each package imports two of the layer
		// below, as services import their libraries.
		var deps []int
		if layer := i / 32; layer > 0 {
			below := (layer - 1) * 32
			deps = []int{below + i%32, below + (i+7)%32}
		}
		prev := ""
		calls := ""
		for _, d := range deps {
			prev += fmt.Sprintf("\t\"example.com/bench/p%03d\"\n", d)
			calls += fmt.Sprintf("\tif err := p%03d.Run%d(ctx); err != nil {\n\t\treturn err\n\t}\n", d, d)
		}
		fmt.Fprintf(&b, `package p%03[2]d

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
%[1]s)

const host%[2]d = "https://api%[2]d.example.%[3]s"

type User%[2]d struct {
	ID      int64
	Email   string
	Name    string
	Created int64
}

type Product%[2]d struct {
	SKU   string
	Price int
	Tags  []string
}

type Client%[2]d struct {
	base string
	db   *sql.DB
}

func New%[2]d(base string) *Client%[2]d {
	db, _ := sql.Open("postgres", "host=db%[2]d.example.kr user=app")
	return &Client%[2]d{base: base, db: db}
}

func (c *Client%[2]d) Save(ctx context.Context, u User%[2]d) error {
	_, err := c.db.ExecContext(ctx, "INSERT INTO users(id, email, name) VALUES($1, $2, $3)", u.ID, u.Email, u.Name)
	return err
}

func (c *Client%[2]d) Post(u User%[2]d) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(u); err != nil {
		return err
	}
	_, err := http.Post(c.base+"/v1/users", "application/json", &buf)
	return err
}

func Summary%[2]d(users []User%[2]d) string {
	var sb strings.Builder
	for i, u := range users {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%%s <%%s>", u.Name, u.Email)
	}
	return sb.String()
}

func Prices%[2]d(ps []Product%[2]d) (int, map[string]int) {
	total := 0
	byTag := map[string]int{}
	for _, p := range ps {
		total += p.Price
		for _, t := range p.Tags {
			byTag[strings.ToLower(t)] += p.Price
		}
	}
	return total, byTag
}

func Rates%[2]d() (*http.Response, error) {
	return http.Get(host%[2]d + "/v1/rates")
}

func Export%[2]d(u User%[2]d) error {
	url := fmt.Sprintf("%%s/v1/export?id=%%d", os.Getenv("EXPORT_URL"), u.ID)
	_, err := http.Post(url, "text/plain", strings.NewReader(Summary%[2]d([]User%[2]d{u})))
	return err
}

func Run%[2]d(ctx context.Context) error {
	c := New%[2]d(host%[2]d)
	u := User%[2]d{ID: %[2]d, Email: "u%[2]d@example.jp", Name: "n"}
	if err := c.Save(ctx, u); err != nil {
		return err
	}
	if err := c.Post(u); err != nil {
		return err
	}
	total, _ := Prices%[2]d([]Product%[2]d{{SKU: "a", Price: 1, Tags: []string{"x"}}})
	_ = total
%[4]s	return Export%[2]d(u)
}
`, prev, i, []string{"cn", "kr", "jp", "us"}[i%4], calls)
		files[fmt.Sprintf("p%03d/p.go", i)] = b.String()
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func loadBench(b *testing.B) []*packages.Package {
	b.Helper()
	dir := b.TempDir()
	if err := genModule(dir); err != nil {
		b.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		b.Fatalf("%d errors loading the generated module", n)
	}
	if len(pkgs) < 300 {
		b.Fatalf("generated %d packages, want at least 300", len(pkgs))
	}
	return pkgs
}

func analyze(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) time.Duration {
	start := time.Now()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		b.Fatal(err)
	}
	d := time.Since(start)
	for _, act := range graph.Roots {
		if act.Err != nil {
			b.Fatalf("%s: %v", act, act.Err)
		}
	}
	return d
}

// BenchmarkAnalyzer runs noticevet and a trivial analyzer over a generated
// module of 320 packages and reports how much slower noticevet is
// (the "ratio" metric; the aim is at most 1.3).
func BenchmarkAnalyzer(b *testing.B) {
	pkgs := loadBench(b)
	var mine, base time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		base += analyze(b, trivial.Analyzer, pkgs)
		mine += analyze(b, analyzer.Analyzer, pkgs)
	}
	b.ReportMetric(float64(mine.Milliseconds())/float64(b.N), "noticevet-ms/op")
	b.ReportMetric(float64(base.Milliseconds())/float64(b.N), "trivial-ms/op")
	b.ReportMetric(float64(mine)/float64(base), "ratio")
}
