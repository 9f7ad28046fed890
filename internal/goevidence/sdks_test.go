package goevidence

import (
	"strings"
	"testing"
)

func TestSDKLookup(t *testing.T) {
	for _, c := range []struct {
		pkg, call string
		role      string // "" for none
	}{
		{"github.com/bwmarrin/discordgo", "Session.ChannelMessageSend", "send"},
		{"github.com/bwmarrin/discordgo", "Session.Channel", ""},
		{"example.com/lookalike", "Session.ChannelMessageSend", ""},
		{"github.com/stripe/stripe-go/v72/customer", "New", "send"},
		{"github.com/stripe/stripe-go/v72/checkout/session", "Client.New", "send"},
		{"github.com/stripe/stripe-go/v72/customer", "Get", ""},
		{"github.com/minio/minio-go/v7", "New", "client-store"},
		{"github.com/redis/go-redis/v9", "Options", "option"},
		{"google.golang.org/api/androidpublisher/v3", "PurchasesSubscriptionsAcknowledgeCall.Do", "send"},
		{"google.golang.org/api/androidpublisher/v3", "PurchasesSubscriptionsGetCall.Do", ""},
		{"github.com/mixpanel/mixpanel-go", "EuResidency", "option"},
		{"github.com/mixpanel/mixpanel-go/v2", "ApiClient.Track", "send"},
		{"github.com/auth0/go-auth0/management", "UserManager.Create", "store"},
		{"github.com/auth0/go-auth0/management", "UserManager.Delete", ""},
		{"github.com/okta/okta-sdk-golang/v2/okta", "NewClient", "client-store"},
		{"github.com/okta/okta-sdk-golang/v5/okta", "ApiCreateUserRequest.Execute", "store"},
		{"github.com/okta/okta-sdk-golang/v5/okta", "ApiGetUserRequest.Execute", ""},
		{"github.com/DataDog/datadog-go/v5/statsd", "Client.Event", "send"},
		{"github.com/DataDog/datadog-go/v5/statsd", "Client.Flush", ""},
	} {
		r, ok := sdkLookup(c.pkg, c.call)
		if got := map[bool]string{true: r.role}[ok]; got != c.role {
			t.Errorf("sdkLookup(%s, %s) = %q, want %q", c.pkg, c.call, got, c.role)
		}
	}
	for path, want := range map[string]bool{
		"github.com/stripe/stripe-go/v72":                  true,
		"github.com/stripe/stripe-go/v72/checkout/session": true,
		"github.com/stripe/stripe-gox":                     false,
		"github.com/bwmarrin/discordgo":                    true,
		"github.com/bwmarrin/discordgo-extra":              false,
		"example.com/discordgo":                            false,
		"go.mongodb.org/mongo-driver/mongo/options":        true,
		"github.com/auth0/go-auth0/management":             true,
		"github.com/auth0/go-auth0/v2/management":          false,
	} {
		if got := sdkModule(path); got != want {
			t.Errorf("sdkModule(%s) = %v, want %v", path, got, want)
		}
	}
	// A vendor's API is a site only by its rows, even where a client row
	// sets its endpoint; a datastore's client methods are sites.
	for path, want := range map[string]bool{
		"github.com/auth0/go-auth0/management":    true,
		"github.com/openai/openai-go":             true,
		"github.com/DataDog/datadog-go/v5/statsd": true,
		"github.com/redis/go-redis/v9":            false,
		"github.com/minio/minio-go/v7":            false,
		"example.com/notansdk":                    false,
	} {
		if got := sdkFixedHost(path); got != want {
			t.Errorf("sdkFixedHost(%s) = %v, want %v", path, got, want)
		}
	}
}

