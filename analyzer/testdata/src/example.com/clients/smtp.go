package clients

import (
	"crypto/tls"
	"net/smtp"
	"os"
)

type MailConfig struct {
	FromEmail string
	Username  string
}

// net/smtp: the recipient's address is the personal data a mail carries,
// wherever it comes from; the sender's own address (a mailbox the service
// is configured with) is not.
func deliver(cfg MailConfig, recipients []string, body string) error {
	c, err := smtp.Dial("mx.example.cn:25")
	if err != nil {
		return err
	}
	if err := c.Mail(cfg.FromEmail); err != nil {
		return err
	}
	for _, r := range recipients {
		if err := c.Rcpt(r); err != nil { // want `^smtp.Client.Rcpt to mx.example.cn sends personal data to China`
			return err
		}
	}
	return nil
}

// Look-alikes: a mailbox of the operator written in the code.
func alertOps(cfg MailConfig) error {
	c, err := smtp.Dial("mx.example.cn:25")
	if err != nil {
		return err
	}
	if err := c.Mail(cfg.FromEmail); err != nil {
		return err
	}
	if err := c.Rcpt("ops@example.jp"); err != nil {
		return err
	}
	return smtp.SendMail("mx.example.cn:25", nil, cfg.FromEmail, []string{"ops@example.jp"}, []byte("disk full"))
}

// A client on a TLS connection dialled first is a client of the mail
// server that connection reaches.
func deliverTLS(cfg MailConfig, host string, recipients []string) error {
	conn, err := tls.Dial("tcp", host+":465", nil)
	if err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	// The service's own credentials and name are no personal data.
	if err := c.Hello("mailer.example.jp"); err != nil {
		return err
	}
	if err := c.Auth(smtp.PlainAuth("", cfg.Username, os.Getenv("SMTP_PASSWORD"), host)); err != nil {
		return err
	}
	return c.Rcpt(recipients[0]) // want `^smtp.Client.Rcpt: cannot decide where it sends personal data: the mail server.s address comes from`
}
