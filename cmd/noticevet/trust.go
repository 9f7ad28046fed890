package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/noticevet/noticevet/internal/baseline"
	"github.com/noticevet/noticevet/internal/check"
	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/internal/report"
	"github.com/noticevet/noticevet/internal/rules"
	"github.com/noticevet/noticevet/internal/suggest"
	"github.com/noticevet/noticevet/internal/trust"
)

// maxConfig is the largest configuration read from a revision, as from a
// file (see internal/config).
const maxConfig = 1 << 20

// trusted is what -config-from REV takes from the revision rather than
// from the working tree: the configuration, the baseline and the list of
// notices. The notices' text is the working tree's: changing what the
// notice says is how a finding is fixed.
type trusted struct {
	rev *trust.Rev
	// what the run uses
	config       []byte         // nil: the revision has none, so none is used
	configName   string         // "REV:path"
	cfg          *config.Config // config, parsed
	baseline     []byte
	baselineName string
	notices      []string // paths under the checked folder; nil when the revision has none
	// what the working tree holds instead, for the comparison
	ownConfig    []byte
	ownBaseline  []byte
	ownNotices   []string
	configRel    string // from the repository root
	baselineRel  string
	noticesNamed bool // -notice named them: the list is the command line's
}

// checkTrusted runs a check whose configuration, baseline and list of
// notices come from git revision rev, and says in the result where they
// came from and what the working tree's own versions would have
// suppressed. opts is the check as the flags ask for it.
func checkTrusted(opts check.Options, rev string) (*report.Result, error) {
	absDir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	root, err := repo.Root(absDir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		return nil, fmt.Errorf("-config-from: %s is not in a git repository", filepath.ToSlash(opts.Dir))
	}
	t, err := readTrusted(opts, rev, root, absDir)
	if err != nil {
		return nil, err
	}

	own := opts
	opts.Trusted, opts.Baseline = t.cfg, ""
	if !t.noticesNamed && t.notices != nil {
		opts.Notices = nil
		for _, n := range t.notices {
			p := filepath.Join(absDir, filepath.FromSlash(n))
			if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: a notice at %s that the changes remove; the list of notices is %s's (-config-from): name the notices with -notice to check another list", n, rev, rev)
			}
			// Named on the command line a notice may be anything; found in
			// the repository it must be a file inside it, as check.Run
			// requires of the notices it finds.
			if err := regularInside(root, p, n); err != nil {
				return nil, err
			}
			opts.Notices = append(opts.Notices, p)
		}
	}
	res, runErr := check.Run(opts)
	if res == nil {
		return nil, runErr
	}
	unfiltered := slices.Clone(res.Findings)
	if t.baseline != nil {
		b, err := baseline.Parse(t.baselineName, t.baseline)
		if err != nil {
			return nil, err
		}
		b.Filter(res)
	}

	res.Changed = changedSince(t.rev, repo.Rel(root, absDir), res)

	res.Trust = append(res.Trust, fmt.Sprintf("The configuration, the baseline and the list of notices are taken from %s (-config-from), not from the changes under check: %s.",
		rev, t.describe()))
	var changed []string
	if !bytes.Equal(t.config, t.ownConfig) {
		changed = append(changed, t.configRel)
	}
	if t.baselineRel != "" && !bytes.Equal(t.baseline, t.ownBaseline) {
		changed = append(changed, t.baselineRel)
	}
	if !t.noticesNamed && t.notices != nil && strings.Join(t.notices, "\x00") != strings.Join(t.ownNotices, "\x00") {
		changed = append(changed, "the list of notices ("+strings.Join(nonEmpty(t.ownNotices), ", ")+")")
	}
	if len(changed) > 0 {
		// What the working tree's own versions would report: the findings
		// they would hide are the ones this run reports and that one does
		// not.
		own.Warn = nil
		ownFindings, ownErr := ownFindings(own, t, changed, unfiltered)
		sentence := fmt.Sprintf("The changes under check modify %s, which are not used", strings.Join(changed, " and "))
		switch {
		case ownErr != nil:
			sentence += fmt.Sprintf("; with them the check could not be done (%s)", oneLine(ownErr.Error()))
		default:
			n := hidden(res.Findings, ownFindings)
			sentence += fmt.Sprintf("; with them %d of the %d %s reported here would not be", n, len(res.Findings), plural(len(res.Findings), "finding"))
		}
		res.Trust = append(res.Trust, sentence+".")
	}
	return res, runErr
}

// ownFindings are the findings the working tree's own configuration,
// baseline and list of notices give. When only the baseline differs, the
// evidence and claims are the trusted run's: the working tree's baseline
// is applied to that run's findings (unfiltered) instead of checking the
// repository again. Otherwise the check runs again with opts.
func ownFindings(opts check.Options, t *trusted, changed []string, unfiltered []rules.Finding) ([]rules.Finding, error) {
	if len(changed) == 1 && changed[0] == t.baselineRel && t.ownBaseline != nil {
		if b, err := baseline.Parse(opts.Baseline, t.ownBaseline); err == nil {
			kept, _ := b.Apply(slices.Clone(unfiltered))
			return kept, nil
		}
	}
	res, err := check.Run(opts)
	if res == nil {
		return nil, err
	}
	return res.Findings, nil
}

