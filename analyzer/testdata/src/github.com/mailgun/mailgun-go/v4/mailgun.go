// Package mailgun is a stub of github.com/mailgun/mailgun-go/v4.
package mailgun

import "context"

const (
	APIBase   = "https://api.mailgun.net/v3"
	APIBaseUS = APIBase
	APIBaseEU = "https://api.eu.mailgun.net/v3"
)

type Message struct {
	from, subject, text string
	to                  []string
}

type Mailgun interface {
	Send(ctx context.Context, m *Message) (string, string, error)
	SetAPIBase(url string)
}

type MailgunImpl struct{ apiBase, domain string }

func NewMailgun(domain, apiKey string) *MailgunImpl {
	return &MailgunImpl{apiBase: APIBase, domain: domain}
}

func (mg *MailgunImpl) NewMessage(from, subject, text string, to ...string) *Message {
	return &Message{from: from, subject: subject, text: text, to: to}
}

func (mg *MailgunImpl) SetAPIBase(address string) { mg.apiBase = address }

func (mg *MailgunImpl) Send(ctx context.Context, m *Message) (string, string, error) {
	return "", "", nil
}

func (mg *MailgunImpl) GetStoredMessage(ctx context.Context, url string) (string, error) {
	return "", nil
}
