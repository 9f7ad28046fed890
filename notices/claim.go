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

	Path   string `json:"path"`   // the notice file, as given to Parse
	Line   int    `json:"line"`   // 1-based line of the sentence's start
	Column int    `json:"column"` // 1-based byte column of the sentence's start
	Text   string `json:"text"`   // the sentence, whitespace folded
	Lang   string `json:"lang"`   // "en" or "ja"
}
