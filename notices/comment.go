package notices

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/noticevet/noticevet/internal/country"
)

// commentKeys are the keys of a noticevet comment and the claim each states.
var commentKeys = map[string]struct {
	kind  Kind
	scope Scope
}{
	"stored-in":         {Storage, Inclusive},
	"stored-only-in":    {Storage, Exclusive},
	"not-stored-in":     {Storage, Negative},
	"transfers-to":      {Transfer, Inclusive},
	"transfers-only-to": {Transfer, Exclusive},
	"no-transfers-to":   {Transfer, Negative},
	"access-from":       {Access, Inclusive},
	"access-only-from":  {Access, Exclusive},
	"no-access-from":    {Access, Negative},
}

// directive is a noticevet comment read from the notice: the claims it
// states, waiting to be bound to the statement that follows it.
type directive struct {
	off    int // offset of "<!--"
	end    int // offset just after "-->"
	claims []Claim
}

// commentError is a malformed noticevet comment at a source offset.
type commentError struct {
	off int
	msg string
}

var (
	afterComma = regexp.MustCompile(`,\s+`)
	commentTag = []byte("noticevet")
)

// scanComments finds the noticevet comments in raw HTML (an HTML block or
// inline HTML); the offsets it returns are indexes in raw. Comments that
// are not noticevet's are ignored.
func scanComments(raw []byte) ([]directive, *commentError) {
	var out []directive
	for i := 0; ; {
		open := bytes.Index(raw[i:], []byte("<!--"))
		if open < 0 {
			return out, nil
		}
		open += i
		body := raw[open+4:]
		closeAt := bytes.Index(body, []byte("-->"))
		if closeAt < 0 {
			if isNoticevet(body) {
				return nil, &commentError{open, "noticevet comment: not closed with -->"}
			}
			return out, nil
		}
		content := body[:closeAt]
		i = open + 4 + closeAt + 3
		if !isNoticevet(content) {
			continue
		}
		claims, msg := parseDirective(string(bytes.TrimSpace(content)))
		if msg != "" {
			return nil, &commentError{open, "noticevet comment: " + msg}
		}
		if len(claims) == 0 {
			continue // a note for the reader: it states nothing and binds nothing
		}
		out = append(out, directive{off: open, end: i, claims: claims})
	}
}

// isNoticevet reports whether a comment's content is addressed to
// noticevet: it starts with the word "noticevet".
func isNoticevet(content []byte) bool {
	c := bytes.TrimLeft(content, " \t\r\n")
	if !bytes.HasPrefix(c, commentTag) {
		return false
	}
	rest := c[len(commentTag):]
	return len(rest) == 0 || !isWordByte(rest[0])
}

func isWordByte(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// parseDirective reads "noticevet: key=CODE,CODE key=CODE; ..." and returns
// its claims, or a message saying what is wrong.
func parseDirective(content string) ([]Claim, string) {
	rest, _ := strings.CutPrefix(content, "noticevet")
	rest = strings.TrimLeft(rest, " \t")
	rest, ok := strings.CutPrefix(rest, ":")
	if ok && isNote(rest) {
		return nil, "" // free text, in any language
	}
	if msg := fullWidth(content); msg != "" {
		return nil, msg
	}
	if !ok {
		return nil, `want "noticevet: key=CODE,..."`
	}
	fields := strings.FieldsFunc(afterComma.ReplaceAllString(rest, ","), func(r rune) bool {
		return r == ';' || r == ' ' || r == '\t' || r == '\r' || r == '\n'
	})
	if len(fields) == 0 {
		return nil, `no key=CODE,... after "noticevet:"`
	}
	var out []Claim
	for _, f := range fields {
		key, value, ok := strings.Cut(f, "=")
		if !ok {
			return nil, fmt.Sprintf("%q has no \"=\" (want key=CODE,...)", f)
		}
		ks, known := commentKeys[key]
		if !known {
			return nil, fmt.Sprintf("unknown key %q (want one of %s)", key, keyList())
		}
		var codes []string
		for _, code := range strings.Split(value, ",") {
			if msg := checkCode(code); msg != "" {
				return nil, fmt.Sprintf("%s: %s", key, msg)
			}
			codes = append(codes, code)
		}
		why := Because{Verb: "noticevet comment " + key, Place: value}
		out = append(out, Claim{Kind: ks.kind, Scope: ks.scope, Countries: country.Expand(codes), Explicit: true, Why: why})
	}
	return out, ""
}

// noteWord starts a noticevet comment that is a note for the notice's
// readers rather than a claim: "noticevet: evidence: ..." says which
// evidence a sentence was written for (noticevet suggest writes them). Its
// text is free and states nothing.
const noteWord = "evidence"

// isNote reports whether the content after "noticevet:" is a note.
func isNote(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\r\n")
	if !strings.HasPrefix(rest, noteWord) {
		return false
	}
	after := rest[len(noteWord):]
	return after == "" || !isWordByte(after[0]) && after[0] != '='
}

// fullWidth says which full-width character a comment holds where ASCII
// is wanted: a Japanese input method writes 「：」「＝」「、」 for ":", "="
// and ",". It returns "" when there is none.
func fullWidth(content string) string {
	for _, r := range content {
		var ascii string
		switch {
		case r == '、' || r == '，':
			ascii = ","
		case r == '\u3000':
			ascii = " "
		case r >= 0xFF01 && r <= 0xFF5E:
			ascii = string(r - 0xFF01 + '!')
		default:
			continue
		}
		return fmt.Sprintf("%q is a full-width character; write %q", string(r), ascii)
	}
	return ""
}

// checkCode returns what is wrong with a country code in a comment, or "".
func checkCode(code string) string {
	if code == "" {
		return "a country code is missing"
	}
	if country.Valid(code) {
		return ""
	}
	if _, ok := country.Members(code); ok && code == strings.ToUpper(code) {
		return ""
	}
	msg := fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code or a group (%s)", code, groupList())
	if up := strings.ToUpper(code); up != code && (country.Valid(up) || groupKnown(up)) {
		msg += fmt.Sprintf("; write %q", up)
	} else if c := country.Canonical(code); c != "" {
		msg += fmt.Sprintf("; %s is %q", country.Name(c), c)
	} else if ms := country.Find(code); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(code) && !ms[0].Adjective {
		msg += fmt.Sprintf("; %s is %q", code, ms[0].Code) // "Japan", "日本", "欧州連合"
	}
	return msg
}

func groupKnown(id string) bool {
	_, ok := country.Members(id)
	return ok
}

func groupList() string {
	var ids []string
	for _, id := range []string{"EU", "EEA", "EFTA"} {
		if groupKnown(id) {
			ids = append(ids, id)
		}
	}
	return strings.Join(ids, ", ")
}

func keyList() string {
	keys := make([]string, 0, len(commentKeys))
	for k := range commentKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
