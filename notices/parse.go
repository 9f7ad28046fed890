package notices

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/country"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/width"
)

// markdown is built on first use, as english is.
var markdown = sync.OnceValue(func() goldmark.Markdown { return goldmark.New(goldmark.WithExtensions(extension.Table)) })

// Parse reads a Markdown privacy notice. path is recorded in claims and
// errors as given.
//
// The claims come back sorted by line and column. A notice that cannot be
// read as text (invalid UTF-8, a NUL byte) or that has a malformed noticevet
// comment is an error of one line, "path:line: reason".
func Parse(path string, src []byte) ([]Claim, error) {
	if line, msg := checkLimits(src); msg != "" {
		if line == 0 {
			return nil, fmt.Errorf("%s: %s", path, msg)
		}
		return nil, fmt.Errorf("%s:%d: %s", path, line, msg)
	}
	if line, msg := checkText(src); msg != "" {
		return nil, fmt.Errorf("%s:%d: %s", path, line, msg)
	}
	bom := len(src)
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	bom -= len(src)
	p := &parser{
		path:    path,
		bom:     bom,
		src:     src,
		lines:   newLineIndex(src),
		langTag: detectLang(src),
		first:   map[ast.Node]int{},
		last:    map[ast.Node]int{},
	}
	p.lang = languageOf(p.langTag)
	doc, err := parseMarkdown(src)
	if err != nil {
		return nil, fmt.Errorf("%s:1: %v", path, err)
	}
	p.walk(doc)
	if p.err != nil {
		return nil, p.errorf(p.err)
	}
	claims, cerr := p.claims()
	if cerr != nil {
		return nil, p.errorf(cerr)
	}
	return claims, nil
}

// parseMarkdown runs goldmark, which is not expected to fail on any input;
// should it panic, the notice is reported as unreadable rather than taking
// the program down.
func parseMarkdown(src []byte) (doc ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot read the Markdown: %s", strings.Join(strings.Fields(fmt.Sprint(r)), " "))
		}
	}()
	return markdown().Parser().Parse(text.NewReader(src)), nil
}

// checkText returns the line of the first byte that makes src something
// other than UTF-8 text, and why.
func checkText(src []byte) (int, string) {
	nul := bytes.IndexByte(src, 0)
	bad := -1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			bad = i
			break
		}
		i += n
	}
	switch {
	case nul >= 0 && (bad < 0 || nul < bad):
		return bytes.Count(src[:nul], []byte("\n")) + 1, "NUL byte: not a text file"
	case bad >= 0:
		return bytes.Count(src[:bad], []byte("\n")) + 1, "invalid UTF-8"
	}
	return 0, ""
}

// parser walks one notice.
type parser struct {
	path    string
	src     []byte
	bom     int // the length of the byte order mark src started with
	lines   lineIndex
	lang    language
	langTag string

	stmts      []statement
	directives []directive
	groups     int
	err        *commentError // the first malformed comment

	// first and last hold the first and last statement of each block, for
	// a list introduced by a sentence ending in ":".
	first, last map[ast.Node]int

	// anchors are the GitHub anchors of the notice's headings, for a
	// sentence that points to one of them for its list.
	anchors map[string]bool
	anchorN map[string]int // how many headings had each anchor
}

// statement is a sentence, or a table row, that claims are read from and
// noticevet comments bind to.
type statement struct {
	off  int    // source offset of its first byte
	end  int    // source offset just past its last byte; 0 for a table row
	text string // the sentence, white space folded
	// extract, when set, is the text claims are read from instead of text:
	// a sentence that introduces a list of countries, with the countries.
	extract string
	// group identifies what a comment binds: a sentence, or a table row
	// with the sentences of its cells.
	group   int
	target  bool     // a comment may bind here
	prose   bool     // claims are read from its words
	heading bool     // a heading: it names a topic, and "Transfers abroad" is no statement
	table   []Claim  // the claims of a table row
	links   []string // the destinations of the links in the sentence
}

func (p *parser) newGroup() int {
	p.groups++
	return p.groups
}

func (p *parser) errorf(e *commentError) error {
	line, _ := p.lines.pos(e.off)
	return fmt.Errorf("%s:%d: %s", p.path, line, e.msg)
}

