// Package paas reads the files of application platforms as an evidence
// source: fly.toml (fly.io), render.yaml (Render), a Heroku app.json,
// vercel.json (Vercel), a Google App Engine app.yaml and Cloud Foundry
// manifests. Each names, or leaves to the platform's default or to the
// pipeline, the region where an application runs and where its databases,
// caches and volumes keep data.
//
// A region the file gives is placed with the platform's table
// (internal/regions, paas.tsv). One it does not give comes from a deploy
// block of .noticevet.hcl covering the file, else from the platform's
// documented default (Render: oregon), else the evidence is unresolved and
// says what to write. The README's "PaaS files" section states the rules.
package paas

import (
	"fmt"
	"path"
	"strings"

	"github.com/noticevet/noticevet/internal/appconfig"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// Limits on what is read: platform files are small.
const (
	maxFileSize = 1 << 20 // bytes per file
	maxNesting  = 200     // levels of nesting
)

// Source reads the platform files of a repository.
type Source struct {
	// Deploy returns the deploy block of the configuration that covers
	// a file (config.Config.DeployFor); nil when there is none.
	Deploy func(rel string) (config.Deploy, bool)
}

var _ evidence.Source = Source{}

// Name returns "paas".
func (Source) Name() string { return "paas" }

// kind is the kind of a platform file, by its base name.
type kind int

const (
	notPaaS    kind = iota
	flyFile         // fly.toml, fly.<env>.toml
	renderFile      // render.yaml
	herokuFile      // app.json, when it is Heroku's
	vercelFile      // vercel.json
	appEngine       // app.yaml, when it is App Engine's
	cfManifest      // manifest.yml, manifest-<env>.yml, when it is Cloud Foundry's
)

// fileKind says which platform's file a base name may be; the content
// decides for app.json, app.yaml and manifests.
func fileKind(name string) kind {
	n := strings.ToLower(name)
	ext := path.Ext(n)
	stem := strings.TrimSuffix(n, ext)
	yml := ext == ".yaml" || ext == ".yml"
	switch {
	case n == "fly.toml" || (strings.HasPrefix(n, "fly.") && ext == ".toml"):
		return flyFile
	case stem == "render" && yml:
		return renderFile
	case n == "app.json":
		return herokuFile
	case n == "vercel.json":
		return vercelFile
	case stem == "app" && yml:
		return appEngine
	case yml && (stem == "manifest" || strings.HasPrefix(stem, "manifest-") || strings.HasPrefix(stem, "manifest.") || strings.HasPrefix(stem, "manifest_")):
		return cfManifest
	}
	return notPaaS
}

// site is what a platform file says about one application, database or
// function set, before it is placed.
type site struct {
	kind evidence.Kind
	what string
	pos  evidence.Pos
	// platform is the internal/regions provider of the platform's
	// regions: fly, render, heroku, vercel, appengine, cloudfoundry.
	platform string
	// region is the region the file gives; "" when it gives none.
	region string
	// def is the platform's documented default region, used when
	// neither the file nor a deploy block gives one; "" when there is
	// none to rely on.
	def, defVia string
	// missing says why there is no region, and what to write, when
	// neither the file, a deploy block nor a default gives one.
	missing string
}

// Read finds the platform files below the view's folder, reads each, and
// places what it says. A file that does not parse is the error, at its
// line; an app.json, app.yaml or manifest that is not the platform's is
// not read.
func (s Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, diag.Errorf(".", 0, "internal error reading platform files: %v", r)
		}
	}()
	files, err := v.Walk(func(name string) bool { return fileKind(name) != notPaaS })
	if err != nil {
		return evidence.Found{}, err
	}
	var (
		sites []site
		read  []string
	)
	for _, f := range files {
		if appconfig.Excluded(f.Rel) {
			continue
		}
		k := fileKind(path.Base(f.Rel))
		src, err := v.ReadText(f, maxFileSize)
		if err != nil {
			return evidence.Found{}, err
		}
		ss, ok, err := parse(v, f.Rel, k, src)
		if err != nil {
			return evidence.Found{}, err
		}
		if ok {
			read = append(read, f.Rel)
			sites = append(sites, ss...)
		}
	}
	var out []evidence.Evidence
	for _, st := range sites {
		out = append(out, s.place(p, st)...)
	}
	evidence.Sort(out)
	return evidence.Found{Evidence: out, Read: read}, nil
}

// parse reads one file as its kind; ok is false for a file that is not
// the platform's after all.
func parse(v *repo.View, rel string, k kind, src []byte) ([]site, bool, error) {
	switch k {
	case flyFile:
		s, err := readFly(rel, src)
		return s, true, err
	case renderFile:
		s, err := readRender(rel, src)
		return s, true, err
	case herokuFile:
		return readHeroku(rel, src)
	case vercelFile:
		s, err := readVercel(rel, src, func() bool { return besideFunctions(v, rel) })
		return s, true, err
	case appEngine:
		return readAppEngine(rel, src)
	case cfManifest:
		return readManifest(rel, src)
	}
	return nil, false, nil
}

// platformNames are the platforms as messages name them.
var platformNames = map[string]string{"fly": "fly.io", "render": "Render", "heroku": "Heroku", "vercel": "Vercel",
	"appengine": "App Engine", "cloudfoundry": "Cloud Foundry"}

// place places a site: by the region its file gives, else by a deploy
// block, else by the platform's default, else not. A location of several
// countries (a Google multi-region given for App Engine) is one evidence
// per country.
func (s Source) place(p evidence.Placer, st site) []evidence.Evidence {
	e := evidence.Evidence{Kind: st.kind, What: st.what, Pos: st.pos}
	name := platformNames[st.platform]
	region, via := st.region, ""
	if region == "" && s.Deploy != nil {
		if d, ok := s.Deploy(st.pos.Path); ok && d.Region != "" {
			region, via = d.Region, fmt.Sprintf("deploy block at %s:%d", config.FileName, d.Line)
		}
	}
	if region == "" && st.def != "" {
		region, via = st.def, st.defVia
	}
	if region == "" {
		e.Unresolved = st.missing
		return []evidence.Evidence{e}
	}
	pl := p.Region(st.platform, region)
	if !pl.OK() && st.platform == "appengine" {
		// App Engine's other locations are Google Cloud regions.
		pl = p.Region("google", region)
	}
	if !pl.OK() {
		if via != "" {
			e.Unresolved = fmt.Sprintf("%s sets region %q, which is not a %s region noticevet knows", via, region, name)
		} else {
			e.Unresolved = fmt.Sprintf("region %q is not a %s region noticevet knows", region, name)
		}
		return []evidence.Evidence{e}
	}
	e.Region, e.Via = pl.Region, via
	if e.Via == "" {
		e.Via = name + " region"
	}
	out := make([]evidence.Evidence, len(pl.Countries))
	for i, c := range pl.Countries {
		out[i] = e
		out[i].Country = c
	}
	return out
}

// deployHint is the deploy block that would give a file's region.
func deployHint(rel, example string) string {
	return fmt.Sprintf(`deploy %q { region = %q } in %s`, rel, example, config.FileName)
}
