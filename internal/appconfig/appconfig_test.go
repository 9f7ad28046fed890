package appconfig

import (
	"fmt"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

// show prints evidence one per line, for exact comparison.
func show(es []evidence.Evidence) string {
	return testfs.Show(es, testfs.Pos, testfs.Kind, testfs.What, testfs.Country, testfs.Region, testfs.Via, testfs.Unresolved, testfs.Stores)
}

func read(t *testing.T, files map[string]string) (string, error) {
	t.Helper()
	found, err := Source{}.Read(testfs.View(t, files), place.Public)
	return show(found.Evidence), err
}

// enteLocal is the shape of a configuration that keeps three replicas of
// an object store at three S3-compatible providers.
const enteLocal = `s3:
  are_local_buckets: false
  b2-eu-cen:
    key: "key"
    secret: "secret"
    endpoint: s3.eu-central-003.backblazeb2.com
    region: eu-central-003
    bucket: ente-b2-eu-cen
  wasabi-eu-central-2-v3:
    endpoint: s3.eu-central-2.wasabisys.com
    region: eu-central-2
    bucket: ente-wasabi-eu-central-2
  scw-eu-fr-v3:
    endpoint: https://s3.fr-par.scw.cloud
    region: fr-par
    bucket: ente-scw-eu-fr
`

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"three S3-compatible replicas in a configurations folder",
			map[string]string{"server/configurations/local.yaml": enteLocal},
			`server/configurations/local.yaml:6:15 store "s3.b2-eu-cen.endpoint" NL region=eu-central-003 via="Backblaze B2 endpoint" store=s3-bucket/ente-b2-eu-cen
server/configurations/local.yaml:10:15 store "s3.wasabi-eu-central-2-v3.endpoint" DE region=eu-central-2 via="Wasabi endpoint" store=s3-bucket/ente-wasabi-eu-central-2
server/configurations/local.yaml:14:15 store "s3.scw-eu-fr-v3.endpoint" FR region=fr-par via="Scaleway Object Storage endpoint" store=s3-bucket/ente-scw-eu-fr
`},
		{"compose service with a DSN; the database service is local",
			map[string]string{"compose.yaml": `services:
  api:
    image: example/api
    environment:
      DATABASE_URL: postgres://app:secret@db.prod.example.co.jp:5432/app
      CACHE_URL: redis://cache:6379
      REPLICA_DSN: postgres://app@db:5432/app
  cache:
    image: redis:7
  db:
    image: postgres:16
`},
			`compose.yaml:5:21 store "services.api.environment.DATABASE_URL" JP via="country-code TLD .jp"
`},
		{"compose environment as a list, with a variable",
			map[string]string{"docker-compose.yml": `services:
  worker:
    environment:
      - KAFKA_BROKERS=kafka-1.example.de:9092,kafka-2.example.de:9092
      - "S3_ENDPOINT=${S3_ENDPOINT}"
      - LOG_LEVEL=debug
`},
			`docker-compose.yml:4:23 send "services.worker.environment.KAFKA_BROKERS" DE via="country-code TLD .de"
docker-compose.yml:5:9 store "services.worker.environment.S3_ENDPOINT" unresolved="the host comes from ${S3_ENDPOINT}, set outside the repository"
`},
		{".env with a mysql DSN, a key=value DSN, and a local one",
			map[string]string{".env": `# settings
export DB_DSN=app:pw@tcp(mysql.example.kr:3306)/app?parseTime=true
PG="host=pg.example.cn port=5432 dbname=app sslmode=require"
LOCAL_DSN=app:pw@tcp(127.0.0.1:3306)/app
SOCKET_DSN=app:pw@unix(/var/run/mysqld.sock)/app
API_URL=https://api.partner.fr/v1 # the partner
`},
			`.env:2:15 store "DB_DSN" KR via="country-code TLD .kr"
.env:3:4 store "PG" CN via="country-code TLD .cn"
.env:6:9 send "API_URL" FR via="country-code TLD .fr"
`},
		{"YAML beside a Go main package; unplaced endpoint is unresolved",
			map[string]string{"cmd/app/main.go": "package main\n\nfunc main() {}\n", "cmd/app/app.yaml": `storage:
  endpoint: https://objects.example-cloud.io
analytics:
  url: https://collector.example-cloud.io
`},
			`cmd/app/app.yaml:2:13 store "storage.endpoint" unresolved="no public rule places objects.example-cloud.io; add a host block"
`},
		{"AWS S3 global endpoint placed by the region beside it",
			map[string]string{"config/app.yml": `uploads:
  endpoint: https://s3.amazonaws.com
  region: ap-northeast-2
  bucket: uploads
`},
			`config/app.yml:2:13 store "uploads.endpoint" KR region=ap-northeast-2 via="region ap-northeast-2 beside it" store=s3-bucket/uploads
`},
		{"AWS S3 bucket with its region and no endpoint, in YAML and in .env",
			map[string]string{"config/app.yaml": `aws:
  s3:
    bucket: media-kr
    region: ap-northeast-2
`, ".env": "S3_BUCKET=media-sg\nAWS_REGION=ap-southeast-1\n"},
			`.env:1:11 store "S3_BUCKET" SG region=ap-southeast-1 via="region ap-southeast-1 beside it" store=s3-bucket/media-sg
config/app.yaml:3:13 store "aws.s3.bucket" KR region=ap-northeast-2 via="region ap-northeast-2 beside it" store=s3-bucket/media-kr
`},
		{"Spring Boot and Rails shapes",
			map[string]string{"src/main/resources/application-prod.yml": `spring:
  datasource:
    url: jdbc:postgresql://db.example.co.jp:5432/app
`, "config/storage.yml": `amazon:
  service: S3
  region: eu-west-2
  bucket: uploads-gb
`, "config/locales/de.yml": "de:\n  imprint_url: https://www.example.de/impressum\n"},
			`config/storage.yml:4:11 store "amazon.bucket" GB region=eu-west-2 via="region eu-west-2 beside it" store=s3-bucket/uploads-gb
src/main/resources/application-prod.yml:3:10 store "spring.datasource.url" JP via="country-code TLD .jp"
`},
		{"look-alikes: buckets whose region says nothing",
			map[string]string{"config/app.yaml": `gcs:
  bucket: media
  region: asia-northeast3
b2:
  s3:
    bucket: media
    region: eu-central-003
local:
  s3:
    endpoint: http://localhost:9000
    bucket: media
    region: ap-northeast-2
`},
			``},
		{"JSON: appsettings anywhere, config folders, lists of objects",
			map[string]string{"src/Api/appsettings.Production.json": `{
  "ConnectionStrings": {
    "Default": "Server=tcp:sql.example.com.au,1433;Database=app;User ID=app"
  },
  "$schema": "https://json.schemastore.org/appsettings.cn"
}`, "configs/replicas.json": `{"replicas": [
  {"endpoint": "s3.pl-waw.scw.cloud", "bucket": "media-pl"},
  {"endpoint": "http://127.0.0.1:9000", "bucket": "dev"}
], "kafka": {"brokers": ["k1.example.de:9092", "${BROKER}"]}}`},
			`configs/replicas.json:2:16 store "replicas[0].endpoint" PL region=pl-waw via="Scaleway Object Storage endpoint" store=s3-bucket/media-pl
configs/replicas.json:4:26 send "kafka.brokers" DE via="country-code TLD .de"
configs/replicas.json:4:48 send "kafka.brokers" unresolved="the host comes from ${BROKER}, set outside the repository"
src/Api/appsettings.Production.json:3:16 store "ConnectionStrings.Default" AU via="country-code TLD .au"
`},
		{"JSON: a key named << is a key (only YAML merges), and a top-level array's objects are read",
			map[string]string{"config/merge.json": `{"<<": {"endpoint": "https://api.example.de/v1"}}`,
				"config/list.json": `[{"endpoint": "https://api.example.fr/v1"}, [{"url": "https://x.example.kr"}]]`},
			`config/list.json:1:15 send "endpoint" FR via="country-code TLD .fr"
config/list.json:1:54 send "url" KR via="country-code TLD .kr"
config/merge.json:1:21 send "<<.endpoint" DE via="country-code TLD .de"
`},
		{"TOML: tables, array tables, inline tables and dotted keys",
			map[string]string{"config/app.toml": `[database]
url = "postgres://app@db.example.com.br/app"

[[replicas]]
endpoint = "https://s3.nl-ams.scw.cloud"
bucket = "media-nl"

[[replicas]]
endpoint = "http://minio:9000"
bucket = "dev"

[queue]
brokers = ["k1.example.de:9092", 'k2.example.de:9092']
cache = { url = "redis://cache.example.kr:6379" }
site.homepage = "https://example.cn"
`},
			`config/app.toml:2:7 store "database.url" BR via="country-code TLD .br"
config/app.toml:5:12 store "replicas[0].endpoint" NL region=nl-ams via="Scaleway Object Storage endpoint" store=s3-bucket/media-nl
config/app.toml:13:12 send "queue.brokers" DE via="country-code TLD .de"
config/app.toml:13:34 send "queue.brokers" DE via="country-code TLD .de"
config/app.toml:14:17 store "queue.cache.url" KR via="country-code TLD .kr"
`},
		{"look-alikes: local endpoints, documentation, tests, Kubernetes, other folders",
			map[string]string{
				"config/local.yaml": `s3:
  endpoint: http://localhost:9000
  region: us-east-1
  bucket: dev
minio:
  endpoint: minio:9000
db:
  host: 10.0.3.4
  dsn: postgres://app@host.docker.internal/app
cache: unix:///var/run/redis.sock
homepage: https://project.example.de
docs: https://docs.project.fr
license: https://opensource.org/licenses/MIT
$schema: https://json.schemastore.org/app.cn
version: 1.2.3
greeting: visit https://shop.example.fr
internal:
  host: api.svc.cluster.local
  url: https://example.com/hook
`,
				"config/k8s.yaml":          "apiVersion: v1\nkind: ConfigMap\ndata:\n  DATABASE_URL: postgres://db.example.cn/app\n",
				"tests/compose.yaml":       "services:\n  api:\n    environment:\n      DATABASE_URL: postgres://db.example.cn/app\n",
				"docker-compose.test.yml":  "services:\n  api:\n    environment:\n      DATABASE_URL: postgres://db.example.cn/app\n",
				".env.example":             "DATABASE_URL=postgres://db.example.cn/app\n",
				"deploy/values.yaml":       "database:\n  url: postgres://db.example.cn/app\n",
				".github/workflows/ci.yml": "env:\n  DATABASE_URL: postgres://db.example.cn/app\n",
				"models/config/api-2.json": `{"shapes": {"TemplateS3Uri": {"pattern": "s3://.*"}, "Endpoint": {"pattern": "https://[a-z]+\\.cn"}}}`,
				"config/storage.yaml":      "backup:\n  bucket_url: s3://media.cn/backups\n",
				"compose.yml":              "services:\n  pgbouncer:\n    environment:\n      DB_USER: ${POSTGRES_USER}\n      STATSD_ADDR: ${STATSD_ADDR}\n      DB_HOST_PORT: db.example.cn\n",
				".env.invalid":             "not a line\n",
				"cmd/app/main.go":          "package main\n",
				"cmd/app/.goreleaser.yml":  "builds:\n  - ldflags: -X main.v={{ .Version }}\n",
				"cmd/app/openapi.yaml":     "servers:\n  - url: https://api.example.cn\n",
				// Scripts named for a deployment are not .env files.
				"bin/dev":       "#!/usr/bin/env sh\nset -e\nexec foreman start -f Procfile.dev \"$@\"\n",
				"scripts/local": "echo postgres://db.example.cn/app\n",
				"production":    "DATABASE_URL=postgres://db.example.cn/app\n",
			},
			``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read(t, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestErrors: a file that does not parse is an error at its line (for
// YAML, the line go-yaml names: where the construct it was reading starts).
func TestErrors(t *testing.T) {
	tests := []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"config/app.yaml": "a: b\nc: [d\n"}, "config/app.yaml:1: did not find expected ',' or ']'"},
		{map[string]string{"config/app.yaml": "a:\n  b: c\n d: e\n"}, "config/app.yaml:2: did not find expected key"},
		{map[string]string{"config/app.json": "{\"a\": \"b\",\n \"c\" 1}"}, "config/app.json:2: invalid character '1' after object key"},
		{map[string]string{"config/app.json": "{\"a\": \"b\""}, "config/app.json:1: unexpected end of file"},
		{map[string]string{"config/app.json": "{} {}"}, "config/app.json:1: more than one JSON value"},
		{map[string]string{"config/app.toml": "a = 1\nb = = 2\n"}, "config/app.toml:2: unexpected character U+003D '=' at start of value"},
		{map[string]string{"config/app.yaml": "a: b\r\nc: d\re: f\n"}, "config/app.yaml:2: a carriage return that does not end a line (old Mac line breaks are not read)"},
		{map[string]string{".env": "A=1\nnot a line\n"}, ".env:2: not a NAME=value line of a .env file"},
		{map[string]string{".env": "A=\"open\nB=2\n"}, ".env:1: the quoted value of A is not closed"},
		{map[string]string{"config/app.yaml": strings.Repeat("[", 600)}, "config/app.yaml:1: nested more than 500 levels deep"},
	}
	for _, tt := range tests {
		_, err := read(t, tt.files)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%v: error %v, want %s", tt.files, err, tt.want)
		}
	}
}

