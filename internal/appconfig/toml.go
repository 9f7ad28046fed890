package appconfig

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/yamlnode"
)

// readTOML reads a TOML configuration file with go-toml's parser, whose
// nodes keep their byte ranges: a value's position is where it starts.
// Values are grouped by the table that holds them, for their siblings.
func readTOML(rel string, src []byte) (*doc, error) {
	if i := repo.Nesting(src, false, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	t := &tomlReader{rel: rel, src: src, lines: yamlnode.LineStarts(src), arrays: map[string]int{}}
	var p unstable.Parser
	p.Reset(src)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = keyPath(e.Key())
		case unstable.ArrayTable:
			table = keyPath(e.Key())
			name := strings.Join(table, "\x00")
			i := t.arrays[name]
			t.arrays[name] = i + 1
			table[len(table)-1] += "[" + strconv.Itoa(i) + "]"
		case unstable.KeyValue:
			path := append(append([]string(nil), table...), keyPath(e.Key())...)
			t.value(e.Value(), path, 0)
		}
	}
	if err := p.Error(); err != nil {
		line := 0
		var pe *unstable.ParserError
		if errors.As(err, &pe) && pe.Highlight != nil {
			line = p.Shape(p.Range(pe.Highlight)).Start.Line
		}
		return nil, diag.Errorf(rel, line, "%s", err.Error())
	}
	return t.doc(), nil
}

type tomlReader struct {
	rel    string
	src    []byte
	lines  []int
	arrays map[string]int // array tables seen, by path
	vals   []tomlValue
}

type tomlValue struct {
	path  []string
	value string
	off   int
}

func keyPath(it unstable.Iterator) []string {
	var out []string
	for it.Next() {
		out = append(out, string(it.Node().Data))
	}
	return out
}

// value reads a value under path: strings, arrays of them, inline tables.
func (t *tomlReader) value(n *unstable.Node, path []string, depth int) {
	if depth > maxNesting || len(path) == 0 {
		return // the parser bounds nesting first
	}
	switch n.Kind {
	case unstable.String:
		t.vals = append(t.vals, tomlValue{path: path, value: string(n.Data), off: int(n.Raw.Offset)})
	case unstable.Array:
		it := n.Children()
		for i := 0; it.Next(); i++ {
			c := it.Node()
			switch c.Kind {
			case unstable.Comment:
			case unstable.String, unstable.Array:
				t.value(c, path, depth+1)
			default:
				p := append([]string(nil), path...)
				p[len(p)-1] += "[" + strconv.Itoa(i) + "]"
				t.value(c, p, depth+1)
			}
		}
	case unstable.InlineTable:
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			t.value(kv.Value(), append(append([]string(nil), path...), keyPath(kv.Key())...), depth+1)
		}
	}
}

// doc groups the values by the table that holds them.
func (t *tomlReader) doc() *doc {
	siblings := map[string]map[string]string{}
	parent := func(p []string) string { return strings.Join(p[:len(p)-1], "\x00") }
	for _, v := range t.vals {
		s := siblings[parent(v.path)]
		if s == nil {
			s = map[string]string{}
			siblings[parent(v.path)] = s
		}
		s[strings.ToLower(v.path[len(v.path)-1])] = v.value
	}
	d := &doc{}
	for _, v := range t.vals {
		i := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > v.off }) - 1
		if i < 0 {
			i = 0
		}
		d.entries = append(d.entries, entry{file: t.rel, path: v.path, value: v.value, line: i + 1,
			col: v.off - t.lines[i] + 1, siblings: siblings[parent(v.path)]})
	}
	return d
}
