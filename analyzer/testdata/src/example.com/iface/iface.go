// Package iface calls through interfaces the module declares: the
// implementations in the module that send what they are given are
// reported at the interface call that gives it.
package iface

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/smtp"
	"os"
	"strings"

	"firebase.google.com/go/v4/messaging"
	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/customer"

	"example.com/iface/blob"
	"example.com/iface/impl"
	"example.com/iface/impl/de"
)

type User struct {
	Email       string
	DeviceToken string
}

// pushSender is implemented once in this package, with an SDK call given
// the message. The call inside decides everything (a push is personal
// whatever it holds, and goes to FCM's host): it is the site, once, as
// for a direct call; the interface call adds nothing.
type pushSender interface {
	Send(m *messaging.Message) error
}

type fcmSender struct {
	client *messaging.Client
}

func (c *fcmSender) Send(m *messaging.Message) error {
	_, err := c.client.Send(context.Background(), m) // want `^messaging.Client.Send to fcm.googleapis.com`
	return err
}

type pusher struct {
	sender pushSender
}

func newPusher(c *messaging.Client) *pusher { return &pusher{sender: &fcmSender{client: c}} }

func (p *pusher) push(u User) error {
	return p.sender.Send(&messaging.Message{Token: u.DeviceToken})
}

// billing is implemented by a shim over stripe-go's package functions.
type billing interface {
	NewCustomer(params *stripe.CustomerParams) (*stripe.Customer, error)
}

type realBilling struct{}

func (realBilling) NewCustomer(params *stripe.CustomerParams) (*stripe.Customer, error) {
	return customer.New(params)
}

type server struct {
	billing billing
}

func newServer() *server { return &server{billing: realBilling{}} }

func (s *server) subscribe(u User) error {
	_, err := s.billing.NewCustomer(&stripe.CustomerParams{Email: stripe.String(u.Email)}) // want `^iface.billing.NewCustomer \(customer.New\) to api.stripe.com`
	return err
}

// notifier has two implementations that post to two hosts.
type notifier interface {
	Notify(msg string) error
}

type cnHook struct{}

func (cnHook) Notify(msg string) error {
	_, err := http.Post("https://hooks.example.cn/new", "text/plain", strings.NewReader(msg))
	return err
}

type deHook struct{}

func (*deHook) Notify(msg string) error {
	_, err := http.Post("https://hooks.example.de/new", "text/plain", strings.NewReader(msg))
	return err
}

func announce(n notifier, u User) {
	n.Notify(u.Email) // want `to hooks.example.cn` `to hooks.example.de`
}

// An interface of another package of the module, implemented there
// (its facts) and in a third package this one imports (the package graph).
func relay(r impl.Relay, u User) {
	r.Relay(u.Email) // want `^impl.Relay.Relay \(http.Post\) to relay.example.cn` `^impl.Relay.Relay \(http.Post\) to relay.example.de`
}

var relays = []impl.Relay{impl.New(), de.New()}

// poster's implementation posts to the URL it is given: the call that
// gives it is the site.
type poster interface {
	Post(url, msg string) error
}

type plainPoster struct{}

func (plainPoster) Post(url, msg string) error {
	_, err := http.Post(url, "text/plain", strings.NewReader(msg))
	return err
}

func register(p poster, u User) {
	p.Post("https://signup.example.cn/", u.Email) // want `^iface.poster.Post \(http.Post\) to signup.example.cn`
}

// tracker's two implementations post to the same host: one finding.
type tracker interface {
	Track(msg string)
}

type webTracker struct{}

func (webTracker) Track(msg string) {
	http.Post("https://track.example.cn/web", "text/plain", strings.NewReader(msg))
}

type appTracker struct{}

func (*appTracker) Track(msg string) {
	http.Post("https://track.example.cn/app", "text/plain", strings.NewReader(msg))
}

func track(t tracker, u User) {
	t.Track(u.Email) // want `^iface.tracker.Track \(http.Post\) to track.example.cn`
}

// A struct that embeds the interface: its promoted method is the
// interface's.
type session struct {
	poster
}

func login(s session, u User) {
	s.Post("https://login.example.cn/", u.Email) // want `^iface.poster.Post \(http.Post\) to login.example.cn`
}

// fanout has more implementations than a call is followed to: a point
// where plugins attach. The call that gives them a user's address is a
// note: where it goes is the implementation chosen at run time.
type fanout interface {
	Emit(msg string)
}

type emitA struct{}

func (emitA) Emit(msg string) {
	http.Post("https://a.example.cn/", "text/plain", strings.NewReader(msg))
}

type emitB struct{}

