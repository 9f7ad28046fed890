package goevidence

import (
	"fmt"
	"strings"
	"testing"
)

// constChain is `const c1 = c0 + c0` ... cN, sent with http.Post: cN is
// 2^N copies of c0 (23 bytes), 1.5 GB for N = 26.
func constChain(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\nconst c0 = \"https://api.example.cn/\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "const c%d = c%d + c%d\n", i, i-1, i-1)
	}
	fmt.Fprintf(&b, "\nconst Big = c%d\n", n)
	fmt.Fprintf(&b, "\nfunc Send(email string) {\n\thttp.Post(c%d, \"text/plain\", strings.NewReader(email))\n}\n", n)
	return b.String()
}

// branchChain is functions f_i(u, h) that call f_{i+1} twice, with h+"a"
// and h+"b": 2^n call paths reach the last, which posts to u+h. exported
// names them F_i, so that each tells its callers of its sinks (facts).
func branchChain(n int, exported bool) string {
	f := "f"
	if exported {
		f = "F"
	}
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\n")
	fmt.Fprintf(&b, "func main() {\n\t%s0(\"https://api.example.cn/\", \"x\")\n}\n\n", f)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "func %s%d(u, h string) {\n\t%[1]s%[3]d(u, h+\"a\")\n\t%[1]s%[3]d(u, h+\"b\")\n}\n\n", f, i, i+1)
	}
	fmt.Fprintf(&b, "func %s%d(u, h string) {\n\tvar email string\n\thttp.Post(u+h, \"text/plain\", strings.NewReader(email))\n}\n", f, n)
	return b.String()
}