func (p *parser) fail(e *commentError) {
	if p.err == nil || e.off < p.err.off {
		p.err = e
	}
}

// walk visits the blocks under n in document order.
func (p *parser) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			p.block(c)
		case ast.KindHTMLBlock:
			p.htmlBlock(c.(*ast.HTMLBlock))
		case east.KindTable:
			p.table(c.(*east.Table))
		case ast.KindList:
			p.walk(c)
			p.listLead(c)
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindThematicBreak:
		default:
			p.walk(c)
		}
	}
}

// block reads the sentences of a paragraph, heading or list item text.
func (p *parser) block(n ast.Node) {
	b := p.inlineText(n)
	if n.Kind() == ast.KindHeading {
		p.anchor(string(b.text))
	}
	p.first[n] = len(p.stmts)
	for _, s := range p.lang.sentences(b.text) {
		var links []string
		for _, l := range b.links {
			if l.at >= s.start && l.at < s.end {
				links = append(links, l.dest)
			}
		}
		p.stmts = append(p.stmts, statement{
			off: b.offs[s.start], end: b.offs[s.end-1] + 1, text: fold(b.text[s.start:s.end]),
			group: p.newGroup(), target: true, prose: true, heading: n.Kind() == ast.KindHeading,
			links: links,
		})
	}
	p.last[n] = len(p.stmts) - 1
}

// inlineText reassembles the text of a block's inline content in order:
// emphasis, links and code spans keep their text; raw HTML is left out,
// its noticevet comments read.
func (p *parser) inlineText(n ast.Node) *blockText {
	b := &blockText{}
	// Where text with no position of its own goes when it comes first.
	start := 0
	if lines := n.Lines(); lines.Len() > 0 {
		start = lines.At(0).Start
	}
	var code map[int]bool // offsets in b.text that are inside code spans
	var visit func(n ast.Node, inCode bool)
	visit = func(n ast.Node, inCode bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				seg := c.Segment
				if inCode {
					if code == nil {
						code = map[int]bool{}
					}
					for i := range seg.Len() {
						code[len(b.text)+i] = true
					}
					b.add(seg.Value(p.src), seg.Start)
				} else {
					b.addSource(p.src, seg.Start, seg.Stop)
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.addAt([]byte{' '}, seg.Stop)
				}
			case *ast.String:
				b.addAt(c.Value, b.lastOff(start))
			case *ast.CodeSpan:
				visit(c, true)
			case *ast.AutoLink:
				b.links = append(b.links, link{len(b.text), string(c.URL(p.src))})
				b.addAt(c.Label(p.src), b.lastOff(start))
			case *ast.Link:
				b.links = append(b.links, link{len(b.text), string(c.Destination)})
				visit(c, inCode)
			case *ast.RawHTML:
				raw := &blockText{}
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					raw.add(seg.Value(p.src), seg.Start)
				}
				p.comments(raw)
				if isBreakTag(raw.text) {
					b.addAt([]byte{' '}, b.lastOff(start))
				}
			default:
				visit(c, inCode)
			}
		}
	}
	visit(n, false)
	// A noticevet comment that Markdown did not take for one is unclosed.
	for i := 0; i+4 <= len(b.text); i++ {
		if !code[i] && bytes.HasPrefix(b.text[i:], []byte("<!--")) && isNoticevet(b.text[i+4:]) {
			p.fail(&commentError{b.offs[i], `noticevet comment: not read as a comment (is it closed with "-->"?)`})
			break
		}
	}
	return b
}

func isBreakTag(raw []byte) bool {
	t := strings.ToLower(strings.TrimSpace(string(raw)))
	return t == "<br>" || t == "<br/>" || t == "<br />"
}

// htmlBlock reads the noticevet comments of an HTML block.
func (p *parser) htmlBlock(h *ast.HTMLBlock) {
	raw := &blockText{}
	lines := h.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.add(seg.Value(p.src), seg.Start)
	}
	if h.HasClosure() {
		raw.add(h.ClosureLine.Value(p.src), h.ClosureLine.Start)
	}
	p.comments(raw)
}

