package integration

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/noticevet/noticevet/internal/report"
)

// action is what action.yml declares.
type action struct {
	Name        string
	Description string
	Author      string
	Branding    struct{ Icon, Color string }
	Inputs      map[string]struct {
		Description string
		Required    bool
		Default     string
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []step
	}
}

type step struct {
	Name             string
	ID               string
	If               string
	Uses             string
	Shell            string
	Run              string
	WorkingDirectory string `yaml:"working-directory"`
	Env              map[string]string
	With             map[string]string
}

func readAction(t *testing.T) *action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// references lists the context paths an expression string uses.
func references(s string) []string {
	var refs []string
	for _, m := range exprRE.FindAllStringSubmatch(s, -1) {
		refs = append(refs, identRE.FindAllString(m[1], -1)...)
	}
	return refs
}

var identRE = regexp.MustCompile(`[a-z_]+(\.[a-zA-Z_][a-zA-Z0-9_-]*)+`)

func TestActionDeclaration(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, want := range []string{"directory", "notice", "config", "fail-on", "comment"} {
		if _, ok := a.Inputs[want]; !ok {
			t.Errorf("no input %q", want)
		}
	}
	used := map[string]bool{}
	ids := map[string]*step{}
	var all []string
	for i := range a.Runs.Steps {
		s := &a.Runs.Steps[i]
		if s.ID != "" {
			ids[s.ID] = s
		}
		if s.Run != "" {
			if s.Shell != "bash" {
				t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
			}
			// Inputs reach scripts through env, never pasted into the
			// script, where a value could run as code.
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q: an expression inside the script", s.Name)
			}
		}
		if (s.Run == "") == (s.Uses == "") {
			t.Errorf("step %q: wants exactly one of run and uses", s.Name)
		}
		all = append(all, s.If, s.WorkingDirectory)
		if s.If != "" {
			all = append(all, "${{ "+s.If+" }}")
		}
		for _, v := range s.Env {
			all = append(all, v)
		}
		for _, v := range s.With {
			all = append(all, v)
		}
	}
	for _, o := range a.Outputs {
		all = append(all, o.Value)
	}
	for _, s := range all {
		for _, ref := range references(s) {
			parts := strings.Split(ref, ".")
			switch parts[0] {
			case "inputs":
				if _, ok := a.Inputs[parts[1]]; !ok {
					t.Errorf("%s: no such input", ref)
				}
				used[parts[1]] = true
			case "steps":
				st, ok := ids[parts[1]]
				if !ok || len(parts) != 4 || parts[2] != "outputs" {
					t.Errorf("%s: no such step output", ref)
					continue
				}
				if !strings.Contains(st.Run, parts[3]+"=") {
					t.Errorf("%s: step %q never writes it to $GITHUB_OUTPUT", ref, parts[1])
				}
			case "github", "runner":
			default:
				t.Errorf("%s: unknown context", ref)
			}
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is never used", name)
		}
	}
}

// The scripts are valid bash, and clean under shellcheck where it is
// installed.
func TestActionScripts(t *testing.T) {
	a := readAction(t)
	dir := t.TempDir()
	shellcheck, _ := exec.LookPath("shellcheck")
	for i, s := range a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		p := filepath.Join(dir, strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) {
				return r
			}
			return '-'
		}, s.Name)+".sh")
		if err := os.WriteFile(p, []byte("#!/bin/bash\n"+s.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("bash", "-n", p).CombinedOutput(); err != nil {
			t.Errorf("step %d %q: %v\n%s", i, s.Name, err, out)
		}
		if shellcheck != "" {
			if out, err := exec.Command(shellcheck, "-s", "bash", p).CombinedOutput(); err != nil {
				t.Errorf("step %d %q: shellcheck:\n%s", i, s.Name, out)
			}
		}
	}
}

// runner runs a composite action's steps as GitHub's runner does: each run
// step as `bash --noprofile --norc -eo pipefail`, with the expressions in
// if, env, with and working-directory evaluated, step outputs read from
// $GITHUB_OUTPUT, and the first failing step ending the action. Steps that
// use other actions are recorded, not run.
type runner struct {
	t       *testing.T
	a       *action
	ctx     map[string]string // "inputs.comment", "github.event_name", "steps.check.outputs.sarif"...
	env     []string
	temp    string
	summary string
	// replace runs instead of a step, by name.
	replace map[string]func()

	uses map[string]map[string]string // uses -> with, evaluated
	ran  []string
	out  bytes.Buffer // what the steps printed
}

