package notices

import (
	"bytes"
	"fmt"
)

// Limits that keep a hostile notice from taking minutes to read. A privacy
// notice is tens of kilobytes and nests lists and quotes two or three
// deep; goldmark's time grows with the square of how deep block quotes,
// list items and brackets nest.
const (
	// MaxSize is the largest notice read, in bytes.
	MaxSize = 1 << 20
	// maxNesting bounds the block quotes and list items a line opens (a
	// list nests by indentation: every four columns count as one) and the
	// brackets open at any point of a paragraph.
	maxNesting = 32
)

// checkLimits returns the line where src passes a limit, and why; line 0
// for the size.
func checkLimits(src []byte) (int, string) {
	if len(src) > MaxSize {
		return 0, fmt.Sprintf("the notice is larger than %d MiB", MaxSize>>20)
	}
	line, brackets := 1, 0
	for start := 0; start < len(src); line++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if containers(src[start:end]) > maxNesting {
			return line, fmt.Sprintf("block quotes and lists nested more than %d deep", maxNesting)
		}
		if len(bytes.TrimSpace(src[start:end])) == 0 {
			brackets = 0 // brackets pair up within a paragraph
		}
		for _, c := range src[start:end] {
			switch c {
			case '[':
				brackets++
			case ']':
				brackets = max(brackets-1, 0)
			}
			if brackets > maxNesting {
				return line, fmt.Sprintf("brackets nested more than %d deep", maxNesting)
			}
		}
		start = end + 1
	}
	return 0, ""
}

// containers counts the block containers a line opens: its block quote
// markers and list markers, and a level per four columns of indentation.
func containers(l []byte) int {
	n, col := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4 - col%4
			i++
		case c == '>':
			n++
			col++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			n++
			col += 2
			i += 2
		case '0' <= c && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && '0' <= l[j] && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				n++
				col += j - i + 2
				i = j + 2
				continue
			}
			return n + col/4
		default:
			return n + col/4
		}
	}
	return n + col/4
}
