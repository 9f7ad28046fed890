package goevidence

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"UserID":       "user id",
		"IPAddress":    "ip address",
		"X-Real-IP":    "x real ip",
		"phone_number": "phone number",
		"emailAddress": "email address",
		"DateOfBirth":  "date of birth",
		"S3Bucket":     "s 3 bucket",
		"HTTPClient":   "http client",
	} {
		if got := strings.Join(words(in), " "); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestVocabulary: personal.tsv loads with every kind the code reads.
func TestVocabulary(t *testing.T) {
	for _, m := range []map[string]bool{strongWords, metaWords, weakWords, personWords, componentWords, contentWords, keyWords,
		configWords, secretWords, connectionWords, operatorWords, mappingWords} {
		if len(m) == 0 {
			t.Error("a kind of personal.tsv has no words")
		}
	}
	if len(strongPhrases["date"]) == 0 || len(strongPhrases["exposure"]) != 2 {
		t.Errorf("strong phrases: %v", strongPhrases)
	}
}

func TestNames(t *testing.T) {
	for _, n := range []string{"Email", "email", "UserEmail", "PhoneNumber", "FirstName", "UserID", "userId", "ClientIP",
		"DateOfBirth", "BirthDate", "Latitude", "PostalCode", "ZipCode", "DeviceID", "MyNumber", "CreditCard", "emails",
		"TemporaryExposureKey", "DiagnosisKeys", "SymptomOnsetInterval", "EMail", "e-mail",
		"UserEmailHash", "EmailAddressClaimed", "Recipient", "recipients",
		"FCMToken", "fcmToken", "DeviceToken", "PushToken", "APNSToken", "IdentityID", "identityID"} {
		if !strongName(n) {
			t.Errorf("strongName(%q) = false", n)
		}
	}
	for _, n := range []string{"Name", "Address", "Addr", "ID", "Location", "Message", "Body", "Count", "Hotel",
		"Template", "Region", "BucketName", "Rate", "Emailer2", "ExposureNotification", "KeyServer",
		"DisplayName", "FullName", "fullName", "FamilyName", "ColumnFamilyName",
		"ExternalUserIDClaimName", "EmailTemplate", "ClientIPHeader", "PhoneNumberField", "EmailURL",
		"RecipientTemplate", "Token", "AccessToken", "TokenDevice", "Identity", "IdentityProvider", "ProviderID",
		"emailDomain", "EmailDomains"} {
		if strongName(n) {
			t.Errorf("strongName(%q) = true", n)
		}
	}
	for _, n := range []string{"User", "CustomerRecord", "Profile", "ChatUser", "UserIdentity", "UserProfile"} {
		if !personName(n) {
			t.Errorf("personName(%q) = false", n)
		}
	}
	for _, n := range []string{"ChatMessage", "SignupRequest", "message"} {
		if personName(n) || !contentName(n) {
			t.Errorf("%q: personName %v, contentName %v; want false, true", n, personName(n), contentName(n))
		}
	}
	for _, n := range []string{"Product", "Config", "Metrics", "Rates", "IdentityProvider", "UserService", "AccountRepository"} {
		if personName(n) {
			t.Errorf("personName(%q) = true", n)
		}
	}
	for _, k := range []string{"email", "phone_number", "X-Real-IP", "X-Forwarded-For", "user_id"} {
		if !personalKey(k) {
			t.Errorf("personalKey(%q) = false", k)
		}
	}
	for _, k := range []string{"Content-Type", "page", "email=%s", `{"email": 1}`, "name"} {
		if personalKey(k) {
			t.Errorf("personalKey(%q) = true", k)
		}
	}
}

const typesSrc = `package p

import (
	"database/sql"
	"net/mail"
)

// Statements are prepared statements named for what they do: no data.
type Statements struct {
	GetUserByEmail    *sql.Stmt
	DeleteUserByPhone *sql.Stmt
}

type User struct {
	ID    int64
	Name  string
	Notes string ` + "`privacy:\"public\"`" + `
}

type Product struct {
	Name  string
	Price int
}

// Group, Policy, Tenant have display names: theirs, not a person's.
type Group struct {
	DisplayName string
	CreatedAt   int64
}

// Account is named for a person: its display and full names are theirs.
type Account struct {
	DisplayName string
	FullName    string
}

type Order struct {
	Total    int
	Shipping string ` + "`privacy:\"personal\"`" + `
}

type Photo struct {
	UserID  int64
	Image   []byte
	OwnerID int64
	AlbumID int64
}

// Publish has a strong field: its weak ones are the person's, but the
// identifier of another thing (HealthAuthorityID) is not.
type Publish struct {
	ExposureKeys      []string
	HealthAuthorityID int64
	Region            string
}

// Member is named for a person: an identifier it holds elsewhere is its.
type Member struct {
	GoogleID   string
	ExternalID string
}

type Email string

type Batch struct {
	Items []Order
}

type Wrapper struct {
	Inner *User
}

type Public struct {
	Email string ` + "`privacy:\"-\"`" + `
}

type Envelope struct {
	Msg mail.Message
}

// message is what a service says of a poll: its name alone makes none of
// its fields personal.
type message struct {
	ID      string
	Event   string
	Message string
}

// ChatMessage is what a person wrote: a field of a personal type says so,
// and its text is then theirs.
type ChatMessage struct {
	ID     string
	Text   string
	Author User
}

// SignupMessage has a strong field: its weak ones are the person's too.
type SignupMessage struct {
	Email string
	Note  string
}

type Tree struct {
	Left, Right *Tree
	Label       string
}

// Config is how a client connects to a service: its user name and user
// agent are the service's own account and client (go-cfclient's Config).
type Config struct {
	APIAddress   string
	Username     string
	Password     string
	ClientSecret string
	UserAgent    string
}

// SMTPOptions names its account, tagged as a person's: the tag decides.
type SMTPOptions struct {
	User     string ` + "`privacy:\"personal\"`" + `
	Password string
}

// Redis says where a client connects and as whom: its user name
// is the service's account.
type Redis struct {
	Endpoint string
	Username string
	Password string
}

// Signup is named for no person and has a password but says nowhere to
// connect: the user name is a person's.
type Signup struct {
	Username string
	Password string
}

// FieldMapping names the claims of an identity provider that hold a
// person's data: the names, not the data.
type FieldMapping struct {
	Identifier string
	Email      string
}

// LoginRequest is what a person sends to sign in: theirs.
type LoginRequest struct {
	Username string
	Password string
}

// Provider is an identity provider's settings: its switches name the
// data they are about, and hold a yes or a no.
type Provider struct {
	Name          string
	ClientID      string
	EmailOptional bool
	PhoneEnabled  *bool
}

// Consent is a person's by its tag, though a switch.
type Consent struct {
	Name           string
	MarketingEmail bool ` + "`privacy:\"personal\"`" + `
}

// Subscriber is about a person: what its free-form fields hold is theirs.
type Subscriber struct {
	Email  string
	Public any
	Extra  map[string]any
	Count  int
}

// Job is about no one: its payload is whatever a job carries.
type Job struct {
	Kind    string
	Payload any
}

// Post is named for what a person writes and holds whatever they wrote.
type Post struct {
	From    string
	Content any
}

// ProfileSettings has no secret: the user name is a person's.
type ProfileSettings struct {
	Username string
	Theme    string
}
`

func TestPersonalTypes(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", typesSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pt := personalTypes{memo: map[*types.TypeName]bool{}, infra: isInfra}
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	for name, want := range map[string]bool{
		"User": true, "Product": false, "Order": true, "Photo": true, "Email": true, "Batch": true,
		"Wrapper": true, "Public": false, "Envelope": false, "Tree": false,
		"message": false, "ChatMessage": true, "Post": true, "SignupMessage": true,
		"Config": false, "Provider": false, "Consent": true, "SMTPOptions": true, "LoginRequest": true, "ProfileSettings": true, "Statements": false,
	} {
		if got := pt.personal(typ(name)); got != want {
			t.Errorf("personal(%s) = %v, want %v", name, got, want)
		}
	}
	field := func(tn, fn string) bool {
		st := typ(tn).Underlying().(*types.Struct)
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == fn {
				return pt.field(typ(tn), st.Field(i))
			}
		}
		t.Fatalf("no field %s.%s", tn, fn)
		return false
	}
	for _, c := range []struct {
		typ, field string
		want       bool
	}{
		{"User", "Name", true}, {"User", "ID", true}, {"User", "Notes", false},
		{"Product", "Name", false}, {"Order", "Total", false}, {"Order", "Shipping", true},
		{"Photo", "Image", true}, {"Wrapper", "Inner", true}, {"Public", "Email", false},
		{"Photo", "OwnerID", true}, {"Photo", "AlbumID", false},
		{"Publish", "ExposureKeys", true}, {"Publish", "HealthAuthorityID", false},
		{"Group", "DisplayName", false}, {"Account", "DisplayName", true}, {"Account", "FullName", true},
		{"Member", "GoogleID", true}, {"Member", "ExternalID", true},
		{"message", "ID", false}, {"message", "Message", false},
		{"ChatMessage", "Text", true}, {"SignupMessage", "Note", true},
		{"Config", "Username", false}, {"Config", "UserAgent", false}, {"SMTPOptions", "User", true},
		{"Redis", "Username", false}, {"Signup", "Username", true}, {"FieldMapping", "Email", false},
		{"LoginRequest", "Username", true}, {"ProfileSettings", "Username", true},
		{"Provider", "EmailOptional", false}, {"Provider", "PhoneEnabled", false}, {"Provider", "Name", false},
		{"Consent", "MarketingEmail", true}, {"Consent", "Name", true},
		{"Subscriber", "Public", true}, {"Subscriber", "Extra", true}, {"Subscriber", "Count", false},
		{"Job", "Payload", false},
	} {
		if got := field(c.typ, c.field); got != c.want {
			t.Errorf("field(%s.%s) = %v, want %v", c.typ, c.field, got, c.want)
		}
	}
	if pt.personal(types.NewPointer(typ("User"))) != true || pt.personal(types.NewSlice(typ("Product"))) {
		t.Error("pointers and slices should follow their element")
	}
}

