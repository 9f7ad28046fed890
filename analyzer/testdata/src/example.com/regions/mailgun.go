package regions

import (
	"context"
	"os"

	"github.com/mailgun/mailgun-go/v4"

	"example.com/regions/lookalike"
)

// Mailgun: an email to the user goes to api.mailgun.net (US) by default.
func resetMail(ctx context.Context, u User) {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	mg.Send(ctx, mg.NewMessage("shop@example.jp", "Reset", "Click here", u.Email)) // want `^mailgun.MailgunImpl.Send to api.mailgun.net sends personal data to the United States \(Mailgun US region\)`
}

// The EU base URL moves the client: api.eu.mailgun.net names no country.
func resetMailEU(ctx context.Context, u User) {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	mg.SetAPIBase(mailgun.APIBaseEU)
	mg.Send(ctx, mg.NewMessage("shop@example.jp", "Reset", "Click here", u.Email)) // want `^mailgun.MailgunImpl.Send to api.eu.mailgun.net: cannot decide where it sends personal data: Mailgun EU region names no country`
}

// The client kept as the Mailgun interface, moved by a literal URL.
func resetMailIface(ctx context.Context, u User) {
	var mg mailgun.Mailgun = mailgun.NewMailgun("mg.example.jp", "key")
	mg.SetAPIBase("https://api.eu.mailgun.net/v3")
	mg.Send(ctx, &mailgun.Message{}) // no personal data in the message
	m := mailgun.NewMailgun("mg.example.jp", "key").NewMessage("shop@example.jp", "Reset", "Click here", u.Email)
	mg.Send(ctx, m) // want `^mailgun.Mailgun.Send to api.eu.mailgun.net: cannot decide`
}

// A base URL not known statically is a note naming the setter.
func resetMailAt(ctx context.Context, u User) {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	mg.SetAPIBase(os.Getenv("MAILGUN_API_BASE"))
	mg.Send(ctx, mg.NewMessage("shop@example.jp", "Reset", "Click here", u.Email)) // want `^mailgun.MailgunImpl.Send: cannot decide where it sends personal data: the URL comes from os.Getenv\("MAILGUN_API_BASE"\) \(given to mailgun.MailgunImpl.SetAPIBase\)`
}

// A read of a stored message is no site; a same-named Send and
// SetAPIBase of another import path are followed as code.
func stored(ctx context.Context, u User) {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	mg.GetStoredMessage(ctx, "https://api.mailgun.net/v3/domains/"+u.Email)
}

func resetLocal(m *lookalike.Mailer, u User) {
	m.SetAPIBase("https://api.eu.mailgun.net/v3")
	m.Send(u.Email, "reset")
}

// A setter whose error is checked runs: the client is moved.
func resetMailChecked(ctx context.Context, u User) error {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	if mg.SetAPIBase(mailgun.APIBaseEU); true {
		mg.Send(ctx, mg.NewMessage("shop@example.jp", "Reset", "Click here", u.Email)) // want `^mailgun.MailgunImpl.Send to api.eu.mailgun.net: cannot decide`
	}
	return nil
}

// A base URL chosen by a switch: each case's host.
func resetMailBy(ctx context.Context, u User, region string) {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	switch region {
	case "EU":
		mg.SetAPIBase(mailgun.APIBaseEU)
	case "US":
		mg.SetAPIBase(mailgun.APIBaseUS)
	}
	mg.Send(ctx, mg.NewMessage("shop@example.jp", "Reset", "Click here", u.Email)) // want `^mailgun.MailgunImpl.Send to api.eu.mailgun.net: cannot decide` `^mailgun.MailgunImpl.Send to api.mailgun.net sends personal data to the United States`
}

// A helper of the package that moves the client it is given moves the
// caller's client, to the base URL the caller names.
func useEU(mg *mailgun.MailgunImpl, base string) { mg.SetAPIBase(base) }

func resetMailHelper(ctx context.Context, u User) {
	mg := mailgun.NewMailgun("mg.example.jp", "key")
	useEU(mg, mailgun.APIBaseEU)
	mg.Send(ctx, mg.NewMessage("shop@example.jp", "Reset", "Click here", u.Email)) // want `^mailgun.MailgunImpl.Send to api.eu.mailgun.net: cannot decide`
}