func newRunner(t *testing.T, a *action, workspace string, inputs map[string]string, env ...string) *runner {
	temp := t.TempDir()
	r := &runner{
		t: t, a: a, temp: temp, summary: filepath.Join(temp, "summary.md"),
		ctx: map[string]string{
			"github.action_path":               repoRoot(t),
			"github.workspace":                 workspace,
			"github.token":                     "fake-token",
			"github.event_name":                "pull_request",
			"github.event.pull_request.number": "17",
			"runner.temp":                      temp,
		},
		replace: map[string]func(){},
		uses:    map[string]map[string]string{},
	}
	for name, in := range a.Inputs {
		r.ctx["inputs."+name] = r.eval(in.Default)
	}
	for k, v := range inputs {
		if _, ok := a.Inputs[k]; !ok && !strings.Contains(k, ".") {
			t.Fatalf("no input %q", k)
		}
		if strings.Contains(k, ".") {
			r.ctx[k] = v
		} else {
			r.ctx["inputs."+k] = v
		}
	}
	r.env = append(os.Environ(),
		"RUNNER_TEMP="+temp,
		"GITHUB_STEP_SUMMARY="+r.summary,
		"GITHUB_REPOSITORY=acme/shop",
		"GITHUB_WORKSPACE="+workspace,
		"GITHUB_ACTION_PATH="+repoRoot(t),
	)
	r.env = append(r.env, env...)
	return r
}

// eval replaces every ${{ expr }} in s.
func (r *runner) eval(s string) string {
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		return r.expr(exprRE.FindStringSubmatch(m)[1])
	})
}

// expr evaluates the expressions action.yml uses: context paths, 'strings',
// ==, !=, &&, || and parentheses. Strings compare without case, as GitHub's
// do; a condition is true when it evaluates to "true".
func (r *runner) expr(s string) string {
	toks := regexp.MustCompile(`'[^']*'|==|!=|&&|\|\||[()]|[A-Za-z_][A-Za-z0-9_.-]*`).FindAllString(s, -1)
	if strings.Join(toks, "") != strings.ReplaceAll(s, " ", "") {
		r.t.Fatalf("expression %q has parts this runner does not read", s)
	}
	i := 0
	var or func() string
	primary := func() string {
		tok := toks[i]
		i++
		switch {
		case tok == "(":
			v := or()
			i++ // ")"
			return v
		case strings.HasPrefix(tok, "'"):
			return strings.Trim(tok, "'")
		case tok == "true" || tok == "false":
			return tok
		}
		return r.ctx[tok]
	}
	cmp := func() string {
		a := primary()
		if i < len(toks) && (toks[i] == "==" || toks[i] == "!=") {
			op := toks[i]
			i++
			b := primary()
			return boolString(strings.EqualFold(a, b) == (op == "=="))
		}
		return a
	}
	and := func() string {
		v := cmp()
		for i < len(toks) && toks[i] == "&&" {
			i++
			w := cmp()
			v = boolString(v == "true" && w == "true")
		}
		return v
	}
	or = func() string {
		v := and()
		for i < len(toks) && toks[i] == "||" {
			i++
			w := and()
			v = boolString(v == "true" || w == "true")
		}
		return v
	}
	return or()
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// run runs the steps and returns the step that failed and its exit status
// ("" and 0 when none did).
func (r *runner) run() (failed string, code int) {
	for i, s := range r.a.Runs.Steps {
		if s.If != "" && r.expr(s.If) != "true" {
			continue
		}
		r.ran = append(r.ran, s.Name)
		if f, ok := r.replace[s.Name]; ok {
			f()
			continue
		}
		if s.Uses != "" {
			with := map[string]string{}
			for k, v := range s.With {
				with[k] = r.eval(v)
			}
			r.uses[s.Uses] = with
			continue
		}
		script := filepath.Join(r.temp, "step.sh")
		outputs := filepath.Join(r.temp, "output")
		if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(outputs, nil, 0o644); err != nil {
			r.t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = r.ctx["github.workspace"]
		if s.WorkingDirectory != "" {
			cmd.Dir = r.eval(s.WorkingDirectory)
		}
		cmd.Env = append(append([]string(nil), r.env...), "GITHUB_OUTPUT="+outputs)
		keys := make([]string, 0, len(s.Env))
		for k := range s.Env {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			cmd.Env = append(cmd.Env, k+"="+r.eval(s.Env[k]))
		}
		cmd.Stdout, cmd.Stderr = &r.out, &r.out
		err := cmd.Run()
		if data, rerr := os.ReadFile(outputs); rerr == nil && s.ID != "" {
			sc := bufio.NewScanner(bytes.NewReader(data))
			for sc.Scan() {
				if k, v, ok := strings.Cut(sc.Text(), "="); ok {
					r.ctx["steps."+s.ID+".outputs."+k] = v
				}
			}
		}
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				r.t.Fatalf("step %d %q: %v", i, s.Name, err)
			}
			return s.Name, ee.ExitCode()
		}
	}
	return "", 0
}

