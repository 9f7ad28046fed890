package paas

import (
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

// show prints evidence one per line, for exact comparison.
func show(es []evidence.Evidence) string {
	return testfs.Show(es, testfs.Pos, testfs.Kind, testfs.What, testfs.Placed, testfs.Unresolved)
}

// read reads files as a repository, with a configuration when cfg is not
// empty.
func read(t *testing.T, files map[string]string, cfg string) (evidence.Found, error) {
	t.Helper()
	v := testfs.View(t, files)
	c := &config.Config{}
	if cfg != "" {
		var err error
		if c, err = config.Parse(config.FileName, []byte(cfg)); err != nil {
			t.Fatal(err)
		}
	}
	return Source{Deploy: c.DeployFor}.Read(v, place.New(c))
}

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		cfg   string
		want  string
	}{
		{
			name:  "fly.toml primary_region",
			files: map[string]string{"fly.toml": "app = \"shop\"\nprimary_region = \"nrt\"\n\n[http_service]\n  internal_port = 8080\n"},
			want:  "fly.toml:2:18 send \"fly.io app shop\" JP region=nrt via=\"fly.io region\"\n",
		},
		{
			name:  "fly.toml with a volume is a store",
			files: map[string]string{"api/fly.production.toml": "app = 'db'\nprimary_region = 'fra'\n[[mounts]]\n  source = 'data'\n  destination = '/data'\n"},
			want:  "api/fly.production.toml:2:18 store \"fly.io app db\" DE region=fra via=\"fly.io region\"\n",
		},
		{
			name:  "fly.toml without primary_region",
			files: map[string]string{"fly.toml": "app = \"shop\"\n[env]\n  primary_region = \"nrt\"\n"},
			want:  "fly.toml:1:1 send \"fly.io app shop\" unresolved=\"fly.toml sets no primary_region (fly launch asks for one and fly deploy keeps it); set primary_region, or deploy \\\"fly.toml\\\" { region = \\\"ams\\\" } in .noticevet.hcl\"\n",
		},
		{
			name:  "fly.toml without primary_region, placed by a deploy block",
			files: map[string]string{"fly.toml": "app = \"shop\"\n"},
			cfg:   "deploy \"fly.toml\" {\n  region = \"syd\"\n}\n",
			want:  "fly.toml:1:1 send \"fly.io app shop\" AU region=syd via=\"deploy block at .noticevet.hcl:1\"\n",
		},
		{
			name:  "fly.toml with an unknown region",
			files: map[string]string{"fly.toml": "primary_region = \"hnd1\"\n"},
			want:  "fly.toml:1:18 send \"fly.io app\" unresolved=\"region \\\"hnd1\\\" is not a fly.io region noticevet knows\"\n",
		},
		{
			name: "render.yaml services and databases",
			files: map[string]string{"render.yaml": `services:
  - type: web
    name: api
    runtime: go
    region: frankfurt
  - type: worker
    name: jobs
  - type: web
    name: site
    runtime: static
  - type: static
    name: docs
  - type: keyvalue
    name: cache
    region: singapore
  - type: pserv
    name: files
    region: ohio
    disk:
      name: data
      mountPath: /data
databases:
  - name: main
    region: frankfurt
projects:
  - name: p
    environments:
      - name: prod
        databases:
          - name: other
`},
			want: `render.yaml:5:13 send "Render service api" DE region=frankfurt via="Render region"
render.yaml:6:5 send "Render service jobs" US region=oregon via="Render's default region (render.yaml sets none)"
render.yaml:15:13 store "Render keyvalue cache" SG region=singapore via="Render region"
render.yaml:18:13 store "Render service files" US region=ohio via="Render region"
render.yaml:24:13 store "Render database main" DE region=frankfurt via="Render region"
render.yaml:30:13 store "Render database other" US region=oregon via="Render's default region (render.yaml sets none)"
`,
		},
		{
			name:  "render.yaml of a static site holds nothing",
			files: map[string]string{"render.yaml": "services:\n  - type: web\n    name: site\n    runtime: static\n    staticPublishPath: ./public\n"},
			want:  "",
		},
		{
			name: "Heroku app.json",
			files: map[string]string{"app.json": `{
  "name": "shop",
  "addons": ["papertrail", "heroku-postgresql:essential-0", {"plan": "heroku-redis", "as": "CACHE"}],
  "formation": {"web": {"quantity": 1}}
}`},
			cfg: "deploy \"app.json\" {\n  region = \"eu\"\n}\n",
			want: `app.json:2:11 send "Heroku app shop" IE region=eu via="deploy block at .noticevet.hcl:1"
app.json:3:28 store "Heroku add-on heroku-postgresql:essential-0" IE region=eu via="deploy block at .noticevet.hcl:1"
app.json:3:70 store "Heroku add-on heroku-redis" IE region=eu via="deploy block at .noticevet.hcl:1"
`,
		},
		{
			name:  "Heroku app.json without a deploy block",
			files: map[string]string{"app.json": `{"name": "shop", "stack": "heroku-24"}`},
			want:  "app.json:1:10 send \"Heroku app shop\" unresolved=\"Heroku's app.json does not say the region (heroku create --region, or the Private Space, decides); name it (us, eu, or the space's region) with deploy \\\"app.json\\\" { region = \\\"eu\\\" } in .noticevet.hcl\"\n",
		},
		{
			name:  "Heroku app.json with a deploy block that is not a Heroku region",
			files: map[string]string{"app.json": `{"name": "shop", "stack": "heroku-24"}`},
			cfg:   "deploy \"**\" {\n  region = \"eu-west-1\"\n}\n",
			want:  "app.json:1:10 send \"Heroku app shop\" unresolved=\"deploy block at .noticevet.hcl:1 sets region \\\"eu-west-1\\\", which is not a Heroku region noticevet knows\"\n",
		},
		{
			name:  "an Expo app.json is not Heroku's",
			files: map[string]string{"app.json": `{"expo": {"name": "shop", "slug": "shop"}, "name": "x"}`},
			want:  "",
		},
		{
			name:  "an app.json with only name and description is not Heroku's",
			files: map[string]string{"app.json": `{"name": "shop", "description": "a shop"}`},
			want:  "",
		},
		{
			name:  "vercel.json regions",
			files: map[string]string{"vercel.json": "{\n  \"regions\": [\"hnd1\", \"fra1\"]\n}\n"},
			want: `vercel.json:2:15 send "Vercel functions" JP region=hnd1 via="Vercel region"
vercel.json:2:23 send "Vercel functions" DE region=fra1 via="Vercel region"
`,
		},
		{
			name:  "vercel.json without regions, with an api folder",
			files: map[string]string{"web/vercel.json": `{"rewrites": []}`, "web/api/users.ts": "export default 1\n"},
			want:  "web/vercel.json:1:1 send \"Vercel functions\" unresolved=\"vercel.json sets no regions, so functions run in the project's function region (iad1 for new projects, changeable in the project settings); set regions in vercel.json, or deploy \\\"web/vercel.json\\\" { region = \\\"fra1\\\" } in .noticevet.hcl\"\n",
		},
		{
			name:  "vercel.json of a static site holds nothing",
			files: map[string]string{"vercel.json": `{"cleanUrls": true}`, "index.html": "<p>hi</p>\n"},
			want:  "",
		},
		{
			name:  "App Engine app.yaml placed by a deploy block",
			files: map[string]string{"app.yaml": "runtime: go122\nservice: api\ninstance_class: F2\nhandlers:\n  - url: /.*\n    script: auto\n"},
			cfg:   "deploy \"app.yaml\" {\n  region = \"asia-northeast1\"\n}\n",
			want:  "app.yaml:2:10 send \"App Engine service api\" JP region=asia-northeast1 via=\"deploy block at .noticevet.hcl:1\"\n",
		},
		{
			name:  "App Engine app.yaml in europe-west",
			files: map[string]string{"svc/app.yaml": "runtime: python312\nenv: standard\n"},
			cfg:   "deploy \"svc/**\" {\n  region = \"europe-west\"\n}\n",
			want:  "svc/app.yaml:1:10 send \"App Engine service default\" BE region=europe-west via=\"deploy block at .noticevet.hcl:1\"\n",
		},
		{
			name:  "App Engine app.yaml without a deploy block",
			files: map[string]string{"app.yaml": "runtime: nodejs20\nentrypoint: node server.js\n"},
			want:  "app.yaml:1:10 send \"App Engine service default\" unresolved=\"App Engine's location is the project's (gcloud app create --region), not in app.yaml; name it with deploy \\\"app.yaml\\\" { region = \\\"europe-west2\\\" } in .noticevet.hcl\"\n",
		},
		{
			name: "app.yaml look-alikes: Kubernetes, a generic configuration",
			files: map[string]string{
				"k8s/app.yaml":    "apiVersion: apps/v1\nkind: Deployment\nruntime: x\nhandlers: []\n",
				"config/app.yaml": "runtime: go\nport: 8080\nlog_level: info\n",
			},
			want: "",
		},
		{
			name: "Cloud Foundry manifest placed by a deploy block",
			files: map[string]string{"manifest.yml": `---
applications:
- name: find-a-lost-trn
  memory: 1G
  services:
  - find-a-lost-trn-postgres
  - name: find-a-lost-trn-redis
    parameters: {}
`},
			cfg: "deploy \"manifest.yml\" {\n  region = \"https://api.london.cloud.service.gov.uk\"\n}\n",
			want: `manifest.yml:3:9 send "Cloud Foundry app find-a-lost-trn" GB region=api.london.cloud.service.gov.uk via="deploy block at .noticevet.hcl:1"
manifest.yml:6:5 store "Cloud Foundry service find-a-lost-trn-postgres (bound to find-a-lost-trn)" GB region=api.london.cloud.service.gov.uk via="deploy block at .noticevet.hcl:1"
manifest.yml:7:11 store "Cloud Foundry service find-a-lost-trn-redis (bound to find-a-lost-trn)" GB region=api.london.cloud.service.gov.uk via="deploy block at .noticevet.hcl:1"
`,
		},
		{
			name:  "Cloud Foundry manifest without a deploy block",
			files: map[string]string{"manifest-prod.yml": "applications:\n- name: web\n"},
			want:  "manifest-prod.yml:2:9 send \"Cloud Foundry app web\" unresolved=\"a Cloud Foundry manifest does not name its platform (cf api decides); name its API host with deploy \\\"manifest-prod.yml\\\" { region = \\\"api.london.cloud.service.gov.uk\\\" } in .noticevet.hcl\"\n",
		},
		{
			name: "manifest look-alikes: a web app manifest, a Kubernetes manifest",
			files: map[string]string{
				"manifest.yml":         "name: My App\nicons: []\n",
				"deploy/manifest.yaml": "apiVersion: v1\nkind: ConfigMap\n",
			},
			want: "",
		},
		{
			name:  "files in test and example folders are not read",
			files: map[string]string{"examples/fly.toml": "primary_region = \"nrt\"\n", "test/render.yaml": "databases:\n  - name: x\n"},
			want:  "",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			found, err := read(t, tt.files, tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got := show(found.Evidence); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestErrors: a platform file that does not parse is an error naming the
// file and line.
func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		name, file, src, want string
	}{
		{"fly.toml", "fly.toml", "app = \"x\"\nprimary_region = \n", "fly.toml:2:"},
		{"render.yaml", "render.yaml", "services:\n  - [\n", "render.yaml:"},
		{"app.json", "app.json", "{\n\"name\": \n}", "app.json:3:"},
		{"vercel.json", "vercel.json", "{\"regions\": [\"a\",]}", "vercel.json:1:"},
		{"app.yaml", "app.yaml", "runtime: go\n  bad: [\n", "app.yaml:"},
		{"manifest", "manifest.yml", "applications:\n- name: a\n\tb: c\n", "manifest.yml:"},
	} {
		_, err := read(t, map[string]string{tt.file: tt.src}, "")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one starting %q", tt.name, err, tt.want)
		}
	}
}

