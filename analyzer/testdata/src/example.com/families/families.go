// Package families holds one site of each SaaS SDK family of the table,
// with the look-alikes that must not be reported: a call with nothing
// personal where the row needs personal data, a read-only call, and a
// same-named call of another import path.
package families

import (
	"context"
	"os"

	"github.com/slack-go/slack"

	"example.com/families/lookalike"
)

type User struct {
	ID          int64
	Name        string
	Email       string
	PushToken   string
	PushURL     string
	PurchaseTok string
}

// Slack: a message naming the user goes to slack.com.
func announce(c *slack.Client, u User) {
	c.PostMessage("C123", slack.MsgOptionText("new signup: "+u.Email, false)) // want `^slack.Client.PostMessage to slack.com`
}

// An incoming webhook's URL names the host.
func announceHook(u User) {
	slack.PostWebhook("https://hooks.slack.com/services/T0/B0/X", &slack.WebhookMessage{Text: "new signup: " + u.Email}) // want `^slack.PostWebhook to hooks.slack.com`
}

// One not known statically is a note naming where it comes from.
func announceHookAt(u User) {
	slack.PostWebhook(os.Getenv("SLACK_WEBHOOK"), &slack.WebhookMessage{Text: u.Email}) // want `^slack.PostWebhook: cannot decide where it sends personal data: the URL comes from os.Getenv\("SLACK_WEBHOOK"\)`
}

// Nothing personal, a read, a same-named method elsewhere: no site.
func slackQuiet(c *slack.Client, l *lookalike.Client, u User) {
	c.PostMessage("C123", slack.MsgOptionText("deploy finished", false))
	c.GetUserInfo(u.Email)
	l.PostMessage("C123", u.Email)
	_ = context.Background()
}
