// Package notices reads a privacy notice written in Markdown into claims:
// what the notice says about the countries where personal data is stored,
// where it is sent, and from where it is accessed.
//
// # What it reads
//
// A notice is CommonMark with GFM tables, in English or Japanese (a notice
// written mostly in Japanese script is Japanese, see Claim.Lang). Parse
// walks the Markdown tree with goldmark: headings, paragraphs, list items,
// block quotes and table cells are read; code blocks and raw HTML are not,
// except for noticevet comments. The text of emphasis, links and code spans
// is kept in order, escapes and entities resolved. Paragraphs are cut into
// sentences. In English: ". ", "? " or "! " before a capital letter, never
// after abbreviations such as "e.g.", "i.e.", "No." or an initial; after
// "Inc.", "Ltd.", "U.S." only when a word that starts sentences ("We",
// "The", "Your") follows; "。" always ends one. In Japanese: 「。」「！」「？」
// 「．」 and "?" or "!" before a space, but not inside brackets
// (「Supabase Inc.（米国。ただし…）」 is one sentence); an English period ends
// none ("Pte. Ltd."). List items and table cells are blocks of their own. A
// sentence is read in the language it is written in (an English sentence
// quoted in a Japanese notice is read as English), and its claims carry the
// notice's language. A claim keeps its sentence, white space folded, and
// the line and byte column where the sentence's first character is.
//
// # What a claim is
//
// A claim has a kind and a scope (see Claim). It needs a word that says
// where data is (storage: "stored", "kept", "hosted", "retained", "servers",
// "data centers"), where it goes (transfer: "transferred", "sent", "shared
// with", "provided to", "processed", "disclosed", "remains", "leaves") or
// from where it is reached (access: "accessed", "access", "viewed"), and a
// place tied to that word: a country after a preposition of place ("in",
// "to", "from", "within", "outside"), a country locating an entity ("our
// Korean affiliate", "US-based", "LINE Plus (Korea)", "servers in Japan"),
// or a place abroad left unnamed ("overseas", "foreign countries", "outside
// your country"). Countries are found by the gazetteer of package country,
// and groups ("the EU", "the EEA") stand for their members. A sentence may
// make several claims: "stored in Japan and accessed from Korea" is a
// storage claim for Japan and an access claim for Korea.
//
// The scope:
//   - Exclusive needs a word that restricts: "only", "solely",
//     "exclusively", "limited to", "remains in", "stays within", "never
//     leaves". "All personal data is stored in Japan" is Inclusive: without
//     such a word a notice names a place, and may name others elsewhere (a
//     country it never names is still reported as undisclosed).
//   - Negative is a denial: "we do not store data in China", "never
//     transferred to", "access from China is blocked". A denial of "outside
//     X" ("not transferred outside Japan", "no access from outside Japan")
//     has Outside set and Countries X; a denial of "abroad", "overseas" or
//     "outside the country" has Outside set and no countries (the rules
//     read it against the home country).
//   - Inclusive is every other statement that names a country, hedged or
//     not ("may", "from time to time", "such as", "including").
//   - VagueForeign is a place abroad that is not named: "overseas",
//     "abroad", "foreign countries", "other countries", "third countries";
//     "outside Japan" and "countries other than Japan" have Outside set and
//     Countries [JP]. When the same verbs name a country too ("transferred
//     to the United States and other countries", "outside Japan, including
//     to Korea"), the claim is Inclusive for that country and nothing is
//     vague; a country named for other verbs of the sentence does not count
//     ("stored in Japan and may be sent overseas" stays vague for the
//     transfer).
//
// # Tables and comments
//
// In a GFM table whose header has a cell with "Country", "Countries",
// "Location", "Where", "Region" or "Destination" in it (in Japanese: 国,
// 移転先, 地域, 所在, 保管場所), every row naming a
// country in such a column is a transfer (Inclusive, Table set) to those
// countries: recipient tables name where data goes. Its text is the row's
// cells joined with " | ", at the row's first cell. Sentences in every cell
// are read as any other.
//
// A sentence ending in ":" followed by a list takes the countries the
// list's items start with: "We may transfer your data to the following
// countries:" and "- South Korea", "- Vietnam" make one claim for both; so
// does a Japanese sentence ending in 「：」, or in 「。」 when it speaks of
// 「以下の」 or 「次の」 (「以下の国に移転することがあります。」).
//
// # Japanese
//
// A Japanese sentence is read with the words of japanese.tsv (see
// japanese_clause.go), found where they are words of the sentence: a
// sentence that could make a claim is cut into words by the kagome
// morphological analyzer with the IPA dictionary (morph.go), so 「送り」
// is no verb in 「見送り」 nor 「ない」 a denial in 「少ない」. A place is a country (the gazetteer's kanji and
// katakana names: 日本, 韓国, 大韓民国, 米国, アメリカ合衆国, 欧州連合, EU),
// a list of them (「タイ・台湾・インドネシア」「日本および韓国」), 国内 (Japan:
// a Japanese notice speaks for Japan), or abroad unnamed (外国, 海外,
// 第三国; 国外 and 「居住国以外」 are outside the home, 「日本以外」「日本国外」
// outside Japan). The particle after it gives its role — で where data is
// kept or handled, に/へ where it goes, から where it is reached from — and
// の or にある makes it locate what follows (「韓国にある委託先」「日本国内の
// サーバー」). It is bound to the first verb after it that its role suits:
// storage (保管, 保存, 管理), transfer (移転, 提供, 委託, 処理, 取り扱い) or
// access (アクセス, 閲覧); 「日本で提供」 offers a service and is no transfer,
// and 「日本から韓国へ移転」 names Korea only. The scope:
//   - Exclusive: のみ, だけ, 限定, 限り right after the place (「日本国内の
//     サーバーのみで」「日本国内においてのみ」「国内に限定」), とどまる, and
//     「日本から持ち出すことはありません」.
//   - Negative: a denial after the verb (〜しません, 〜ことはありません, 〜せず,
//     遮断, 禁止). 「国外に移転しません」 and 「外国にある第三者に提供しません」
//     have Outside set and no countries (outside the home, Japan for a
//     Japanese notice); 「日本国外に移転しません」 has Countries [JP].
//   - VagueForeign: 「外国にある第三者に提供することがあります」「海外のサーバー
//     に保管」; 国外 and 「日本以外の国」 set Outside. A foreign country named
//     for the same verb makes it Inclusive (「韓国その他の外国」); Japan does
//     not (「日本および海外のサーバー」 is still vague abroad).
//   - Inclusive: every other statement that names a country, hedged
//     (〜ことがあります, 主に) or not.
//
// A country whose protection system the notice describes (「米国の個人情報
// 保護制度については…」, as APPI article 28(2) asks) is named for transfer,
// and so is one after 「移転先の国は」 or in brackets after a recipient
// (「Google LLC（米国）」). Not places: where people are (「日本のユーザー」
// 「日本に居住する」「海外在住の」「外国人」), where data comes from (「日本で
// 取得した」), law, language, currency and time (「日本の法令」「日本法」
// 「日本語版」「韓国語」「日本円」「日本時間」), comparisons (「日本と同等の」),
// the company's own nationality or address (「日本の会社です」「東京都港区」),
// words that contain 外国 (外国為替, 外国語), a user reaching the service
// (「お客様は海外から本サービスにアクセスできます」) and questions
// (「保管されていますか。」). Full-width letters (ＥＵ) read as ASCII.
//
// # Tables and comments (both languages)
//
// An HTML comment states claims outright and binds the statement that
// follows it (the first sentence of the next paragraph, list item or
// heading, or the next table row, in the notice's language):
//
//	<!-- noticevet: stored-only-in=JP -->
//	<!-- noticevet: transfers-to=KR,US; access-only-from=JP -->
//
// The keys are stored-in, stored-only-in, not-stored-in, transfers-to,
// transfers-only-to, no-transfers-to, access-from, access-only-from and
// no-access-from; the values ISO 3166-1 alpha-2 codes in capitals or the
// groups EU, EEA and EFTA. Such claims have Explicit set, and the bound
// statement's own words make no other claim of the kinds the comment
// states. A malformed noticevet comment is an error that names its line:
// an unknown key, a bad code (with the code meant when a name was written:
// "Japan" and 日本 are "JP"), or a full-width 「：」「＝」「、」 typed by a
// Japanese input method.
//
// # What is not a claim
//
// A country next to a data-location word is still no claim when it is
// where people are ("users in Japan", "EEA residents", "if you live in the
// EEA"), where data comes from ("collected in Japan", "transferred from
// the EEA to the US" names only the US), part of a name ("the Korea Fair
// Trade Commission", "Japan Post", "American Express", "New Mexico"), a
// matter of law or language ("the laws of Japan", "Japanese law", "the
// Japanese version", "Japanese yen"), a safeguard ("certified under the
// EU-U.S. Data Privacy Framework"), or what the person the data is about
// does ("you can access your data from anywhere", "information you provide
// to us in Japan"). Addresses ("Our headquarters are in Tokyo, Japan"),
// where the service is offered ("available in the US and Japan", "we
// provide the service in Japan"), questions ("Is my data stored in
// Japan?"), options ("customers can choose to keep their data in Japan
// only" is Inclusive), and headings that name a topic ("Transfers
// abroad") make no claim, or no vague one.
//
// # Known limits
//
// The patterns read English word order, not a parse of the sentence: a
// place is bound to the nearest suitable verb of its clause, so long
// sentences with several verbs and places can be misread, and a claim that
// spans sentences ("We use two data centers. One is in Korea.") is not
// read. The cities of cloud regions and the US states that name them
// (cities.tsv: "in Frankfurt", "in Oregon", 「東京リージョン」
// 「フランクフルト」) place their country, except as an address ("our
// office in London"); other cities, region codes ("us-east-1") and
// continents ("Europe", "Asia") name none. Conditions ("if you are in the EEA, your data is
// stored in Ireland") are not kept. The kinds of data a statement is
// limited to are kept (Claim.Data, from data.tsv: "payment data is stored
// only in Japan" says nothing of photos). Descriptions of foreign law
// ("transfers abroad require consent in Vietnam") can read as statements;
// law and transfer mechanisms named as such ("EU standard contractual
// clauses", "laws within the EEA", "a valid mechanism for the transfer")
// are not places.
//
// # Labels, titles and tables
//
// A label that names where data is handled reads its countries as after
// "in" ("Data processing location: United States", "Server location:
// Germany"); 「提供先：enom（国名：アメリカ）」 reads as 「enom（アメリカ）」. A
// statement with no sentence end and no finite verb (a heading, "Transfer
// to a third country:", an item of a table of contents) names a topic: it
// makes no vague claim. In a table, header cells make no claim; a header
// cell that names a country and a place data is kept ("US Server", 「国内
// サーバー」) heads a column per region, and a row with a mark in it is
// storage there.
//
// # Lists elsewhere
//
// A sentence that sends the reader to a list of recipients or countries
// ("see our list of sub-processors", "the countries are listed at …",
// 「外国の名称は『外国への第三者提供一覧』をご確認ください」) is a claim of
// scope Elsewhere beside what its words claim, with the link it carries in
// Claim.Link (a Markdown link, an autolink or a bare address). It needs
// both the list (of sub-processors, recipients, countries, locations;
// 提供先・委託先の一覧, 外国の名称, 国名) and the words that send the reader
// to it (see, listed at, available here; ご確認ください, に掲載); a list of
// adequacy decisions or laws, a list in the notice itself ("below",
// 「以下」) and other links (a cookie policy, a contact address) are none.
// A link to a heading of the same notice (GitHub's anchors) makes no
// Elsewhere claim: the list is read where it stands. Reading a linked file
// is the caller's: Parse sees one file.
//
// # Why a claim
//
// Claim.Why keeps the words that made a claim: the verb or data-holding
// noun, the place, the word that made it exclusive or negative, and the
// data kinds; `noticevet claims -explain` shows them.
//
// Japanese is read by particles and word classes, not parsed: a place is
// bound to the first suitable verb after it (within about a hundred
// words), so a sentence whose verb for a place comes after another verb
// that suits it can be misread; the subject is often left out, so a
// sentence about what a user does is recognised only for the common forms
// (「お客様が…アクセス」「本サービスにアクセス」). Places described by a
// criterion and not named (「日本と同等の制度を持つ国」) make no claim, and
// 「ことがあります」 and 「主に」 are not kept. 東京 alone and Japanese
// prefectures are no place (「東京都港区」 is an address). An entrusted party (委託先)
// makes a transfer claim as well as the claim of its verb
// (「韓国の委託先がアクセス」 is transfer and access).
package notices
