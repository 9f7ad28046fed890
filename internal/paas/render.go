package paas

import (
	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/evidence"
)

// renderDefault is the region of a Render service or database whose
// Blueprint gives none: Render's Blueprint specification and API schema
// say the region defaults to oregon, and a service's region cannot change
// once it is created.
const renderDefault = "oregon"

// readRender reads a Render Blueprint: its services and databases, at the
// top and in the environments of its projects. A database or Key Value
// instance, or a service with a disk, stores data; a web service, worker,
// private service or cron job is where data is sent; a static site (type
// static, or runtime static) is served from Render's CDN and holds none.
func readRender(rel string, src []byte) ([]site, error) {
	roots, err := cfgnode.YAML(rel, src, maxNesting)
	if err != nil {
		return nil, err
	}
	var out []site
	for _, root := range roots {
		out = append(out, renderLists(rel, root)...)
		if projects := cfgnode.Get(root, "projects"); projects != nil && projects.Kind == yaml.SequenceNode {
			for _, pr := range projects.Content {
				envs := cfgnode.Get(pr, "environments")
				if envs == nil || envs.Kind != yaml.SequenceNode {
					continue
				}
				for _, env := range envs.Content {
					out = append(out, renderLists(rel, env)...)
				}
			}
		}
	}
	return out, nil
}

// renderLists reads the services and databases lists of a mapping.
func renderLists(rel string, m *yaml.Node) []site {
	var out []site
	for _, list := range []string{"services", "databases"} {
		l := cfgnode.Get(m, list)
		if l == nil || l.Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range l.Content {
			if st, ok := renderItem(rel, list, item); ok {
				out = append(out, st)
			}
		}
	}
	return out
}

func renderItem(rel, list string, item *yaml.Node) (site, bool) {
	if item.Kind != yaml.MappingNode {
		return site{}, false
	}
	typ, _ := cfgnode.String(cfgnode.Get(item, "type"))
	runtime, _ := cfgnode.String(cfgnode.Get(item, "runtime"))
	env, _ := cfgnode.String(cfgnode.Get(item, "env"))
	if typ == "static" || runtime == "static" || env == "static" {
		return site{}, false
	}
	noun, k := "service", evidence.Send
	switch {
	case list == "databases":
		noun, k = "database", evidence.Store
	case typ == "redis" || typ == "keyvalue":
		noun, k = typ, evidence.Store
	case cfgnode.Get(item, "disk") != nil:
		k = evidence.Store
	}
	what := "Render " + noun
	if name, ok := cfgnode.String(cfgnode.Get(item, "name")); ok {
		what += " " + name
	}
	st := site{kind: k, what: what, pos: evidence.Pos{Path: rel, Line: item.Line, Column: item.Column}, platform: "render",
		def: renderDefault, defVia: "Render's default region (render.yaml sets none)"}
	if r := cfgnode.Get(item, "region"); r != nil {
		st.pos.Line, st.pos.Column = r.Line, r.Column
		st.region, _ = cfgnode.String(r)
		if st.region == "" {
			st.missing = "region is not a string"
			st.def = ""
		}
	}
	return st, true
}