// TestReadNames: the files read are named, for the message of a check
// that finds nothing; a look-alike is not among them.
func TestReadNames(t *testing.T) {
	found, err := read(t, map[string]string{
		"fly.toml": "app = \"a\"\n",
		"app.json": `{"expo": {}}`,
		"app.yaml": "runtime: go\nhandlers: []\n",
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(found.Read, " "); got != "app.yaml fly.toml" {
		t.Errorf("Read = %q", got)
	}
}

// TestLimits: a platform file over 1 MiB, or nested more than 200
// levels, is an error naming it, as the README's limits say.
func TestLimits(t *testing.T) {
	for _, tt := range []struct{ file, src, want string }{
		{"render.yaml", "services: []\n#" + strings.Repeat("x", 1<<20) + "\n", "render.yaml"},
		{"vercel.json", strings.Repeat("[", 201) + strings.Repeat("]", 201), "vercel.json:1: nested more than 200 levels deep"},
		{"app.yaml", "runtime: go\nhandlers: " + strings.Repeat("[", 201) + "\n", "app.yaml:2: nested more than 200 levels deep"},
		{"fly.toml", "a = " + strings.Repeat("[", 201) + "\n", "fly.toml:1: nested more than 200 levels deep"},
	} {
		_, err := read(t, map[string]string{tt.file: tt.src}, "")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one starting %q", tt.file, err, tt.want)
		}
	}
	if _, err := read(t, map[string]string{"vercel.json": strings.Repeat("[", 200) + strings.Repeat("]", 200)}, ""); err != nil {
		t.Errorf("200 levels: %v", err)
	}
}
