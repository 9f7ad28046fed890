package regions

import (
	"os"

	"github.com/sendgrid/sendgrid-go"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
)

// SendGrid: an email to the user goes to api.sendgrid.com (global, US).
func welcome(u User) {
	m := mail.NewSingleEmail(mail.NewEmail("Shop", "shop@example.jp"), "Welcome", mail.NewEmail(u.Name, u.Email), "Hello", "")
	c := sendgrid.NewSendClient("key")
	c.Send(m) // want `^sendgrid.Client.Send to api.sendgrid.com sends personal data to the United States \(Twilio SendGrid global region\)`
}

// The EU data residency moves the client's request: api.eu.sendgrid.com,
// where the vendor names no country.
func welcomeEU(u User) {
	m := mail.NewSingleEmail(mail.NewEmail("Shop", "shop@example.jp"), "Welcome", mail.NewEmail(u.Name, u.Email), "Hello", "")
	c := sendgrid.NewSendClient("key")
	c.Request, _ = sendgrid.SetDataResidency(c.Request, "eu")
	c.Send(m) // want `^sendgrid.Client.Send to api.eu.sendgrid.com: cannot decide where it sends personal data: Twilio SendGrid EU data residency names no country`
}

// A request built by hand and moved, sent with API.
func welcomeRequest(u User) {
	req := sendgrid.GetRequest("key", "/v3/mail/send", "")
	req.Body = []byte(`{"to":"` + u.Email + `"}`)
	req, _ = sendgrid.SetDataResidency(req, "eu")
	sendgrid.API(req) // want `^sendgrid.API to api.eu.sendgrid.com: cannot decide`
}

// A residency not known statically is a note naming the setter.
func welcomeAt(u User) {
	m := mail.NewSingleEmail(mail.NewEmail("Shop", "shop@example.jp"), "Welcome", mail.NewEmail(u.Name, u.Email), "Hello", "")
	c := sendgrid.NewSendClient("key")
	c.Request, _ = sendgrid.SetDataResidency(c.Request, os.Getenv("SENDGRID_REGION"))
	c.Send(m) // want `^sendgrid.Client.Send: cannot decide where it sends personal data: the address comes from os.Getenv\("SENDGRID_REGION"\) \(given to sendgrid.SetDataResidency\)`
}

// A mail with nothing personal is no export.
func report() {
	m := mail.NewSingleEmail(mail.NewEmail("Shop", "shop@example.jp"), "Daily report", mail.NewEmail("Ops", "ops@example.jp"), "all green", "")
	sendgrid.NewSendClient("key").Send(m)
}

// A residency set only on one branch: the client may be at either host.
func welcomeMaybeEU(u User, eu bool) {
	m := mail.NewSingleEmail(mail.NewEmail("Shop", "shop@example.jp"), "Welcome", mail.NewEmail(u.Name, u.Email), "Hello", "")
	c := sendgrid.NewSendClient("key")
	if eu {
		c.Request, _ = sendgrid.SetDataResidency(c.Request, "eu")
	}
	c.Send(m) // want `^sendgrid.Client.Send to api.eu.sendgrid.com: cannot decide` `^sendgrid.Client.Send to api.sendgrid.com sends personal data to the United States`
}