// comments reads the noticevet comments of raw HTML.
func (p *parser) comments(raw *blockText) {
	ds, err := scanComments(raw.text)
	if err != nil {
		err.off = raw.offs[err.off]
		p.fail(err)
		return
	}
	for _, d := range ds {
		d.off = raw.offs[d.off]
		d.end = raw.offs[d.end-1] + 1
		p.directives = append(p.directives, d)
	}
}

// table reads a GFM table. Each row is a statement; when a header cell
// heads a column of countries, the countries of that column in a row are
// a transfer to them (a recipient table names its countries). The
// sentences of every cell are read as any other.
func (p *parser) table(t *east.Table) {
	var columns []bool
	var regions [][]string // the countries of a column per region ("US Server")
	var headers []string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		header := row.Kind() == east.KindTableHeader
		var cells []string
		var cellTexts []*blockText
		off := -1
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			b := p.inlineText(cell)
			s := trimSpan(b.text, span{0, len(b.text)})
			if off < 0 && s.end > s.start {
				off = b.offs[s.start]
			}
			cells = append(cells, fold(b.text))
			cellTexts = append(cellTexts, b)
		}
		if header {
			columns = make([]bool, len(cells))
			regions = make([][]string, len(cells))
			headers = cells
			for i, c := range cells {
				columns[i] = p.lang.countryColumn(c)
				regions[i] = regionColumn(c)
			}
		}
		if off < 0 {
			continue // an empty row
		}
		st := statement{off: off, text: strings.TrimSpace(strings.Join(cells, " | ")), group: p.newGroup(), target: true}
		if !header {
			var codes []string
			for i, c := range cells {
				if i < len(columns) && columns[i] {
					for _, m := range findPlaces(width.Fold.String(c)) {
						codes = append(codes, m.Codes...)
					}
				}
			}
			var heads []string
			for i, c := range cells {
				if i < len(columns) && columns[i] && len(findPlaces(width.Fold.String(c))) > 0 {
					heads = append(heads, headers[i])
				}
			}
			if len(codes) > 0 {
				why := Because{Verb: "table column " + strings.Join(heads, ", "), Place: strings.Join(placeCells(cells, columns), "; ")}
				st.table = []Claim{{Kind: Transfer, Scope: Inclusive, Countries: country.Expand(codes), Table: true, Why: why}}
			}
			var stored, marks []string
			for i, c := range cells {
				if i < len(regions) && len(regions[i]) > 0 && marked(c) {
					stored = append(stored, regions[i]...)
					marks = append(marks, headers[i])
				}
			}
			if len(stored) > 0 {
				why := Because{Verb: "table column", Place: strings.Join(marks, "; ")}
				st.table = append(st.table, Claim{Kind: Storage, Scope: Inclusive, Countries: country.Expand(stored), Table: true, Why: why})
			}
		}
		p.stmts = append(p.stmts, st)
		if header {
			// A header cell names a column ("US Server", "Transfer to
			// third countries"): it says nothing itself.
			continue
		}
		for _, b := range cellTexts {
			for _, s := range p.lang.sentences(b.text) {
				p.stmts = append(p.stmts, statement{
					off: b.offs[s.start], end: b.offs[s.end-1] + 1, text: fold(b.text[s.start:s.end]), group: st.group, prose: true,
				})
			}
		}
	}
}

// placeCells returns the cells of a row that are in country columns and
// name a country.
func placeCells(cells []string, columns []bool) []string {
	var out []string
	for i, c := range cells {
		if i < len(columns) && columns[i] && len(findPlaces(width.Fold.String(c))) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// regionColumn returns the countries of a header cell that heads a column
// per place data is kept ("US Server", "EU data center", "Japan region",
// 「日本リージョン」「国内サーバー」): a mark in a row under it says that
// row's data is kept there. Nil for any other header.
func regionColumn(header string) []string {
	h := strings.ToLower(width.Fold.String(header))
	held := false
	for _, w := range regionWords {
		if strings.Contains(h, w) {
			held = true
			break
		}
	}
	if !held {
		return nil
	}
	var codes []string
	for _, m := range findPlaces(width.Fold.String(header)) {
		codes = append(codes, m.Codes...)
	}
	if len(codes) == 0 && strings.Contains(h, "国内") {
		codes = []string{"JP"}
	}
	return codes
}

// regionWords are the words of a header for a place data is kept.
var regionWords = []string{"server", "stored", "hosted", "data center", "data centre", "datacenter", "hosting", "storage", "region", "cloud",
	"サーバ", "データセンター", "リージョン", "保管", "保存"}

// marked reports whether a cell under a region column says yes: it has
// text, and not "No", "-", "N/A", 「×」「なし」.
func marked(cell string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(cell), "*_`")) {
	case "", "no", "none", "-", "—", "–", "n/a", "na", "×", "✗", "✘", "❌", "いいえ", "なし", "無", "不可", "ー", "－":
		return false
	}
	return true
}

