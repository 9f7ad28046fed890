package paas

import (
	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/evidence"
)

// readManifest reads a Cloud Foundry application manifest: each
// application runs on the platform, and each service instance it binds
// (services:) stores data there. The platform is the API endpoint the
// pipeline targets (cf api, cf login -a), which the manifest does not
// name: a deploy block names it by its API host, as paas.tsv lists the
// platforms. ok is false for a YAML file without an applications list.
func readManifest(rel string, src []byte) ([]site, bool, error) {
	roots, err := cfgnode.YAML(rel, src, maxNesting)
	if err != nil {
		return nil, false, err
	}
	if len(roots) != 1 {
		return nil, false, nil
	}
	apps := cfgnode.Get(roots[0], "applications")
	if apps == nil || apps.Kind != yaml.SequenceNode {
		return nil, false, nil
	}
	missing := "a Cloud Foundry manifest does not name its platform (cf api decides); name its API host with " +
		deployHint(rel, "api.london.cloud.service.gov.uk")
	var out []site
	for _, app := range apps.Content {
		n := cfgnode.Get(app, "name")
		name, ok := cfgnode.String(n)
		if !ok {
			continue
		}
		out = append(out, site{kind: evidence.Send, what: "Cloud Foundry app " + name, platform: "cloudfoundry", missing: missing,
			pos: evidence.Pos{Path: rel, Line: n.Line, Column: n.Column}})
		services := cfgnode.Get(app, "services")
		if services == nil || services.Kind != yaml.SequenceNode {
			continue
		}
		for _, s := range services.Content {
			sn := s
			if s.Kind == yaml.MappingNode {
				sn = cfgnode.Get(s, "name") // the long form: {name: ..., parameters: ...}
			}
			svc, ok := cfgnode.String(sn)
			if !ok {
				continue
			}
			out = append(out, site{kind: evidence.Store, what: "Cloud Foundry service " + svc + " (bound to " + name + ")",
				platform: "cloudfoundry", missing: missing, pos: evidence.Pos{Path: rel, Line: sn.Line, Column: sn.Column}})
		}
	}
	return out, true, nil
}
