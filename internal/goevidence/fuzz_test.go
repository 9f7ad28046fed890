package goevidence

import (
	"fmt"
	"strings"
	"testing"
)

// genReader hands out the bytes of a fuzz input as small choices; past
// the end it starts again, each round changed, so that a short input
// still makes a program of some size (the generator bounds it).
type genReader struct {
	data []byte
	i    int
}

func (r *genReader) next(n int) int {
	if len(r.data) == 0 || n <= 0 {
		return 0
	}
	b := r.data[r.i%len(r.data)] ^ byte(r.i/len(r.data)*37)
	r.i++
	return int(b) % n
}

// genPackage writes a package of a generator driven by r: string
// constants built from each other, functions of (u, h, email string) that
// concatenate, loop, branch, call each other (recursion included) and post
// to what they build. Functions whose name is exported tell other
// packages of what they do (facts); imp, when set, is a package of the
// same kind this one imports and calls (example.com/q, as q.F0 ...).
func genPackage(r *genReader, name string, imp bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"strings\"\n", name)
	if imp {
		b.WriteString("\n\t\"example.com/q\"\n")
	}
	b.WriteString(")\n\nvar _ = fmt.Sprintf\nvar _ = strings.NewReader\nvar _ = http.Post\n\n")
	if imp {
		b.WriteString("var _ = q.F0\n\n")
	}
	// Up to 2^39 times a literal: never built.
	nconst := 1 + r.next(40)
	lits := []string{`"https://api.example.cn/"`, `"x"`, `"db.example.kr:5432"`, `"/v1"`, `"%s/%s"`, "``", `"a"`}
	for i := 0; i < nconst; i++ {
		if i == 0 || r.next(3) == 0 {
			fmt.Fprintf(&b, "const C%d = %s\n", i, lits[r.next(len(lits))])
		} else {
			fmt.Fprintf(&b, "const C%d = C%d + C%d\n", i, r.next(i), r.next(i))
		}
	}
	nfn := 1 + r.next(8)
	fname := func(j int) string {
		if j%2 == 0 {
			return fmt.Sprintf("F%d", j)
		}
		return fmt.Sprintf("f%d", j)
	}
	var expr func(depth int) string
	expr = func(depth int) string {
		k := r.next(9)
		if depth > 3 {
			k %= 4
		}
		switch k {
		case 0:
			return fmt.Sprintf("C%d", r.next(nconst))
		case 1:
			return []string{"u", "h", "email"}[r.next(3)]
		case 2:
			return fmt.Sprintf("x%d", r.next(3))
		case 3:
			return lits[r.next(len(lits))]
		case 4, 5:
			return expr(depth+1) + " + " + expr(depth+1)
		case 6:
			return fmt.Sprintf("%s(%s, %s, %s)", fname(r.next(nfn)), expr(depth+1), expr(depth+1), expr(depth+1))
		case 7:
			return fmt.Sprintf("fmt.Sprintf(C%d, %s, %s)", r.next(nconst), expr(depth+1), expr(depth+1))
		}
		if imp {
			return fmt.Sprintf("q.F0(%s, %s, %s)", expr(depth+1), expr(depth+1), expr(depth+1))
		}
		return `"y"`
	}
	for j := 0; j < nfn; j++ {
		fmt.Fprintf(&b, "\nfunc %s(u, h, email string) string {\n\tvar x0, x1, x2 string\n", fname(j))
		for n := r.next(6); n >= 0; n-- {
			switch r.next(7) {
			case 0:
				fmt.Fprintf(&b, "\tx%d = %s\n", r.next(3), expr(0))
			case 1:
				fmt.Fprintf(&b, "\tx%d += %s\n", r.next(3), expr(0))
			case 2:
				fmt.Fprintf(&b, "\tfor range %d {\n\t\t%s = %s + %s\n\t}\n", r.next(4), []string{"u", "h", "x0"}[r.next(3)], expr(1), expr(1))
			case 3:
				// Not len of a constant: the type checker would build it.
				fmt.Fprintf(&b, "\tif len(x2+%s) > %d {\n\t\t%s = %s\n\t}\n", expr(1), r.next(5), []string{"u", "h", "x1"}[r.next(3)], expr(1))
			case 4:
				fmt.Fprintf(&b, "\t%s(%s, %s, %s)\n", fname(r.next(nfn)), expr(0), expr(0), expr(0))
			case 5:
				fmt.Fprintf(&b, "\thttp.Post(%s, \"text/plain\", strings.NewReader(%s))\n", expr(0), expr(0))
			default:
				fmt.Fprintf(&b, "\t%s(%s+%q, h+%q, email)\n", fname(r.next(nfn)), expr(1), "a", "b")
			}
		}
		fmt.Fprintf(&b, "\t_, _, _ = x0, x1, x2\n\treturn %s\n}\n", expr(0))
	}
	return b.String()
}

// FuzzEval builds two packages from the input (example.com/p importing
// example.com/q) and analyses them: no input may panic, or take the
// evaluation of a package further than its step limit (past it, what is
// left is "too large to evaluate statically").
func FuzzEval(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x0b\x01\x00\x02\x00\x00\x03\x01\x01\x02\x03\x04\x05\x06\x07\x08"))
	f.Add([]byte(strings.Repeat("\x05\x06\x04\x01\x02", 40)))
	f.Add([]byte(strings.Repeat("\x0c\x02\x01\x00", 60)))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		r := &genReader{data: data}
		q := genPackage(r, "q", false)
		p := genPackage(r, "p", true)
		prog := newProgram(t, map[string][]string{"example.com/q": {q}, "example.com/p": {p}})
		if _, err := prog.Import("example.com/p"); err != nil {
			t.Fatalf("the generated packages do not type-check: %v\n%s\n%s", err, q, p)
		}
		for path, s := range prog.state {
			if s.steps > s.stepLimit+maxStepsPerOp {
				t.Errorf("%s: %d steps, past the limit %d\n%s\n%s", path, s.steps, s.stepLimit, q, p)
			}
			s.fieldWrites() // what a package writes of the module's fields, on any input
		}
	})
}
