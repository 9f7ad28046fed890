// Package baseline reads an earlier `noticevet check -format json` output
// and suppresses the findings it already holds, so that a repository can
// adopt noticevet and be told only of what changes.
//
// A finding is the same as a baseline entry when its rule, country, path
// (as the JSON output writes it) and fingerprint are (the fingerprint
// hashes the content of the line, not its number, so edits elsewhere in the
// file do not make a finding new). Each entry accepts one finding: a second
// copy of a known problem is new. The baseline's "suppressed" entries count
// too, so an output written with a baseline can serve as the next baseline.
//
// The package does not decide what a finding is, read the repository, or
// write baselines: the JSON output is the baseline format.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/rules"
)

// Baseline is the findings of an earlier run.
type Baseline struct {
	// Name is the file as messages and reasons show it.
	Name    string
	entries map[key]int
	size    int
}

// key is what makes a finding the same as a baseline entry.
type key struct {
	rule, country, path, fingerprint string
}

// keyOf is a finding's key. The path is taken as the JSON output writes
// it: a file name that is not UTF-8 comes out of encoding/json with each
// bad byte replaced by U+FFFD, and is matched so. Two names that differ
// only in those bytes are still told apart by the fingerprint, which
// hashes the raw name.
func keyOf(f *rules.Finding) key {
	return key{f.Rule, f.Country, asJSON(f.Pos.Path), f.Fingerprint}
}

// asJSON replaces each byte of s that is not UTF-8 with U+FFFD, as
// encoding/json does.
func asJSON(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Len is the number of entries.
func (b *Baseline) Len() int { return b.size }

// MaxSize is the largest baseline read, in bytes: some hundred thousand
// findings.
const MaxSize = 64 << 20

// Read reads the baseline at path; messages name it as path.
func Read(path string) (*Baseline, error) {
	fail := func(err error) error {
		return fmt.Errorf("%s: %w", path, diag.Cause(err))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, MaxSize>>20)
	}
	return Parse(path, data)
}

// The parts of the JSON output a baseline reads. Pointers tell a missing
// field from an empty one.
type document struct {
	Version    *int     `json:"version"`
	Findings   *[]entry `json:"findings"`
	Suppressed []entry  `json:"suppressed"`
}

type entry struct {
	Rule        string `json:"rule"`
	Country     string `json:"country"`
	Fingerprint string `json:"fingerprint"`
	Location    *struct {
		Path string `json:"path"`
	} `json:"location"`
}

// Parse reads a baseline from data; name is the file's name for messages,
// which are one line: "name: reason", or "name:line:column: reason" for
// malformed JSON.
func Parse(name string, data []byte) (*Baseline, error) {
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonError(name, data, err)
	}
	switch {
	case doc.Version == nil:
		return nil, fmt.Errorf(`%s: no "version": not the output of noticevet check -format json`, name)
	case *doc.Version != 1:
		return nil, fmt.Errorf("%s: version %d is not one this noticevet reads (want 1)", name, *doc.Version)
	case doc.Findings == nil:
		return nil, fmt.Errorf(`%s: no "findings" list: not the output of noticevet check -format json`, name)
	}
	b := &Baseline{Name: name, entries: map[key]int{}}
	add := func(list string, i int, e entry) error {
		switch {
		case e.Rule == "":
			return fmt.Errorf(`%s: %s[%d] has no "rule"`, name, list, i)
		case e.Location == nil || e.Location.Path == "":
			return fmt.Errorf(`%s: %s[%d] has no "location" with a "path"`, name, list, i)
		case e.Fingerprint == "":
			return fmt.Errorf(`%s: %s[%d] has no "fingerprint" (write the baseline with this noticevet's -format json)`, name, list, i)
		}
		b.entries[key{e.Rule, e.Country, e.Location.Path, e.Fingerprint}]++
		b.size++
		return nil
	}
	for i, e := range *doc.Findings {
		if err := add("findings", i, e); err != nil {
			return nil, err
		}
	}
	for i, e := range doc.Suppressed {
		if err := add("suppressed", i, e); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// jsonError turns a decoding error into "name:line:column: reason".
func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset := syn.Offset
		if strings.HasSuffix(syn.Error(), "unexpected end of JSON input") {
			// It ran out of input: point past the end.
			offset = int64(len(data)) + 1
		}
		line, col := position(data, offset)
		return fmt.Errorf("%s:%d:%d: invalid JSON: %s", name, line, col, trimJSON(syn.Error()))
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "the document"
		} else {
			field = fmt.Sprintf("%q", field)
		}
		return fmt.Errorf("%s:%d:%d: %s is a JSON %s, want %s", name, line, col, field, typ.Value, jsonKind(typ.Type.Kind().String()))
	}
	return fmt.Errorf("%s: %s", name, trimJSON(err.Error()))
}

// position returns the 1-based line and byte column of the byte just before
// offset: encoding/json reports an error after reading the byte at fault.
func position(data []byte, offset int64) (line, col int) {
	at := int(offset) - 1
	if at < 0 {
		at = 0
	}
	if at > len(data) {
		at = len(data)
	}
	before := data[:at]
	line = bytes.Count(before, []byte("\n")) + 1
	col = at - bytes.LastIndexByte(before, '\n')
	return line, col
}

func trimJSON(s string) string {
	return strings.TrimPrefix(s, "json: ")
}

func jsonKind(k string) string {
	switch k {
	case "int", "int64", "int32", "uint", "uint64", "float64":
		return "a number"
	case "string":
		return "a string"
	case "slice":
		return "a list"
	case "struct", "map", "ptr":
		return "an object"
	case "bool":
		return "true or false"
	}
	return k
}

// Reason is why a finding the baseline holds is not reported.
func (b *Baseline) Reason() string {
	return "in the baseline " + b.Name
}

// Apply splits findings into those the baseline does not hold (kept, in
// order) and those it does (suppressed, with Reason). Each baseline entry
// accepts one finding.
func (b *Baseline) Apply(findings []rules.Finding) (kept []rules.Finding, suppressed []report.Suppressed) {
	left := make(map[key]int, len(b.entries))
	for k, n := range b.entries {
		left[k] = n
	}
	for _, f := range findings {
		k := keyOf(&f)
		if f.Fingerprint != "" && left[k] > 0 {
			left[k]--
			suppressed = append(suppressed, report.Suppressed{Finding: f, Reason: b.Reason()})
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}

// Filter applies the baseline to a result: the findings it holds move to
// r.Suppressed, which stays sorted as findings are.
func (b *Baseline) Filter(r *report.Result) {
	var sup []report.Suppressed
	r.Findings, sup = b.Apply(r.Findings)
	if len(sup) == 0 {
		return
	}
	r.Suppressed = append(r.Suppressed, sup...)
	report.SortSuppressed(r.Suppressed)
}
