// Package pipeline takes the findings the rules produce to the ones a user
// sees. It stamps each finding with its fingerprint and then applies, in
// this order, the configuration's ignore blocks, the noticevet:ignore
// comments in the repository, and a baseline. `noticevet check` and the
// go vet analyzer both call it, so a suppression that holds for one holds
// for the other.
package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/noticevet/noticevet/internal/baseline"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suppress"
)

// Pipeline holds what decides which findings are reported.
type Pipeline struct {
	// Config gives the ignore blocks; nil for none.
	Config *config.Config
	// Baseline accepts findings from an earlier run; nil for none.
	Baseline *baseline.Baseline
	// Read returns a file's content by its path as findings give it. The
	// pipeline reads only the files findings point at, each once. An error
	// counts as an empty file: a finding on a line that cannot be read has
	// no comment to accept it and an empty line in its fingerprint.
	Read func(path string) ([]byte, error)

	mu    sync.Mutex
	files map[string]*file // by path
}

// A file is what the pipeline read of one file: its content (nil when it
// cannot be read) and, once asked for, its lines.
type file struct {
	src   []byte
	lines []string
	split bool
}

// Result is what the pipeline decided.
type Result struct {
	// Findings are the findings nothing accepted, in the order given, each
	// with its fingerprint.
	Findings []rules.Finding
	// Suppressed are the accepted findings with their reasons, sorted as
	// findings are.
	Suppressed []report.Suppressed
}

// Run applies the pipeline to the rules' findings.
func (p *Pipeline) Run(all []rules.Finding) Result {
	var res Result
	for _, f := range all {
		f.Fingerprint = Fingerprint(f, p.Line(f.Pos.Path, f.Pos.Line))
		if p.Config != nil {
			if ig, ok := p.Config.Ignored(f.Rule, f.Pos.Path); ok {
				res.Suppressed = append(res.Suppressed, report.Suppressed{Finding: f, Reason: ig.Reason})
				continue
			}
		}
		res.Findings = append(res.Findings, f)
	}
	kept, inline := suppress.Apply(res.Findings, p.source)
	res.Findings = kept
	res.Suppressed = append(res.Suppressed, inline...)
	if p.Baseline != nil {
		var held []report.Suppressed
		res.Findings, held = p.Baseline.Apply(res.Findings)
		res.Suppressed = append(res.Suppressed, held...)
	}
	report.SortSuppressed(res.Suppressed)
	return res
}

// source returns a file's content, reading it once.
func (p *Pipeline) source(path string) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if src := p.file(path).src; src != nil {
		return src, nil
	}
	return nil, errUnreadable
}

var errUnreadable = errors.New("cannot be read")

// file returns what was read of a file, reading it the first time. The
// caller holds p.mu.
func (p *Pipeline) file(path string) *file {
	if p.files == nil {
		p.files = map[string]*file{}
	}
	f, ok := p.files[path]
	if !ok {
		f = &file{}
		if p.Read != nil {
			f.src, _ = p.Read(path)
		}
		p.files[path] = f
	}
	return f
}

// Line returns line n (1-based) of a file as findings name it, without its
// line ending, or "" when there is no such line. It is safe for concurrent
// use, so reports may call it after Run.
func (p *Pipeline) Line(path string, n int) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := p.file(path)
	if !f.split {
		f.lines, f.split = splitLines(f.src), true
	}
	if n < 1 || n > len(f.lines) {
		return ""
	}
	return f.lines[n-1]
}

func splitLines(src []byte) []string {
	var ls []string
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, len(src)+1)
	for sc.Scan() {
		ls = append(ls, sc.Text())
	}
	return ls
}

// Fingerprint identifies a finding across commits: the rule, the country,
// the file and the content of the line it points at — not the line
// number, so that unrelated edits above it do not make it new.
func Fingerprint(f rules.Finding, line string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", f.Rule, f.Country, f.Pos.Path, strings.TrimSpace(line))
	return hex.EncodeToString(h.Sum(nil))[:16]
}
