package goevidence

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/noticevet/noticevet/internal/tsv"
)

//go:embed personal.tsv
var personalTSV string

// The vocabulary of personal data, as words of Go identifiers and map or
// header keys (personal.tsv names the kinds and a source per row). A name
// is split into lower-case words at case changes, digits, '_', '-' and
// '.': "UserID" is [user id], "X-Real-IP" is [x real ip].
var (
	vocab = loadVocabulary()
	// strongWords make a field, type or key personal wherever they
	// appear; strongPhrases, by their first word, are runs of words that
	// do the same ("first name", "date of birth").
	strongWords, strongPhrases = vocab.words["strong"], vocab.phrases
	// metaWords after a strong word name something about the data (a
	// claim, a template, a header), not the data (strongName).
	metaWords = vocab.words["meta"]
	// weakWords make a field personal only in a struct about a person
	// (see personWords): "Name" of a User, not of a Product.
	weakWords = vocab.words["weak"]
	// personWords in a struct type's name say that it is about a person
	// (or what a person wrote).
	personWords = vocab.words["person"]
	// componentWords after a person word in a type's name say it is a
	// part of the service that handles people, not a person's record.
	componentWords = vocab.words["component"]
	// contentWords in a struct type's name say that it may hold what a
	// person wrote or gave (a message, a sign-up), or only what a service
	// says of it (a message of IDs, a poll): its weak fields count only
	// when another of its fields holds personal data by itself (by a
	// strong name, a tag, or a personal type, such as Sender User).
	contentWords = vocab.words["content"]
	// keyWords make a constant key personal ("email" in r.FormValue("email"),
	// "X-Real-IP" in r.Header.Get("X-Real-IP")).
	keyWords = vocab.words["key"]
	// configWords end the name of a struct that configures a client, and
	// secretWords name a field that authenticates it.
	configWords, secretWords = vocab.words["client-config"], vocab.words["secret"]
	// connectionWords name a field that says where a client connects:
	// with a secret beside it, the struct is the client's credentials.
	connectionWords = vocab.words["connection"]
	// operatorWords end the name of a struct that holds how the service
	// is run, as its operator configures it (Config, MailerConfiguration).
	operatorWords = vocab.words["operator-config"]
	// mappingWords end the name of a struct whose fields name where data
	// is (FieldMapping, ClaimsMapping): settings too.
	mappingWords = vocab.words["mapping"]
)

// vocabulary is personal.tsv read: single words by kind, and the strong
// phrases of more than one word by their first word.
type vocabulary struct {
	words   map[string]map[string]bool
	phrases map[string][][]string
}

// vocabularyKinds are the kinds of personal.tsv's rows, as its header
// comment describes them.
var vocabularyKinds = map[string]bool{
	"strong": true, "meta": true, "weak": true, "person": true, "component": true, "content": true, "key": true,
	"client-config": true, "secret": true, "connection": true, "operator-config": true, "mapping": true,
}

func loadVocabulary() vocabulary {
	v := vocabulary{words: map[string]map[string]bool{}, phrases: map[string][][]string{}}
	for _, r := range tsv.Rows("personal.tsv", personalTSV, 3) {
		kind, ws := r.Fields[0], words(r.Fields[1])
		switch {
		case !vocabularyKinds[kind]:
			r.Fail("unknown kind %q", kind)
		case len(ws) == 0 || r.Fields[1] != strings.ToLower(r.Fields[1]):
			r.Fail("term %q is not lower-case words", r.Fields[1])
		case len(ws) > 1 && kind != "strong":
			r.Fail("only strong terms may be phrases: %q", r.Fields[1])
		case len(ws) > 1:
			v.phrases[ws[0]] = append(v.phrases[ws[0]], ws)
		default:
			if v.words[kind] == nil {
				v.words[kind] = map[string]bool{}
			}
			v.words[kind][ws[0]] = true
		}
	}
	return v
}

