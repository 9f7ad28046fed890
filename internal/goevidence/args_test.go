package goevidence

import (
	"strings"
	"testing"
)

// A command's argument read through urfave/cli's Args is a command-line
// argument, as flag.Arg's is: the note names it so, not "the result of
// Get(...)".
func TestCLIArgument(t *testing.T) {
	p := moduleProgram(t, map[string]string{
		"github.com/urfave/cli/v2": `package cli

type Args interface {
	Get(n int) string
	First() string
}

type Context struct{ args Args }

func (c *Context) Args() Args { return c.args }
`}, `package app

import (
	"net/http"
	"strings"

	"github.com/urfave/cli/v2"
)

type User struct{ Email string }

func Publish(c *cli.Context, u User) {
	http.Post("https://"+c.Args().Get(0), "text/plain", strings.NewReader(u.Email))
	http.Post(c.Args().First(), "text/plain", strings.NewReader(u.Email))
}
`)
	got := sitesOf(p, "example.com/m/app")
	if strings.Contains(got, "the result of") || strings.Count(got, "a command-line argument") != 2 {
		t.Errorf("got sites\n%s\nwant two notes naming a command-line argument", got)
	}
}
