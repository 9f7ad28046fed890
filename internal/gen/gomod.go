package gen

import (
	"fmt"
	"strings"
)

// WriteGoModule writes a Go module of n packages into dir, with the module
// path module: services that build personal data into requests, SQL and
// strings, in layers of 32 packages, each importing two of the layer
// below as services import their libraries, so facts flow up. Hosts and
// databases are in China, South Korea, Japan and the United States in
// turn. It needs nothing beyond the standard library.
func WriteGoModule(dir, module string, n int) (Stats, error) {
	w := &writer{dir: dir}
	w.goModule("", module, n)
	return w.st, w.err
}

// goModule writes the module of WriteGoModule under base ("" or a folder
// ending in "/").
func (w *writer) goModule(base, module string, n int) {
	w.file(base+"go.mod", "module "+module+"\n\ngo 1.22\n")
	for i := 0; i < n; i++ {
		var deps []int
		if layer := i / 32; layer > 0 {
			below := (layer - 1) * 32
			deps = []int{below + i%32, below + (i+7)%32}
		}
		imports, calls := "", ""
		for _, d := range deps {
			imports += fmt.Sprintf("\t\"%s/p%03d\"\n", module, d)
			calls += fmt.Sprintf("\tif err := p%03d.Run%d(ctx); err != nil {\n\t\treturn err\n\t}\n", d, d)
		}
		var b strings.Builder
		fmt.Fprintf(&b, goPackage, imports, i, []string{"cn", "kr", "jp", "us"}[i%4], calls)
		w.file(fmt.Sprintf("%sp%03d/p.go", base, i), b.String())
		w.st.GoPackages++
	}
}

// goPackage is one generated package: %[1]s its imports, %[2]d its number,
// %[3]s the country domain of its hosts, %[4]s calls into its imports.
const goPackage = `package p%03[2]d

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
`
