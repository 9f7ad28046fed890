package country

import (
	"reflect"
	"testing"
)

// TestFindJapanese covers the names Japanese notices use: CLDR's Japanese
// short names, the kanji and katakana forms of aliases.tsv, groups, and the
// stops that start with a country's name.
func TestFindJapanese(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"日本", []string{"JP@日本"}},
		{"日本国内のサーバー", []string{"JP@日本国内"}},
		{"日本国外", []string{"JP@日本国"}}, // the reader takes 外 as "outside"
		{"本邦の域外", []string{"JP@本邦"}},
		{"韓国と大韓民国", []string{"KR@韓国", "KR@大韓民国"}},
		{"北朝鮮", []string{"KP@北朝鮮"}},
		{"中国、中華人民共和国、中国大陸", []string{"CN@中国", "CN@中華人民共和国", "CN@中国大陸"}},
		{"香港・中国香港・香港特別行政区", []string{"HK@香港", "HK@中国香港", "HK@香港特別行政区"}},
		{"台湾(中華民国)", []string{"TW@台湾", "TW@中華民国"}},
		{"米国、アメリカ、アメリカ合衆国", []string{"US@米国", "US@アメリカ", "US@アメリカ合衆国"}},
		{"英国とイギリス", []string{"GB@英国", "GB@イギリス"}},
		{"シンガポールにある", []string{"SG@シンガポール"}},
		{"ベトナムとヴェトナム", []string{"VN@ベトナム", "VN@ヴェトナム"}},
		{"タイ・台湾・インドネシア・韓国・フィリピン", []string{"TH@タイ", "TW@台湾", "ID@インドネシア", "KR@韓国", "PH@フィリピン"}},
		{"欧州連合(EU)", []string{"EU@欧州連合/group", "EU@EU/group"}},
		{"EU域内とEEA", []string{"EU@EU/group", "EEA@EEA/group"}},
		{"欧州経済領域", []string{"EEA@欧州経済領域/group"}},
		{"米国内", []string{"US@米国"}},
		{"韓国所在のデータセンター", []string{"KR@韓国"}},
		// Words that hold a country's name and name none.
		{"日本語版", nil},
		{"韓国語でのお問い合わせ", nil},
		{"中国語", nil},
		{"日本円", nil},
		{"日本時間と日本標準時", nil},
		{"日本海", nil},
		{"インド洋", nil},
		{"欧州", nil},
		{"タイプ", nil},
		{"タイムゾーン", nil},
		{"インドア", nil},
		{"アメリカン", nil},
		{"外国為替", nil},
		{"東京都港区", nil},
		{"国内", nil}, // relative: the Japanese reader decides
	}
	for _, tt := range tests {
		if got := found(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
