package notices

// Kind is what a claim speaks of: where data rests, where it goes, or from
// where it may be reached.
type Kind string

// The kinds of claim.
const (
	Storage  Kind = "storage"  // "stored in Japan"
	Transfer Kind = "transfer" // "transferred to Korea", "provided to third parties in the US"
	Access   Kind = "access"   // "accessed by our affiliate in China"
)

// Scope is how a claim constrains the countries it names.
type Scope string

// The scopes of claim.
const (
	// Exclusive: data is only in the named countries ("only in Japan",
	// "never leaves Japan").
	Exclusive Scope = "exclusive"
	// Negative: data is not in the named countries ("we do not store data in
	// China"). With Outside set, it is not anywhere but the named countries
	// ("we do not transfer personal data outside Japan").
	Negative Scope = "negative"
	// Inclusive: data is (or may be) in the named countries, maybe elsewhere too.
	Inclusive Scope = "inclusive"
	// VagueForeign: data may go abroad, with no country named ("overseas",
	// "foreign countries", "外国").
	VagueForeign Scope = "vague-foreign"
	// Elsewhere: the notice names the countries of its kind somewhere
	// else, a list it points to ("see our list of sub-processors",
	// 「外国の名称は…一覧をご確認ください」) that noticevet does not read:
	// Link says where, when the sentence links to it.
	Elsewhere Scope = "elsewhere"
)

// Claim is one statement of a notice about where personal data is stored,
// transferred or accessed from.
type Claim struct {
	Kind  Kind  `json:"kind"`
	Scope Scope `json:"scope"`
	// Countries are ISO 3166-1 alpha-2 codes, upper case, groups expanded,
	// sorted. Empty for a vague-foreign claim; for an "outside X" statement
	// they are X.
	Countries []string `json:"countries,omitempty"`
	// Outside marks a statement about "outside" its Countries: a negative
	// claim "not outside Japan" or a vague-foreign "outside Japan". When
	// Countries is empty, "outside" means outside the home country, which
	// the rules decide (see the config's home).
	Outside bool `json:"outside,omitempty"`
	// Explicit is set for a claim stated in an HTML comment
	// (<!-- noticevet: stored-only-in=JP -->) rather than read from prose.
	Explicit bool `json:"explicit,omitempty"`
	// Table is set when the countries came from a table cell (a recipient
	// table): they count as named.
	Table bool `json:"table,omitempty"`
	// Data are the kinds of personal data the statement is limited to
	// ("payment", "media", "message", "location"; see data.tsv), sorted:
	// "Payment information is stored only in Japan" says nothing of
	// photos. Empty when it speaks of personal data in general, names no
	// kind, or is an HTML comment.
	Data []string `json:"data,omitempty"`
	// Link is the destination of an elsewhere claim's link as written
	// ("https://example.com/subprocessors", "docs/recipients.md"); empty
	// when the sentence has none.
	Link string `json:"link,omitempty"`

	// Why holds the words that made the claim, for `noticevet claims
	// -explain`; not part of the claim's JSON.
	Why Because `json:"-"`

	Path   string `json:"path"`   // the notice file, as given to Parse
	Line   int    `json:"line"`   // 1-based line of the sentence's start
	Column int    `json:"column"` // 1-based byte column of the sentence's start
	Text   string `json:"text"`   // the sentence, whitespace folded
	// Offset and End are the byte offsets in the notice file of the
	// sentence's first byte and just past its last, so that a proposed
	// text can replace it (see internal/suggest); End is 0 for a table
	// row. The source between them may hold Markdown markup (emphasis,
	// links) that Text leaves out.
	Offset int    `json:"-"`
	End    int    `json:"-"`
	Lang   string `json:"lang"` // "en" or "ja"
}

// Because is what in a statement made a claim: the words a notice author
// can change to change the reading.
type Because struct {
	// Verb is the verb or noun that gives the kind: "stored", "transfer",
	// 「保管」; the comment key for an explicit claim; "table column" for a
	// country column.
	Verb string `json:"verb,omitempty"`
	// Place is the words that place the data: "in Japan", "outside your
	// country", 「日本国内」; several places of one claim are joined by "; ".
	Place string `json:"place,omitempty"`
	// Scope is the word that gives an exclusive or negative scope: "only",
	// "remains", "not", 「のみ」「しません」. Empty for inclusive and vague
	// claims.
	Scope string `json:"scope,omitempty"`
	// Data are the kinds of data the statement is limited to (as
	// Claim.Data), with the words that named them: "payment (credit card)".
	Data []string `json:"data,omitempty"`
}
