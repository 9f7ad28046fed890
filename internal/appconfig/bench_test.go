package appconfig

import (
	"strings"
	"testing"
)

// BenchmarkLongLine reads a YAML flow sequence of 20,000 hosts on one
// line: the time per host must not grow with the line (see yamlnode.Columns).
func BenchmarkLongLine(b *testing.B) {
	src := []byte("brokers: [" + strings.Repeat("k.example.de:9092, ", 20000) + "x.example.de]\n")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := readYAML("config/app.yaml", src, false); err != nil {
			b.Fatal(err)
		}
	}
}
