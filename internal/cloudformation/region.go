package cloudformation

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// noRegion is why a template's resources are not placed when nothing
// names the region its stacks are deployed to.
const noRegion = "deployed to a region the template does not name: set it in a deploy block of .noticevet.hcl or in samconfig.toml"

// maxSamconfig bounds a samconfig.toml.
const maxSamconfig = 1 << 20

// stacks are the deployments of a template: the deploy block of the
// configuration that matches its path; else one per region the
// samconfig.toml beside it names (each environment is a stack, and
// environments in the same region are one); else one whose region is not
// known. The SAM configuration file read, if one was, is named too.
func (s Source) stacks(v *repo.View, f repo.File) ([]stack, string, error) {
	if s.Config != nil {
		if d, ok := s.Config.DeployFor(f.Rel); ok && d.Region != "" {
			return []stack{{region: d.Region, via: fmt.Sprintf("deploy %q", d.Pattern)}}, "", nil
		}
	}
	files, err := v.List(filepath.Dir(f.Abs), func(name string) bool { return samconfigNames[name] > 0 })
	if err != nil {
		return nil, "", err
	}
	if len(files) == 0 {
		return []stack{{unresolved: noRegion}}, "", nil
	}
	// The SAM CLI reads samconfig.toml first, then .yaml, then .yml.
	sort.Slice(files, func(i, j int) bool {
		return samconfigNames[path.Base(files[i].Rel)] < samconfigNames[path.Base(files[j].Rel)]
	})
	name := path.Base(files[0].Rel)
	src, err := v.ReadText(files[0], maxSamconfig)
	if err != nil {
		return nil, "", err
	}
	envs, err := samconfigRegions(files[0].Rel, src)
	if err != nil {
		return nil, "", err
	}
	if len(envs) == 0 {
		return []stack{{unresolved: noRegion + " (" + name + " names none)"}}, files[0].Rel, nil
	}
	byRegion := map[string][]string{}
	for env, region := range envs {
		byRegion[region] = append(byRegion[region], env)
	}
	var out []stack
	for region, names := range byRegion {
		sort.Strings(names)
		out = append(out, stack{region: region, via: fmt.Sprintf("%s [%s]", name, strings.Join(names, ", "))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].region < out[j].region })
	return out, files[0].Rel, nil
}

// samconfigNames are the names of the SAM CLI's configuration file, in
// the order it looks for them.
var samconfigNames = map[string]int{"samconfig.toml": 1, "samconfig.yaml": 2, "samconfig.yml": 3}

// samconfigRegions reads the region of each environment of a SAM CLI
// configuration file: [env.deploy.parameters] region, else
// [env.global.parameters] region.
func samconfigRegions(rel string, src []byte) (map[string]string, error) {
	var doc map[string]any
	if !strings.HasSuffix(rel, ".toml") {
		roots, err := cfgnode.YAML(rel, src, maxNesting)
		if err != nil {
			return nil, err
		}
		if len(roots) > 0 {
			// go-yaml bounds the aliases a decode expands.
			if err := roots[0].Decode(&doc); err != nil {
				return nil, diag.Errorf(rel, roots[0].Line, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
			}
		}
	} else if err := toml.Unmarshal(src, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			d := diag.Errorf(rel, line, "%s", de.Error())
			d.Column, d.ShowColumn = col, true
			return nil, d
		}
		return nil, diag.Errorf(rel, 0, "%s", strings.TrimPrefix(err.Error(), "toml: "))
	}
	out := map[string]string{}
	for env, body := range doc {
		for _, cmd := range []string{"deploy", "global"} {
			r, ok := lookup(body, cmd, "parameters", "region").(string)
			if ok && strings.TrimSpace(r) != "" {
				out[env] = strings.TrimSpace(r)
				break
			}
		}
	}
	return out, nil
}

// lookup follows keys through nested tables.
func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
