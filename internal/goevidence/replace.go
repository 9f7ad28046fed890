package goevidence

import (
	"go/ast"
	"go/constant"
	"strings"
)

// replaceStrs is what strings.Replace(s, old, new, n) gives for each text
// s may hold: the literal parts with their first n occurrences of old
// (all, for n < 0) replaced by each text new may hold. A URL template's
// placeholders ("{region}" in a generated client's server URL) are
// filled this way, and a base URL that is a setting stays the value's
// first unknown. A hole is kept as it is: what it holds is not known, so
// neither is whether old is in it.
func replaceStrs(ss []Str, old string, news []Str, n int) []Str {
	var out []Str
	for _, nv := range news {
		for _, s := range ss {
			out = append(out, replaceStr(s, old, nv, n)...)
		}
	}
	return canonStrs(out)
}

// replaceStr replaces the first n occurrences of old (all, for n < 0) in
// the literal parts of s by nv.
func replaceStr(s Str, old string, nv Str, n int) []Str {
	acc, left := []Str{{}}, n
	for _, p := range s.Parts {
		if p.Lit == "" || left == 0 || !strings.Contains(p.Lit, old) {
			acc = concatAll(acc, []Str{{Parts: []Part{p}}})
			continue
		}
		k := left + 1
		if left < 0 {
			k = -1
		}
		pieces := strings.SplitN(p.Lit, old, k)
		for i, pc := range pieces {
			if pc != "" {
				acc = concatAll(acc, []Str{lit(pc)})
			}
			if i < len(pieces)-1 {
				acc = concatAll(acc, []Str{nv})
			}
		}
		if left > 0 {
			left -= len(pieces) - 1
		}
	}
	return acc
}

// cannotMatch reports whether an old text not known statically cannot be
// in the known text of the values replaced: each text it may hold starts
// with literal text ("{" of "{"+name+"}") found in no literal part of
// theirs, so the replacement leaves their literal text as it is (a server
// URL with no placeholder, or one not known at all).
func cannotMatch(ss, olds []Str) bool {
	if len(ss) == 0 || len(olds) == 0 {
		return false
	}
	for _, o := range olds {
		if len(o.Parts) == 0 || o.Parts[0].Lit == "" {
			return false
		}
		for _, s := range ss {
			for _, p := range s.Parts {
				if strings.Contains(p.Lit, o.Parts[0].Lit) {
					return false
				}
			}
		}
	}
	return true
}

// replaceCount is strings.Replace's n: -1 for ReplaceAll and for an n not
// known statically, which the value then may replace more than it does.
func (s *pkgState) replaceCount(call *ast.CallExpr) int {
	if len(call.Args) < 4 {
		return -1
	}
	tv, ok := s.info.Types[call.Args[3]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return -1
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact || n < 0 || n > 1<<20 {
		return -1
	}
	return int(n)
}
