package appconfig

import (
	"strings"
)

// readEnv reads a .env file in the subset that Docker Compose, godotenv
// and dotenv share:
//
//   - blank lines, and lines whose first non-blank character is '#', are
//     skipped;
//   - every other line is NAME=value, optionally after "export ", NAME
//     being letters, digits, '_', '.' and '-', not starting with a digit
//     (spaces around '=' are dropped); a NAME alone takes its value from
//     the environment the file is used in (Docker Compose passes it
//     through, dotenv ignores the line), so the file says nothing of it;
//   - a value is unquoted (up to a " #" comment, trimmed), 'single-quoted'
//     (literal) or "double-quoted" (\" and \\ escaped); a quoted value
//     may span lines; after it only a comment may follow.
//
// Variables (${NAME}) are kept as written: their values are set where the
// file is used, not in it. A line outside the subset is an error at its
// line.
func readEnv(rel string, src []byte) (*doc, error) {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	d := &doc{}
	siblings := map[string]string{}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		lineNo := i + 1
		indent := len(line) - len(trimmed)
		if rest, ok := strings.CutPrefix(trimmed, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			rest2 := strings.TrimLeft(rest, " \t")
			indent += len(trimmed) - len(rest2)
			trimmed = rest2
		}
		name, val, ok := strings.Cut(trimmed, "=")
		name = strings.TrimRight(name, " \t")
		if !envName(name) {
			return nil, errorf(rel, lineNo, "not a NAME=value line of a .env file")
		}
		if !ok {
			continue // a NAME alone: a value from the environment, not in the file
		}
		valStart := len(trimmed) - len(val)
		lead := len(val) - len(strings.TrimLeft(val, " \t"))
		val = val[lead:]
		col := indent + valStart + lead + 1
		var value string
		switch {
		case val != "" && (val[0] == '"' || val[0] == '\''):
			q := val[0]
			var b strings.Builder
			rest := val[1:]
			endLine := i
			for {
				j := closing(rest, q)
				if j >= 0 {
					b.WriteString(unescape(rest[:j], q))
					after := strings.TrimLeft(rest[j+1:], " \t")
					if after != "" && after[0] != '#' {
						return nil, errorf(rel, endLine+1, "text after the closing quote of %s", name)
					}
					break
				}
				b.WriteString(unescape(rest, q))
				b.WriteByte('\n')
				endLine++
				if endLine >= len(lines) {
					return nil, errorf(rel, lineNo, "the quoted value of %s is not closed", name)
				}
				rest = lines[endLine]
			}
			value = b.String()
			i = endLine
		default:
			if j := strings.Index(val, " #"); j >= 0 {
				val = val[:j]
			} else if j := strings.Index(val, "\t#"); j >= 0 {
				val = val[:j]
			}
			value = strings.TrimRight(val, " \t")
		}
		siblings[strings.ToLower(name)] = value
		d.entries = append(d.entries, entry{file: rel, path: []string{name}, value: value, line: lineNo, col: col, siblings: siblings, env: true})
	}
	return d, nil
}

// closing returns the index of the first unescaped quote q in s, or -1.
func closing(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

func unescape(s string, q byte) string {
	if q != '"' {
		return s
	}
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(s)
}

// envName reports whether s is a variable name of the subset.
func envName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
