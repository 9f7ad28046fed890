package goevidence

import (
	"fmt"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

// describeKeys lists sites one a line with the configuration keys they
// are read from: "what unresolved=... keys=env:A,config:b.c".
func describeKeys(fset *token.FileSet, sites []Site) string {
	var b strings.Builder
	for _, x := range sites {
		var keys []string
		for _, k := range x.Keys {
			keys = append(keys, k.Kind+":"+k.Name)
		}
		fmt.Fprintf(&b, "%d %s host=%s keys=%s\n", fset.Position(x.Pos).Line, x.What, x.Host, strings.Join(keys, ","))
	}
	return b.String()
}

// keysFixture is a package whose sites read their destinations from
// environment variables, viper and koanf, each on its own line so that
// the test can name them.
var keysFixture = map[string][]string{
	"github.com/spf13/viper": {`package viper
type Viper struct{ m map[string]string }
func New() *Viper { return &Viper{} }
func GetString(key string) string { return "" }
func (v *Viper) GetString(key string) string { return v.m[key] }
`},
	"github.com/knadh/koanf/v2": {`package koanf
type Koanf struct{ m map[string]string }
func New(delim string) *Koanf { return &Koanf{} }
func (k *Koanf) String(key string) string { return k.m[key] }
`},
	"example.com/conf": {`package conf

import "os"

// DSN is read where the process starts.
func DSN() string { return os.Getenv("REPORTS_DSN") }
`},
	"example.com/p": {`// file: p.go
package p

import (
	"database/sql"
	"flag"
	"log"
	"net/http"
	"os"
	"strings"

	"example.com/conf"
	"github.com/knadh/koanf/v2"
	"github.com/spf13/viper"
)

var urlFlag = flag.String("url", "", "where to send")

func Send(email string, alt bool, name string) {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec("INSERT INTO t VALUES ($1)", email)
	http.Post("https://"+os.Getenv("API_HOST")+"/v1", "text/plain", strings.NewReader(email))
	http.Post(os.Getenv("API_URL")+"/v1/users", "text/plain", strings.NewReader(email))
	http.Post(viper.GetString("s3.b2-eu-cen.endpoint"), "text/plain", strings.NewReader(email))
	http.Post(viper.New().GetString("Partner.URL"), "text/plain", strings.NewReader(email))
	http.Post(koanf.New(".").String("crm.url"), "text/plain", strings.NewReader(email))
	pg, _ := sql.Open("postgres", "host="+os.Getenv("PGHOST")+" user=app")
	pg.Exec("INSERT INTO t VALUES ($1)", email)
	rep, _ := sql.Open("postgres", conf.DSN())
	rep.Exec("INSERT INTO t VALUES ($1)", email)
	u, _ := os.LookupEnv("HOOK_URL")
	if alt {
		u = os.Getenv("ALT_HOOK_URL")
	}
	http.Post(u, "text/plain", strings.NewReader(email))
	// Look-alikes: the key is a path suffix, part of the host, the
	// scheme, or beside another unknown; a flag; a name not constant; one
	// value of two not read from a key; a key read but not a destination.
	http.Post("https://api.example.cn/"+os.Getenv("PATH_PART"), "text/plain", strings.NewReader(email))
	http.Post("https://api."+os.Getenv("DOMAIN"), "text/plain", strings.NewReader(email))
	http.Post(os.Getenv("SCHEME")+"://api.example.cn", "text/plain", strings.NewReader(email))
	http.Post(os.Getenv("BASE")+os.Getenv("SUFFIX"), "text/plain", strings.NewReader(email))
	http.Post(*urlFlag, "text/plain", strings.NewReader(email))
	http.Post(os.Getenv(name), "text/plain", strings.NewReader(email))
	v := os.Getenv("MIXED_URL")
	if alt {
		v = *urlFlag
	}
	http.Post(v, "text/plain", strings.NewReader(email))
	log.Println(os.Getenv("LOG_URL"))
	http.Post("https://api.example.cn/v1?app="+os.Getenv("APP_NAME"), "text/plain", strings.NewReader(email))
	http.Post("https://"+os.Getenv("TLS_HOST")+":8443/v1", "text/plain", strings.NewReader(email))
}
`, `// file: log.go
package log

func Println(a ...any) {}
`},
}

// A destination read from an environment variable or a configuration key
// keeps the key when the key's value alone is the URL, the DSN or the
// host; not when it is a path, part of a host, the scheme, or one of
// several unknowns, nor when it comes from a flag.
func TestKeys(t *testing.T) {
	mods := map[string][]string{}
	for k, v := range keysFixture {
		mods[k] = v
	}
	// log is a package of its own.
	mods["example.com/p"] = keysFixture["example.com/p"][:1]
	mods["log"] = keysFixture["example.com/p"][1:]
	p := newProgram(t, mods)
	if _, err := p.Import("example.com/p"); err != nil {
		t.Fatal(err)
	}
	got := describeKeys(p.fset, p.state["example.com/p"].sites)
	want := `21 sql.DB.Exec host= keys=env:DATABASE_URL
22 http.Post host= keys=env:API_HOST
23 http.Post host= keys=env:API_URL
24 http.Post host= keys=config:s3.b2-eu-cen.endpoint
25 http.Post host= keys=config:Partner.URL
26 http.Post host= keys=config:crm.url
28 sql.DB.Exec host= keys=env:PGHOST
30 sql.DB.Exec host= keys=env:REPORTS_DSN
35 http.Post host= keys=env:ALT_HOOK_URL,env:HOOK_URL
39 http.Post to api.example.cn host=api.example.cn keys=
40 http.Post host= keys=
41 http.Post host= keys=
42 http.Post host= keys=
43 http.Post host= keys=
44 http.Post host= keys=
49 http.Post host= keys=
51 http.Post to api.example.cn host=api.example.cn keys=
52 http.Post host= keys=env:TLS_HOST
`
	if got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
}

// siteID tells sites apart by every field of Site: a field added to Site
// and not to siteID would merge sites that differ in it.
func TestSiteIDFields(t *testing.T) {
	if s, id := reflect.TypeFor[Site]().NumField(), reflect.TypeFor[siteID]().NumField(); s != id {
		t.Errorf("Site has %d fields, siteID %d", s, id)
	}
	a := Site{Unresolved: "u", Keys: []evidence.ConfigKey{{Kind: evidence.KeyEnv, Name: "A"}}}
	b := a
	b.Keys = []evidence.ConfigKey{{Kind: evidence.KeyEnv, Name: "B"}}
	if a.id() == b.id() {
		t.Error("sites that read other keys are one")
	}
}

// FuzzDecodeKeys reads destinations made of literal text and holes, some
// read from keys, in every syntax: no input panics, and a destination
// keeps a key only when it cannot be decided and the key is one of its
// holes'.
func FuzzDecodeKeys(f *testing.F) {
	f.Add("https://\x00/v1", uint8(0))
	f.Add("\x00/v1", uint8(1))
	f.Add("host=\x00 user=app", uint8(3))
	f.Add("api@tcp(\x00:3306)/db", uint8(3))
	f.Add("[\x00]:443", uint8(2))
	f.Add("dns://\x00/x:1", uint8(4))
	f.Add("BlobEndpoint=\x00;AccountName=a", uint8(5))
	syntaxes := []string{sURL, sURL, sHostPort, "dsn:postgres", sGRPC, sAzureConn, "dsn:mysql", sAWSRegion}
	f.Fuzz(func(t *testing.T, text string, syn uint8) {
		if len(text) > 512 {
			return
		}
		var s Str
		keys := map[evidence.ConfigKey]bool{}
		for i, piece := range strings.Split(text, "\x00") {
			if i > 0 {
				k := evidence.ConfigKey{Kind: evidence.KeyEnv, Name: fmt.Sprintf("K%d", i)}
				keys[k] = true
				s.Parts = append(s.Parts, Part{Hole: "h", Key: k})
			}
			if piece != "" {
				s.Parts = append(s.Parts, Part{Lit: piece})
			}
		}
		d := decode(syntaxes[int(syn)%len(syntaxes)], s, func(int) string { return "x" })
		if d.key != (evidence.ConfigKey{}) && (d.unresolved == "" || !keys[d.key]) {
			t.Errorf("%q: key %v with unresolved %q", text, d.key, d.unresolved)
		}
	})
}

// In a connection string, the endpoint's hole is the endpoint's, not the
// first hole of the string.
func TestAzureEndpointHole(t *testing.T) {
	key := func(n string) evidence.ConfigKey { return evidence.ConfigKey{Kind: evidence.KeyEnv, Name: n} }
	s := Str{Parts: []Part{{Lit: "AccountKey="}, {Hole: `os.Getenv("AZ_KEY")`, Key: key("AZ_KEY")},
		{Lit: ";BlobEndpoint=https://"}, {Hole: `os.Getenv("AZ_HOST")`, Key: key("AZ_HOST")}, {Lit: "/"}}}
	d := decode(sAzureConn, s, func(int) string { return "x" })
	if d.key != key("AZ_HOST") || d.unresolved != `the connection string comes from os.Getenv("AZ_HOST")` {
		t.Errorf("got key %v, unresolved %q", d.key, d.unresolved)
	}
}