// words splits an identifier or key into lower-case words.
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == ':' || r == '/':
			flush()
			continue
		case unicode.IsUpper(r):
			// A new word starts at an upper-case letter that follows a
			// lower-case one, or that ends an acronym ("IPAddress").
			if i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
				i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
				flush()
			}
		case unicode.IsDigit(r):
			if i > 0 && !unicode.IsDigit(rs[i-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// strongName reports whether a name is personal wherever it appears. A
// strong word or phrase followed by a word of metaWords names where the
// data is or how it is handled, not the data: UserIDClaimName is the name
// of a token's claim, EmailTemplate a template, ClientIPHeader a header.
func strongName(name string) bool {
	ws := words(name)
	lastMeta := -1
	for i, w := range ws {
		if metaWords[w] {
			lastMeta = i
		}
	}
	for i, w := range ws {
		n := 0
		if strongWords[w] {
			n = 1
		}
		for _, p := range strongPhrases[w] {
			if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
				n = max(n, len(p))
			}
		}
		if n > 0 && i+n > lastMeta {
			return true
		}
	}
	return false
}

// weakName reports whether a name has a weak word. An "id" after another
// word is the identifier of what that word names (HealthAuthorityID,
// FeedID, AccessKeyID), not of the person, unless that word is a person
// word (OwnerID) or the struct is named for a person (person): a User's
// GoogleID or ExternalID is the person's identifier elsewhere.
func weakName(name string, person bool) bool {
	ws := words(name)
	for i, w := range ws {
		if w == "id" && i > 0 && !person && !personWords[ws[i-1]] {
			continue
		}
		if weakWords[w] {
			return true
		}
	}
	return false
}

// personName reports whether a type's name says it is about a person: a
// person word not followed by a word of a part of the service
// (IdentityProvider, UserService, AccountRepository are not about one
// person).
func personName(name string) bool {
	ws := words(name)
	for i, w := range ws {
		if personWords[w] && !slices.ContainsFunc(ws[i+1:], func(x string) bool { return componentWords[x] }) {
			return true
		}
	}
	return false
}

func contentName(name string) bool {
	for _, w := range words(name) {
		if contentWords[w] {
			return true
		}
	}
	return false
}

// aboutPerson reports whether a struct type's weak fields (Name, Text, ID)
// hold personal data: its name says it is about a person (User,
// Customer), it has a field personal by its name or tag alone (Email,
// UserID), or its name says it holds what a person wrote (Message, Chat)
// and a field holds personal data by its type (Sender User) or holds
// whatever its writer put there (Content any: freeForm). A name alone
// of the second kind does not: a message of IDs is not personal.
func (p *personalTypes) aboutPerson(name string, st *types.Struct, depth int) bool {
	if personName(name) || hasStrongField(name, st) {
		return true
	}
	if !contentName(name) {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if _, public := privacyTag(st.Tag(i)); !public && (p.visit(st.Field(i).Type(), depth+1) || freeForm(st.Field(i).Type())) {
			return true
		}
	}
	return false
}

// personalKey reports whether a constant map, form or header key names
// personal data: "email", "phone_number", "X-Real-IP".
func personalKey(key string) bool {
	if key == "" || len(key) > 40 {
		return false
	}
	for _, r := range key {
		if !(r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	if strongName(key) {
		return true
	}
	for _, w := range words(key) {
		if keyWords[w] {
			return true
		}
	}
	return false
}

// privacyTag reads a field's `privacy:"..."` tag: "personal" marks it
// personal, "public" or "-" marks it not personal whatever its name.
func privacyTag(tag string) (personal, public bool) {
	switch reflect.StructTag(tag).Get("privacy") {
	case "personal":
		return true, false
	case "public", "-":
		return false, true
	}
	return false, false
}

// personalTypes decides which types hold personal data, remembering named
// types.
type personalTypes struct {
	memo  map[*types.TypeName]bool
	infra func(*types.Package) bool // packages whose types are never personal by name
	// anonOwner names the type a struct type written inside it belongs
	// to (fieldType), for reads of its fields.
	anonOwner map[*types.Struct]string
}

// personal reports whether values of type t hold personal data: a named
// type with a personal name (type Email string), a struct with a personal
// field (by name, by `privacy:"personal"` tag, or by type), or a pointer,
// slice, array, map or channel of one. Types of the standard library and
// of cloud SDKs are never personal by themselves.
func (p *personalTypes) personal(t types.Type) bool {
	return p.visit(t, 0)
}

func (p *personalTypes) visit(t types.Type, depth int) bool {
	if depth > 8 || t == nil {
		return false
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil || p.infra(obj.Pkg()) {
			return false
		}
		if v, ok := p.memo[obj]; ok && t.TypeArgs().Len() == 0 {
			return v
		}
		if t.TypeArgs().Len() == 0 {
			p.memo[obj] = false // breaks cycles through recursive types
		}
		// A strong name makes a value type personal (type Email string);
		// a struct so named is about a person, decided by its fields
		// (hanko's config.Email of switches and limits is not).
		strong := strongName(obj.Name()) && !operatorConfig(obj.Name())
		var v bool
		if st, ok := t.Underlying().(*types.Struct); ok {
			v = p.structPersonal(obj.Name(), st, strong || p.aboutPerson(obj.Name(), st, depth), depth)
		} else {
			v = strong || p.visit(t.Underlying(), depth+1)
		}
		if t.TypeArgs().Len() == 0 {
			p.memo[obj] = v
		}
		return v
	case *types.Pointer:
		return p.visit(t.Elem(), depth+1)
	case *types.Slice:
		return p.visit(t.Elem(), depth+1)
	case *types.Array:
		return p.visit(t.Elem(), depth+1)
	case *types.Map:
		return p.visit(t.Key(), depth+1) || p.visit(t.Elem(), depth+1)
	case *types.Chan:
		return p.visit(t.Elem(), depth+1)
	case *types.Struct:
		name := p.anonOwner[t] // "" unless written inside a named type
		return p.structPersonal(name, t, p.aboutPerson(name, t, depth), depth)
	}
	return false
}

func (p *personalTypes) structPersonal(name string, st *types.Struct, aboutPerson bool, depth int) bool {
	aboutPerson = aboutPerson || hasStrongField(name, st)
	creds := credentialsOf(name, st)
	config := settings(name, st)
	person := personName(name)
	if name != "" {
		// The struct types written inside it are its own, whichever of
		// its fields decides first.
		for i := 0; i < st.NumFields(); i++ {
			t := st.Field(i).Type()
			if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
				t = ptr.Elem()
			}
			if inner, ok := types.Unalias(t).(*types.Struct); ok {
				p.setOwner(inner, name)
			}
		}
	}
	for i := 0; i < st.NumFields(); i++ {
		tagged, _ := privacyTag(st.Tag(i))
		own := creds && ownIdentity(st.Field(i).Name()) && !tagged
		if !own && p.fieldPersonal(st.Field(i), st.Tag(i), person, aboutPerson, config) || p.fieldType(name, st.Field(i).Type(), depth+1) {
			if _, public := privacyTag(st.Tag(i)); public {
				continue
			}
			return true
		}
	}
	return false
}

// fieldType reports whether a field's type holds personal data. A struct
// type written inside a named one (BaseConfig's Installation struct{...})
// is weighed under the name of the type it is written in: a part of a
// configuration is configuration.
func (p *personalTypes) fieldType(owner string, t types.Type, depth int) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if st, ok := types.Unalias(t).(*types.Struct); ok && owner != "" {
		if depth > 8 {
			return false
		}
		p.setOwner(st, owner)
		return p.structPersonal(owner, st, p.aboutPerson(owner, st, depth), depth)
	}
	return p.visit(t, depth)
}

// setOwner records that a struct type is written inside the named type
// owner (fieldType).
func (p *personalTypes) setOwner(st *types.Struct, owner string) {
	if p.anonOwner == nil {
		p.anonOwner = map[*types.Struct]string{}
	}
	if _, ok := p.anonOwner[st]; !ok {
		p.anonOwner[st] = owner
	}
}

// hasStrongField reports whether a struct has a field that is personal by
// its name or tag alone (UserID, Email, `privacy:"personal"`): its other
// fields (Image, Location, Message) then belong to that person too. In an
// operator's configuration only a tag does.
func hasStrongField(name string, st *types.Struct) bool {
	creds := credentialsOf(name, st)
	config := settings(name, st)
	for i := 0; i < st.NumFields(); i++ {
		if strongField(st.Field(i), st.Tag(i), creds, config) {
			return true
		}
	}
	return false
}

// strongField reports whether a field is personal by its name or tag
// alone (hasStrongField), given whether its struct holds credentials
// (creds: its user name is the service's own account) and is an
// operator's configuration (config: only a tag counts).
func strongField(f *types.Var, tag string, creds, config bool) bool {
	personal, public := privacyTag(tag)
	return personal || !public && !config && !switchField(f.Type()) && strongName(f.Name()) && !(creds && ownIdentity(f.Name()))
}

// switchField reports whether a field's type is a switch (bool or *bool):
// its name (EmailOptional, PhoneConfirmed) says what data the switch is
// about, and it holds only a yes or a no. A struct with such a field and
// no other is not about a person by that name (an OAuth provider's
// settings with EmailOptional); a tag still decides.
func switchField(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// fieldPersonal reports whether a field holds personal data by its name or
// tag (not by its type). A field of an operator's configuration (config
// set) is personal only by its tag: EmailChange of a mail configuration is
// the URL of a template, not an address. person says the struct is named
// for a person (weakName).
func (p *personalTypes) fieldPersonal(f *types.Var, tag string, person, aboutPerson, config bool) bool {
	personal, public := privacyTag(tag)
	switch {
	case personal:
		return true
	case public, config:
		return false
	}
	if handleField(f.Type()) || switchField(f.Type()) {
		// A prepared statement or a client (GetSubscriberByEmail
		// *sqlx.Stmt) is named for what it does, and holds no data; a
		// switch (EmailOptional, PhoneEnabled bool) is named for the data
		// it is about, and holds a yes or a no.
		return false
	}
	return strongName(f.Name()) || aboutPerson && (weakName(f.Name(), person) || freeForm(f.Type()))
}

// freeForm reports whether a field's type holds whatever its writer puts
// in it: an empty interface, a map of them, or raw JSON. Such a field of
// a struct about a person (a user's Public profile, their Metadata) holds
// what they or the service recorded about them, whatever its name.
func freeForm(t types.Type) bool {
	if isNamed(t, "encoding/json", "RawMessage") {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return u.Empty()
	case *types.Map:
		i, ok := u.Elem().Underlying().(*types.Interface)
		return ok && i.Empty()
	}
	return false
}

// field reports whether reading field f of a struct of type owner yields
// personal data by the field's name, tag or type.
func (p *personalTypes) field(owner types.Type, f *types.Var) bool {
	st, named := structOf(owner)
	if st == nil {
		return false
	}
	if named != nil && (named.Obj().Pkg() == nil || p.infra(named.Obj().Pkg())) {
		return false
	}
	name := ""
	if named != nil {
		name = named.Obj().Name()
	} else {
		name = p.anonOwner[st]
	}
	about := p.aboutPerson(name, st, 0)
	config := settings(name, st)
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f || st.Field(i).Origin() == f.Origin() {
			if _, public := privacyTag(st.Tag(i)); public {
				return false
			}
			if personal, _ := privacyTag(st.Tag(i)); !personal && credentialsOf(name, st) && ownIdentity(f.Name()) {
				return p.personal(f.Type())
			}
			return p.fieldPersonal(f, st.Tag(i), personName(name), about, config) || p.personal(f.Type())
		}
	}
	// A promoted field: its own struct is not at hand, so only a strong
	// name or its type counts.
	return !config && !switchField(f.Type()) && strongName(f.Name()) || p.personal(f.Type())
}

// structOf finds the struct behind a type (through pointers and names).
func structOf(t types.Type) (*types.Struct, *types.Named) {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	st, _ := t.Underlying().(*types.Struct)
	return st, named
}

// credentialsOf reports whether a struct is a client's configuration
// holding its credentials, with a password, secret, token or key field:
// named ...Config, ...Options or ...Settings (go-cfclient's
// Config{ApiAddress, Username, Password, ClientSecret, UserAgent}), or,
// not named for a person, with a field that says where it connects
// (lakeFS' Redis settings {Endpoint, Username, Password}). Its user name
// and user agent are the service's own account and client, not a
// person's; a User or a LoginRequest is not such a struct.
func credentialsOf(name string, st *types.Struct) bool {
	ws := words(name)
	named := len(ws) > 0 && configWords[ws[len(ws)-1]]
	if !named && personName(name) {
		return false
	}
	secret, conn := false, false
	for i := 0; i < st.NumFields(); i++ {
		for _, w := range words(st.Field(i).Name()) {
			secret = secret || secretWords[w]
			conn = conn || connectionWords[w]
		}
	}
	return secret && (named || conn)
}

// operatorConfig reports whether a struct type's name says it is the
// operator's configuration of the service, or that its fields name where
// data is (memos' FieldMapping{Email}: the claim that holds the address):
// its fields are settings (a URL of a mail template named EmailChange, an
// installation's user name), not a user's data, so their names make
// nothing personal. A name about a person (UserConfig) or Options and
// Settings, which may be a user's own preferences, are not.
func operatorConfig(name string) bool {
	ws := words(name)
	return len(ws) > 0 && (operatorWords[ws[len(ws)-1]] || mappingWords[ws[len(ws)-1]]) && !personName(name)
}

// settings reports whether a struct holds settings, not a user's data:
// its name says it is the operator's configuration (operatorConfig), or it
// is declared in a package named for configuration (hanko's config.Email
// and config.EmailDelivery, the sections of its tenant configuration)
// and its name is not about a person.
func settings(name string, st *types.Struct) bool {
	if operatorConfig(name) {
		return true
	}
	if st.NumFields() == 0 || personName(name) {
		return false
	}
	pkg := st.Field(0).Pkg()
	return pkg != nil && operatorWords[pkg.Name()]
}

// configType reports whether t (or what it points to) is a struct type
// named as an operator's configuration, or written inside one.
func (p *personalTypes) configType(t types.Type) bool {
	st, named := structOf(t)
	if st == nil {
		return false
	}
	if named == nil {
		return settings(p.anonOwner[st], st)
	}
	return settings(named.Obj().Name(), st)
}

// ownIdentity reports whether a field of a client's configuration names
// the account or the client it connects as: Username, User, UserAgent,
// Login.
func ownIdentity(field string) bool {
	switch strings.Join(words(field), " ") {
	case "username", "user name", "user", "user agent", "useragent", "login":
		return true
	}
	return false
}

// isLiteral reports whether e is a composite literal, or its address, or
// new(T): a value whose type alone does not make it hold personal data.
func isLiteral(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return true // new(model.User): a zero value
			}
		}
	}
	_, ok := e.(*ast.CompositeLit)
	return ok
}

