package analyzer_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noticevet/noticevet/analyzer"
)

// TestAnalyzer runs the analyzer over every test package at once (loading
// the standard library from source is the slow part). Each package holds
// the sites of one kind, with look-alikes that must not be reported, and
// its own PRIVACY.md (and .noticevet.hcl where it needs one):
//
//	httpsite     net/http (Post, PostForm, Get, NewRequest + Do, Client), net/url
//	grpcsite     grpc.Dial, DialContext, NewClient; generated stubs; Invoke
//	sqlsite      database/sql DSNs: key=value, URL, MySQL tcp(...), sqlite
//	netsite      net.Dial, net.Dialer, net/smtp
//	awsv2, awsv1 AWS SDK for Go v2 and v1 regions and endpoints
//	gcp          Cloud Storage, BigQuery, option.WithEndpoint
//	azure        Azure Blob Storage accounts and sovereign clouds
//	resolve      constants, concatenation, Sprintf, variables, fields,
//	             parameters, other packages (facts), flags
//	flows        personal data through buffers, builders, fmt, JSON,
//	             protocol buffers, helpers, closures, tags
//	undisclosed  an inclusive notice: undisclosed-country, ignore blocks
//	wrapped      a function of the module whose callers give the URL: the
//	             callers are the findings, not the call inside
//	selfcli      a self block: a resty client bound to the service's own
//	             domains sends to no one else; a partner's host does
//	clients      HTTP client and mail libraries (go-retryablehttp, gomail,
//	             wneessen/go-mail) followed as net/http and net/smtp
//	regions      Twilio, SendGrid and Mailgun region setters
//	families     slack-go, webpush-go, FCM multicast, posthog-go,
//	             anthropic-sdk-go, Firebase Auth, Firestore, Gmail, Google
//	             Play acknowledgements, Sheets
//	iface        calls through interfaces of the module, followed to its
//	             implementations (not test fakes, nor io.Writer's, nor
//	             more than four)
//	deps         dependencies that work in memory: a tree parsed from a
//	             response, a value decoded by reflection, are no sends
func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer,
		"example.com/httpsite",
		"example.com/grpcsite", "example.com/grpcsite/pb",
		"example.com/sqlsite",
		"example.com/netsite",
		"example.com/awsv2", "example.com/awsv1",
		"example.com/gcp",
		"example.com/azure",
		"example.com/resolve", "example.com/resolve/endpoints", "example.com/resolve/partner",
		"example.com/flows",
		"example.com/undisclosed",
		"example.com/saas", "example.com/saas/lookalike", "example.com/saas/worker",
		"example.com/stores", "example.com/stores/txdb",
		"example.com/vendors", "example.com/vendors/lookalike", "example.com/vendors/tracing", "example.com/vendors/tracingv1", "example.com/vendors/tracingv1local", "example.com/optiontable", "example.com/vendors/ddlogs", "example.com/vendors/oktav5",
		"example.com/wrapped", "example.com/wrapped/notify",
		"example.com/selfcli", "example.com/selfcli/api",
		"example.com/clients", "example.com/clients/authapi", "example.com/clients/authsvc", "example.com/clients/ownapi",
		"example.com/clients/hooks", "example.com/clients/wrap",
		"example.com/regions", "example.com/regions/lookalike",
		"example.com/families", "example.com/families/lookalike",
		"example.com/iface", "example.com/iface/impl", "example.com/iface/impl/de", "example.com/iface/blob",
		"example.com/deps", "example.com/deps/page",
	)
	// Every message is one line of at most about 200 characters before its
	// reference to the notice (", but PRIVACY.md:4 says ...") and its rule.
	for _, r := range results {
		for _, d := range r.Diagnostics {
			body, _, _ := strings.Cut(d.Message, " ["+d.Category+"]")
			if i := noticeRef.FindStringIndex(body); i != nil {
				body = body[:i[0]]
			}
			if n := utf8.RuneCountInString(body); n > 200 || strings.Contains(d.Message, "\n") {
				t.Errorf("%s: message of %d runes before the notice reference: %s", r.Pass.Fset.Position(d.Pos), n, d.Message)
			}
		}
	}
}

