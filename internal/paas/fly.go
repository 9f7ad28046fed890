package paas

import (
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/noticevet/noticevet/internal/cfgnode"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// readFly reads a fly.toml with go-toml's parser: the app's name, its
// primary_region (where its Machines are created and its volumes live),
// and whether it mounts a volume, which makes it a store rather than a
// place data is only sent to.
func readFly(rel string, src []byte) ([]site, error) {
	if i := repo.Nesting(src, false, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	lines := cfgnode.LineStarts(src)
	var (
		p      unstable.Parser
		table  []string
		app    string
		region string
		at     = evidence.Pos{Path: rel, Line: 1, Column: 1}
		mounts bool
	)
	p.Reset(src)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyPath(e.Key())
			if len(table) > 0 && table[0] == "mounts" {
				mounts = true
			}
		case unstable.KeyValue:
			key := append(append([]string(nil), table...), keyPath(e.Key())...)
			if len(key) > 0 && key[0] == "mounts" {
				mounts = true
			}
			if len(key) != 1 {
				continue
			}
			v := e.Value()
			if v.Kind != unstable.String {
				continue
			}
			switch key[0] {
			case "app":
				app = string(v.Data)
			case "primary_region":
				region = string(v.Data)
				at.Line, at.Column = cfgnode.Pos(lines, int(v.Raw.Offset))
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, cfgnode.TOMLError(rel, &p, err)
	}
	what := "fly.io app"
	if app != "" {
		what += " " + app
	}
	k := evidence.Send
	if mounts {
		k = evidence.Store
	}
	return []site{{kind: k, what: what, pos: at, platform: "fly", region: region,
		missing: "fly.toml sets no primary_region (fly launch asks for one and fly deploy keeps it); set primary_region, or " + deployHint(rel, "ams")}}, nil
}

// keyPath is a TOML key as its parts.
func keyPath(it unstable.Iterator) []string {
	var out []string
	for it.Next() {
		out = append(out, string(it.Node().Data))
	}
	return out
}