// listLead gives a sentence that ends in ":" the countries its list names,
// so that "We may transfer your data to the following countries:" followed
// by "- South Korea" and "- Vietnam" reads as one statement. Only the
// countries an item starts with count ("South Korea (LINE Plus)", not
// "LINE Plus (South Korea)").
func (p *parser) listLead(list ast.Node) {
	prev := list.PreviousSibling()
	if prev == nil {
		return
	}
	li, ok := p.last[prev]
	if !ok || li < p.first[prev] {
		return
	}
	lead := p.stmts[li].text
	ja := detectLang([]byte(lead)) == "ja"
	switch {
	case strings.HasSuffix(lead, ":"), strings.HasSuffix(lead, "："):
	case ja && strings.HasSuffix(lead, "。") && (strings.Contains(lead, "以下") || strings.Contains(lead, "次の")):
		// 「以下の国に移転することがあります。」
	default:
		return
	}
	var names []string
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		fb := item.FirstChild()
		if fb == nil {
			continue
		}
		if fi, ok := p.first[fb]; ok && fi < len(p.stmts) && fi <= p.last[fb] {
			names = append(names, leadingCountries(p.stmts[fi].text)...)
		}
	}
	if len(names) == 0 {
		return
	}
	if ja {
		// The countries go before the "。", in the sentence they complete.
		p.stmts[li].extract = strings.TrimRight(strings.TrimSuffix(lead, "。"), ":：") + "：" + strings.Join(names, "、") + "。"
		return
	}
	// The items are where the lead's verb puts data, whatever noun the
	// lead ends with ("stored across multiple providers:").
	p.stmts[li].extract = lead + " in " + strings.Join(names, ", ")
}

// leadingCountries returns the names of the countries s starts with:
// "South Korea and Vietnam: development" and 「韓国・ベトナム（開発）」 give
// both.
func leadingCountries(s string) []string {
	var names []string
	pos := 0
	s = width.Fold.String(s)
	for _, m := range findPlaces(s) {
		for _, w := range strings.Fields(s[pos:m.Start]) {
			switch strings.ToLower(strings.Trim(w, ",;/&・、")) {
			case "", "and", "or", "the", "と", "および", "及び", "や", "又は", "または":
			default:
				return names
			}
		}
		if m.Adjective {
			return names
		}
		names = append(names, s[m.Start:m.End])
		pos = m.End
	}
	return names
}

// claims binds the comments and reads every statement.
func (p *parser) claims() ([]Claim, *commentError) {
	sort.SliceStable(p.stmts, func(i, j int) bool { return p.stmts[i].off < p.stmts[j].off })
	var out []Claim
	// The kinds a comment states for a group, which its prose then does not.
	stated := map[int]map[Kind]bool{}
	for _, d := range p.directives {
		i := sort.Search(len(p.stmts), func(i int) bool { return p.stmts[i].off >= d.end })
		for i < len(p.stmts) && !p.stmts[i].target {
			i++
		}
		if i == len(p.stmts) {
			return nil, &commentError{d.off, "noticevet comment: no statement follows it"}
		}
		st := p.stmts[i]
		if stated[st.group] == nil {
			stated[st.group] = map[Kind]bool{}
		}
		for _, c := range d.claims {
			out = append(out, p.place(c, st))
			stated[st.group][c.Kind] = true
		}
	}
	for _, st := range p.stmts {
		found := st.table
		if st.prose && !question(st.text) {
			x := st.extract
			if x == "" {
				x = st.text
			}
			found = p.langOf(x).claims(x)
			if !st.heading {
				found = p.pointer(st, found)
			}
		}
		for _, c := range found {
			if !stated[st.group][c.Kind] && !((st.heading || titleLike(st.text)) && c.Scope == VagueForeign) {
				out = append(out, p.place(c, st))
			}
		}
	}
	sortClaims(out)
	return out, nil
}

