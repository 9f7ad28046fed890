package goevidence

import "testing"

// A string variable that an assignment builds on its own value (u = u +
// "/v2") holds what it held before with the addition, not a value not
// known statically: the URL's host stays known. A variable built only on
// itself (nothing else stored into it) stays unknown.
func TestVariableBuiltOnItself(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"fmt"
	"net/http"
	"strings"
)

type User struct{ Email string }

func Send(u User, v2 bool, n int) {
	url := "https://api.example.kr"
	if v2 {
		url = url + "/v2"
		url = fmt.Sprintf("%s/page/%d", url, n)
	}
	http.Post(url, "text/plain", strings.NewReader(u.Email))
	var other string
	other = other + "/x"
	http.Post(other, "text/plain", strings.NewReader(u.Email))
}
`)
	got := describe(s.sites)
	want := "http.Post to api.example.kr host=api.example.kr unresolved=\"\"\n" +
		"http.Post host= unresolved=\"the URL comes from a value not known statically\"\n"
	if got != want {
		t.Errorf("sites:\n%s\nwant\n%s", got, want)
	}
}