// TestEnvFromEnvironment: a name alone takes its value from the
// environment (Docker Compose, dotenv): no value, no error; spaces around
// '=' are dropped, as a create-react-app .env writes them.
func TestEnvFromEnvironment(t *testing.T) {
	got, err := read(t, map[string]string{"ui/.env.development": "PUBLIC_URL\nREACT_APP_API_URL = https://api.example.cn/\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := `ui/.env.development:2:21 send "REACT_APP_API_URL" CN via="country-code TLD .cn"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestEnvMultiline: a quoted value may span lines, and the next entry is
// at its own line.
func TestEnvMultiline(t *testing.T) {
	got, err := read(t, map[string]string{".env.production": "KEY=\"-----BEGIN\nabc\n-----END\"\nDATABASE_URL='postgres://db.example.cn/app'\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := `.env.production:4:14 store "DATABASE_URL" CN via="country-code TLD .cn"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTemplate: a YAML template is not read, and a note says so.
func TestTemplate(t *testing.T) {
	v := testfs.View(t, map[string]string{"config/app.yaml": "db:\n  url: {{ .Values.db }}\n"})
	found, err := Source{}.Read(v, place.Public)
	if err != nil || len(found.Evidence) != 0 || len(found.Notes) != 1 ||
		found.Notes[0].Error() != "config/app.yaml:2: not read: a template ({{ … }}), which is YAML only once rendered" {
		t.Errorf("got %+v, %v", found, err)
	}
}

// TestColumns: columns are in bytes, after multi-byte characters too, and
// on a line of many values.
func TestColumns(t *testing.T) {
	got, err := read(t, map[string]string{"config/app.yaml": "kafka: {名前: x, brokers: [k1.example.de, \"k2.example.fr\"]}\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := `config/app.yaml:1:30 send "kafka.brokers" DE via="country-code TLD .de"
config/app.yaml:1:45 send "kafka.brokers" FR via="country-code TLD .fr"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestListed: files named by config_files are read wherever they are, as
// the kind their name or extension says; a pattern that names no such
// file is an error at the attribute.
func TestListed(t *testing.T) {
	files := map[string]string{
		"deploy/prod/settings.yaml":   "storage:\n  endpoint: https://s3.ap-northeast-2.amazonaws.com\n",
		"deploy/prod/notes.txt":       "endpoint: https://s3.us-east-1.amazonaws.com\n",
		"examples/app/config.toml":    "[db]\nurl = \"postgres://db.example.cn/app\"\n",
		"deploy/staging/settings.yml": "storage:\n  endpoint: https://s3.eu-west-1.amazonaws.com\n",
	}
	readListed := func(listed ...string) (string, error) {
		t.Helper()
		v := testfs.View(t, files)
		found, err := Source{Listed: listed, ListedFile: ".noticevet.hcl", ListedLine: 3}.Read(v, place.Public)
		return show(found.Evidence), err
	}
	// Unlisted, none of them is configuration: no config folder, no main
	// package beside them, and examples/ is left out.
	if got, err := readListed(); err != nil || got != "" {
		t.Fatalf("unlisted: %q, %v", got, err)
	}
	got, err := readListed("deploy/prod/*", "examples/**/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := "deploy/prod/settings.yaml:2:13 store \"storage.endpoint\" KR region=ap-northeast-2 via=\"AWS S3 endpoint\"\n" +
		"examples/app/config.toml:2:7 store \"db.url\" CN via=\"country-code TLD .cn\"\n"
	if got != want {
		t.Errorf("listed:\n%s\nwant:\n%s", got, want)
	}
	for _, pat := range []string{"deploy/prod/*.txt", "deploy/production/**"} {
		_, err := readListed(pat)
		if want := fmt.Sprintf(".noticevet.hcl:3: config_files: %q matches no YAML, JSON, TOML, .env or Compose file", pat); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %s", pat, err, want)
		}
	}
}

// Each value names the key Go code reads it by: the variable's name in a
// .env file and a Compose environment (mapping or list), the key path
// joined with '.' in a configuration file.
func TestKeys(t *testing.T) {
	v := testfs.View(t, map[string]string{
		".env.production": "DATABASE_URL=postgres://app@db.example.kr:5432/app\n",
		"compose.yaml": `services:
  api:
    environment:
      PARTNER_URL: https://api.partner.cn/v1
  worker:
    environment:
      - QUEUE_URL=amqp://mq.example.de:5672
`,
		"config/app.yaml": "s3:\n  b2-eu-cen:\n    endpoint: s3.eu-central-003.backblazeb2.com\n",
	})
	found, err := Source{}.Read(v, place.Public)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range found.Evidence {
		for _, k := range e.Keys {
			got = append(got, fmt.Sprintf("%s:%d %s:%s", e.Pos.Path, e.Pos.Line, k.Kind, k.Name))
		}
	}
	want := []string{
		".env.production:1 env:DATABASE_URL",
		"compose.yaml:4 env:PARTNER_URL",
		"compose.yaml:7 env:QUEUE_URL",
		"config/app.yaml:3 config:s3.b2-eu-cen.endpoint",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got keys\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