// Every malformed row names the table and its line.
func TestSDKTableRejects(t *testing.T) {
	header := "package\tcall\trole\tvendor\thosts\tendpoint\tdata\talways\tsource\n"
	for name, row := range map[string]string{
		"role":     "a.com/x\tF\tsends\tV\th.com\t-\tpersonal\tno\ts",
		"data":     "a.com/x\tF\tsend\tV\th.com\t-\temails\tno\ts",
		"always":   "a.com/x\tF\tsend\tV\th.com\t-\tpersonal\tmaybe\ts",
		"endpoint": "a.com/x\tF\tsend\tV\th.com\targ x url\tpersonal\tno\ts",
		"syntax":   "a.com/x\tF\tsend\tV\th.com\targ 0 dsn\tpersonal\tno\ts",
		"module":   "a.com/x\tF\tmodule\tV\t-\t-\tpersonal\tno\ts",
		"option":   "a.com/x\tF\toption\tV\t-\t-\tpersonal\tno\ts",
		"request":  "a.com/x\tF\trequest\tV\t-\targ 0 hostport\tpersonal\tno\ts",
		"mailhost": "a.com/x\tF\tclient\tV\t-\targ 0 mail\tpersonal\tno\ts",
		"pattern":  "a.com/[x\tF\tsend\tV\th.com\t-\tpersonal\tno\ts",
		"choice":   "a.com/x\tC\toption\tV\th.com\tfield Zone choice\tpersonal\tno\ts",
		"pair":     "a.com/x\tC\toption\tV\tUS=\tfield Zone choice\tpersonal\tno\ts",
		"key":      "a.com/x\tK\toption\tV\t-\tkey site\tpersonal\tno\ts",
		"license":  "a.com/x\tL\toption\tV\t-\targ 0 newrelic-license\tpersonal\tno\ts",
		"keyword":  "a.com/x\tK\toption\tV\t-\tkey site hostname\tpersonal\tno\ts",
		"region":   "a.com/x\tC.SetRegion\tregion\tV\th.com\treceiver\tpersonal\tno\ts",
		"map":      "a.com/x\tSetRegion\tregion\tV\teu\targ 1 map\tpersonal\tno\ts",
		"template": "a.com/x\tC.SetRegion\tregion\tV\tapi.{edge}.x.com\targ 0 var:region\tpersonal\tno\ts",
		"brace":    "a.com/x\tC.SetRegion\tregion\tV\tapi.{region.x.com\targ 0 var:region\tpersonal\tno\ts",
		"varsend":  "a.com/x\tF\tsend\tV\th.com\targ 0 var:region\tpersonal\tno\ts",
		"fieldvar": "a.com/x\tHandler\tregion\tV\tapi.{region}.x.com\tfield Region var:edge\tpersonal\tno\ts",
		"client":   "a.com/x\tSend\tsend\tV\th.com\tclient x\tpersonal\tno\ts",
		"builder":  "a.com/x\tStmt\tbuilder\tV\t-\t-\tpersonal\tno\ts",
		"dsnarg":   "a.com/x\tOpen\tclient-store\t-\t-\targ 1 dsn:@x\tpersonal\tno\ts",
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "sdks.tsv line 2") {
					t.Errorf("got %v, want a failure naming sdks.tsv line 2", r)
				}
			}()
			loadSDKs(header + row + "\n")
		})
	}
}

const discordStub = `package discordgo

import (
	"net/http"
	"strings"
)

type Session struct{ c *http.Client }

func New(token string) (*Session, error) { return &Session{}, nil }

func (s *Session) ChannelMessageSend(channelID, content string) error {
	_, err := http.Post("https://discord.com/api/channels/"+channelID, "text/plain", strings.NewReader(content))
	return err
}
`

// A dependency's API that ends in a call of the table is the site, once,
// named as the service calls it; the SDK's insides never are. Without the
// table's row, the call is no site: the row is what finds it.
func TestSDKSiteThroughDependency(t *testing.T) {
	run := func() string {
		p := newProgram(t, map[string][]string{
			"github.com/bwmarrin/discordgo": {discordStub},
			"example.com/bot": {`package bot

import "github.com/bwmarrin/discordgo"

type Bot struct{ s *discordgo.Session }

func (b *Bot) Say(text string) { b.s.ChannelMessageSend("1", text) }
`},
			"example.com/m/app": {`package app

import (
	"github.com/bwmarrin/discordgo"

	"example.com/bot"
)

type User struct{ Name string }

func direct(s *discordgo.Session, u User) { s.ChannelMessageSend("1", "hello "+u.Name) }

func through(b *bot.Bot, u User) { b.Say("hello " + u.Name) }
`},
		})
		p.module = "example.com/m"
		if _, err := p.Import("example.com/m/app"); err != nil {
			t.Fatal(err)
		}
		return sitesOf(p, "example.com/m/app") + sitesOf(p, "github.com/bwmarrin/discordgo")
	}
	want := `11: discordgo.Session.ChannelMessageSend to discord.com host=discord.com unresolved="" deferred=false
13: bot.Bot.Say to discord.com host=discord.com unresolved="" deferred=false
`
	if got := run(); got != want {
		t.Errorf("sites:\n%s\nwant:\n%s", got, want)
	}

	saved := sdks
	defer func() { sdks = saved }()
	var kept []string
	for _, line := range strings.Split(sdksTSV, "\n") {
		if !strings.HasPrefix(line, "github.com/bwmarrin/discordgo\tSession.ChannelMessageSend\t") {
			kept = append(kept, line)
		}
	}
	sdks = loadSDKs(strings.Join(kept, "\n"))
	if got := run(); got != "" {
		t.Errorf("without the row, sites:\n%s\nwant none", got)
	}
}

