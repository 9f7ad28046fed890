package appconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/yamlnode"
)

// readJSON reads a JSON configuration file with encoding/json's token
// stream; a string value's position is where its token starts.
func readJSON(rel string, src []byte) (*doc, error) {
	if i := repo.Nesting(src, true, maxNesting); i >= 0 {
		return nil, diag.Errorf(rel, repo.LineAt(src, i), "nested more than %d levels deep", maxNesting)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	j := &jsonReader{rel: rel, src: src, lines: yamlnode.LineStarts(src), dec: dec, d: &doc{}}
	tok, off, err := j.next()
	if err != nil {
		return nil, err
	}
	if err := j.value(tok, off, nil, nil, 0); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		msg := "more than one JSON value"
		if err != nil {
			msg = strings.TrimPrefix(err.Error(), "json: ")
		}
		return nil, diag.Errorf(rel, repo.LineAt(src, int(dec.InputOffset())), "%s", msg)
	}
	return j.d, nil
}

type jsonReader struct {
	rel   string
	src   []byte
	lines []int
	dec   *json.Decoder
	d     *doc
}

// next returns the next token and the offset where it starts.
func (j *jsonReader) next() (json.Token, int, error) {
	off := int(j.dec.InputOffset())
	tok, err := j.dec.Token()
	if err != nil {
		at := len(j.src)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at = int(se.Offset)
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of file"
		}
		return nil, 0, diag.Errorf(j.rel, repo.LineAt(j.src, at), "%s", msg)
	}
	for off < len(j.src) && strings.IndexByte(" \t\r\n:,", j.src[off]) >= 0 {
		off++
	}
	return tok, off, nil
}

// pos turns an offset into a line and a byte column.
func (j *jsonReader) pos(off int) (int, int) {
	i := sort.Search(len(j.lines), func(i int) bool { return j.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - j.lines[i] + 1
}

type jsonScalar struct {
	key, value string
	off        int
}

// value reads the value that starts with tok under path; siblings are
// those of the object that holds it, set when the object ends.
func (j *jsonReader) value(tok json.Token, off int, path []string, scalars *[]jsonScalar, depth int) error {
	if depth > maxNesting {
		line, _ := j.pos(off)
		return diag.Errorf(j.rel, line, "nested more than %d levels deep", maxNesting)
	}
	switch t := tok.(type) {
	case string:
		if scalars != nil && len(path) > 0 {
			*scalars = append(*scalars, jsonScalar{key: path[len(path)-1], value: t, off: off})
		}
	case json.Delim:
		switch t {
		case '{':
			return j.object(path, depth)
		case '[':
			for i := 0; ; i++ {
				tok, off, err := j.next()
				if err != nil {
					return err
				}
				if tok == json.Delim(']') {
					return nil
				}
				if _, isStr := tok.(string); isStr || len(path) == 0 {
					if err := j.value(tok, off, path, scalars, depth+1); err != nil {
						return err
					}
					continue
				}
				p := append([]string(nil), path...)
				p[len(p)-1] += "[" + strconv.Itoa(i) + "]"
				if err := j.value(tok, off, p, nil, depth+1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (j *jsonReader) object(path []string, depth int) error {
	var scalars []jsonScalar
	for {
		tok, _, err := j.next()
		if err != nil {
			return err
		}
		if tok == json.Delim('}') {
			break
		}
		key, _ := tok.(string)
		vtok, voff, err := j.next()
		if err != nil {
			return err
		}
		p := append(append([]string(nil), path...), key)
		if err := j.value(vtok, voff, p, &scalars, depth+1); err != nil {
			return err
		}
	}
	siblings := map[string]string{}
	for _, s := range scalars {
		siblings[strings.ToLower(s.key)] = s.value
	}
	for _, s := range scalars {
		line, col := j.pos(s.off)
		j.d.entries = append(j.d.entries, entry{file: j.rel, path: append(append([]string(nil), path...), s.key),
			value: s.value, line: line, col: col, siblings: siblings})
	}
	return nil
}
