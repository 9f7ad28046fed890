package goload

import (
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/testfs"
)

// post is a Go file of package pkg that sends an e-mail address to host.
func post(pkg, header, host string) string {
	return header + "package " + pkg + `

import (
	"net/http"
	"strings"
)

type User struct{ Email string }

func Send() {
	u := User{Email: "a@example.jp"}
	http.Post("https://` + host + `/v1", "text/plain", strings.NewReader(u.Email))
}
`
}

// TestHiddenGo: code the go command leaves out of "./..." but that ships
// — a package under testdata or _hidden that main imports — is analysed;
// files a build constraint excludes are named, with the constraint.
func TestHiddenGo(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"main.go": `package main

import (
	"example.com/app/_hidden/send"
	"example.com/app/internal/testdata/push"
)

func main() {
	push.Send()
	send.Send()
}
`,
		"internal/testdata/push/push.go":         post("push", "", "push.example.cn"),
		"internal/testdata/push/push_windows.go": post("push", "", "windows.example.cn"),
		"_hidden/send/send.go":                   post("send", "", "hidden.example.cn"),
		"prod/prod.go":                           post("prod", "//go:build prod && !dev\n\n", "prod.example.cn"),
		"win/push_windows.go":                    post("win", "", "win.example.cn"),
		"win/push_linux_arm64.go":                post("win", "", "arm.example.cn"),
		// Not built at all: no note.
		"_scratch/x.go":       post("x", "", "scratch.example.cn"),
		"testdata/fixture.go": post("fixture", "", "fixture.example.cn"),
		"prod/prod_test.go":   post("prod", "//go:build prod\n\n", "test.example.cn"),
	})
	res, err := Collect(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range res.Evidence {
		got = append(got, show(e))
	}
	want := []string{
		"_hidden/send/send.go:12:2 send http.Post to hidden.example.cn CN",
		"internal/testdata/push/push.go:12:2 send http.Post to push.example.cn CN",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("evidence:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, n := range res.Notes {
		got = append(got, n.String())
	}
	want = []string{
		"internal/testdata/push/push_windows.go: not analysed: built only for windows (file name)",
		"prod/prod.go: not analysed: excluded by //go:build prod && !dev",
		"win/push_linux_arm64.go: not analysed: built only for linux/arm64 (file name)",
		"win/push_windows.go: not analysed: built only for windows (file name)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
