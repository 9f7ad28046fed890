package testfs

import (
	"os"
	"strings"
	"testing"
)

// Part returns the part of the Markdown file at path that starts at the
// first start and ends before the next end after it (a README's section,
// from its title to the next one), and fails the test when the file
// cannot be read or either is missing.
func Part(t testing.TB, path, start, end string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, start)
	if i < 0 {
		t.Fatalf("%s has no %q", path, start)
	}
	j := strings.Index(text[i+1:], end)
	if j < 0 {
		t.Fatalf("%s has no %q after %q", path, end, start)
	}
	return text[i : i+1+j]
}

// Fenced returns the bodies of the fenced code blocks (```) of Markdown
// text whose info string is one of langs, in the order they come.
func Fenced(md string, langs ...string) []string {
	var blocks []string
	parts := strings.Split(md, "```")
	for i := 1; i < len(parts); i += 2 {
		lang, body, _ := strings.Cut(parts[i], "\n")
		for _, l := range langs {
			if lang == l {
				blocks = append(blocks, body)
				break
			}
		}
	}
	return blocks
}

// LinesIn fails the test for each line of the blocks that is not a whole
// line of one of the files: what keeps a document's snippets true to the
// files the tests check. Blank lines, lines that start with '#' and
// comments (from " #" on) are left out.
func LinesIn(t testing.TB, blocks []string, files ...string) {
	t.Helper()
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	for _, b := range blocks {
		for _, line := range strings.Split(b, "\n") {
			line, _, _ = strings.Cut(line, " #")
			line = strings.TrimRight(line, " ")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !strings.Contains(text, line+"\n") {
				t.Errorf("README line %q is in no scenario file", line)
			}
		}
	}
}