const messagingStub = `package messaging

import "context"

type Message struct{ Token string }

type Client struct{}

func (c *Client) Send(ctx context.Context, m *Message) (string, error) { return "", nil }
`

// A dependency that pushes through FCM (a call that carries personal data
// whatever it is given) tells its callers: the call of its API in the
// checked module is the site, placed by the vendor's host.
func TestSDKAlwaysPersonalThroughDependency(t *testing.T) {
	p := newProgram(t, map[string][]string{
		"firebase.google.com/go/v4/messaging": {messagingStub},
		"context":                             {"package context\ntype Context interface{}\nfunc Background() Context { return nil }"},
		"example.com/push": {`package push

import (
	"context"

	"firebase.google.com/go/v4/messaging"
)

type Pusher struct{ c *messaging.Client }

func (p *Pusher) Notify(token string) error {
	_, err := p.c.Send(context.Background(), &messaging.Message{Token: token})
	return err
}
`},
		"example.com/m/app": {`package app

import "example.com/push"

func ping(p *push.Pusher, token string) { p.Notify(token) }
`},
	})
	p.module = "example.com/m"
	if _, err := p.Import("example.com/m/app"); err != nil {
		t.Fatal(err)
	}
	want := `5: push.Pusher.Notify to fcm.googleapis.com host=fcm.googleapis.com unresolved="" deferred=false
`
	if got := sitesOf(p, "example.com/m/app"); got != want {
		t.Errorf("sites:\n%s\nwant:\n%s", got, want)
	}
}

// An option row's value that is not itself an address stands for the one
// its row names: a zone among VALUE=HOST pairs, a New Relic license key's
// region prefix. A value not known statically stays a hole that says
// what it is; a value the row does not know names no host.
func TestSDKOptionDest(t *testing.T) {
	zone, ok := sdkLookup("github.com/amplitude/analytics-go/amplitude/types", "Config")
	if !ok {
		t.Fatal("no option row for amplitude types.Config")
	}
	for _, r := range sdks.byName["Config"] {
		if r.endpoint.syntax == sChoice {
			zone = r
		}
	}
	license, ok := sdkLookup("github.com/newrelic/go-agent/v3/newrelic", "ConfigLicense")
	if !ok {
		t.Fatal("no option row for newrelic.ConfigLicense")
	}
	for _, c := range []struct {
		row  sdkRow
		in   Str
		want string
	}{
		{zone, lit("EU"), "api.eu.amplitude.com"},
		{zone, lit("US"), "api2.amplitude.com"},
		{zone, lit("eu"), "\x00ServerZone \"eu\", which names no host the table knows"},
		{zone, hole("os.Getenv(\"ZONE\")"), "\x00os.Getenv(\"ZONE\")"},
		{license, lit("eu01xx0123456789abcdef0123456789abcdefNRAL"), "collector.eu01.nr-data.net"},
		{license, lit("0123456789abcdef0123456789abcdef0123NRAL"), "collector.newrelic.com"},
		{license, lit("x0123"), "collector.newrelic.com"},
		{license, hole("os.Getenv(\"K\")"), "\x00New Relic license key (its prefix names the region), from os.Getenv(\"K\")"},
	} {
		syntax, got := c.row.optionDest([]Str{c.in})
		if syntax != sHostPort || len(got) != 1 {
			t.Fatalf("optionDest(%v) = %s %v", c.in, syntax, got)
		}
		f := flatten(got[0])
		text := f.text
		if len(f.holes) == 1 {
			text += f.holes[0].Hole
		}
		if text != c.want {
			t.Errorf("optionDest(%v) = %q, want %q", c.in, text, c.want)
		}
	}
}

// The embedded SQLite of modernc.org and its C library are built in: a
// loader outlines them (they were most of a check of a service embedding
// SQLite), and their types are no personal data by name.
func TestSkipsEmbeddedSQLite(t *testing.T) {
	for _, p := range []string{"modernc.org/sqlite", "modernc.org/sqlite/lib", "modernc.org/libc", "modernc.org/libc/sys/types", "modernc.org/mathutil", "modernc.org/memory"} {
		if !SkipsPath(p) {
			t.Errorf("SkipsPath(%q) = false", p)
		}
	}
	for _, p := range []string{"modernc.org/ql", "modernc.org/sqlitex", "example.com/modernc.org/sqlite"} {
		if SkipsPath(p) {
			t.Errorf("SkipsPath(%q) = true", p)
		}
	}
}
