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
// sentences: ". ", "? " or "! " before a capital letter, never after
// abbreviations such as "e.g.", "i.e.", "No." or an initial; after "Inc.",
// "Ltd.", "U.S." only when a word that starts sentences ("We", "The",
// "Your") follows; "。" always ends one. A claim keeps its sentence, white
// space folded, and the line and byte column where the sentence's first
// character is.
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
// "Location", "Where", "Region" or "Destination" in it, every row naming a
// country in such a column is a transfer (Inclusive, Table set) to those
// countries: recipient tables name where data goes. Its text is the row's
// cells joined with " | ", at the row's first cell. Sentences in every cell
// are read as any other.
//
// A sentence ending in ":" followed by a list takes the countries the
// list's items start with: "We may transfer your data to the following
// countries:" and "- South Korea", "- Vietnam" make one claim for both.
//
// An HTML comment states claims outright and binds the statement that
// follows it (the first sentence of the next paragraph, list item or
// heading, or the next table row):
//
//	<!-- noticevet: stored-only-in=JP -->
//	<!-- noticevet: transfers-to=KR,US; access-only-from=JP -->
//
// The keys are stored-in, stored-only-in, not-stored-in, transfers-to,
// transfers-only-to, no-transfers-to, access-from, access-only-from and
// no-access-from; the values ISO 3166-1 alpha-2 codes in capitals or the
// groups EU, EEA and EFTA. Such claims have Explicit set, and the bound
// statement's own words make no other claim of the kinds the comment
// states. A malformed noticevet comment is an error.
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
// read. Cities, regions and cloud regions ("Frankfurt", "Tokyo region",
// "us-east-1") and US states are not countries; continents ("Europe",
// "Asia") name none. Conditions ("if you are in the EEA, your data is
// stored in Ireland") and categories of data ("payment data is stored only
// in Japan") are not kept: the claim speaks of personal data in general.
// Descriptions of foreign law ("transfers abroad require consent in
// Vietnam") can read as statements. Japanese sentences make no claims yet
// (see japanese.go); their tables and comments do.
package notices