// titleLike reports whether a statement names a topic rather than says
// something: a heading, a label ("Transfer to a third country:"), an item
// of a table of contents ("7. Transfer to other countries"), 「(2) 国外への
// お客様情報の移転」. It has no sentence end and no finite verb: in English
// no auxiliary, pronoun subject or verb that agrees with one; in Japanese
// it does not end in kana inflection (ます, する, ある). Such a statement
// names no place abroad; a country it names ("Data processing location:
// Taiwan") still counts.
func titleLike(s string) bool {
	s = strings.TrimRight(s, closers+" :：")
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") || strings.HasSuffix(s, "!") {
		return false
	}
	if detectLang([]byte(s)) == "ja" {
		r, _ := utf8.DecodeLastRuneInString(s)
		return !(r >= 0x3041 && r <= 0x309F)
	}
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) > 16 {
		return false
	}
	for _, w := range ws {
		if finiteWords[strings.Trim(w, ",;()\"'")] {
			return false
		}
	}
	return true
}

// finiteWords make an English statement a sentence rather than a title:
// auxiliaries, modals and the subjects of notices.
var finiteWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"may": true, "might": true, "will": true, "can": true, "could": true, "would": true,
	"shall": true, "should": true, "must": true, "do": true, "does": true, "did": true,
	"we": true, "you": true, "they": true, "it": true, "has": true, "have": true,
	"stays": true, "remains": true, "leaves": true, "never": true, "not": true,
}

// langOf returns the language a sentence is read in: the notice's, unless
// the sentence is written in the other one (an English sentence quoted in a
// Japanese notice, a Japanese one in an English notice). Claims keep the
// notice's language either way.
func (p *parser) langOf(sentence string) language {
	if p.langTag == "ja" && japaneseRunes(sentence) >= 2 {
		// 「提供先：Internet Security Research Group（国名：アメリカ）」 is
		// Japanese, however long the names in it.
		return p.lang
	}
	if tag := detectLang([]byte(sentence)); tag != p.langTag {
		return languageOf(tag)
	}
	return p.lang
}

// japaneseRunes counts the kana and kanji of s.
func japaneseRunes(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x3000 && isJapaneseRune(r) {
			n++
		}
	}
	return n
}

// question reports whether a sentence asks rather than states ("Is my data
// stored in Japan?"): a question makes no claim.
func question(s string) bool {
	s = strings.TrimRight(s, closers)
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？")
}

// place gives a claim the statement it was read from.
func (p *parser) place(c Claim, st statement) Claim {
	c.Path = p.path
	c.Line, c.Column = p.lines.pos(st.off)
	// Offsets in the file as it is, byte order mark included.
	c.Offset, c.End = st.off+p.bom, st.end
	if st.end > 0 {
		c.End += p.bom
	}
	c.Text = st.text
	c.Lang = p.langTag
	if !c.Explicit {
		c.Data, c.Why.Data = dataNamed(st.text)
	}
	return c
}

var kindOrder = map[Kind]int{Storage: 0, Transfer: 1, Access: 2}
var scopeOrder = map[Scope]int{Exclusive: 0, Negative: 1, Inclusive: 2, VagueForeign: 3, Elsewhere: 4}

// sortClaims orders claims by line, column, kind, scope and countries.
func sortClaims(cs []Claim) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		switch {
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Kind != b.Kind:
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		case a.Scope != b.Scope:
			return scopeOrder[a.Scope] < scopeOrder[b.Scope]
		case a.Outside != b.Outside:
			return !a.Outside
		case a.Explicit != b.Explicit:
			return a.Explicit
		}
		return strings.Join(a.Countries, ",") < strings.Join(b.Countries, ",")
	})
}
