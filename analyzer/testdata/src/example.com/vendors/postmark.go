package vendors

import (
	"context"

	"github.com/keighl/postmark"
	mrz "github.com/mrz1836/postmark"

	"example.com/vendors/lookalike"
)

// Postmark: a welcome mail to the user's address goes to
// api.postmarkapp.com, in the United States.
func welcome(u User) {
	c := postmark.NewClient("server-token", "")
	c.SendEmail(postmark.Email{From: "hello@example.jp", To: u.Email, Subject: "Welcome"}) // want `^postmark.Client.SendEmail to api.postmarkapp.com sends personal data to the United States \(Postmark data center \(Chicago\)\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
}

func welcomeTemplated(u User) {
	c := postmark.NewClient("server-token", "")
	c.SendTemplatedEmail(postmark.TemplatedEmail{TemplateId: 1, To: u.Email, TemplateModel: map[string]interface{}{"name": u.Name}}) // want `^postmark.Client.SendTemplatedEmail to api.postmarkapp.com sends personal data to the United States`
}

func welcomeCtx(u User) {
	c := mrz.NewClient("server-token", "")
	c.SendEmail(context.Background(), mrz.Email{From: "hello@example.jp", To: u.Email, Subject: "Welcome"}) // want `^postmark.Client.SendEmail to api.postmarkapp.com sends personal data to the United States`
}

// A mail to the operators' fixed address carries no personal data.
func alertOps() {
	c := postmark.NewClient("server-token", "")
	c.SendEmail(postmark.Email{From: "hello@example.jp", To: "ops@example.jp", Subject: "disk full"})
}

// A read of bounces is no row of the table: no site.
func bounces(u User) {
	c := postmark.NewClient("server-token", "")
	c.GetBounces(10, 0, map[string]string{"emailFilter": u.Email})
}

// The same method name in another import path is followed as code.
func welcomeLocal(c *lookalike.Client, u User) {
	c.SendEmail(u.Email, "welcome")
}