// literalPersonal reports whether a struct literal sets a field that holds
// personal data by its name, tag or type (Event{UserID: id}) to a value
// that is not constant. What its type could hold in the fields it leaves
// empty does not count: stats.Event{Class: "s3", Name: "created"} of a
// type that also has a UserID sends no user. A weak field (Name, Text)
// counts when the literal is about a person: its type's name says so, or
// it sets a strong field too.
func (s *pkgState) literalPersonal(lit *ast.CompositeLit) bool {
	st, named := structOf(s.info.TypeOf(lit))
	if st == nil {
		return false
	}
	name := ""
	if named != nil {
		if named.Obj().Pkg() == nil || s.pt.infra(named.Obj().Pkg()) {
			return false
		}
		name = named.Obj().Name()
	}
	creds := credentialsOf(name, st)
	config := settings(name, st)
	type set struct {
		i int
		f *types.Var
	}
	var sets []set
	var index map[string]int // field indexes by name, for keyed elements
	person := personName(name)
	about := person
	for i, elt := range lit.Elts {
		val := elt
		fi := i
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if index == nil {
				index = make(map[string]int, st.NumFields())
				for j := 0; j < st.NumFields(); j++ {
					index[st.Field(j).Name()] = j
				}
			}
			val, fi = kv.Value, -1
			if id, ok := kv.Key.(*ast.Ident); ok {
				if j, ok := index[id.Name]; ok {
					fi = j
				}
			}
		}
		if fi < 0 || fi >= st.NumFields() {
			continue
		}
		if tv, ok := s.info.Types[val]; ok && (tv.Value != nil || tv.IsNil()) {
			continue // a constant or nil names no one
		}
		f := st.Field(fi)
		sets = append(sets, set{fi, f})
		if strongField(f, st.Tag(fi), creds, config) {
			about = true
		}
	}
	for _, x := range sets {
		tagged, public := privacyTag(st.Tag(x.i))
		if public {
			continue
		}
		own := creds && ownIdentity(x.f.Name()) && !tagged
		if !own && s.pt.fieldPersonal(x.f, st.Tag(x.i), person, about, config) || s.pt.personal(x.f.Type()) {
			return true
		}
	}
	return false
}