// fakeNoticevet stands in for the binary: it logs its arguments and answers
// as noticevet would for findings of the severity in $FAKE_FINDINGS.
const fakeNoticevet = `#!/bin/bash
printf '%s\n' "$*" >> "$FAKE_LOG"
format=text failon=warning
while [ $# -gt 0 ]; do
  case $1 in
    -format) format=$2; shift ;;
    -fail-on) failon=$2; shift ;;
  esac
  shift
done
if [ -n "${FAKE_EXIT2:-}" ]; then echo "noticevet: PRIVACY.md: no such file or directory" >&2; exit 2; fi
case $format in
  sarif) echo '{"version": "2.1.0", "runs": [{"results": []}]}' ;;
  markdown) printf '<!-- noticevet -->\n### noticevet\n\nfindings: %s\n' "${FAKE_FINDINGS:-none}" ;;
  github) if [ -n "${FAKE_FINDINGS:-}" ]; then echo "::${FAKE_FINDINGS/note/notice} file=infra/main.tf,line=1::m"; fi ;;
esac
rank() { case $1 in note) echo 1 ;; warning) echo 2 ;; error) echo 3 ;; never) echo 4 ;; *) echo 0 ;; esac; }
if [ -n "${FAKE_FINDINGS:-}" ] && [ "$(rank "$FAKE_FINDINGS")" -ge "$(rank "$failon")" ]; then exit 1; fi
exit 0
`

// fakeGH stands in for the GitHub CLI: it logs its arguments, answers
// through jq (gh --jq is jq) /user from $FAKE_USER (an installation token's
// 403 when unset), GraphQL's viewer from $FAKE_VIEWER (github-actions when
// unset, none when "-") and the comment listing from $FAKE_COMMENTS, and
// keeps the body it is asked to post.
const fakeGH = `#!/bin/bash
printf '%s\n' "$*" >> "$FAKE_GH_LOG"
filter=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    --jq) filter=${args[i+1]} ;;
    body=@*) cp "${args[i]#body=@}" "$FAKE_GH_BODY" ;;
  esac
done
case $2 in
  user)
    if [ -z "${FAKE_USER:-}" ]; then echo "gh: Resource not accessible by integration (HTTP 403)" >&2; exit 1; fi
    json="{\"login\": \"$FAKE_USER\"}" ;;
  graphql)
    if [ "${FAKE_VIEWER:-}" = - ]; then echo "gh: HTTP 401" >&2; exit 1; fi
    json="{\"data\": {\"viewer\": {\"login\": \"${FAKE_VIEWER:-github-actions}\"}}}" ;;
  *) json=${FAKE_COMMENTS:-[]} ;;
esac
if [ -n "$filter" ]; then printf '%s' "$json" | jq -r "$filter"; exit; fi
if [ -n "${FAKE_GH_FAIL:-}" ]; then echo "gh: Resource not accessible by integration (HTTP 403)" >&2; exit 1; fi
echo '{}'
`

