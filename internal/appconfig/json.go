package appconfig

import (
	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/cfgnode"
)

// readJSON reads a JSON configuration file into go-yaml nodes
// (cfgnode.JSON) and walks them as a YAML file's: every string value
// under its keys. The objects of a top-level array are read as top-level
// objects. A file that does not parse is a diagnostic at its line.
func readJSON(rel string, src []byte) (*doc, error) {
	root, err := cfgnode.JSON(rel, src, maxNesting)
	if err != nil {
		return nil, err
	}
	y := &yamlReader{rel: rel, d: &doc{}} // cfgnode.JSON's columns are bytes already
	return y.d, y.top(root, 0)
}

// top reads a top-level JSON value: an object, or the objects of an array
// (and of its arrays).
func (y *yamlReader) top(n *yaml.Node, depth int) error {
	switch n.Kind {
	case yaml.MappingNode:
		return y.mapping(n, nil, depth)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := y.top(c, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}