// TestSettingsPackage: the struct types of a package named for
// configuration are settings, their fields personal only by tag or type
// (hanko's config.EmailDelivery{FromAddress}); one named for a person is
// not a setting.
func TestSettingsPackage(t *testing.T) {
	const src = `package config

type EmailDelivery struct {
	FromAddress string
	FromName    string
}

type Email struct {
	Enabled   bool
	MaxLength int
}

type UserDefaults struct {
	Email string
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "config.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{}).Check("example.com/config", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pt := personalTypes{memo: map[*types.TypeName]bool{}, infra: isInfra}
	for name, want := range map[string]bool{"EmailDelivery": false, "Email": false, "UserDefaults": true} {
		if got := pt.personal(pkg.Scope().Lookup(name).Type()); got != want {
			t.Errorf("personal(config.%s) = %v, want %v", name, got, want)
		}
	}
}

// FuzzNames: the word splitter and the name tests take any identifier or
// key without panicking.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"UserIDClaimName", "EmailTemplate", "X-Real-IP", "DateOfBirth", "e-mail", "ÉMAIL", "", "__", "A1b2C3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		strongName(name)
		weakName(name, true)
		weakName(name, false)
		personName(name)
		personalKey(name)
	})
}

// TestNewValueHoldsNothing: new(User) is a zero value, as User{} is: given
// to a call (a migration's list of models, gorm's AutoMigrate) it carries
// no one's data; a variable of the type still holds what is read into it.
func TestNewValueHoldsNothing(t *testing.T) {
	s := analyzeOK(t, `package p

import (
	"fmt"
	"net"
)

type User struct{ Email string }

func Schema(conn net.Conn) {
	fmt.Fprintf(conn, "%T %T", new(User), &User{})
}

func Send(conn net.Conn, u *User) {
	fmt.Fprintf(conn, "%v", u)
}
`)
	got := describe(s.sites)
	if strings.Count(got, "\n") != 1 || !strings.Contains(got, "parameter conn of Send") {
		t.Errorf("got sites\n%s\nwant one, in Send", got)
	}
}
