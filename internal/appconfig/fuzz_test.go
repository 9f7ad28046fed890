package appconfig

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/place"
)

// FuzzRead: whatever a configuration file holds, reading it and placing
// its values neither panics nor gives a position outside the file; a file
// that does not parse is a diagnostic.
func FuzzRead(f *testing.F) {
	f.Add([]byte(enteLocal), uint8(0))
	f.Add([]byte("services:\n  api:\n    environment:\n      - DATABASE_URL=postgres://db.example.cn/app\n      A: b\n"), uint8(1))
	f.Add([]byte("export DB=app:pw@tcp(db.example.kr:3306)/app\nPG=\"host=x.cn dbname=a\"\nQ='multi\nline'\n"), uint8(3))
	f.Add([]byte("a: &x {endpoint: s3.fr-par.scw.cloud}\nb: *x\nc: [- 1, {? k : v}]\n"), uint8(0))
	f.Add([]byte("brokers: [\"${A}:9092\", \"k.example.de:9092\"]\nurl: https://[::1]:80/\n"), uint8(0))
	f.Add([]byte(`{"a": [{"endpoint": "s3.fr-par.scw.cloud", "bucket": "b"}, "x", 1, null], "b": {"c": "${X}"}}`), uint8(2))
	f.Add([]byte("[db]\nurl = \"postgres://db.example.cn/app\"\n[[r]]\nx = { endpoint = \"s3.fr-par.scw.cloud\", l = [\"a\", [\"b\"]] }\n"), uint8(4))
	f.Fuzz(func(t *testing.T, src []byte, k uint8) {
		if !utf8.Valid(src) {
			return // the view reads only UTF-8 text
		}
		var (
			d   *doc
			err error
		)
		switch k % 5 {
		case 0:
			d, err = readYAML("config/f.yaml", src, false)
		case 1:
			d, err = readYAML("compose.yaml", src, true)
		case 2:
			d, err = readJSON("config/f.json", src)
		case 4:
			d, err = readTOML("config/f.toml", src)
		default:
			d, err = readEnv(".env", src)
		}
		if err != nil {
			var dg *diag.Diagnostic
			if !errors.As(err, &dg) {
				t.Fatalf("error %T %v is not a diagnostic", err, err)
			}
			return
		}
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		r := &reader{places: place.Public, services: d.services, seen: map[seenKey]bool{}}
		for _, e := range d.entries {
			if e.line < 1 || e.line > lines || e.col < 1 {
				t.Fatalf("entry %q at %d:%d, outside a file of %d lines", e.path, e.line, e.col, lines)
			}
			r.entry(e)
		}
	})
}
