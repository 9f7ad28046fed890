package notices

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// blockText is the text of one block (a paragraph, a heading, a table cell)
// as a reader sees it, with the source offset every byte came from.
type blockText struct {
	text []byte
	offs []int // offs[i] is the source offset of text[i]
	// links are the destinations of the block's links, each at the offset
	// in text where its label starts.
	links []link
}

// link is a link of a block: where its label starts in the block's text,
// and its destination as written.
type link struct {
	at   int
	dest string
}

// add appends s, which starts at source offset off.
func (b *blockText) add(s []byte, off int) {
	b.offs = slices.Grow(b.offs, len(s))
	for i := range s {
		b.offs = append(b.offs, off+i)
	}
	b.text = append(b.text, s...)
}

// addAt appends s, every byte of which stands for the source at off.
func (b *blockText) addAt(s []byte, off int) {
	for range s {
		b.offs = append(b.offs, off)
	}
	b.text = append(b.text, s...)
}

// lastOff is the source offset just after the text so far.
func (b *blockText) lastOff(def int) int {
	if len(b.offs) == 0 {
		return def
	}
	return b.offs[len(b.offs)-1] + 1
}

// addSource appends src[start:stop] as Markdown text: backslash escapes
// lose their backslash and entity references are resolved.
func (b *blockText) addSource(src []byte, start, stop int) {
	if bytes.IndexByte(src[start:stop], '\\') < 0 && bytes.IndexByte(src[start:stop], '&') < 0 {
		b.add(src[start:stop], start)
		return
	}
	for i := start; i < stop; {
		c := src[i]
		switch {
		case c == '\\' && i+1 < stop && util.IsPunct(src[i+1]):
			b.add(src[i+1:i+2], i+1)
			i += 2
			continue
		case c == '&':
			if r, n := entity(src[i:stop]); n > 0 {
				b.addAt(r, i)
				i += n
				continue
			}
		}
		b.add(src[i:i+1], i)
		i++
	}
}

// entity resolves the character reference at the start of s ("&amp;",
// "&#39;", "&#x2019;") and returns its text and length, or n == 0.
func entity(s []byte) (text []byte, n int) {
	end := bytes.IndexByte(s, ';')
	if end < 2 || end > 40 {
		return nil, 0
	}
	name := string(s[1:end])
	if strings.HasPrefix(name, "#") {
		num, base := name[1:], 10
		if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
			num, base = num[1:], 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		if err != nil || num == "" {
			return nil, 0
		}
		r := rune(v)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return []byte(string(r)), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return e.Characters, end + 1
	}
	return nil, 0
}

// span is a sentence's byte range in a blockText.
type span struct{ start, end int }

// trimSpan narrows a span to exclude the spaces around it.
func trimSpan(text []byte, s span) span {
	for s.start < s.end {
		r, n := utf8.DecodeRune(text[s.start:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.start += n
	}
	for s.end > s.start {
		r, n := utf8.DecodeLastRune(text[s.start:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.end -= n
	}
	return s
}

// fold replaces every run of white space with one space and trims the ends.
func fold(s []byte) string {
	return strings.Join(strings.Fields(string(s)), " ")
}

// lineIndex turns source offsets into lines and columns.
type lineIndex []int // the offset at which each line starts

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// pos returns the 1-based line and 1-based byte column of a source offset.
func (idx lineIndex) pos(off int) (line, col int) {
	i := sort.Search(len(idx), func(i int) bool { return idx[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - idx[i] + 1
}
