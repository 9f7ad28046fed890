// Package mail is a stub of github.com/sendgrid/sendgrid-go/helpers/mail.
package mail

type Email struct {
	Name    string
	Address string
}

type SGMailV3 struct {
	From             *Email
	Subject          string
	To               *Email
	PlainTextContent string
}

func NewEmail(name string, address string) *Email { return &Email{Name: name, Address: address} }

func NewSingleEmail(from *Email, subject string, to *Email, plainTextContent string, htmlContent string) *SGMailV3 {
	return &SGMailV3{From: from, Subject: subject, To: to, PlainTextContent: plainTextContent}
}

func GetRequestBody(m *SGMailV3) []byte { return nil }
