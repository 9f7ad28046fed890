package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// maxMessageRunes is how long a finding's message may be before its
// reference to the notice (", but PRIVACY.md:4 says ...") and its rule:
// one readable line.
const maxMessageRunes = 200

// findingLine is a finding as the text format prints it.
var findingLine = regexp.MustCompile(`^[^ ]+:\d+(?::\d+)?: (.*) \[[a-z-]+\]$`)

// noticeRef is where a message starts to quote the notice.
var noticeRef = regexp.MustCompile(`, but [^ ]+:\d+ says `)

// messageBody is a finding's message before its reference to the notice.
func messageBody(msg string) string {
	if loc := noticeRef.FindStringIndex(msg); loc != nil {
		return msg[:loc[0]]
	}
	return msg
}

// TestGoldenMessageLength: every finding of the scenarios' text goldens
// says what it has to say in one line of at most about 200 characters.
func TestGoldenMessageLength(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("goldens: %v (%d)", err, len(files))
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			m := findingLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			n++
			if body := messageBody(m[1]); utf8.RuneCountInString(body) > maxMessageRunes {
				t.Errorf("%s: message of %d runes before the notice reference: %s", f, utf8.RuneCountInString(body), line)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d findings read from the goldens", n)
	}
}

// TestMessageBody: the reference to the notice is not counted; a message
// without one is counted whole.
func TestMessageBody(t *testing.T) {
	for in, want := range map[string]string{
		"aws_s3_bucket.a stores personal data in China (provider aws), but PRIVACY.md:4 says it is stored only in Japan": "aws_s3_bucket.a stores personal data in China (provider aws)",
		"http.Post to api.example.io: cannot decide where it sends personal data":                                        "http.Post to api.example.io: cannot decide where it sends personal data",
	} {
		if got := messageBody(in); got != want {
			t.Errorf("messageBody(%q) = %q, want %q", in, got, want)
		}
	}
}
