package clients

import (
	"context"

	orymail "github.com/ory/mail/v3"
)

// ory/mail (a gomail fork): a Dialer literal's Host is the mail server;
// DialAndSend, and a sender's Send, send the message.
func verify(ctx context.Context, u User) error {
	m := orymail.NewMessage()
	m.SetHeader("To", u.Email)
	d := &orymail.Dialer{Host: "smtp.example.kr", Port: 587}
	return d.DialAndSend(ctx, m) // want `^mail.Dialer.DialAndSend to smtp.example.kr sends personal data to South Korea`
}

// A message to a recipient that no header names: the envelope's address
// is sent by the sender itself.
func courier(ctx context.Context, s orymail.SendCloser, recipient string) error {
	m := orymail.NewMessage()
	m.SetBody("text/plain", "Your code is 123456")
	return s.Send(ctx, "noreply@example.jp", []string{recipient}, m) // want `^mail.Sender.Send: cannot decide where it sends personal data`
}

func courierAll(ctx context.Context) error { return courier(ctx, nil, "") }
