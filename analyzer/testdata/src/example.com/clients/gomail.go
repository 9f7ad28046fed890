package clients

import (
	"io"
	"os"
	"strings"

	"github.com/emersion/go-smtp"
	gomail "github.com/go-gomail/gomail"
	mail "github.com/wneessen/go-mail"
	gomailv2 "gopkg.in/gomail.v2"
)

// gomail: the Dialer's host is the mail server; the message names its
// recipients.
func welcome(u User) error {
	m := gomailv2.NewMessage()
	m.SetHeader("From", "noreply@example.jp")
	m.SetHeader("To", u.Email)
	m.SetBody("text/plain", "Hello "+u.Name)
	d := gomailv2.NewDialer("smtp.example.kr", 587, "user", "pass")
	return d.DialAndSend(m) // want `^gomail.Dialer.DialAndSend to smtp.example.kr sends personal data to South Korea`
}

// A Dialer written as a literal names its host in the field Host.
func notify(to string) error {
	m := gomail.NewMessage()
	m.SetHeader("To", to)
	d := &gomail.Dialer{Host: "mail.example.cn", Port: 25}
	return d.DialAndSend(m) // want `^gomail.Dialer.DialAndSend to mail.example.cn sends personal data to China`
}

// One whose host is not known statically is a note naming where it
// comes from, in a mail server's words.
func remind(u User) error {
	m := gomailv2.NewMessage()
	m.SetHeader("To", u.Email)
	return gomailv2.NewDialer(os.Getenv("SMTP_HOST"), 587, "", "").DialAndSend(m) // want `^gomail.Dialer.DialAndSend: cannot decide where it sends personal data: the mail server's address comes from os.Getenv\("SMTP_HOST"\)`
}

// wneessen/go-mail: the client's host is the mail server.
func confirm(u User) error {
	m := mail.NewMsg()
	m.To(u.Email)
	m.SetBodyString("text/plain", "Confirm your address")
	c, err := mail.NewClient("smtp.example.sg", mail.WithPort(587))
	if err != nil {
		return err
	}
	return c.DialAndSend(m) // want `^mail.Client.DialAndSend to smtp.example.sg sends personal data to Singapore`
}

// Look-alikes: a message built and never sent, and a mail server on this
// machine.
func drafts(u User) error {
	m := gomailv2.NewMessage()
	m.SetHeader("To", u.Email)
	m.SetBody("text/plain", "draft")
	local := gomailv2.NewDialer("localhost", 1025, "", "")
	return local.DialAndSend(m)
}

// emersion/go-smtp: Dial's address is the mail server; RCPT TO names the
// recipient and the message is written to DATA. MAIL FROM names the
// service's own sender: no site.
func digest(u User) error {
	c, err := smtp.Dial("smtp.example.kr:587")
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Mail(u.Email, nil); err != nil {
		return err
	}
	if err := c.Rcpt(u.Email, nil); err != nil { // want `^smtp.Client.Rcpt to smtp.example.kr sends personal data to South Korea`
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, strings.NewReader("Hello "+u.Name)) // want `^io.Copy to smtp.example.kr sends personal data to South Korea`
	return err
}
