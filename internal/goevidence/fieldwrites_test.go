package goevidence

import (
	"slices"
	"strings"
	"testing"
)

// TestFieldWrites: what a package says it writes of the module's fields:
// assignments, increments, literals and addresses taken (a flag parser),
// the structs it gives by pointer to another module's function that takes
// any value (a decoder), with the structs they hold, and the type of a
// conversion; not what it prints or encodes, nor what its tests write.
func TestFieldWrites(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"example.org/dec": {`package dec

func Unmarshal(b []byte, v any) error { return nil }
func MarshalIndent(v any) []byte    { return nil }
func Fill(r interface{ Read() }, v any) {}
`},
		"example.com/m/conf": {`package conf

type Limits struct{ Max int }

type Config struct {
	BaseURL string
	Token   string
	Count   int
	Addr    string
	Limits  Limits
	hidden  string
}

type Remote struct{ Endpoint string }

type Decoded struct{ Inner Limits }

type Printed struct{ URL string }

type Other struct{ URL string }
`},
		"example.com/m/app": {`package app

import (
	"example.com/m/conf"
	"example.org/dec"
)

type local struct{ Endpoint string }

func Run(b []byte, p *conf.Printed) {
	c := &conf.Config{BaseURL: "https://api.example.us"}
	c.Token = "t"
	c.Count++
	take(&c.Addr)
	var d conf.Decoded
	dec.Unmarshal(b, &d)
	dec.MarshalIndent(p)
	_ = conf.Remote(local{})
}

func take(s *string) {}
`, `// file: app_test.go
package app

import "example.com/m/conf"

func init() { (&conf.Other{}).URL = "x" }
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(p.state["example.com/m/app"].fieldWrites(), "\n")
	want := strings.Join([]string{
		"example.com/m/conf.Config.Addr@example.com/m/app",
		"example.com/m/conf.Config.BaseURL@example.com/m/app",
		"example.com/m/conf.Config.Count@example.com/m/app",
		"example.com/m/conf.Config.Token@example.com/m/app",
		"example.com/m/conf.Decoded.*@example.com/m/app",
		"example.com/m/conf.Limits.*@example.com/m/app",
		"example.com/m/conf.Remote.*@example.com/m/app",
	}, "\n")
	if got != want {
		t.Errorf("got writes\n%s\nwant\n%s", got, want)
	}
}

// TestWritersSettled: a note is settled only when every open field is
// written by no package but the one that reads it, no package decodes its
// type, and the call has a decided destination.
func TestWritersSettled(t *testing.T) {
	w := Writers{}
	w.Add([]string{"m/server.Config.BaseURL@m/server", "m/server.Config.HookURL@m/cmd", "m/server.Env.*@m/cmd", "bad"})
	note := func(open ...string) Site {
		return Site{Unresolved: "the URL comes from field X of a runtime value", Open: open}
	}
	for _, c := range []struct {
		x     Site
		known bool
		want  bool
	}{
		{note("m/server.Config.BaseURL@m/server"), true, true},
		{note("m/server.Config.BaseURL@m/server"), false, false},
		{note("m/server.Config.BaseURL@m/api"), true, false},
		{note("m/server.Config.HookURL@m/server"), true, false},
		{note("m/server.Env.URL@m/server"), true, false},
		{note("m/server.Config.Other@m/server"), true, true},
		{note("m/server.Config.BaseURL@m/server", "m/server.Config.HookURL@m/server"), true, false},
		{note(), true, false},
		{note("no-reader"), true, false},
		{Site{Open: []string{"m/server.Config.BaseURL@m/server"}}, true, false},
	} {
		if got := w.Settled(c.x, c.known); got != c.want {
			t.Errorf("Settled(%v, %v) = %v, want %v", c.x.Open, c.known, got, c.want)
		}
	}
	if !slices.Equal(w["m/server.Config.HookURL"], []string{"m/cmd"}) {
		t.Errorf("writers of HookURL: %v", w["m/server.Config.HookURL"])
	}
}