func (emitB) Emit(msg string) {
	http.Post("https://b.example.cn/", "text/plain", strings.NewReader(msg))
}

type emitC struct{}

func (emitC) Emit(msg string) {
	http.Post("https://c.example.cn/", "text/plain", strings.NewReader(msg))
}

type emitD struct{}

func (emitD) Emit(msg string) {
	http.Post("https://d.example.cn/", "text/plain", strings.NewReader(msg))
}

type emitE struct{}

func (emitE) Emit(msg string) {
	http.Post("https://e.example.cn/", "text/plain", strings.NewReader(msg))
}

func emit(f fanout, u User) {
	f.Emit(u.Email) // want `^iface.fanout.Emit: cannot decide where it sends personal data: it goes where the implementation of fanout chosen at run time sends it \(one of 5: iface.emitA, iface.emitB, iface.emitC and 2 more\)`
}

// A call that gives them nothing personal is no finding.
func emitQuiet(f fanout) {
	f.Emit("started")
}

// recorder's only implementation keeps what it is given in memory.
type recorder interface {
	Record(msg string)
}

type memRecorder struct{ buf bytes.Buffer }

func (m *memRecorder) Record(msg string) { m.buf.WriteString(msg) }

func remember(r recorder, u User) {
	r.Record(u.Email)
}

// archiver's only implementation writes a local file.
type archiver interface {
	Archive(msg string) error
}

type fileArchiver struct{ path string }

func (a fileArchiver) Archive(msg string) error {
	return os.WriteFile(a.path, []byte(msg), 0o600)
}

func archive(a archiver, u User) {
	a.Archive(u.Email)
}

// io.Writer is declared in the standard library: a call of Write is not
// widened to every writer of the module.
type hookWriter struct{}

func (hookWriter) Write(p []byte) (int, error) {
	_, err := http.Post("https://writer.example.cn/", "text/plain", bytes.NewReader(p))
	return len(p), err
}

func writeOut(w io.Writer, u User) {
	w.Write([]byte(u.Email))
}

// A driver built on a client: the call is one finding for the client it
// is bound to, not a second one for the implementation's call inside.
func upload(ctx context.Context, u User) error {
	d, err := blob.NewS3(ctx)
	if err != nil {
		return err
	}
	return d.Put(ctx, "avatar", []byte(u.Email)) // want `^blob.Driver.Put.* stores personal data in South Korea`
}

// provider's implementations come from a factory: at the call the
// receiver is any of them, so what one is built with is no destination of
// another's call inside (the link provider's host is not where the token
// provider posts). Only what the arguments decide would be followed.
type provider interface {
	Start(state string) string
}

type endpoint struct {
	URL string
}

type linkProvider struct {
	auth endpoint
}

func (p linkProvider) Start(state string) string { return p.auth.URL + "?state=" + state }

type tokenProvider struct {
	request endpoint
}

func (p *tokenProvider) Start(state string) string {
	resp, err := http.Post(p.request.URL, "text/plain", strings.NewReader(state))
	if err != nil {
		return ""
	}
	return resp.Status
}

func newProvider(name string) provider {
	if name == "link" {
		return linkProvider{auth: endpoint{URL: "https://accounts.example.cn/auth"}}
	}
	return &tokenProvider{request: endpoint{URL: "https://api.example.de/request_token"}}
}

func start(name string, u User) string {
	return newProvider(name).Start(u.Email)
}

// mailer has one implementation: the receiver at the call is that one, and
// the relay it is built with is where the call sends (a receiver's field
// may also hold a value set where this package cannot see: a note). A
// recipient is personal whatever the caller gives: the call inside is a
// site of its own too, as where a function of another package is called.
type mailer interface {
	Mail(to, body string) error
}

type smtpMailer struct {
	addr string
}

func (m *smtpMailer) Mail(to, body string) error {
	return smtp.SendMail(m.addr, nil, "noreply@example.com", []string{to}, []byte(body)) // want `^smtp.SendMail to smtp.example.cn`
}

type app struct {
	mail mailer
}

func newApp() *app { return &app{mail: &smtpMailer{addr: "smtp.example.cn:25"}} }

func (a *app) welcome(u User) error {
	return a.mail.Mail(u.Email, "welcome") // want `^iface.mailer.Mail \(smtp.SendMail\) to smtp.example.cn` `^iface.mailer.Mail \(smtp.SendMail\): .* comes from field addr`
}

// Through a wrapper of an interface that implements it (a decorator).
func keep(l *impl.Logged, u User) {
	impl.Keep(l, u.Email) // want `^impl.Keep \(http.Post\) to store.example.cn`
}
