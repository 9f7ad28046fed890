package repo

// Nesting returns the offset where src nests brackets and unary operators
// ('!', '-') more than max levels deep, or -1. Parsers of HCL, JSON and
// YAML flow collections recurse once per level, and a deep enough file
// would overflow the stack, which no recover can catch; a reader calls
// Nesting before it parses. The count is conservative: brackets inside
// strings and comments count too. With json set, string escapes are
// decoded first, because HCL parses JSON string contents again as
// templates.
func Nesting(src []byte, json bool, max int) int {
	type level struct{ unary int }
	stack := []level{{}}
	depth := 0   // brackets open plus the unary operators pending around them
	pending := 0 // unary operators in the current run
	inString := false
	for i := 0; i < len(src); i++ {
		c := rune(src[i])
		if json {
			if c == '"' {
				inString = !inString
				continue
			}
			if inString && c == '\\' && i+1 < len(src) {
				i++
				if src[i] != 'u' || i+4 >= len(src) {
					continue
				}
				var r rune
				for _, h := range src[i+1 : i+5] {
					r <<= 4
					switch {
					case '0' <= h && h <= '9':
						r |= rune(h - '0')
					case 'a' <= h && h <= 'f':
						r |= rune(h-'a') + 10
					case 'A' <= h && h <= 'F':
						r |= rune(h-'A') + 10
					}
				}
				i += 4
				c = r
			}
		}
		switch c {
		case '(', '[', '{':
			stack = append(stack, level{unary: pending})
			depth += 1 + pending
			pending = 0
		case ')', ']', '}':
			if len(stack) > 1 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				depth -= 1 + top.unary
			}
			pending = 0
		case '!', '-':
			pending++
		case ' ', '\t', '\r', '\n':
		default:
			pending = 0
		}
		if depth+pending > max {
			return i
		}
	}
	return -1
}
