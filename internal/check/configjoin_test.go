package check

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/testfs"
)

func TestPlaceByConfig(t *testing.T) {
	pos := func(path string, line int) evidence.Pos { return evidence.Pos{Path: path, Line: line, Column: 1} }
	env := func(n string) []evidence.ConfigKey { return []evidence.ConfigKey{{Kind: evidence.KeyEnv, Name: n}} }
	cfg := func(n string) []evidence.ConfigKey { return []evidence.ConfigKey{{Kind: evidence.KeyConfig, Name: n}} }
	conf := []evidence.Evidence{
		// One variable in two deployments, in two countries; a third
		// file in the first country is named by the first.
		{Kind: evidence.Store, What: "DATABASE_URL", Country: "DE", Region: "eu-central-1", Via: "AWS RDS endpoint", Keys: env("DATABASE_URL"), Pos: pos(".env.production", 1)},
		{Kind: evidence.Store, What: "DATABASE_URL", Country: "US", Region: "us-east-1", Via: "AWS RDS endpoint", Keys: env("DATABASE_URL"), Pos: pos(".env.staging", 1)},
		{Kind: evidence.Store, What: "services.api.environment.DATABASE_URL", Country: "DE", Region: "eu-central-1", Keys: env("DATABASE_URL"), Pos: pos("compose.yaml", 5)},
		// A nested key of a YAML file.
		{Kind: evidence.Store, What: "s3.b2-eu-cen.endpoint", Country: "NL", Region: "eu-central-003", Keys: cfg("s3.b2-eu-cen.endpoint"), Pos: pos("configurations/local.yaml", 6)},
		// A value made of a variable places nothing.
		{Kind: evidence.Store, What: "CACHE_URL", Unresolved: "the host comes from ${CACHE_HOST}", Keys: env("CACHE_URL"), Pos: pos(".env.production", 2)},
		// A value no Go call reads stays evidence of its own.
		{Kind: evidence.Send, What: "PARTNER_URL", Country: "CN", Keys: env("PARTNER_URL"), Pos: pos(".env.production", 3)},
		{Kind: evidence.Send, What: "API_URL", Country: "FR", Keys: env("API_URL"), Pos: pos(".env.production", 4)},
		{Kind: evidence.Send, What: "crm.url", Country: "SG", Keys: cfg("crm.url"), Pos: pos("config/app.yaml", 2)},
	}
	goEv := []evidence.Evidence{
		{Kind: evidence.Store, What: "sql.DB.Exec", Unresolved: `the DSN comes from os.Getenv("DATABASE_URL")`, Keys: env("DATABASE_URL"), Pos: pos("main.go", 10)},
		// viper matches keys whatever their case.
		{Kind: evidence.Store, What: "s3.Client.PutObject", Unresolved: `the URL comes from the result of viper.GetString("S3.B2-EU-CEN.Endpoint")`, Keys: cfg("S3.B2-EU-CEN.Endpoint"), Pos: pos("main.go", 20)},
		// One key of two has a value: the call is placed by it and
		// stays a note for the other.
		{Kind: evidence.Send, What: "http.Post", Unresolved: `the URL comes from os.Getenv("ALT_URL") or os.Getenv("API_URL")`, Keys: append(env("ALT_URL"), env("API_URL")...), Pos: pos("main.go", 30)},
		// Look-alikes: a variable of the same name as a key of a file
		// (and the reverse), a variable whose only value is made of
		// another, a variable with no value, a key with no key read, a
		// site the code placed.
		{Kind: evidence.Send, What: "http.Post", Unresolved: "u", Keys: env("crm.url"), Pos: pos("main.go", 40)},
		{Kind: evidence.Send, What: "http.Post", Unresolved: "u", Keys: cfg("PARTNER_URL"), Pos: pos("main.go", 50)},
		{Kind: evidence.Store, What: "redis.Client.Set", Unresolved: "u", Keys: env("CACHE_URL"), Pos: pos("main.go", 60)},
		{Kind: evidence.Send, What: "http.Post", Unresolved: "u", Keys: env("HOOK_URL"), Pos: pos("main.go", 70)},
		{Kind: evidence.Send, What: "http.Post", Unresolved: "u", Pos: pos("main.go", 80)},
		{Kind: evidence.Send, What: "http.Post to api.example.jp", Country: "JP", Pos: pos("main.go", 90)},
	}
	j := newConfigJoin(conf)
	var got []string
	for _, e := range append(j.place(goEv), j.rest()...) {
		got = append(got, fmt.Sprintf("%s:%d %s %q %s %s", e.Pos.Path, e.Pos.Line, e.Country, e.Unresolved, e.Region, e.Defined))
	}
	want := []string{
		`main.go:10 DE "" eu-central-1 DATABASE_URL at .env.production:1`,
		`main.go:10 US "" us-east-1 DATABASE_URL at .env.staging:1`,
		`main.go:20 NL "" eu-central-003 s3.b2-eu-cen.endpoint at configurations/local.yaml:6`,
		`main.go:30  "the URL comes from os.Getenv(\"ALT_URL\") or os.Getenv(\"API_URL\")"  `,
		`main.go:30 FR ""  API_URL at .env.production:4`,
		`main.go:40  "u"  `,
		`main.go:50  "u"  `,
		`main.go:60  "u"  `,
		`main.go:70  "u"  `,
		`main.go:80  "u"  `,
		`main.go:90 JP ""  `,
		// The values that placed no call.
		`.env.production:2  "the host comes from ${CACHE_HOST}"  `,
		`.env.production:3 CN ""  `,
		`config/app.yaml:2 SG ""  `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestConfigJoinRepos runs checks of repositories whose Go code reads its
// destinations from a .env file, a Compose environment and a YAML file
// read with viper: the call is the finding, placed by the value and
// naming it; the value is no finding of its own.
func TestConfigJoinRepos(t *testing.T) {
	const notice = "# Privacy\n\nAll personal data is stored only in Japan.\n"
	const gomod = "module example.com/app\n\ngo 1.22\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{".env and os.Getenv", map[string]string{
			"PRIVACY.md": notice,
			"go.mod":     gomod,
			"main.go": `package main

import (
	"database/sql"
	"os"
)

func save(email string) {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec("INSERT INTO users VALUES ($1)", email)
}

func main() { save(os.Args[1]) }
`,
			".env.production": "DATABASE_URL=postgres://app@app.c9akciq32.eu-central-1.rds.amazonaws.com:5432/app\n",
			".env.staging":    "DATABASE_URL=postgres://app@app.c9akciq32.us-east-1.rds.amazonaws.com:5432/app\n",
		}, `main.go:10:2 false-claim sql.DB.Exec stores personal data in Germany (eu-central-1, DATABASE_URL at .env.production:1), but PRIVACY.md:3 says it is stored only in Japan
main.go:10:2 false-claim sql.DB.Exec stores personal data in the United States (us-east-1, DATABASE_URL at .env.staging:1), but PRIVACY.md:3 says it is stored only in Japan
`},
		{"Compose environment and os.Getenv", map[string]string{
			"PRIVACY.md": notice,
			"go.mod":     gomod,
			"main.go": `package main

import (
	"database/sql"
	"net/http"
	"os"
	"strings"
)

func save(email string) {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec("INSERT INTO users VALUES ($1)", email)
	reports, _ := sql.Open("postgres", os.Getenv("REPORTS_URL"))
	reports.Exec("INSERT INTO seen VALUES ($1)", email)
	http.Post("https://"+os.Getenv("PATH_HOST")+"/v1", "text/plain", strings.NewReader(email))
}

func main() { save(os.Args[1]) }
`,
			// REPORTS_URL is the Compose service db: local, the call
			// stays a note. PARTNER_URL is read by no call: a finding of
			// its own. PATH_HOST has no value in the repository.
			"compose.yaml": `services:
  api:
    environment:
      DATABASE_URL: postgres://api@app.c9akciq32.ap-northeast-2.rds.amazonaws.com:5432/api
      REPORTS_URL: postgres://api@db:5432/reports
      PARTNER_URL: https://api.partner.cn/v1
  db:
    image: postgres:16
`,
		}, `compose.yaml:6:20 undisclosed-country services.api.environment.PARTNER_URL sends personal data to China (country-code TLD .cn), which the notice never names
main.go:12:2 false-claim sql.DB.Exec stores personal data in South Korea (ap-northeast-2, DATABASE_URL at compose.yaml:4), but PRIVACY.md:3 says it is stored only in Japan
main.go:14:2 unresolved-destination sql.DB.Exec: cannot decide where it stores personal data: the DSN comes from os.Getenv("REPORTS_URL")
main.go:15:2 unresolved-destination http.Post: cannot decide where it sends personal data: the URL comes from os.Getenv("PATH_HOST")
`},
		{"a YAML file read with viper", map[string]string{
			"PRIVACY.md":               notice,
			"go.mod":                   gomod + "\nrequire github.com/spf13/viper v1.0.0\n\nreplace github.com/spf13/viper => ./third_party/viper\n",
			"third_party/viper/go.mod": "module github.com/spf13/viper\n\ngo 1.22\n",
			"third_party/viper/viper.go": `package viper

func GetString(key string) string { return "" }
`,
			"main.go": `package main

import (
	"net/http"
	"os"
	"strings"

	"github.com/spf13/viper"
)

func upload(email string) {
	http.Post(viper.GetString("S3.B2-EU-CEN.Endpoint")+"/photos", "text/plain", strings.NewReader(email))
}

func main() { upload(os.Args[1]) }
`,
			"config/local.yaml": `s3:
  b2-eu-cen:
    endpoint: https://s3.eu-central-003.backblazeb2.com
    bucket: photos
`,
		}, `main.go:12:2 false-claim http.Post stores personal data in the Netherlands (eu-central-003, s3.b2-eu-cen.endpoint at config/local.yaml:3), but PRIVACY.md:3 says it is stored only in Japan
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Dir(t, c.files)
			res, err := Run(Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for _, f := range res.Findings {
				fmt.Fprintf(&got, "%s:%d:%d %s %s\n", f.Pos.Path, f.Pos.Line, f.Pos.Column, f.Rule, f.Message)
			}
			if got.String() != c.want {
				t.Errorf("got findings\n%s\nwant\n%s", got.String(), c.want)
			}
		})
	}
}

// TestReadmeConfigJoin keeps the README's example of a Go call placed by
// the configuration true: its Go lines are lines of the scenario's code,
// and its output lines are lines of the scenario's golden output.
func TestReadmeConfigJoin(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	readme := read("../../README.md")
	start := strings.Index(readme, "**Go calls placed by the configuration**")
	end := strings.Index(readme, "- **Reads followed**")
	if start < 0 || end < start {
		t.Fatal("README.md has no example of a Go call placed by the configuration")
	}
	part := readme[start:end]
	code := read("../../testdata/scenarios/go-compose-dsn/cmd/api/main.go")
	golden := read("../../cmd/noticevet/testdata/golden/go-compose-dsn.txt")
	// Fenced blocks are the odd pieces between fences; the first line of
	// each names its language.
	in := map[string]string{"go": code, "": golden}
	checked := map[string]int{}
	pieces := strings.Split(part, "```")
	for i := 1; i < len(pieces); i += 2 {
		lang, block, _ := strings.Cut(pieces[i], "\n")
		src, ok := in[lang]
		if !ok {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			checked[lang]++
			if !strings.Contains(src, line+"\n") {
				t.Errorf("README line %q is not in the scenario", line)
			}
		}
	}
	if checked["go"] < 2 || checked[""] < 2 {
		t.Errorf("lines checked: %v, want the Go block and the output block", checked)
	}
}

// A configuration value that places a Go call is no finding of its own,
// but still defines the store it names: a call that writes to that bucket
// by name is placed by it.
func TestJoinSources(t *testing.T) {
	pos := func(path string, line int) evidence.Pos { return evidence.Pos{Path: path, Line: line, Column: 1} }
	photos := evidence.StoreRef{Type: "s3-bucket", Name: "photos"}
	conf := []evidence.Evidence{
		{Kind: evidence.Store, What: "s3.b2-eu-cen.endpoint", Country: "NL", Region: "eu-central-003", Stores: []evidence.StoreRef{photos},
			Keys: []evidence.ConfigKey{{Kind: evidence.KeyConfig, Name: "s3.b2-eu-cen.endpoint"}}, Pos: pos("config/local.yaml", 3)},
	}
	ev := []evidence.Evidence{
		{Kind: evidence.Send, What: "http.Post", Unresolved: "u",
			Keys: []evidence.ConfigKey{{Kind: evidence.KeyConfig, Name: "s3.b2-eu-cen.endpoint"}}, Pos: pos("main.go", 10)},
	}
	byStore := []evidence.Evidence{
		{Kind: evidence.Store, What: "s3.Client.PutObject to bucket photos", Unresolved: "region from the environment", Stores: []evidence.StoreRef{photos}, Pos: pos("main.go", 20)},
	}
	var got []string
	for _, e := range joinSources(ev, byStore, conf) {
		got = append(got, fmt.Sprintf("%s:%d %s %s %q %s", e.Pos.Path, e.Pos.Line, e.Kind, e.Country, e.Unresolved, e.Defined))
	}
	want := []string{
		`main.go:10 store NL "" s3.b2-eu-cen.endpoint at config/local.yaml:3`,
		`main.go:20 store NL "" s3.b2-eu-cen.endpoint at config/local.yaml:3`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
