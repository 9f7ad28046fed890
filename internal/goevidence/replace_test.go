package goevidence

import (
	"fmt"
	"strings"
	"testing"
)

// strsText shows values as Str.String writes them, quoted.
func strsText(ss []Str) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s.String())
	}
	return "[" + strings.Join(q, " ") + "]"
}

// TestReplaceStrs: strings.Replace fills a URL template's placeholders in
// the literal text, with each value the replacement may hold, and leaves
// holes alone.
func TestReplaceStrs(t *testing.T) {
	tmpl := []Str{str("https://{region}.api.example.com/{region}")}
	for _, tt := range []struct {
		n    int
		news []Str
		want string
	}{
		{-1, []Str{str("eu"), str("kr")}, `["https://eu.api.example.com/eu" "https://kr.api.example.com/kr"]`},
		{1, []Str{str("eu")}, `["https://eu.api.example.com/{region}"]`},
		{0, []Str{str("eu")}, `["https://{region}.api.example.com/{region}"]`},
	} {
		if got := strsText(replaceStrs(tmpl, "{region}", tt.news, tt.n)); got != tt.want {
			t.Errorf("replaceStrs(n=%d) = %s, want %s", tt.n, got, tt.want)
		}
	}
	holed := []Str{str("{field URL of a runtime value}", "/x")}
	if got := strsText(replaceStrs(holed, "{region}", []Str{str("eu")}, -1)); got != `["{field URL of a runtime value}/x"]` {
		t.Errorf("a hole is replaced: %s", got)
	}
	placeholder := []Str{{Parts: []Part{{Lit: "{"}, {Hole: "name"}, {Lit: "}"}}}}
	if !cannotMatch(holed, placeholder) || cannotMatch(tmpl, placeholder) || cannotMatch(holed, []Str{str("{name}")}) {
		t.Error("cannotMatch: want true only where the old text's literal start is in no literal part")
	}
}

// A generated client's server URL goes through strings.Replace of its
// variables' placeholders: a URL with none stays what the setting gives,
// and a template is filled with the default value.
func TestReplaceInURL(t *testing.T) {
	p := moduleProgram(t, nil, `package app

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

type Server struct{ URL string; Variables map[string]string }

func (s Server) Resolve() string {
	url := s.URL
	for name, v := range s.Variables {
		url = strings.Replace(url, "{"+name+"}", v, -1)
	}
	return url
}

func Send(s Server, u User) {
	http.Post(s.Resolve()+"/users", "text/plain", strings.NewReader(u.Email))
	http.Post(strings.ReplaceAll("https://{region}.api.example.kr/users", "{region}", "eu"), "text/plain", strings.NewReader(u.Email))
}
`)
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "strings.Replace") || !strings.Contains(got, "to eu.api.example.kr") {
		t.Errorf("got sites\n%s\nwant the template filled, and no note of strings.Replace's result", got)
	}
}
