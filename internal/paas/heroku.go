package paas

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/evidence"
)

// herokuKeys are the top-level keys of Heroku's app.json schema; a file
// with any other key (an Expo app.json's "expo") is not Heroku's.
var herokuKeys = map[string]bool{"name": true, "description": true, "keywords": true, "website": true, "repository": true,
	"logo": true, "success_url": true, "scripts": true, "env": true, "formation": true, "image": true, "addons": true,
	"buildpacks": true, "environments": true, "stack": true}

// herokuOnly are the keys that only Heroku's schema has: one must be there.
var herokuOnly = []string{"addons", "buildpacks", "formation", "success_url", "environments", "stack"}

// herokuStores are the Heroku data add-ons, which Heroku provisions in
// the app's region.
var herokuStores = []string{"heroku-postgresql", "heroku-redis", "heroku-kafka"}

// readHeroku reads a Heroku app.json: the app, and its Heroku data
// add-ons. Heroku's schema has no region (the app's region is chosen
// when it is created, or is its Private Space's), so a deploy block
// gives it. ok is false for an app.json that is not Heroku's.
func readHeroku(rel string, src []byte) ([]site, bool, error) {
	root, err := cfgnode.JSON(rel, src, maxNesting)
	if err != nil {
		return nil, false, err
	}
	if !isHeroku(root) {
		return nil, false, nil
	}
	missing := "Heroku's app.json does not say the region (heroku create --region, or the Private Space, decides); " +
		"name it (us, eu, or the space's region) with " + deployHint(rel, "eu")
	what := "Heroku app"
	at := evidence.Pos{Path: rel, Line: root.Line, Column: root.Column}
	if n := cfgnode.Get(root, "name"); n != nil {
		if s, ok := cfgnode.String(n); ok {
			what += " " + s
			at.Line, at.Column = n.Line, n.Column
		}
	}
	out := []site{{kind: evidence.Send, what: what, pos: at, platform: "heroku", missing: missing}}
	if addons := cfgnode.Get(root, "addons"); addons != nil && addons.Kind == yaml.SequenceNode {
		for _, a := range addons.Content {
			plan := a
			if a.Kind == yaml.MappingNode {
				plan = cfgnode.Get(a, "plan")
			}
			s, ok := cfgnode.String(plan)
			if !ok {
				continue
			}
			service, _, _ := strings.Cut(s, ":")
			for _, st := range herokuStores {
				if service == st {
					out = append(out, site{kind: evidence.Store, what: "Heroku add-on " + s, platform: "heroku", missing: missing,
						pos: evidence.Pos{Path: rel, Line: plan.Line, Column: plan.Column}})
				}
			}
		}
	}
	return out, true, nil
}

// isHeroku reports whether a JSON document is a Heroku app.json: an
// object whose keys are all of Heroku's schema, one of them a key only
// Heroku's schema has.
func isHeroku(root *yaml.Node) bool {
	if root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if !herokuKeys[root.Content[i].Value] {
			return false
		}
	}
	for _, k := range herokuOnly {
		if cfgnode.Get(root, k) != nil {
			return true
		}
	}
	return false
}
