package paas

import (
	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/evidence"
)

// appEngineKeys are app.yaml keys that only App Engine's configuration
// has; with runtime, one of them makes an app.yaml App Engine's.
var appEngineKeys = []string{"handlers", "instance_class", "automatic_scaling", "basic_scaling", "manual_scaling",
	"entrypoint", "runtime_config", "vpc_access_connector", "inbound_services", "app_engine_apis", "env_variables"}

// readAppEngine reads a Google App Engine app.yaml. Its location is the
// project's App Engine application's, which no file in the repository
// holds, so a deploy block gives it. ok is false for an app.yaml that is
// not App Engine's (a Kubernetes object, a generic configuration).
func readAppEngine(rel string, src []byte) ([]site, bool, error) {
	roots, err := cfgnode.YAML(rel, src, maxNesting)
	if err != nil {
		return nil, false, err
	}
	if len(roots) != 1 || !isAppEngine(roots[0]) {
		return nil, false, nil
	}
	root := roots[0]
	service := "default"
	at := cfgnode.Get(root, "runtime")
	if n := cfgnode.Get(root, "service"); n != nil {
		if s, ok := cfgnode.String(n); ok {
			service, at = s, n
		}
	}
	return []site{{kind: evidence.Send, what: "App Engine service " + service, platform: "appengine",
		pos: evidence.Pos{Path: rel, Line: at.Line, Column: at.Column},
		missing: "App Engine's location is the project's (gcloud app create --region), not in app.yaml; name it with " +
			deployHint(rel, "europe-west2")}}, true, nil
}

// isAppEngine reports whether a YAML document is an App Engine app.yaml:
// a mapping with a string runtime, an env of standard or flex, or one of
// appEngineKeys, and no Kubernetes apiVersion.
func isAppEngine(root *yaml.Node) bool {
	if root.Kind != yaml.MappingNode || cfgnode.Get(root, "apiVersion") != nil {
		return false
	}
	if _, ok := cfgnode.String(cfgnode.Get(root, "runtime")); !ok {
		return false
	}
	if env, _ := cfgnode.String(cfgnode.Get(root, "env")); env == "flex" || env == "flexible" || env == "standard" {
		return true
	}
	for _, k := range appEngineKeys {
		if cfgnode.Get(root, k) != nil {
			return true
		}
	}
	return false
}
