package paas

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/place"
)

// FuzzRead: whatever a platform file holds, reading it and placing what
// it says neither panics nor gives a position outside the file; a file
// that does not parse is a diagnostic.
func FuzzRead(f *testing.F) {
	f.Add([]byte("app = \"shop\"\nprimary_region = \"nrt\"\n[[mounts]]\nsource = \"d\"\n"), uint8(0))
	f.Add([]byte("services:\n  - type: web\n    name: api\n    region: frankfurt\ndatabases:\n  - name: db\nprojects:\n  - environments:\n      - services: [{type: keyvalue}]\n"), uint8(1))
	f.Add([]byte(`{"name": "shop", "addons": ["heroku-postgresql", {"plan": "heroku-redis:mini"}], "stack": "heroku-24"}`), uint8(2))
	f.Add([]byte(`{"regions": ["hnd1", 1, null], "functions": {"api/*.ts": {"memory": 1024}}}`), uint8(3))
	f.Add([]byte("runtime: go122\nservice: api\nhandlers:\n  - url: /.*\n"), uint8(4))
	f.Add([]byte("applications:\n- name: web\n  services:\n  - db\n  - name: cache\n- name: [x]\n"), uint8(5))
	cfg, err := config.Parse(config.FileName, []byte("deploy \"**\" {\n  region = \"api.cloud.service.gov.uk\"\n}\n"))
	if err != nil {
		f.Fatal(err)
	}
	s := Source{Deploy: cfg.DeployFor}
	f.Fuzz(func(t *testing.T, src []byte, k uint8) {
		if !utf8.Valid(src) {
			return // the view reads only UTF-8 text
		}
		var (
			sites []site
			err   error
			rel   string
		)
		switch k % 6 {
		case 0:
			rel = "fly.toml"
			sites, err = readFly(rel, src)
		case 1:
			rel = "render.yaml"
			sites, err = readRender(rel, src)
		case 2:
			rel = "app.json"
			sites, _, err = readHeroku(rel, src)
		case 3:
			rel = "vercel.json"
			sites, err = readVercel(rel, src, func() bool { return true })
		case 4:
			rel = "app.yaml"
			sites, _, err = readAppEngine(rel, src)
		default:
			rel = "manifest.yml"
			sites, _, err = readManifest(rel, src)
		}
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v is not a diagnostic", err, err)
			}
			return
		}
		lines := len(cfgnode.LineStarts(src))
		for _, st := range sites {
			for _, e := range s.place(place.Public, st) {
				if e.Pos.Path != rel || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Column < 1 {
					t.Fatalf("evidence %q at %s, outside a file of %d lines", e.What, e.Pos, lines)
				}
				if (e.Country == "") == (e.Unresolved == "") {
					t.Fatalf("evidence %q: country %q, unresolved %q", e.What, e.Country, e.Unresolved)
				}
			}
		}
	})
}