func writeExec(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
		t.Fatal(err)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

const existingComment = `[{"id": 7, "user": {"login": "alice", "type": "User"}, "body": "Looks good"},
 {"id": 42, "user": {"login": "github-actions[bot]", "type": "Bot"}, "body": "<!-- noticevet -->\n### noticevet\n\nold"}]`

// forgedComments are comments a pull request's author (or anyone) wrote
// that start with the marker, before and after the action's own.
const forgedComments = `[{"id": 5, "user": {"login": "mallory", "type": "User"}, "body": "<!-- noticevet -->\nall good"},
 {"id": 6, "user": {"login": "github-actions", "type": "User"}, "body": "<!-- noticevet -->\nlook-alike login"},
 {"id": 42, "user": {"login": "github-actions[bot]", "type": "Bot"}, "body": "<!-- noticevet -->\n### noticevet\n\nold"},
 {"id": 43, "user": {"login": "alice", "type": "User"}, "body": "<!-- noticevet -->\nby a person"}]`

// onlyForged are comments with the marker, none of them the action's.
const onlyForged = `[{"id": 5, "user": {"login": "mallory", "type": "User"}, "body": "<!-- noticevet -->\nall good"},
 {"id": 8, "user": {"login": "mallory[bot]", "type": "Bot"}, "body": "<!-- noticevet -->\nanother app"}]`

func TestActionSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every step of the action with a stubbed gh")
	}
	if _, err := exec.LookPath("jq"); err != nil {
		unavailable(t, "jq is not installed (Debian: apt-get install jq)")
	}
	a := readAction(t)
	for _, c := range []struct {
		name     string
		inputs   map[string]string
		env      []string
		failed   string // the step that fails, "" for none
		code     int
		found    string
		gh       []string // the gh calls, after the listing
		noticeve string   // the arguments of the first noticevet run
		upload   bool
		user     string // who the token is: "" an installation token, "-" unknown
	}{
		{name: "findings, first run", env: []string{"FAKE_FINDINGS=error"}, failed: "Result", code: 1, found: "true",
			gh: []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"}, upload: true},
		{name: "findings, comment exists", env: []string{"FAKE_FINDINGS=error", "FAKE_COMMENTS=" + existingComment},
			failed: "Result", code: 1, found: "true",
			gh: []string{"api --method PATCH repos/acme/shop/issues/comments/42 -F body=@BODY"}, upload: true},
		{name: "clean, no comment", found: "false", gh: []string{}, upload: true},
		{name: "clean, comment exists", env: []string{"FAKE_COMMENTS=" + existingComment}, found: "false",
			gh: []string{"api --method PATCH repos/acme/shop/issues/comments/42 -F body=@BODY"}, upload: true},
		{name: "warning under fail-on error", inputs: map[string]string{"fail-on": "error"}, env: []string{"FAKE_FINDINGS=warning"},
			found: "true", gh: []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"}, upload: true},
		{name: "note under the default", env: []string{"FAKE_FINDINGS=note"}, found: "true",
			gh: []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"}, upload: true},
		{name: "push", inputs: map[string]string{"github.event_name": "push", "github.event.pull_request.number": ""},
			env: []string{"FAKE_FINDINGS=error"}, failed: "Result", code: 1, found: "true", upload: true},
		{name: "no comment, no upload", inputs: map[string]string{"comment": "false", "upload-sarif": "false"},
			env: []string{"FAKE_FINDINGS=error"}, failed: "Result", code: 1, found: "true"},
		{name: "inputs reach noticevet", inputs: map[string]string{
			"directory": "services/web", "notice": "services/web/PRIVACY.md\nservices/web/PRIVACY.ja.md\n",
			"config": "ci/noticevet.hcl", "baseline": "ci/baseline.json", "fail-on": "never"},
			env: []string{"FAKE_FINDINGS=error"}, found: "true",
			gh:       []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"},
			noticeve: "check -format sarif -fail-on never -notice services/web/PRIVACY.md -notice services/web/PRIVACY.ja.md -config ci/noticevet.hcl -baseline ci/baseline.json services/web",
			upload:   true},
		{name: "cannot check", env: []string{"FAKE_EXIT2=1"}, failed: "Check", code: 2},
		{name: "read-only token", env: []string{"FAKE_FINDINGS=error", "FAKE_GH_FAIL=1"}, failed: "Result", code: 1, found: "true",
			gh: []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"}, upload: true},
		// Only a comment the token's own account wrote is updated.
		{name: "marker comments by others", env: []string{"FAKE_FINDINGS=error", "FAKE_COMMENTS=" + forgedComments},
			failed: "Result", code: 1, found: "true",
			gh: []string{"api --method PATCH repos/acme/shop/issues/comments/42 -F body=@BODY"}, upload: true},
		{name: "only others' marker comments", env: []string{"FAKE_FINDINGS=error", "FAKE_COMMENTS=" + onlyForged},
			failed: "Result", code: 1, found: "true",
			gh: []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"}, upload: true},
		{name: "only others' marker comments, clean", env: []string{"FAKE_COMMENTS=" + onlyForged}, found: "false", gh: []string{}, upload: true},
		{name: "a person's token", env: []string{"FAKE_FINDINGS=error", "FAKE_USER=alice", "FAKE_COMMENTS=" + forgedComments},
			failed: "Result", code: 1, found: "true", user: "alice",
			gh: []string{"api --method PATCH repos/acme/shop/issues/comments/43 -F body=@BODY"}, upload: true},
		{name: "an app's token", env: []string{"FAKE_FINDINGS=error", "FAKE_VIEWER=mallory", "FAKE_COMMENTS=" + onlyForged},
			failed: "Result", code: 1, found: "true",
			gh: []string{"api --method PATCH repos/acme/shop/issues/comments/8 -F body=@BODY"}, upload: true},
		{name: "unknown identity", env: []string{"FAKE_FINDINGS=error", "FAKE_VIEWER=-", "FAKE_COMMENTS=" + existingComment},
			failed: "Result", code: 1, found: "true", user: "-",
			gh: []string{"api --method POST repos/acme/shop/issues/17/comments -F body=@BODY"}, upload: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			workspace := t.TempDir()
			bin := t.TempDir()
			writeExec(t, filepath.Join(bin, "gh"), fakeGH)
			logs := t.TempDir()
			env := append([]string{
				"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
				"FAKE_LOG=" + filepath.Join(logs, "noticevet.log"),
				"FAKE_GH_LOG=" + filepath.Join(logs, "gh.log"),
				"FAKE_GH_BODY=" + filepath.Join(logs, "body.md"),
			}, c.env...)
			r := newRunner(t, a, workspace, c.inputs, env...)
			r.replace["Build noticevet"] = func() {
				writeExec(t, filepath.Join(r.temp, "noticevet", "bin", "noticevet"), fakeNoticevet)
			}
			failed, code := r.run()
			defer func() {
				if t.Failed() {
					t.Logf("steps run: %q\noutput:\n%s", r.ran, r.out.String())
				}
			}()
			if failed != c.failed || code != c.code {
				t.Fatalf("failed step %q exit %d, want %q exit %d", failed, code, c.failed, c.code)
			}
			if got := r.ctx["steps.check.outputs.found"]; got != c.found {
				t.Errorf("found = %q, want %q", got, c.found)
			}
			runs := readLines(t, filepath.Join(logs, "noticevet.log"))
			if c.noticeve != "" && (len(runs) == 0 || runs[0] != c.noticeve) {
				t.Errorf("noticevet ran as %q, want %q", runs, c.noticeve)
			}
			if c.failed == "Check" {
				if len(r.uses) != 1 || readLines(t, filepath.Join(logs, "gh.log")) != nil {
					t.Errorf("after a failed check: uses %v, gh %v", r.uses, readLines(t, filepath.Join(logs, "gh.log")))
				}
				return
			}
			// The three runs: SARIF for code scanning, Markdown for the
			// comment and the summary, annotations with -fail-on.
			if len(runs) != 3 || !strings.Contains(runs[0], "-format sarif") || !strings.Contains(runs[1], "-format markdown") ||
				!strings.Contains(runs[2], "-format github -fail-on "+r.ctx["inputs.fail-on"]) {
				t.Errorf("noticevet runs: %q", runs)
			}
			sarif := r.ctx["steps.check.outputs.sarif"]
			if with, ok := r.uses["github/codeql-action/upload-sarif@v3"]; ok != c.upload || ok && (with["sarif_file"] != sarif ||
				with["category"] != "noticevet/"+r.ctx["inputs.directory"]) {
				t.Errorf("upload-sarif %v with %v, want %v with sarif_file %s", ok, with, c.upload, sarif)
			}
			if data, err := os.ReadFile(sarif); err != nil || !json.Valid(data) {
				t.Errorf("SARIF file %s: %v", sarif, err)
			}
			md, err := os.ReadFile(r.ctx["steps.check.outputs.markdown"])
			if err != nil || !bytes.HasPrefix(md, []byte(report.Marker+"\n")) {
				t.Errorf("markdown %q: %v", md, err)
			}
			if summary, _ := os.ReadFile(r.summary); !bytes.Equal(summary, md) {
				t.Errorf("job summary %q, want the markdown report", summary)
			}
			calls := readLines(t, filepath.Join(logs, "gh.log"))
			if c.gh == nil {
				if calls != nil {
					t.Errorf("gh was called: %q", calls)
				}
				return
			}
			// Who the token is, then the listing, filtered to that account.
			want := []string{"api user --jq .login"}
			filter := `.user.login == env.NOTICEVET_ME`
			if c.user != "alice" {
				want = append(want, "api graphql -f query=query { viewer { login } } --jq .data.viewer.login")
				filter = `.user.login == env.NOTICEVET_ME + "[bot]" and .user.type == "Bot"`
			}
			if c.user == "-" {
				filter = "false"
			}
			want = append(want, "api --paginate repos/acme/shop/issues/17/comments --jq .[] | select(("+filter+") and (.body | startswith(env.NOTICEVET_MARKER))) | .id")
			want = append(want, c.gh...)
			for i := range want {
				want[i] = strings.ReplaceAll(want[i], "BODY", r.ctx["steps.check.outputs.markdown"])
			}
			if strings.Join(calls, "\n") != strings.Join(want, "\n") {
				t.Errorf("gh calls:\n%s\nwant:\n%s", strings.Join(calls, "\n"), strings.Join(want, "\n"))
			}
			if len(c.gh) > 0 {
				if body, _ := os.ReadFile(filepath.Join(logs, "body.md")); !bytes.Equal(body, md) {
					t.Errorf("posted %q, want the markdown report", body)
				}
			}
			if c.user == "-" && !strings.Contains(r.out.String(), "::warning title=noticevet::could not tell which account") {
				t.Errorf("no warning about the unknown account:\n%s", r.out.String())
			}
			if strings.Contains(c.name, "read-only") && !strings.Contains(r.out.String(), "::warning title=noticevet::could not post") {
				t.Errorf("no warning about the comment:\n%s", r.out.String())
			}
		})
	}
}

// validSARIF validates a SARIF log against the official schema that
// internal/report keeps.
func validSARIF(t *testing.T, data []byte) {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), "internal", "report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	log, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	if err := schema.Validate(log); err != nil {
		t.Errorf("SARIF does not validate against SARIF 2.1.0:\n%v", err)
	}
}

// TestActionEndToEnd builds noticevet as the action does and runs it on a
// repository whose Terraform contradicts its notice.
func TestActionEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building noticevet")
	}
	if _, err := exec.LookPath("jq"); err != nil {
		unavailable(t, "jq is not installed (Debian: apt-get install jq)")
	}
	a := readAction(t)
	workspace := t.TempDir()
	writeFile(t, workspace, "PRIVACY.md", "# Privacy\n\nAll personal data is stored only on servers in Japan.\n")
	writeFile(t, workspace, "infra/main.tf", "provider \"aws\" {\n  region = \"ap-northeast-2\"\n}\n\nresource \"aws_s3_bucket\" \"media\" {\n  bucket = \"shop-media\"\n}\n")
	bin := t.TempDir()
	writeExec(t, filepath.Join(bin, "gh"), fakeGH)
	logs := t.TempDir()
	r := newRunner(t, a, workspace, nil,
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"FAKE_GH_LOG="+filepath.Join(logs, "gh.log"),
		"FAKE_GH_BODY="+filepath.Join(logs, "body.md"),
	)
	failed, code := r.run()
	defer func() {
		if t.Failed() {
			t.Logf("steps run: %q\noutput:\n%s", r.ran, r.out.String())
		}
	}()
	if failed != "Result" || code != 1 {
		t.Fatalf("failed step %q exit %d, want Result exit 1", failed, code)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	data, err := os.ReadFile(r.ctx["steps.check.outputs.sarif"])
	if err != nil {
		t.Fatal(err)
	}
	validSARIF(t, data)
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 ||
		log.Runs[0].Results[0].RuleID != "false-claim" || log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "infra/main.tf" {
		t.Errorf("SARIF: %v\n%s", err, data)
	}
	body, err := os.ReadFile(filepath.Join(logs, "body.md"))
	if err != nil || !bytes.HasPrefix(body, []byte(report.Marker+"\n")) || !bytes.Contains(body, []byte("`false-claim`")) {
		t.Errorf("comment %q: %v", body, err)
	}
	if !strings.Contains(r.out.String(), "::error file=infra/main.tf,line=") {
		t.Errorf("no annotation in the output:\n%s", r.out.String())
	}
}