// noticeRef is where a message starts to quote the notice.
var noticeRef = regexp.MustCompile(`, but [^ ]+:\d+ says `)

// setFlag sets an analyzer flag for one test, as go vet's
// -noticevet.FLAG would.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	if err := analyzer.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(analyzer.ResetFlags)
}

func TestFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	dir := analysistest.TestData()
	setFlag(t, "notice", filepath.Join(dir, "notices", "flagged.md"))
	setFlag(t, "config", filepath.Join(dir, "notices", "flagged.hcl"))
	analysistest.Run(t, dir, analyzer.Analyzer, "example.com/flagged")
}

// TestNew: an analyzer made by New with options behaves as Analyzer with
// the same flags, and leaves Analyzer's flags alone.
func TestNew(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	dir := analysistest.TestData()
	a := analyzer.New(analyzer.Options{
		Notices: []string{filepath.Join(dir, "notices", "flagged.md")},
		Config:  filepath.Join(dir, "notices", "flagged.hcl"),
	})
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "example.com/flagged")
	if f := analyzer.Analyzer.Flags.Lookup("notice"); f.Value.String() != "" {
		t.Errorf("New set Analyzer's -notice flag to %q", f.Value.String())
	}
	// Analyzer without flags still finds no notice for the package.
	var got errorsOnly
	analysistest.Run(&got, dir, analyzer.Analyzer, "example.com/flagged")
	if len(got.msgs) == 0 {
		t.Error("Analyzer without flags reported what New's options asked for")
	}
}

// TestNewAllowMissingNotice: the option silences the no-notice diagnostic
// as the flag does.
func TestNewAllowMissingNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	var got errorsOnly
	analysistest.Run(&got, analysistest.TestData(), analyzer.New(analyzer.Options{AllowMissingNotice: true}), "example.com/nonotice")
	if len(got.msgs) != 1 || !strings.Contains(got.msgs[0], "no diagnostic was reported matching") {
		t.Errorf("with AllowMissingNotice: want no diagnostic, got:\n%s", strings.Join(got.msgs, "\n"))
	}
}

// errorsOnly collects what analysistest reports.
type errorsOnly struct{ msgs []string }

func (e *errorsOnly) Errorf(format string, args ...any) {
	e.msgs = append(e.msgs, fmt.Sprintf(format, args...))
}

// TestNoNotice: a package with export sites and no notice is one
// diagnostic at its package clause, not an error that stops the run.
func TestNoNotice(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "example.com/nonotice")
}

// TestAllowMissingNotice: -allow-missing-notice silences that diagnostic,
// so the only complaint left is the want comment nothing matched.
func TestAllowMissingNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	setFlag(t, "allow-missing-notice", "true")
	var got errorsOnly
	analysistest.Run(&got, analysistest.TestData(), analyzer.Analyzer, "example.com/nonotice")
	if len(got.msgs) != 1 || !strings.Contains(got.msgs[0], "no diagnostic was reported matching") {
		t.Errorf("with -allow-missing-notice: want no diagnostic, got:\n%s", strings.Join(got.msgs, "\n"))
	}
}

func TestMissingNoticeFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source again")
	}
	setFlag(t, "notice", "no/such/notice.md")
	var got errorsOnly
	analysistest.Run(&got, analysistest.TestData(), analyzer.Analyzer, "example.com/flagged")
	if all := strings.Join(got.msgs, "\n"); !strings.Contains(all, "no/such/notice.md") {
		t.Errorf("a missing -notice file: want an error naming it, got:\n%s", all)
	}
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{analyzer.Analyzer}); err != nil {
		t.Fatal(err)
	}
	if analyzer.Analyzer.Name != "noticevet" {
		t.Errorf("the analyzer is named %q; the README says noticevet", analyzer.Analyzer.Name)
	}
	for _, f := range []string{"notice", "config"} {
		if analyzer.Analyzer.Flags.Lookup(f) == nil {
			t.Errorf("no -%s flag", f)
		}
	}
}

// TestSuppressed: noticevet:ignore comments hold under go vet as they do
// for noticevet check: above the call or on its line, one rule or a list;
// a comment without a reason, or naming another rule, accepts nothing.
func TestSuppressed(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "example.com/suppressed")
}
