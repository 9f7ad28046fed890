package paas

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRender reads Blueprints of n services, in block style and as
// one flow line: the time per service must not grow with n (byte
// columns resume along a line; nothing is looked up twice).
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		block := "services:\n" + strings.Repeat("  - type: web\n    name: api\n    region: frankfurt\n", n)
		flow := "services: [" + strings.Repeat("{type: web, name: 日本, region: frankfurt}, ", n) + "{type: worker}]\n"
		for name, src := range map[string]string{"block": block, "flow": flow} {
			b.Run(fmt.Sprintf("%s-%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := readRender("render.yaml", []byte(src)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