// hostChain is branchChain with the branching text in the host: 2^n
// possible hosts.
func hostChain(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\n")
	b.WriteString("func main() {\n\tf0(\"x\")\n}\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "func f%d(h string) {\n\tf%d(h+\"a\")\n\tf%d(h+\"b\")\n}\n\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "func f%d(h string) {\n\tvar email string\n\thttp.Post(\"https://\"+h+\".example.cn/\", \"text/plain\", strings.NewReader(email))\n}\n", n)
	return b.String()
}

func analyzeOK(t testing.TB, srcs ...string) *pkgState {
	t.Helper()
	s, ok := analyzeSrc(t, srcs...)
	if !ok {
		t.Fatal("the generated package does not type-check")
	}
	return s
}

// describe lists sites one a line: "what host=... unresolved=...".
func describe(sites []Site) string {
	var b strings.Builder
	for _, x := range sites {
		fmt.Fprintf(&b, "%s host=%s unresolved=%q\n", x.What, x.Host, x.Unresolved)
	}
	return b.String()
}

// checkSteps fails when the package's evaluation took more than perLine
// steps per line of source, or reached its limit.
func checkSteps(t *testing.T, s *pkgState, src string, perLine int64) {
	t.Helper()
	lines := int64(strings.Count(src, "\n") + 1)
	if s.over || s.steps > perLine*lines {
		t.Errorf("%d steps for %d lines (limit %d, over %v): want at most %d a line", s.steps, lines, s.stepLimit, s.over, perLine)
	}
}

// A constant longer than maxStrBytes is never built: the site is a note
// that says so, and the constant's length is known from its declaration.
func TestConstChainTooLarge(t *testing.T) {
	for _, n := range []int{10, 26, 60} {
		src := constChain(n)
		s := analyzeOK(t, src)
		got := describe(s.sites)
		want := "http.Post host= unresolved=\"the URL comes from " + tooLarge + "\"\n"
		if got != want {
			t.Errorf("c%d: got sites\n%s\nwant\n%s", n, got, want)
		}
		checkSteps(t, s, src, 8)
		var big int64
		for c, l := range s.constMemo {
			if c.Name() == fmt.Sprintf("c%d", n) {
				big = l
			}
		}
		if want := int64(len(`"https://api.example.cn/"`)) << n; n < 40 && big != want {
			t.Errorf("c%d: measured %d bytes, want %d", n, big, want)
		}
	}
	// Below the bound, the same chain is read.
	s := analyzeOK(t, constChain(5))
	if got := describe(s.sites); got != "http.Post to api.example.cn host=api.example.cn unresolved=\"\"\n" {
		t.Errorf("c5: got sites\n%s", got)
	}
}

// A package importing a large constant learns its size from a fact and
// never reads it either; fmt.Sprintf with it as format, too.
func TestImportedConstTooLarge(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.com/q": {strings.Replace(constChain(26), "package p", "package q", 1)},
		"example.com/p": {`package p

import (
	"fmt"
	"net/http"
	"strings"

	"example.com/q"
)

func Send(email string) {
	http.Post(q.Big, "text/plain", strings.NewReader(email))
	http.Post(fmt.Sprintf(q.Big+"%s", "x"), "text/plain", strings.NewReader(email))
}
`},
	})
	if _, err := p.Import("example.com/p"); err != nil {
		t.Fatal(err)
	}
	s := p.state["example.com/p"]
	got := describe(s.sites)
	want := strings.Repeat("http.Post host= unresolved=\"the URL comes from "+tooLarge+"\"\n", 2)
	if got != want {
		t.Errorf("got sites\n%s\nwant\n%s", got, want)
	}
	var facts int
	for obj, f := range p.facts {
		if cf, ok := f.(*constFact); ok {
			facts++
			if obj.Name() != "Big" && !strings.HasPrefix(obj.Name(), "c") || cf.Len <= maxStrBytes {
				t.Errorf("fact %s on %s", cf, obj)
			}
		}
	}
	if facts == 0 {
		t.Error("no constFact exported for q.Big")
	}
}

// Call paths that double at each level are not followed one by one: a
// function's callers are joined, its sinks merged, and the work grows with
// the number of lines, not of paths.
func TestBranchChainLinear(t *testing.T) {
	for _, exported := range []bool{false, true} {
		for _, n := range []int{14, 20, 200} {
			src := branchChain(n, exported)
			prog := newProgram(t, map[string][]string{"example.com/p": {src}})
			if _, err := prog.Import("example.com/p"); err != nil {
				t.Fatal(err)
			}
			s := prog.state["example.com/p"]
			got := describe(s.sites)
			if !exported && got != "http.Post to api.example.cn host=api.example.cn unresolved=\"\"\n" {
				t.Errorf("f%d: got sites\n%s", n, got)
			}
			if exported && len(s.sites) > maxStrs {
				t.Errorf("F%d: %d sites:\n%s", n, len(s.sites), got)
			}
			checkSteps(t, s, src, 16)
			for f, sinks := range s.sinkMemo {
				if len(sinks) > maxSinks {
					t.Errorf("%d sinks for %s", len(sinks), f.name)
				}
				for _, sk := range sinks {
					if len(sk.Dests) > maxHandles {
						t.Errorf("%d destinations for a sink of %s", len(sk.Dests), f.name)
					}
				}
			}
			for obj, f := range prog.facts {
				if ff, ok := f.(*funcFact); ok && len(ff.Sinks) > 1 {
					t.Errorf("F%d: %d sinks in the fact of %s, want 1 (merged)", n, len(ff.Sinks), obj.Name())
				}
			}
		}
	}
}

// More possible hosts than a value holds: the first are sites, the rest
// one note saying they are too many.
func TestValueSetTooLarge(t *testing.T) {
	src := hostChain(8)
	s := analyzeOK(t, src)
	var hosts, notes int
	for _, x := range s.sites {
		switch {
		case x.Host != "" && strings.HasSuffix(x.Host, ".example.cn"):
			hosts++
		case x.Unresolved == "the URL comes from "+tooMany:
			notes++
		default:
			t.Errorf("unexpected site %s host=%s unresolved=%q", x.What, x.Host, x.Unresolved)
		}
	}
	if hosts != maxStrs-1 || notes != 1 {
		t.Errorf("%d hosts and %d notes, want %d and 1:\n%s", hosts, notes, maxStrs-1, describe(s.sites))
	}
	checkSteps(t, s, src, 16)
}

// Past the step limit, what is left is not dropped: a call sending data
// becomes a note that the value is too large to evaluate statically.
func TestStepLimit(t *testing.T) {
	src := `package p

import (
	"net/http"
	"strings"
)

func url(host string) string { return "https://" + host + "/v1" }

func Send(email string) {
	http.Post(url("api.example.cn"), "text/plain", strings.NewReader(email))
}
`
	for _, c := range []struct {
		limit int64
		want  string
	}{
		{0, "http.Post to api.example.cn host=api.example.cn unresolved=\"\"\n"},
		{2, "http.Post host= unresolved=\"the URL comes from " + tooLarge + "\"\n"},
	} {
		p := newProgram(t, map[string][]string{"example.com/p": {src}})
		p.limit = c.limit
		if _, err := p.Import("example.com/p"); err != nil {
			t.Fatal(err)
		}
		s := p.state["example.com/p"]
		if got := describe(s.sites); got != c.want {
			t.Errorf("limit %d: got sites\n%s\nwant\n%s", c.limit, got, c.want)
		}
		if s.over != (c.limit > 0) {
			t.Errorf("limit %d: over = %v after %d steps", c.limit, s.over, s.steps)
		}
	}
}

// BenchmarkEval measures the evaluation of the two shapes at a few
// sizes: the time and the steps per operation grow with n, not 2^n.
func BenchmarkEval(b *testing.B) {
	shapes := []struct {
		name string
		gen  func(int) string
	}{
		{"ConstChain", constChain},
		{"BranchChain", func(n int) string { return branchChain(n, false) }},
		{"ExportedBranchChain", func(n int) string { return branchChain(n, true) }},
	}
	for _, sh := range shapes {
		for _, n := range []int{100, 200, 400, 800, 1600} {
			src := sh.gen(n)
			b.Run(fmt.Sprintf("%s/n=%d", sh.name, n), func(b *testing.B) {
				var steps int64
				for b.Loop() {
					s := analyzeOK(b, src)
					steps = s.steps
				}
				b.ReportMetric(float64(steps), "steps/op")
			})
		}
	}
}
