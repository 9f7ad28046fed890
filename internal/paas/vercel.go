package paas

import (
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// readVercel reads a vercel.json: each of its regions is where the
// project's functions run. Without regions, functions run in the
// project's function region, which Vercel's documentation gives as iad1
// for new projects but which the project settings can change: that is
// not a default to rely on, so the evidence is unresolved. A project
// without functions (no functions key, no api/ folder, no Next.js
// configuration beside the file) is a static site and gives nothing.
func readVercel(rel string, src []byte, hasFunctions func() bool) ([]site, error) {
	root, err := cfgnode.JSON(rel, src, maxNesting)
	if err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil
	}
	regions := cfgnode.Get(root, "regions")
	if regions != nil && regions.Kind == yaml.SequenceNode && len(regions.Content) > 0 {
		var out []site
		for _, r := range regions.Content {
			st := site{kind: evidence.Send, what: "Vercel functions", platform: "vercel",
				pos: evidence.Pos{Path: rel, Line: r.Line, Column: r.Column}}
			if s, ok := cfgnode.String(r); ok {
				st.region = s
			} else {
				st.missing = "a regions entry that is not a string"
			}
			out = append(out, st)
		}
		return out, nil
	}
	if cfgnode.Get(root, "functions") == nil && !hasFunctions() {
		return nil, nil
	}
	at := evidence.Pos{Path: rel, Line: root.Line, Column: root.Column}
	if regions != nil {
		at.Line, at.Column = regions.Line, regions.Column
	}
	return []site{{kind: evidence.Send, what: "Vercel functions", pos: at, platform: "vercel",
		missing: "vercel.json sets no regions, so functions run in the project's function region (iad1 for new projects, " +
			"changeable in the project settings); set regions in vercel.json, or " + deployHint(rel, "fra1")}}, nil
}

// besideFunctions reports whether the project beside a vercel.json has
// functions: an api/ folder with files, or a Next.js configuration.
func besideFunctions(v *repo.View, rel string) bool {
	dir := filepath.Join(v.Dir(), filepath.FromSlash(path.Dir(rel)))
	next, err := v.List(dir, func(name string) bool { return strings.HasPrefix(name, "next.config.") })
	if err == nil && len(next) > 0 {
		return true
	}
	api, err := v.List(filepath.Join(dir, "api"), func(string) bool { return true })
	return err == nil && len(api) > 0
}
