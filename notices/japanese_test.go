package notices

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// japaneseTests are Japanese sentences and the claims they make, in the
// order Parse returns them. A nil want is a look-alike: a sentence that
// names a country or speaks of data, and makes no claim. J1–J20 are the
// paraphrased phrasings of the project's phrase list (section A).
var japaneseTests = []sentenceTest{
	// The phrase list, section A.
	{"日本のユーザーのパーソナルデータは、日本と韓国にあるデータセンターで保管しています。", []string{"storage inclusive JP,KR"}},                                                                                                    // J1
	{"システムの開発・運用のため、主に韓国・ベトナムにあるグループ会社や委託先の従業員が、業務に必要な範囲でパーソナルデータにアクセスすることがあります。", []string{"access inclusive KR,VN"}},                                                                     // J2
	{"日本語以外でのお問い合わせ対応のため、タイ・台湾・インドネシア・韓国・フィリピンの拠点からアクセスすることがあります（日本語の問い合わせは原則国内で対応）。", []string{"access inclusive ID,KR,PH,TH,TW"}},                                                        // J3
	{"（旧）主要なパーソナルデータは、当社所在地である日本の安全なサーバーで保管しています。", []string{"storage inclusive JP"}},                                                                                                      // J4
	{"（旧）パーソナルデータは、ユーザーの居住国以外の国・地域にある委託先などの第三者や第三国に移転される場合があります。", []string{"transfer vague-foreign outside"}},                                                                             // J5
	{"データセンターは、日本と同等の個人データ保護制度を持つ国・地域またはAPEC越境プライバシールール（CBPR）参加国に置いています。", nil},                                                                                                            // J6: a criterion, no place
	{"それ以外の第三国からのアクセスには、委託契約で安全管理を義務付け、アクセス経路を暗号化します。", []string{"access vague-foreign"}},                                                                                                  // J6
	{"お客様情報は日本および韓国所在のデータセンターに保管（韓国のデータは2021年9月までに国内へ移転予定）。", []string{"storage inclusive JP,KR", "transfer inclusive JP"}},                                                                // J7
	{"システム開発・運用で、日本以外では韓国のグループ会社や委託先にお客様情報を移転することがあるが、機微性に応じて必要最小限のアクセス権限のみ付与しています。", []string{"transfer inclusive KR"}},                                                                   // J8
	{"データセンターに保管された情報に対し国外からアクセスが生じ、国外企業へ移転される場合があります。", []string{"transfer vague-foreign outside", "access vague-foreign outside"}},                                                       // J9
	{"キャンペーン特典付与のため、シンガポールにある暗号資産発行元のLINE金融グループ会社が、必要な範囲でお客様情報にアクセスすることがあります。", []string{"access inclusive SG"}},                                                                           // J10
	{"お客様からお預かりした個人情報は、日本国内においてのみ取り扱います。", []string{"transfer exclusive JP"}},                                                                                                              // J11
	{"外国にある第三者に個人情報を提供する場合は、法令で認められる場合を除き、事前にお客様の同意を得ます。", []string{"transfer vague-foreign"}},                                                                                             // J12
	{"委託に伴い個人データを外国の第三者に提供することがあります：Google LLC（米国）、Supabase Inc.（米国。ただし当サービスのデータ保管場所は東京リージョン ap-northeast-1）、Vercel Inc.（米国）。", []string{"storage inclusive JP", "transfer inclusive US"}}, // J13: the Tokyo region is in Japan
	{"個人情報を外国にある第三者へ提供することはありません。", []string{"transfer negative outside"}},                                                                                                                 // J14
	{"本サービスは外国事業者のクラウドを使っているため、取得した個人データは外国にある第三者に提供されます。", []string{"transfer vague-foreign"}},                                                                                            // J15
	{"サービス提供上、外国の第三者に個人情報を提供することがあり、その際は当該外国の個人情報保護制度と提供先の保護措置に関する情報を提供のうえ同意を得ます。", []string{"transfer vague-foreign"}},                                                                    // J16
	{"サーバーやクラウドを外国事業者が運営している場合など、外国の第三者に個人データを提供することがあります。", []string{"transfer vague-foreign"}},                                                                                           // J17
	{"この場合、外国の名称や当該国の制度等を確認できるよう情報提供・公表します。", nil},                                                                                                                                         // J17
	{"お住まいの国・地域以外の企業へ、同意取得などのうえでパーソナルデータを提供することがあります。", []string{"transfer vague-foreign outside"}},                                                                                        // J18
	{"参考として各国の制度情報（制度の有無／日本と同等か／EU十分性認定の有無）を掲載します。", nil},                                                                                                                                  // J18
	{"Google Workspace は Google Asia Pacific Pte. Ltd.（シンガポール）との契約で利用。", nil},                                                                                                              // J19: a contract, no data verb
	{"本ポリシーは韓国の領土外に住む利用者にのみ適用され、韓国居住者には韓国語版が適用されます。", nil},                                                                                                                                 // J20
	// Storage.
	{"日本のユーザーの個人情報は日本国内のサーバーのみで保管しています。", []string{"storage exclusive JP"}},
	{"個人情報は、日本のみに保存されます。", []string{"storage exclusive JP"}},
	{"保管場所：日本国内に限定しています。", []string{"storage exclusive JP"}},
	{"個人情報は、日本国内および大韓民国に所在するサーバーに保管されます。", []string{"storage inclusive JP,KR"}},
	{"米国のクラウド事業者のサーバーに保存されます。", []string{"storage inclusive US"}},
	{"バックアップデータは大韓民国のデータセンターに保管されます。", []string{"storage inclusive KR"}},
	{"画像・動画は韓国のサーバーにも保存されます。", []string{"storage inclusive KR"}},
	{"本サービスのサーバーは、米国（オレゴン州）にあります。", []string{"storage inclusive US"}},
	{"当社は韓国のデータセンターを利用しています。", []string{"storage inclusive KR"}},
	{"ＥＵ域内のサーバーに保管します。", []string{"storage inclusive EU"}},
	{"個人データは、AWSのシンガポールリージョンに保存されます。", []string{"storage inclusive SG"}},
	{"ベトナムオフィスの開発者がアクセスすることがあります。", []string{"access inclusive VN"}},
	{"タイプ別に保管します。", nil},
	{"中国には個人情報を保管しません。", []string{"storage negative CN"}},
	{"個人データを国外のサーバーに保存することはありません。", []string{"storage negative outside"}},
	{"お客様の個人情報は、海外のサーバーに保管される場合があります。", []string{"storage vague-foreign"}},
	{"日本および海外のサーバーで保管しています。", []string{"storage inclusive JP", "storage vague-foreign"}}, // Japan answers nothing abroad
	// Transfer.
	{"韓国およびベトナムのグループ会社に個人データを提供することがあります。", []string{"transfer inclusive KR,VN"}},
	{"お客様の情報は、シンガポールで処理されます。", []string{"transfer inclusive SG"}},
	{"アメリカ合衆国および欧州連合（EU）に所在する事業者に委託しています。", []string{"transfer inclusive EU,US"}},
	{"LINE Plus Corporation（韓国）に個人情報の処理を委託しています。", []string{"transfer inclusive KR"}},
	{"以下の国にある委託先に個人データの取扱いを委託しています：米国、シンガポール", []string{"transfer inclusive SG,US"}},
	{"韓国その他の外国にある第三者に提供することがあります。", []string{"transfer inclusive KR"}},
	{"韓国、米国等の外国にある委託先に委託することがあります。", []string{"transfer inclusive KR,US"}},
	{"移転先の国は米国です。", []string{"transfer inclusive US"}},
	{"提供先の所在国：大韓民国", []string{"transfer inclusive KR"}},
	{"米国の個人情報保護制度については、個人情報保護委員会のウェブサイトをご覧ください。", []string{"transfer inclusive US"}}, // APPI 28(2): the country is named
	{"米国における個人情報の保護に関する制度を把握した上で、安全管理措置を講じています。", []string{"transfer inclusive US"}},
	{"提供先の所在する外国における個人情報の保護に関する制度については、個人情報保護委員会が公表する情報をご確認ください。", nil},
	{"国内外のサーバーで個人データを保管しています。", []string{"storage inclusive JP", "storage vague-foreign"}},
	{"データは日本国内にとどまります。", []string{"transfer exclusive JP"}},
	{"個人情報が日本から持ち出されることはありません。", []string{"transfer exclusive JP"}},
	{"当社は、個人データを米国のみに移転します。", []string{"transfer exclusive US"}},
	{"当社は、個人情報を国外に移転しません。", []string{"transfer negative outside"}},
	{"国外への移転は、法令に基づく場合を除き、行いません。", []string{"transfer negative outside"}},
	{"個人情報を日本国外に移転することはありません。", []string{"transfer negative outside JP"}},
	{"日本以外の国・地域に個人データを移転することはありません。", []string{"transfer negative outside JP"}},
	{"当社は、個人データを外国にある第三者に提供しません。", []string{"transfer negative outside"}},
	{"当社は、個人データを外国にある第三者に提供することがあります。", []string{"transfer vague-foreign"}},
	{"日本国外の委託先に業務を委託することがあります。", []string{"transfer vague-foreign outside JP"}},
	{"個人データの越境移転を行う場合があります。", []string{"transfer vague-foreign"}},
	{"日本から韓国へ個人データを移転します。", []string{"transfer inclusive KR"}}, // Japan is where it comes from
	// Access.
	{"香港および台湾の拠点から閲覧されることがあります。", []string{"access inclusive HK,TW"}},
	{"フィリピンのコールセンターからお問い合わせ対応のため個人情報を閲覧することがあります。", []string{"access inclusive PH"}},
	{"韓国のエンジニアがリモートアクセスにより保守を行うことがあります。", []string{"access inclusive KR"}},
	{"当社の従業員は日本国内からのみ個人データにアクセスします。", []string{"access exclusive JP"}},
	{"中国からのアクセスは遮断しています。", []string{"access negative CN"}},
	{"当社は、中国の関連会社に個人情報へのアクセスを認めていません。", []string{"access negative CN"}},
	{"海外からのアクセスはできません。", []string{"access negative outside"}},
	{"個人情報は国外からアクセスされることがあります。", []string{"access vague-foreign outside"}},
	// Several claims in one sentence.
	{"決済情報は日本国内でのみ保管・処理されます。", []string{"storage exclusive JP", "transfer exclusive JP"}},
	{"当社は、取得した個人情報を日本国内においてのみ取り扱い、国外に移転することはありません。", []string{"transfer exclusive JP", "transfer negative outside"}},
	{"日本で保管し、韓国には移転しません。", []string{"storage inclusive JP", "transfer negative KR"}},
	{"個人データは日本国内のデータセンターで保管し、海外へ持ち出すことはありません。", []string{"storage inclusive JP", "transfer negative outside"}},
	{"当社のグループ会社（韓国）の技術者が、日本国内のサーバーにアクセスすることがあります。", []string{"storage inclusive JP", "access inclusive KR"}},
	{"個人データは、日本国内のサーバーに保管されており、外国の第三者による閲覧はできません。", []string{"storage inclusive JP", "access negative outside"}},
	{"当社は、個人データを日本国外に保存・移転することはありません。", []string{"storage negative outside JP", "transfer negative outside JP"}},
	// Look-alikes: no claim.
	{"当社は日本の会社です。", nil},
	{"当社は、日本の法令に従い、個人情報を適切に管理します。", nil},
	{"日本語版と英語版に相違がある場合は、日本語版が優先します。", nil},
	{"韓国語でのお問い合わせにも対応しています。", nil},
	{"本社所在地：東京都港区六本木一丁目1番1号", nil},
	{"外国為替取引の記録は適切に保管します。", nil},
	{"日本のユーザーの個人情報を適切に保護します。", nil},
	{"海外在住のお客様からのお問い合わせは英語で受け付けます。", nil},
	{"本サービスは日本、台湾、タイで提供しています。", nil},
	{"当社は、本サービスを日本国内のみで提供しています。", nil},
	{"お客様は、海外からも本サービスにアクセスできます。", nil},
	{"外国から本サービスにアクセスする場合、一部の機能が利用できません。", nil},
	{"日本で取得した個人情報は、安全に管理します。", nil},
	{"当社は、欧州経済領域（EEA）から日本へ個人データの移転を受けています。", nil},
	{"EUの十分性認定を受けています。", nil},
	{"外国人のお客様も日本国内のサービスをご利用いただけます。", nil},
	{"当社は個人情報を第三者に提供しません。", nil},
	{"日本円での決済のみ受け付けます。", nil},
	{"中国地方のお客様の情報も保管しています。", nil},
	{"アメリカン・エキスプレスのカード情報は保存しません。", nil},
	{"日本標準時で記録を保存します。", nil},
	{"個人情報は日本に保管されていますか？", nil},
	{"個人情報は日本に保管されていますか。", nil},
	{"国内外のお客様にサービスを提供しています。", nil},
	{"韓国の法令に基づき、当局に情報を開示することがあります。", nil},
	{"日本に居住するユーザーの個人情報は、適切に取り扱います。", nil},
	{"外国語の翻訳サービスを提供しています。", nil},
	{"海外旅行保険の契約情報を保管します。", nil},
	{"ユーザーが海外からアクセスした場合も、データは日本国内で保管します。", []string{"storage inclusive JP"}}, // the user's access is no claim
	{"日本から本サービスを利用するお客様の個人情報は、韓国で保管されます。", []string{"storage inclusive KR"}}, // where the users are is no claim
}

