package appconfig

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// readYAML reads every document of a YAML file. A Compose file gives the
// environment of its services; any other file every scalar value under
// its keys. Kubernetes objects (apiVersion and kind at the top) are not
// application configuration and give nothing.
func readYAML(rel string, src []byte, compose bool) (*doc, error) {
	if i := repo.Nesting(src, false, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	if err := cfgnode.CheckLineBreaks(rel, src); err != nil {
		return nil, err
	}
	y := &yamlReader{rel: rel, cols: cfgnode.NewColumns(src), d: &doc{services: map[string]bool{}}}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, cfgnode.YAMLError(rel, err)
		}
		root := &n
		if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
			root = root.Content[0]
		}
		if root.Kind != yaml.MappingNode || kubernetesObject(root) {
			continue
		}
		if compose {
			if err := y.compose(root); err != nil {
				return nil, err
			}
			continue
		}
		if err := y.mapping(root, nil, 0); err != nil {
			return nil, err
		}
	}
	return y.d, nil
}

type yamlReader struct {
	rel string
	// cols turns go-yaml's character columns into bytes; nil when the
	// nodes' columns are bytes already (JSON read by cfgnode.JSON).
	cols *cfgnode.Columns
	d    *doc
}

// col returns the byte column of a node's position.
func (y *yamlReader) col(line, col int) int {
	if y.cols == nil {
		return col
	}
	return y.cols.Byte(line, col)
}

// kubernetesObject reports whether a mapping has apiVersion and kind keys.
func kubernetesObject(m *yaml.Node) bool {
	var api, kind bool
	for i := 0; i+1 < len(m.Content); i += 2 {
		switch m.Content[i].Value {
		case "apiVersion":
			api = true
		case "kind":
			kind = true
		}
	}
	return api && kind
}

// mapping reads the values under a mapping whose keys are path.
func (y *yamlReader) mapping(m *yaml.Node, path []string, depth int) error {
	if depth > maxNesting {
		return diag.Errorf(y.rel, m.Line, "nested more than %d levels deep", maxNesting)
	}
	siblings := map[string]string{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
			siblings[strings.ToLower(k.Value)] = v.Value
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			continue // complex keys and merges (<<, not "<<"): the merged mapping is read where it is written
		}
		p := append(append([]string(nil), path...), k.Value)
		if err := y.node(v, p, siblings, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// node reads the values of one node under path; siblings are those of the
// mapping that holds it.
func (y *yamlReader) node(v *yaml.Node, path []string, siblings map[string]string, depth int) error {
	if depth > maxNesting {
		return diag.Errorf(y.rel, v.Line, "nested more than %d levels deep", maxNesting)
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!str" || v.Tag == "" {
			y.add(v, path, siblings, false)
		}
	case yaml.MappingNode:
		return y.mapping(v, path, depth)
	case yaml.SequenceNode:
		for i, c := range v.Content {
			switch c.Kind {
			case yaml.ScalarNode:
				// A list of brokers or hosts: each is a value of the key.
				if err := y.node(c, path, siblings, depth+1); err != nil {
					return err
				}
			default:
				p := append([]string(nil), path...)
				p[len(p)-1] += "[" + strconv.Itoa(i) + "]"
				if err := y.node(c, p, nil, depth+1); err != nil {
					return err
				}
			}
		}
	}
	// Aliases are read where their anchor is.
	return nil
}

func (y *yamlReader) add(v *yaml.Node, path []string, siblings map[string]string, env bool) {
	y.d.entries = append(y.d.entries, entry{
		file: y.rel, path: path, value: v.Value, line: v.Line,
		col: y.col(v.Line, v.Column), siblings: siblings, env: env,
	})
}

// compose reads a Compose file: its service names, and the environment
// of each service, as a mapping or as a list of NAME=value.
func (y *yamlReader) compose(root *yaml.Node) error {
	services := value(root, "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(services.Content); i += 2 {
		name, svc := services.Content[i], services.Content[i+1]
		y.d.services[name.Value] = true
		if svc.Kind != yaml.MappingNode {
			continue
		}
		if h := value(svc, "hostname"); h != nil && h.Kind == yaml.ScalarNode {
			y.d.services[h.Value] = true
		}
		if cn := value(svc, "container_name"); cn != nil && cn.Kind == yaml.ScalarNode {
			y.d.services[cn.Value] = true
		}
		env := value(svc, "environment")
		if env == nil {
			continue
		}
		base := []string{"services", name.Value, "environment"}
		siblings := map[string]string{}
		switch env.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(env.Content); j += 2 {
				k, v := env.Content[j], env.Content[j+1]
				if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
					siblings[strings.ToLower(k.Value)] = v.Value
				}
			}
			for j := 0; j+1 < len(env.Content); j += 2 {
				k, v := env.Content[j], env.Content[j+1]
				if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
					y.add(v, append(append([]string(nil), base...), k.Value), siblings, true)
				}
			}
		case yaml.SequenceNode:
			for _, c := range env.Content {
				if k, v, ok := strings.Cut(c.Value, "="); ok && c.Kind == yaml.ScalarNode {
					siblings[strings.ToLower(k)] = v
				}
			}
			for _, c := range env.Content {
				k, v, ok := strings.Cut(c.Value, "=")
				if !ok || c.Kind != yaml.ScalarNode {
					continue
				}
				col := y.col(c.Line, c.Column)
				if c.Style == 0 {
					col += len(k) + 1 // the value starts after NAME=
				}
				y.d.entries = append(y.d.entries, entry{
					file: y.rel, path: append(append([]string(nil), base...), k), value: v,
					line: c.Line, col: col, siblings: siblings, env: true,
				})
			}
		}
	}
	return nil
}

// value returns the value of a key of a mapping, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// errorf is a diagnostic at a line of a file.
func errorf(rel string, line int, format string, args ...any) error {
	return diag.Errorf(rel, line, "%s", fmt.Sprintf(format, args...))
}