// readTrusted reads what the revision holds, and the working tree's
// versions to compare.
func readTrusted(opts check.Options, rev, root, absDir string) (*trusted, error) {
	r, err := trust.Open(root, rev)
	if err != nil {
		return nil, err
	}
	t := &trusted{rev: r, noticesNamed: len(opts.Notices) > 0}
	fromRoot := func(p string) (string, error) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", err
		}
		if !repo.Within(root, abs) {
			return "", fmt.Errorf("-config-from: %s is outside the repository, so no revision holds it", filepath.ToSlash(p))
		}
		return repo.Rel(root, abs), nil
	}

	// The configuration: -config's file, else the checked folder's.
	cfgFile := opts.Config
	if cfgFile == "" {
		cfgFile = filepath.Join(absDir, config.FileName)
	}
	if t.configRel, err = fromRoot(cfgFile); err != nil {
		return nil, err
	}
	t.configName = rev + ":" + t.configRel
	switch data, err := r.Read(t.configRel, maxConfig); {
	case errors.Is(err, trust.ErrNotExist):
		t.config, t.cfg = []byte{}, &config.Config{}
	case err != nil:
		return nil, err
	default:
		// Parsed here, once, so that a mistake names the revision's file.
		if t.cfg, err = config.Parse(t.configName, data); err != nil {
			return nil, err
		}
		t.config = data
	}
	t.ownConfig = readOwn(cfgFile)
	if t.ownConfig == nil {
		t.ownConfig = []byte{}
	}

	if opts.Baseline != "" {
		if t.baselineRel, err = fromRoot(opts.Baseline); err != nil {
			return nil, err
		}
		t.baselineName = rev + ":" + t.baselineRel
		switch data, err := r.Read(t.baselineRel, baseline.MaxSize); {
		case errors.Is(err, trust.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			t.baseline = data
		}
		t.ownBaseline = readOwn(opts.Baseline)
	}

	if !t.noticesNamed {
		dirRel := repo.Rel(root, absDir)
		if t.notices, err = r.Match(dirRel, check.NoticePatterns); err != nil {
			return nil, err
		}
		if len(t.notices) == 0 {
			t.notices = nil // the revision has none: the working tree's are used
		}
		for _, pat := range check.NoticePatterns {
			m, _ := filepath.Glob(filepath.Join(absDir, filepath.FromSlash(pat)))
			for _, p := range m {
				rel := repo.Rel(absDir, p)
				if !slices.Contains(t.ownNotices, rel) {
					t.ownNotices = append(t.ownNotices, rel)
				}
			}
		}
	}
	return t, nil
}

// describe says what was taken from the revision.
func (t *trusted) describe() string {
	var parts []string
	if len(t.config) == 0 {
		parts = append(parts, "no configuration ("+t.configRel+" is not there)")
	} else {
		parts = append(parts, t.configRel)
	}
	switch {
	case t.baselineRel == "":
	case t.baseline == nil:
		parts = append(parts, "no baseline ("+t.baselineRel+" is not there)")
	default:
		parts = append(parts, "the baseline "+t.baselineRel)
	}
	switch {
	case t.noticesNamed:
	case t.notices == nil:
		parts = append(parts, "no notice, so the notices found in the changes are read")
	default:
		parts = append(parts, "the notices "+strings.Join(t.notices, ", "))
	}
	return strings.Join(parts, ", ")
}

// regularInside refuses a file that is not a regular file inside root once
// symbolic links are followed.
func regularInside(root, p, name string) error {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fmt.Errorf("%s: %v", name, diag.Cause(err))
	}
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		rootReal = root
	}
	if !repo.Within(rootReal, real) {
		return fmt.Errorf("%s: a symbolic link that leads outside the repository", name)
	}
	if info, err := os.Stat(real); err != nil || !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", name)
	}
	return nil
}

// readOwn reads a file of the working tree, nil when there is none.
func readOwn(p string) []byte {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	return data
}

// hidden counts the findings of trusted that own does not report: each
// finding of own matches one of trusted by rule, country, path and
// fingerprint.
func hidden(trusted, own []rules.Finding) int {
	type key struct{ rule, country, path, fp string }
	left := map[key]int{}
	for _, f := range own {
		left[key{f.Rule, f.Country, f.Pos.Path, f.Fingerprint}]++
	}
	n := 0
	for _, f := range trusted {
		k := key{f.Rule, f.Country, f.Pos.Path, f.Fingerprint}
		if left[k] > 0 {
			left[k]--
			continue
		}
		n++
	}
	return n
}

func nonEmpty(xs []string) []string {
	if len(xs) == 0 {
		return []string{"none"}
	}
	return xs
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// changedSince says which lines of the notices a proposal is made for
// differ from their version in the revision (a notice the revision does
// not hold is new: every line), so that the Markdown report can give a
// proposal on lines the pull request changes as a GitHub suggestion.
// dir is the checked folder from the repository root.
func changedSince(rev *trust.Rev, dir string, res *report.Result) func(string, int) bool {
	changed := map[string]map[int]bool{}
	for _, s := range res.Suggestions {
		if filepath.IsAbs(s.Path) {
			continue // named outside the repository: no base to compare with
		}
		base, err := rev.Read(path.Join(dir, s.Path), check.MaxNoticeSize)
		switch {
		case errors.Is(err, trust.ErrNotExist):
			base = nil
		case err != nil:
			continue // unknown: shown as a diff
		}
		changed[s.Path] = suggest.ChangedLines(string(base), s.Old)
	}
	return func(p string, line int) bool { return changed[p][line] }
}