func TestJapaneseClaims(t *testing.T) {
	checkSentences(t, "PRIVACY.ja.md", "ja", japaneseTests, 40, 12)
}

func TestJapaneseSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"日本で保管します。韓国からアクセスします。", []string{"日本で保管します。", "韓国からアクセスします。"}},
		{"保管しますか？はい！そうです", []string{"保管しますか？", "はい！", "そうです"}},
		{"「日本国内のみ。」と書いています。次へ。", []string{"「日本国内のみ。」と書いています。", "次へ。"}},
		{"Supabase Inc.（米国。ただし東京）、Vercel Inc.（米国）。次。", []string{"Supabase Inc.（米国。ただし東京）、Vercel Inc.（米国）。", "次。"}},
		{"Google Asia Pacific Pte. Ltd.に委託します。", []string{"Google Asia Pacific Pte. Ltd.に委託します。"}},
		{"閉じない（括弧。次の文。", []string{"閉じない（括弧。", "次の文。"}},
		{"余分な）括弧。次。", []string{"余分な）括弧。", "次。"}},
		{"3．5％です．次です．", []string{"3．5％です．", "次です．"}},
		{"保管されますか? はい。", []string{"保管されますか?", "はい。"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range japanese().sentences([]byte(tt.text)) {
			got = append(got, tt.text[s.start:s.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// japaneseDoc is a Japanese notice with headings, lists, tables, comments
// and an English sentence.
const japaneseDoc = `# プライバシーポリシー

## 1. 保管場所

日本のユーザーの個人情報は、日本国内のサーバーのみで保管しています。画像は韓国のサーバーにも保存されます。

## 2. 外国にある第三者への提供

当社は、以下の国にある委託先に個人データを提供することがあります。

- 大韓民国（開発・運用）
- ベトナム・フィリピン：カスタマーサポート
- LINE Plus Corporation（台湾）

| 提供先 | 目的 | 所在国 |
|---|---|---|
| Google LLC | 分析 | 米国 |
| Acme株式会社 | 配信 | ＥＵ |

<!-- noticevet: access-only-from=JP -->
当社の従業員は、業務に必要な範囲で個人データにアクセスします。

Backups are kept in Singapore.
`

// TestJapaneseDocument reads a Japanese notice with headings, lists,
// tables, comments and an English sentence, and checks where each claim
// is.
func TestJapaneseDocument(t *testing.T) {
	src := japaneseDoc
	cs, err := Parse("PRIVACY.ja.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s %s", c.Line, c.Column, brief(c), c.Lang))
	}
	want := []string{
		"5:1 storage exclusive JP ja",
		"5:103 storage inclusive KR ja",
		"9:1 transfer inclusive KR,PH,VN ja",
		"17:3 transfer inclusive US table ja",
		"18:3 transfer inclusive " + expand("x y EU")[4:] + " table ja",
		"21:1 access exclusive JP explicit ja",
		"23:1 storage inclusive SG ja",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestJapaneseComments: noticevet comments bind the next Japanese
// sentence, and a malformed one is an error with its line.
func TestJapaneseComments(t *testing.T) {
	src := "# 方針\n\n<!-- noticevet: stored-only-in=JP -->\n個人情報は日本国内で保管します。韓国からアクセスすることがあります。\n"
	cs, err := Parse("p.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%d:%d %s %q", c.Line, c.Column, brief(c), c.Text))
	}
	want := []string{
		`4:1 storage exclusive JP explicit "個人情報は日本国内で保管します。"`,
		`4:49 access inclusive KR "韓国からアクセスすることがあります。"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, tt := range []struct{ src, want string }{
		{"# 方針\n\n<!-- noticevet： stored-only-in=JP -->\n個人情報は日本国内で保管します。",
			`p.md:3: noticevet comment: "：" is a full-width character; write ":"`},
		{"# 方針\n\n<!-- noticevet: stored-only-in＝JP -->\n個人情報は日本国内で保管します。",
			`p.md:3: noticevet comment: "＝" is a full-width character; write "="`},
		{"<!-- noticevet: stored-only-in=日本 -->\n個人情報は日本国内で保管します。",
			`p.md:1: noticevet comment: stored-only-in: "日本" is not an ISO 3166-1 alpha-2 country code or a group (EU, EEA, EFTA); 日本 is "JP"`},
		{"<!-- noticevet: transfers-to=KR、US -->\n韓国と米国に提供します。",
			`p.md:1: noticevet comment: "、" is a full-width character; write ","`},
		{"個人情報は日本国内で保管します。\n\n<!-- noticevet: stored-in=JP -->\n",
			`p.md:3: noticevet comment: no statement follows it`},
	} {
		_, err := Parse("p.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q):\n got error %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

func TestJapaneseTableLoads(t *testing.T) {
	// newJapanese panics on a malformed row; the package var already ran it.
	for _, w := range []string{"保管", "移転", "アクセス", "ません", "のみ", "外国", "国外", "国内", "に", "の", "ユーザー", "委託先"} {
		r := []rune(w)[0]
		ok := false
		for _, p := range japanese().phrases[r] {
			ok = ok || p.text == w
		}
		if !ok {
			t.Errorf("japanese.tsv: no phrase %q", w)
		}
	}
	for _, bad := range []string{"classes\tphrase\nnope\t保管\n", "classes\tphrase\nstore\n", "classes\tphrase\nstore\t（\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newJapanese(%q) did not panic", bad)
				}
			}()
			newJapanese(bad)
		}()
	}
}

// japaneseReadingTests are Japanese sentences for the kinds of phrasing
// real notices use, with look-alikes that must make no claim.
var japaneseReadingTests = []sentenceTest{
	// A place that locates a server through a relative verb (設置した,
	// 配置された, 置かれた), with のみ after the server: exclusive.
	{"当社は、お客様からお預かりした個人情報を、日本国内に設置したサーバーにのみ保管します。", []string{"storage exclusive JP"}},
	{"会員情報は、国内に配置されたデータセンターでのみ保存します。", []string{"storage exclusive JP"}},
	{"利用履歴はシンガポールに置かれたサーバーに保管します。", []string{"storage inclusive SG"}},
	{"日本に設置した窓口でのみお問い合わせを受け付けます。", nil},
	{"当社は東京に本社を設置しています。", nil},
	// A recipient with its country in brackets under a label.
	{"提供先：enom（国名：アメリカ）", []string{"transfer inclusive US"}},
	{"委託先：Acme Inc.（所在国：シンガポール）", []string{"transfer inclusive SG"}},
	{"提供先：Example GmbH（国・地域：ドイツ）", []string{"transfer inclusive DE"}},
	{"本社：Acme Inc.（国名：アメリカ）", nil},
	{"お問い合わせ窓口（所在国：日本）", nil},
	{"言語：英語（国名：アメリカ）", nil},
	// A title names a topic: no place abroad.
	{"(2) 国外へのお客様情報の移転", nil},
	{"<海外拠点からアクセスが生じる主なケース>", nil},
	{"外国にある第三者への提供", nil},
	{"個人情報を外国にある第三者に提供することがあります", []string{"transfer vague-foreign"}},
	// Abroad, described and not named.
	{"お客様の情報が他の地域に転送されることがあります。", []string{"transfer vague-foreign"}},
	{"利用データは別の国のサーバーに保存される場合があります。", []string{"storage vague-foreign"}},
	{"各地の開発者が問い合わせ内容にアクセスすることがあります。", []string{"access vague-foreign"}},
	{"データが国境を越えて移転される場合、適切な措置を講じます。", []string{"transfer vague-foreign"}},
	{"当社のサーバーはさまざまな国にあります。", []string{"storage vague-foreign"}},
	{"当社のコンピューターは様々な場所に設置されています。", []string{"storage vague-foreign"}},
	{"必要な場合、一定の地域外に個人データを移転します。", []string{"transfer vague-foreign outside"}},
	{"全国各地のお客様にサービスを提供しています。", nil},
	{"他の地域のニュースをアプリに表示します。", nil},
	{"国境を越えて旅行する際も本アプリを利用できます。", nil},
	{"さまざまな国のユーザーが本サービスを利用しています。", nil},
	{"コンピュータの画面に表示される情報を確認してください。", nil},
	{"別の国の言語を選ぶことができます。", nil},
	// Cloud-region and foreign cities place their country.
	{"本サービスのデータは東京リージョンに保管します。", []string{"storage inclusive JP"}},
	{"バックアップはフランクフルトのデータセンターで保管します。", []string{"storage inclusive DE"}},
	{"当社はパリティ検査を行います。", nil},
	{"ロンドン支店の所在地は以下のとおりです。", nil},
	// A recipient's country last in its brackets, after a slash.
	{"入力内容の外部送信先：Google LLC（Gemini API／米国）", []string{"transfer inclusive US"}},
	{"委託先：Acme（サポート業務・シンガポール）", []string{"transfer inclusive SG"}},
	{"解析ツールの提供元：Example Ltd.（解析／英国）", nil},
	{"当社（東京都／日本）はお問い合わせを受け付けます。", nil},
	// Seats, residence, law, comparisons: no place for data.
	{"当社の本店所在地は大阪府大阪市です。", nil},
	{"欧州経済領域に居住するお客様には、追加の権利があります。", nil},
	{"米国の法令に基づく開示請求に応じることがあります。", nil},
	{"シンガポールと同等の水準の保護措置を講じます。", nil},
	{"英語版と日本語版に相違がある場合は日本語版が優先します。", nil},
	// Abroad, and exclusive to Japan.
	{"お客様の個人データは、日本国内に設置されたデータセンターでのみ保存されます。", []string{"storage exclusive JP"}},
	{"個人情報を国外の委託先に提供することがあります。", []string{"transfer vague-foreign outside"}},
	{"韓国に所在する委託先に問い合わせ対応を委託しています。", []string{"transfer inclusive KR"}},
	// A recipient that includes foreign companies, in brackets.
	{"登録機関（海外の事業者を含む）に申込情報を提供します。", []string{"transfer vague-foreign"}},
	{"申込情報を提供します（外国の認証局を含む）。", []string{"transfer vague-foreign"}},
	{"決済会社（米国の企業を含む）に決済情報を提供します。", []string{"transfer inclusive US"}},
	{"提携先（海外の事業者を含む）の一覧を掲載しています。", nil},
	{"本サービス（海外向けの機能を含む）をご利用いただけます。", nil},
}

func TestJapaneseReading(t *testing.T) {
	checkSentences(t, "PRIVACY.md", "ja", japaneseReadingTests, 45, 22)
}

// TestJapaneseLatinNames: in a Japanese notice, a sentence whose names are
// longer in Latin letters than its Japanese words is still Japanese.
func TestJapaneseLatinNames(t *testing.T) {
	src := "個人情報の取扱いについて、以下のとおりお知らせします。\n\n提供先：Internet Security Research Group（国名：アメリカ）\n"
	cs, err := Parse("PRIVACY.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(cs); !reflect.DeepEqual(got, []string{"transfer inclusive US"}) || cs[0].Line != 3 {
		t.Errorf("got %q at %v, want transfer inclusive US on line 3", got, cs)
	}
}

// TestJapaneseWords: a phrase of the tables is not read inside a longer
// word: 「トーク」 is no message inside 「トークン」, 「管理」 no storage verb
// inside 「管理機関」.
func TestJapaneseWords(t *testing.T) {
	for _, tt := range []struct {
		text string
		data []string
	}{
		{"認証トークンは日本国内のサーバーのみで保管します。", nil},
		{"トーク履歴は日本国内のサーバーのみで保管します。", []string{"message"}},
		{"トークは日本国内のサーバーのみで保管します。", []string{"message"}},
	} {
		if got := dataOf(tt.text); !reflect.DeepEqual(got, tt.data) {
			t.Errorf("dataOf(%q) = %q, want %q", tt.text, got, tt.data)
		}
	}
	checkSentences(t, "PRIVACY.md", "ja", []sentenceTest{
		{"ドメイン名管理機関（米国）の規則に従います。", nil},
		{"会員情報は米国の管理会社の規程に従います。", nil},
		{"会員情報は米国のデータセンターで管理します。", []string{"storage inclusive US"}},
		// The words of the sentence, cut by the morphological analyzer, not
		// the letters: a phrase of the tables inside a longer word is no word.
		{"韓国への進出は見送ります。", nil},                                               // 送り in 見送り: no sending
		{"台湾向けの機能の公開は当面見送ります。", nil},                                         // the same, with a verb of no kind
		{"お客様の連絡先を米国の配送業者に送ります。", []string{"transfer inclusive US"}},         // 送り itself
		{"会員情報を韓国の関連会社と共有しますが、件数は少ないです。", []string{"transfer inclusive KR"}}, // ない in 少ない: no denial
		{"会員情報を韓国の関連会社と共有することはありません。", []string{"transfer negative KR"}},
		{"当社は各地域の事業所で顧客情報を保管します。", nil}, // 各地 in 各地域: no place
		{"当社は各地の事業所で顧客情報を保管します。", []string{"storage vague-foreign"}},
		{"米国の人工知能サービスで問い合わせ内容を処理します。", []string{"transfer inclusive US"}}, // 人 in 人工: no person
		{"当社は、シンガポールの人事部門に従業員情報を提供します。", []string{"transfer inclusive SG"}},
		{"シンガポールの人に従業員情報を提供します。", nil}, // 人 itself: where people are
	}, 0, 0)
	for _, tt := range []struct {
		text string
		data []string
	}{
		{"アクセストークンは米国のサーバーに保管します。", nil},
		{"トーク内容は米国のサーバーに保管します。", []string{"message"}},
	} {
		if got := dataOf(tt.text); !reflect.DeepEqual(got, tt.data) {
			t.Errorf("dataOf(%q) = %q, want %q", tt.text, got, tt.data)
		}
	}
}
